#!/usr/bin/env bash
# Regenerates the small video fixtures in Fixtures/video/ with ffmpeg (Debian's ffmpeg 5.1).
# Each file is a real encode; flat colour keeps them small. Run from anywhere:
#   bash Fixtures/make-video-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p video
out=video
ff() { ffmpeg -nostdin -v error -y "$@"; }
# enc OUTPUT SIZE RATE SECONDS [extra args...]: flat-colour H.264 video with a quiet AAC track.
enc() {
  local o=$1 s=$2 r=$3 t=$4; shift 4
  ff -f lavfi -i "color=c=0x335577:s=$s:r=$r" -f lavfi -i "sine=frequency=220:sample_rate=22050" -t "$t" \
     -c:v libx264 -preset ultrafast -crf 45 -g 250 -pix_fmt yuv420p \
     -c:a aac -b:a 16k -ac 1 -fflags +bitexact -map_metadata -1 "$@" "$o"
}
# vonly OUTPUT SIZE RATE SECONDS [extra args...]: the same without audio.
vonly() {
  local o=$1 s=$2 r=$3 t=$4; shift 4
  ff -f lavfi -i "color=c=0x335577:s=$s:r=$r" -t "$t" \
     -c:v libx264 -preset ultrafast -crf 45 -g 250 -pix_fmt yuv420p -fflags +bitexact -map_metadata -1 "$@" "$o"
}

enc   $out/take-1080p25-90s.mp4 1920x1080 25 90          # passes IMAGE_GENERAL, too short for IMAGE
vonly $out/fps24.mp4            1920x1080 24 70
vonly $out/fps61.mp4            1920x1080 61 70
vonly $out/res1440p.mp4         2560x1440 25 70
vonly $out/aspect4x3.mp4        1440x1080 25 70
vonly $out/dci4096.mp4          4096x2160 25 70
vonly $out/uhd-130s.mp4         3840x2160 25 130         # passes IMAGE_4K
vonly $out/long-11min.mp4       1920x1080 25 660
vonly $out/container.mkv        1920x1080 25 70
vonly $out/container.avi        1920x1080 25 70
enc   $out/take.mov             1920x1080 25 70 -f mov    # QuickTime brand "qt  "
cp $out/take-1080p25-90s.mp4 $out/mp4-named.mov            # mp4 content under a .mov name
# A phone clip: stored 1920x1080 with a display matrix that ffprobe reads as rotation=-90
# (an iPhone held upright). FFmpeg 5.1's CLI writes that matrix for rotate=-90.
vonly $out/phone-tmp.mp4 1920x1080 30 70
ff -i $out/phone-tmp.mp4 -c copy -metadata:s:v:0 rotate=-90 $out/phone-portrait.mp4
rm $out/phone-tmp.mp4
# Variable frame rate: 30 fps for 35 s, then every third frame only (10 fps), timestamps kept.
ff -f lavfi -i "color=c=0x335577:s=1920x1080:r=30" -t 70 -vf "select='lt(t,35)+not(mod(n,3))'" -fps_mode vfr \
   -c:v libx264 -preset ultrafast -crf 45 -pix_fmt yuv420p -fflags +bitexact $out/vfr.mp4
# Constant 25 fps with two cuts: frames 500-504 and 1000-1011 dropped, timestamps kept.
ff -f lavfi -i "color=c=0x335577:s=1920x1080:r=25" -t 70 -vf "select='not(between(n,500,504))*not(between(n,1000,1011))'" \
   -fps_mode vfr -c:v libx264 -preset ultrafast -crf 45 -pix_fmt yuv420p -fflags +bitexact $out/gaps.mp4
# Not a video: a PNG under an .mp4 name.
ff -f lavfi -i "color=c=0x335577:s=320x180" -frames:v 1 $out/picture-tmp.png
mv $out/picture-tmp.png $out/png-named.mp4
# An mp4 cut short before its moov box (moov is written last without +faststart).
head -c 60000 $out/take-1080p25-90s.mp4 > $out/truncated.mp4
: > $out/empty.mp4
# A spoken authorization: small, with audio.
ff -f lavfi -i "color=c=0x775533:s=640x360:r=25" -f lavfi -i "sine=frequency=330:sample_rate=22050" -t 10 \
   -c:v libx264 -preset ultrafast -crf 40 -pix_fmt yuv420p -c:a aac -b:a 16k -ac 1 -fflags +bitexact $out/authorization.mp4
ls -l $out
