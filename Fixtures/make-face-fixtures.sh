#!/usr/bin/env bash
# Regenerates the face and pixel-integrity fixtures in Fixtures/faces/ from pictures that packages ship:
#   astronaut.png from scikit-image's wheel (one face, smiling, mouth open; pip download, not installed),
#   grace_hopper_512x512.jpg and 640px-IceBlockNearJoekullsarlon.jpg from Debian's facedetect package
#   (one face with the mouth closed; a scene without a face; apt-get download, unpacked, not installed).
# The rest is composed from them with ImageMagick; the damaged files are written byte by byte.
#   bash Fixtures/make-face-fixtures.sh
# Requires (Debian packages): imagemagick, python3, python3-pip, apt (network for the two downloads).
set -euo pipefail
cd "$(dirname "$0")"
out=faces
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && apt-get download facedetect >/dev/null 2>&1 && dpkg -x facedetect_*.deb fd)
examples="$tmp/fd/usr/share/doc/facedetect/examples"
python3 -m pip download --no-deps --quiet scikit-image -d "$tmp/wheel"
python3 - "$tmp" <<'PY'
import sys, zipfile, glob
tmp = sys.argv[1]
wheel = glob.glob(tmp + "/wheel/scikit_image-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    open(tmp + "/astronaut.png", "wb").write(z.read("skimage/data/astronaut.png"))
PY
hopper="$examples/grace_hopper_512x512.jpg"
# q INPUT... OUTPUT: a JPEG at quality 72, metadata stripped.
q() { local o="${@: -1}"; convert "${@:1:$#-1}" -strip -quality 72 -sampling-factor 2x2 "$o"; }

# One face each (1:1, 512x512).
q "$tmp/astronaut.png" "$out/astronaut.jpg"                      # mouth open (smiling)
q "$hopper" "$out/hopper.jpg"                                    # mouth closed
q "$hopper" -resize 384x384 "$tmp/hopper_384.jpg"
q "$hopper" -background '#9a9a9a' -gravity center -extent 512x683 "$out/hopper_3x4.jpg"   # 3:4, refused shape
# The astronaut as PNG and WebP, reduced, for the other two decoders.
convert "$tmp/astronaut.png" -resize 256x256 -colors 96 -strip "$out/astronaut_256.png"
convert "$tmp/astronaut.png" -resize 256x256 -strip -quality 75 "$out/astronaut_256.webp"
# Two faces side by side on a 16:9 canvas.
convert -size 768x432 xc:'#9a9a9a' \( "$hopper" -resize 360x360 \) -geometry +18+36 -composite \
  \( "$tmp/astronaut.png" -resize 360x360 \) -geometry +390+36 -composite "$tmp/two.png"
q "$tmp/two.png" "$out/two_faces.jpg"
# A small face on a large 4:3 canvas (the face box is about 0.5 % of the picture).
convert -size 1600x1200 xc:'#9a9a9a' \( "$hopper" -resize 240x240 \) -geometry +680+480 -composite "$tmp/small.png"
q "$tmp/small.png" "$out/small_face.jpg"
# The face far to the left of a 16:9 canvas (off centre).
convert -size 1024x576 xc:'#9a9a9a' \( "$hopper" -resize 440x440 \) -geometry +0+68 -composite "$tmp/left.png"
q "$tmp/left.png" "$out/off_centre.jpg"
# Tilted 20° clockwise, cropped back to 512x512 around the centre.
convert "$hopper" -background '#9a9a9a' -rotate 20 -gravity center -crop 512x512+0+0 +repage "$tmp/tilt.png"
q "$tmp/tilt.png" "$out/tilted.jpg"
# A blurred copy and a dark copy.
q "$hopper" -blur 0x6 "$out/blurry.jpg"
q "$hopper" -evaluate multiply 0.22 "$out/dark.jpg"
# No face: a scene (icebergs), cropped to 4:3.
q "$examples/640px-IceBlockNearJoekullsarlon.jpg" -gravity center -crop 568x426+0+0 +repage -resize 480x360 "$out/no_face.jpg"

# Damaged pixel data after intact headers, as in libpng's crasher test files and a damaged JPEG scan.
convert "$tmp/astronaut.png" -resize 64x64 -strip "$tmp/small.png"
python3 - "$tmp/small.png" "$out" "$tmp/hopper_384.jpg" <<'PY'
import sys, struct, zlib
src, out, jpeg = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, "rb").read()
sig, pos, chunks = data[:8], 8, []
while pos < len(data):
    n, = struct.unpack(">I", data[pos:pos + 4])
    chunks.append((data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]))
    pos += 12 + n
def chunk(kind, body, crc=None):
    c = zlib.crc32(kind + body) if crc is None else crc
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", c & 0xFFFFFFFF)
def write(name, parts):
    open(out + "/" + name, "wb").write(sig + b"".join(parts))
idat = b"".join(b for k, b in chunks if k == b"IDAT")
ihdr = next(b for k, b in chunks if k == b"IHDR")
# A bad CRC on the image data chunk.
write("bad_idat_crc.png", [chunk(b"IHDR", ihdr), chunk(b"IDAT", idat, zlib.crc32(b"IDAT" + idat) ^ 0x1), chunk(b"IEND", b"")])
# A bad Adler-32 at the end of the zlib stream (the chunk's CRC is right).
bad = idat[:-4] + bytes(b ^ 0xFF for b in idat[-4:])
write("bad_adler.png", [chunk(b"IHDR", ihdr), chunk(b"IDAT", bad), chunk(b"IEND", b"")])
# Empty ancillary chunks before the image data, each with a right CRC.
empty = [chunk(k, b"") for k in (b"gAMA", b"cHRM", b"sRGB", b"pHYs", b"sBIT", b"tIME", b"bKGD")]
write("empty_ancillary_chunks.png", [chunk(b"IHDR", ihdr)] + empty + [chunk(b"IDAT", idat), chunk(b"IEND", b"")])
# A JPEG whose entropy-coded data is overwritten in the middle (headers and the end marker intact).
j = bytearray(open(jpeg, "rb").read())
sos = j.find(b"\xff\xda")
start = sos + 2 + struct.unpack(">H", bytes(j[sos + 2:sos + 4]))[0]
middle = start + (len(j) - start) // 2
j[middle:middle + 64] = b"\xff\xd3" + bytes(range(1, 63))
open(out + "/corrupt_scan.jpg", "wb").write(bytes(j))
PY
ls -l "$out"
