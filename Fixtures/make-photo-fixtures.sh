#!/usr/bin/env bash
# Regenerates the photo fixtures in Fixtures/photo/ (IMAGE_PHOTO material) from real encoders.
# Flat colours keep them small; the dimensions are the real ones the tests name. Run from anywhere:
#   bash Fixtures/make-photo-fixtures.sh
# Requires (Debian packages): ffmpeg, imagemagick (convert), webp (cwebp, img2webp),
# libimage-exiftool-perl (exiftool), python3. Safe to run again: every file is rewritten.
# The 17 MB PNG of the size test is not committed: the test writes it into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")"
out=photo
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ff() { ffmpeg -nostdin -v error -y "$@"; }
# png OUTPUT SIZE PIX_FMT [COLOUR]: one flat-colour frame written by ffmpeg's PNG encoder.
png() { ff -f lavfi -i "color=c=${4:-0x335577}:s=$2" -frames:v 1 -pix_fmt "$3" -fflags +bitexact "$1"; }
# jpg OUTPUT SIZE [convert options...]: a flat-colour JPEG written by ImageMagick (libjpeg).
jpg() { local o=$1 s=$2; shift 2; convert -size "$s" xc:'#8a6d5b' -quality 60 "$@" "$o"; }
# orient FILE N ORDER: sets EXIF Orientation N in byte order II (little-endian) or MM (big-endian).
orient() { exiftool -q -overwrite_original -n -Orientation="$2" -ExifByteOrder="$3" "$1"; }

# Accepted shapes (docs/service-limits.md §3.4: 1:1, 9:16, 16:9, 4:3).
jpg "$out/张三_正面.jpg"          1024x1024                     # the issue's example name, 1:1 baseline
png "$out/portrait_1080x1920.png" 1080x1920 rgb24              # 9:16
convert -size 1600x900 xc:'#8a6d5b' "$tmp/landscape.png"
cwebp -quiet -q 60 "$tmp/landscape.png" -o "$out/landscape_1600x900.webp"   # 16:9, lossy VP8
jpg "$out/photo_1600x1200.jpg"    1600x1200                     # 4:3
# Refused shape: 3:4. The fix crops to 9:16 (900x1600+150+0).
jpg "$out/portrait_1200x1600.jpg" 1200x1600
# A phone photo stored 4032x3024 (4:3) with EXIF orientation 6 (little-endian EXIF): shown 3024x4032, 3:4.
jpg "$out/stored43_o6.jpg" 4032x3024
orient "$out/stored43_o6.jpg" 6 II
# Stored 768x1024 (3:4) with orientation 8 (big-endian EXIF): shown 1024x768, 4:3, accepted.
jpg "$out/stored34_o8.jpg" 768x1024
orient "$out/stored34_o8.jpg" 8 MM
# WebP stored 1600x900 with orientation 6 in its EXIF chunk (exiftool adds a VP8X header): shown 900x1600.
cp "$out/landscape_1600x900.webp" "$out/rotated_o6.webp"
orient "$out/rotated_o6.webp" 6 II
# PNG stored 640x480 with orientation 6 in an eXIf chunk: shown 480x640.
png "$out/rotated_o6.png" 640x480 rgb24
orient "$out/rotated_o6.png" 6 MM

# Names and extensions.
png "$tmp/content.png" 1024x1024 rgb24
mv "$tmp/content.png" "$out/png_content.jpg"                    # PNG content under a .jpg name
png "$out/a.png" 1024x1024 rgb24                              # stem of one character

# Damaged or empty files.
convert -size 256x256 xc:gray -seed 7 +noise Random -quality 80 "$tmp/noise.jpg"
head -c $(( $(stat -c %s "$tmp/noise.jpg") / 2 )) "$tmp/noise.jpg" > "$out/truncated.jpg"   # cut in the scan data
head -c 150 "$tmp/noise.jpg" > "$out/truncated_header.jpg"     # cut inside the Huffman tables, before the scan
png "$out/bad_crc.png" 1024x1024 rgb24
# Flip the last byte of the IHDR CRC (bytes 29-32: signature 8 + length 4 + type 4 + data 13).
python3 - "$out/bad_crc.png" <<'EOF'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[32] ^= 0xFF
open(path, "wb").write(bytes(data))
EOF
: > "$out/empty.jpg"

# Other formats: named and refused.
ff -f lavfi -i "color=c=0x335577:s=64x48:r=2" -t 1 -fflags +bitexact "$out/animated.gif"
ff -f lavfi -i "color=c=0x335577:s=64x48" -frames:v 1 -fflags +bitexact "$out/sample.bmp"
ff -f lavfi -i "color=c=0x335577:s=64x48" -frames:v 1 -fflags +bitexact "$out/sample.tiff"
convert -size 640x480 xc:'#335577' "$out/sample.heic"          # ImageMagick through libheif (x265)
convert -size 640x480 xc:'#335577' "$out/sample.avif"          # ImageMagick through libheif (AV1)
convert -size 16x12 xc:'#335577' -compress none "TIFF64:$out/bigtiff.tif"   # BigTIFF (version 43)
ff -f lavfi -i "color=c=0x335577:s=64x48" -frames:v 1 -c:v libjxl -f image2 -fflags +bitexact "$out/sample.jxl"

# Encodings that must be read correctly.
jpg "$out/progressive.jpg" 1024x768 -interlace JPEG           # progressive (SOF2)
jpg "$out/ycck.jpg" 1024x1024 -colorspace CMYK                  # 4 components; libjpeg stores CMYK as YCCK (Adobe transform 2)
# Plain CMYK (Adobe transform 0, as Photoshop writes it): ImageMagick's libjpeg only writes YCCK, so
# the same encode gets its Adobe APP14 transform byte set to 0 (the data stays a valid 4-component scan).
cp "$out/ycck.jpg" "$out/cmyk.jpg"
python3 - "$out/cmyk.jpg" <<'EOF2'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
at = data.find(b"\xff\xee\x00\x0eAdobe")   # APP14 marker, length 14, "Adobe"
assert at > 0, "no Adobe APP14 segment"
assert data[at + 4 + 11] == 2, "expected the YCCK transform"
data[at + 4 + 11] = 0
open(path, "wb").write(bytes(data))
EOF2
jpg "$out/gray.jpg" 1024x1024 -colorspace Gray                  # 1 component
png "$out/rgb16.png" 1024x1024 rgb48be                         # 16 bits per sample
png "$out/palette.png" 1024x1024 pal8                          # colour type 3, bit depth 8, no tRNS
convert -size 256x256 xc:none -fill '#335577' -draw 'rectangle 16,16,239,239' \
  -define png:exclude-chunks=date,time "png8:$out/palette_trns.png"   # colour type 3 with tRNS
png "$out/alpha.png" 1024x1024 rgba 0x33557780                 # colour type 6
jpg "$out/small_320.jpg" 320x320
convert -size 1024x1024 xc:'#8a6d5b' "$tmp/f1.png"
convert -size 1024x1024 xc:'#5b6d8a' "$tmp/f2.png"
img2webp -loop 0 -lossy -q 50 -d 500 "$tmp/f1.png" "$tmp/f2.png" -o "$out/animated.webp" >/dev/null
ff -f lavfi -i "color=c=0x335577:s=64x48:r=2" -t 1 -plays 0 -f apng "$out/animated_apng.png"   # APNG: acTL before IDAT

# A 12-bit JPEG (SOF1, extended sequential, 1024x768, 3 components). libjpeg-turbo's 8-bit build,
# ImageMagick and ffmpeg's encoder cannot write 12-bit data, so it is written here field by field:
#   SOI; DQT with 16-bit precision (Pq=1), all ones; SOF1 with P=12 and three 1x1 components sharing
#   table 0; one DC and one AC Huffman table, each holding one code of length 1 ("0") for symbol 0
#   (DC difference category 0, AC end-of-block); SOS over all three components; then every 8x8
#   block coded as DC "0" + EOB "0" = 2 bits, i.e. 128*96 MCUs * 3 blocks * 2 bits = 9216 zero
#   bytes (no 0xFF, so no stuffing); EOI. It decodes (ffmpeg's MJPEG decoder) to flat mid-grey.
python3 - "$out/bit12.jpg" <<'EOF'
import struct, sys
def seg(marker, payload):
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload
width, height = 1024, 768
dqt = seg(0xDB, bytes([0x10]) + struct.pack(">64H", *([1] * 64)))
sof1 = seg(0xC1, struct.pack(">BHHB", 12, height, width, 3) + bytes([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]))
counts = bytes([1] + [0] * 15)
dht = seg(0xC4, bytes([0x00]) + counts + bytes([0x00]) + bytes([0x10]) + counts + bytes([0x00]))
sos = seg(0xDA, bytes([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]))
blocks = (width // 8) * (height // 8) * 3
scan = bytes(blocks * 2 // 8)
open(sys.argv[1], "wb").write(b"\xFF\xD8" + dqt + sof1 + dht + sos + scan + b"\xFF\xD9")
EOF
ff -i "$out/bit12.jpg" -f null -   # fails the script if a real decoder cannot read it

ls -l "$out"
du -sh "$out"
