#!/usr/bin/env bash
# Regenerates Fixtures/video-content/: short takes for the video content pass (background, faces),
# made with ffmpeg from the face pictures of Fixtures/faces/ (run make-face-fixtures.sh first):
# a face moving a little on a green screen, on a white wall, on a cluttered background, and a test
# pattern with no face (640x360), and two people side by side (1280x720); 25 fps, 4 s: the pass
# samples frames, so small takes suffice.
#   bash Fixtures/make-video-content-fixtures.sh
# Requires (Debian packages): ffmpeg (with libx264).
set -euo pipefail
cd "$(dirname "$0")"
out=video-content
rm -rf "$out"
mkdir -p "$out"
ff() { ffmpeg -nostdin -v error -y "$@"; }
enc=(-c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -r 25 -t 4 -an -movflags +faststart)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# take BACKGROUND_INPUT... FACE OUTPUT: the face picture, 320 px, drifting ±12 px across the middle, over the background.
take() {
  local face=${@: -2:1} o=${@: -1}
  ff "${@:1:$#-2}" -loop 1 -i "$face" -filter_complex \
    "[0:v]scale=640:360,setsar=1[b];[1:v]scale=320:320[f];[b][f]overlay=x='160+12*sin(2*PI*t/4)':y=40,format=yuv420p" "${enc[@]}" "$o"
}
take -f lavfi -i "color=c=0x00b140:s=640x360:r=25" faces/hopper.jpg "$out/face-green.mp4"
# The astronaut's face is small in her picture: crop around it first (mouth open, smiling).
ff -i faces/astronaut.jpg -vf crop=250:250:100:10 "$tmp/astronaut-face.png"
take -f lavfi -i "color=c=0xf2f2f0:s=640x360:r=25" "$tmp/astronaut-face.png" "$out/face-white.mp4"
# Cluttered: the iceberg scene behind the face.
take -loop 1 -i faces/no_face.jpg faces/hopper.jpg "$out/face-cluttered.mp4"
# Two people side by side on a white wall, 1280x720: the portrait at 400 px and, mirrored, at 240 px,
# each drifting; the smaller face's box (about 105 px) falls under the detector's 80 px once a frame
# is sampled at 640 px, so only the searches at twice the sampled size see it.
ff -f lavfi -i "color=c=0xf2f2f0:s=1280x720:r=25" -loop 1 -i faces/hopper.jpg -filter_complex \
  "[1:v]split[a][b];[a]scale=400:400[l];[b]hflip,scale=240:240[r];[0:v][l]overlay=x='160+12*sin(2*PI*t/4)':y=160[m];[m][r]overlay=x='760-10*sin(2*PI*t/4)':y=200,format=yuv420p" \
  "${enc[@]}" "$out/two-people.mp4"
ff -f lavfi -i "testsrc2=s=640x360:r=25" "${enc[@]}" -crf 42 "$out/pattern-no-face.mp4"
ls -l "$out"
