#!/usr/bin/env bash
# Regenerates the header-fact fixtures in Fixtures/video/takes/ with ffmpeg (Debian's ffmpeg 5.1):
# half-second takes of a small flat frame, one per kind of footage a phone or broadcast camera
# makes. Run from anywhere:  bash Fixtures/make-take-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
out=video/takes
mkdir -p $out
ff() { ffmpeg -nostdin -v error -y "$@"; }
src() { echo "color=c=0x335577:s=$1:r=25,format=$2"; }
aac() { echo "-f lavfi -i sine=frequency=440:sample_rate=$1 -c:a aac -b:a 24k -ac $2"; }
common="-t 0.5 -fflags +bitexact -map_metadata -1"

# HLG: HEVC Main 10, yuv420p10le, bt2020 / arib-std-b67 (a recent phone's default HDR), stereo 48 kHz AAC.
ff -f lavfi -i "$(src 128x72 yuv420p10le)" $(aac 48000 2) -c:v libx265 -preset ultrafast -crf 40 \
   -x265-params log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc \
   -color_primaries bt2020 -color_trc arib-std-b67 -colorspace bt2020nc -tag:v hvc1 $common $out/hlg.mp4
# PQ (HDR10): HEVC Main 10, bt2020 / smpte2084, with mastering display metadata; mono 44.1 kHz AAC.
ff -f lavfi -i "$(src 128x72 yuv420p10le)" $(aac 44100 1) -c:v libx265 -preset ultrafast -crf 40 \
   -x265-params "log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:hdr10=1:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400" \
   -color_primaries bt2020 -color_trc smpte2084 -colorspace bt2020nc -tag:v hvc1 $common $out/pq.mp4
# Dolby Vision: FFmpeg 5.1's command line cannot attach a Dolby Vision configuration, so the PQ take
# gets a dvcC box (profile 8.1, BL signal compatibility 1 = HDR10, level 1) written into its sample
# entry by dovi-tag.py; the demuxer reads it as the stream's DOVI configuration side data.
python3 dovi-tag.py $out/pq.mp4 $out/dolby-vision.mp4
# 1080i: H.264 interlaced (MBAFF), top field first, as a broadcast camera records it; no audio.
ff -f lavfi -i "$(src 1920x1080 yuv420p),setfield=tff" -c:v libx264 -preset ultrafast -crf 45 \
   -flags +ildct+ilme -x264-params tff=1 -color_primaries bt709 -color_trc bt709 -colorspace bt709 $common $out/interlaced-1080i.mp4
# 10-bit 4:2:2: H.264 High 4:2:2 in QuickTime, as a studio camera or an intermediate export.
ff -f lavfi -i "$(src 128x72 yuv422p10le)" $(aac 48000 2) -c:v libx264 -preset ultrafast -crf 40 \
   -color_primaries bt709 -color_trc bt709 -colorspace bt709 -f mov $common $out/h264-422-10bit.mov
# Plain SDR: H.264 High, 8-bit 4:2:0, bt709, limited range, mono 16 kHz AAC.
ff -f lavfi -i "$(src 128x72 yuv420p)" $(aac 16000 1) -c:v libx264 -preset ultrafast -crf 40 \
   -color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv $common $out/sdr.mp4
ls -l $out
