# Section: photos. `preflight probe --kind photo` against ImageMagick identify and exiftool reading the
# same facts (width, height, EXIF orientation, colour space, depth), per file and over 200 photos.
# Sourced by bench/run.sh (lib.sh loaded, working directory = repository root).
need ffmpeg identify exiftool

PHOTOS=$WORK/photos
PHOTO_GATE=$WORK/photo-gate
PHOTO_MANIFEST=$WORK/photo-manifest.yaml
# 12 sizes of 1 to 12 megapixels, landscape, portrait and square.
PHOTO_SIZES="1152x864 1024x1024 1920x1080 1080x1920 2048x1536 2592x1944 2240x2240 3264x2448 3840x2160 2448x3264 4000x3000 4032x3024"
IDENTIFY_FORMAT='%w %h %[orientation] %[colorspace] %z\n'

# gen_photos DIR: 200 photos, 100 jpeg, 50 png, 50 webp, every size of PHOTO_SIZES in each format. A
# camera-like picture: ffmpeg's testsrc2 (it moves, so every frame differs) with grain, so that the
# files have photo sizes (a 12 MP png is 21 MB). One ffmpeg per format and size: about 30 s.
# Orientation in EXIF (exiftool): every 4th jpeg (6, 8, 3 in turn), every 5th png and webp (6), the
# png's in an eXIf chunk, the webp's in an EXIF chunk with a VP8X header.
gen_photos() {
  local dir=$1 fmt size n k i=0 total f
  mkdir -p "$dir"
  for fmt in jpg png webp; do
    k=0
    for size in $PHOTO_SIZES; do
      case $fmt in jpg) n=8; [ $k -lt 4 ] && n=9 ;; *) n=4; [ $k -lt 2 ] && n=5 ;; esac
      k=$((k + 1))
      local enc=(-q:v 3)
      case $fmt in png) enc=(-compression_level 3) ;; webp) enc=(-c:v libwebp -compression_level 1 -quality 80) ;; esac
      ff -f lavfi -i "testsrc2=s=$size:r=1,noise=alls=8:allf=t" -frames:v "$n" "${enc[@]}" \
         "$dir/tmp-$fmt-$size-%02d.$fmt"
    done
  done
  # Names in a mixed (fixed) order of formats and sizes: p001-2592x1944.png …
  while read -r f; do
    i=$((i + 1))
    local base=${f##*/tmp-} ext=${f##*.}
    size=${base#*-}; size=${size%-*}
    mv "$f" "$dir/$(printf 'p%03d' "$i")-$size.$ext"
  done < <(printf '%s\n' "$dir"/tmp-* | python3 -c 'import random, sys; l = sys.stdin.read().split(); random.Random(7).shuffle(l); print("\n".join(l))')
  total=$i
  [ "$total" -eq 200 ] || die "gen_photos: made $total photos, not 200"
  local o6=() o8=() o3=() j=0 p=0
  for f in "$dir"/*.jpg; do
    j=$((j + 1))
    case $((j % 12)) in 0) o6+=("$f") ;; 4) o8+=("$f") ;; 8) o3+=("$f") ;; esac
  done
  for f in "$dir"/*.png "$dir"/*.webp; do p=$((p + 1)); [ $((p % 5)) -eq 0 ] && o6+=("$f"); done
  exiftool -q -overwrite_original -n -Orientation=6 "${o6[@]}"
  exiftool -q -overwrite_original -n -Orientation=8 "${o8[@]}"
  exiftool -q -overwrite_original -n -Orientation=3 "${o3[@]}"
}

# gen_photo_gate DIR: the 200 photos as 200 IMAGE_PHOTO submissions of a delivery folder (hard links:
# no second copy), for `preflight gate`.
gen_photo_gate() {
  local dir=$1 f name
  for f in "$PHOTOS"/*; do
    name=$(basename "$f"); name=${name%%-*}
    mkdir -p "$dir/$name/photo"
    ln "$f" "$dir/$name/photo/" 2>/dev/null || cp "$f" "$dir/$name/photo/"
    echo "MakeType: IMAGE_PHOTO" >"$dir/$name/submission.yaml"
  done
}

# gen_photo_manifest FILE: the same 200 submissions as one manifest (paths relative to it).
gen_photo_manifest() {
  local f
  {
    echo "submissions:"
    for f in "$PHOTOS"/*; do
      echo "  - {MakeType: IMAGE_PHOTO, files: {material: photos/$(basename "$f")}}"
    done
  } >"$1"
}

make_once "$PHOTOS" gen_photos
make_once "$PHOTO_GATE" gen_photo_gate
make_once "$PHOTO_MANIFEST" gen_photo_manifest

mapfile -t PHOTO_FILES < <(find "$PHOTOS" -maxdepth 1 -type f | sort)
photo_files_q=$(for f in "${PHOTO_FILES[@]}"; do printf '%q ' "$f"; done)

printf '\n## Photos\n\n'
python3 - "$PHOTOS" <<'PY'
import collections, os, sys
d = sys.argv[1]
files = sorted(os.listdir(d))
by = collections.Counter(f.rsplit(".", 1)[1] for f in files)
size = sum(os.path.getsize(os.path.join(d, f)) for f in files)
mp = sorted({round(int(w) * int(h) / 1e6, 1) for w, h in (f.split("-")[1].split(".")[0].split("x") for f in files)})
print(f"Files: {len(files)} photos in `{d}` ({size / 2**20:.0f} MiB): {by['jpg']} jpeg (ffmpeg's libjpeg encoder), "
      f"{by['png']} png, {by['webp']} webp (lossy), 12 sizes of {mp[0]}–{mp[-1]} MP (landscape, portrait, square), "
      "ffmpeg's testsrc2 with grain; EXIF orientation (exiftool) on every 4th jpeg (6, 8 or 3) and every 5th png "
      "(eXIf chunk) and webp (EXIF chunk). The same files, hard-linked, make a delivery folder of 200 IMAGE_PHOTO "
      "submissions for `preflight gate`, and a manifest of 200 submissions for `preflight check`.")
PY

# Per file: four photos that span the set. identify -ping reads the header only; plain identify decodes
# the pixels (shown once per file, to say what -ping saves).
pick() { printf '%s\n' "${PHOTO_FILES[@]}" | { grep -E -- "$1" || true; } | sort | sed -n 1p; }
P_SMALL=$(pick '-1152x864\.jpg$')
# The 12 MP jpeg with orientation 6 (a phone portrait).
P_JO=$(exiftool -q -if '$Orientation# == 6' -p '$Directory/$FileName' -ext jpg "$PHOTOS" 2>/dev/null |
       { grep -E -- '-(4032x3024|4000x3000)\.jpg$' || true; } | sort | sed -n 1p)
[ -n "$P_JO" ] || P_JO=$(pick '-4032x3024\.jpg$')
P_PNG=$(pick '-4000x3000\.png$')
P_WEBP=$(pick '-4032x3024\.webp$')

begin_table "Photos, process start: --version, -version, -ver (the floor under each per-file row)"
compare photo-start "-" \
  preflight "$(q "$PREFLIGHT") --version" \
  identify "identify -version" \
  exiftool "exiftool -ver"
end_table

# preflight's headers-only read (--no-content) against identify -ping; its full read (every pixel
# decoded, faces searched, without the landmark model) against identify's decoding.
begin_table "Photos, per file: preflight probe --kind photo (--no-content, and decoding) vs identify -ping, identify (decoding), exiftool -fast"
for f in "$P_SMALL" "$P_JO" "$P_PNG" "$P_WEBP"; do
  compare "photo-$(basename "${f%.*}")-${f##*.}" "$f" \
    preflight "$(q "$PREFLIGHT") probe --kind photo $(q "$f") --format json --no-content" \
    "preflight, decode + faces" "env PREFLIGHT_LANDMARK_MODEL= $(q "$PREFLIGHT") probe --kind photo $(q "$f") --format json" \
    "identify -ping" "identify -ping -format $(q "$IDENTIFY_FORMAT") $(q "$f")" \
    "identify" "identify -format $(q "$IDENTIFY_FORMAT") $(q "$f")" \
    exiftool "exiftool -fast -ImageWidth -ImageHeight -Orientation -ColorSpaceData $(q "$f")"
done
end_table

begin_table "Photos, in total: one process over the 200 files (preflight gate and check of a manifest, --jobs 1, --no-content)"
# Exit 1: some photos have a refused shape (3:4 and the like); that is a verdict, not an error.
OK_CODES="0 1" compare photo-all-200 "$PHOTOS" \
  "preflight gate" "$(q "$PREFLIGHT") gate $(q "$PHOTO_GATE") --jobs 1 --format json --no-content" \
  "preflight check manifest" "$(q "$PREFLIGHT") check $(q "$PHOTO_MANIFEST") --jobs 1 --format json --no-content" \
  "identify -ping" "identify -ping -format $(q "$IDENTIFY_FORMAT") $photo_files_q" \
  exiftool "exiftool -fast -ImageWidth -ImageHeight -Orientation -ColorSpaceData $photo_files_q"
end_table

# What each tool read, against what was written: width, height and orientation of all 200 files, and
# whether -ping changes anything of what identify prints.
identify -format "$IDENTIFY_FORMAT" "${PHOTO_FILES[@]}" >"$RESULTS/photo-identify-decode.txt" 2>/dev/null || true
exiftool -fast -j -n -ImageWidth -ImageHeight -Orientation "${PHOTO_FILES[@]}" >"$RESULTS/photo-exiftool.json" 2>/dev/null || true
echo
python3 - "$RESULTS" "$PHOTOS" "${PHOTO_FILES[@]}" <<'PY'
import json, os, sys
results, photos, files = sys.argv[1], sys.argv[2], sys.argv[3:]
NAMES = {"TopLeft": 1, "TopRight": 2, "BottomRight": 3, "BottomLeft": 4, "LeftTop": 5, "RightTop": 6,
         "RightBottom": 7, "LeftBottom": 8, "Undefined": 1}
def lines(p):
    with open(p) as f:
        return [l.split() for l in f.read().splitlines() if l.strip()]
ping = lines(os.path.join(results, "photo-all-200.identify -ping.out"))
decode = lines(os.path.join(results, "photo-identify-decode.txt"))
with open(os.path.join(results, "photo-exiftool.json")) as f:
    exif = {os.path.realpath(e["SourceFile"]): e for e in json.load(f)}
with open(os.path.join(results, "photo-all-200.preflight gate.out")) as f:
    gate = json.load(f)
pf = {os.path.basename(i["path"]): i["facts"] for s in gate["submissions"] for i in s["inputs"]}
# The truth: the size is in the name, the orientation was written by exiftool (read back with -n).
agree = {"preflight": 0, "identify -ping": 0, "exiftool": 0}
missed = {"preflight": [], "identify -ping": [], "exiftool": []}
oriented = 0
for k, path in enumerate(files):
    name = os.path.basename(path)
    w, h = map(int, name.split("-")[1].split(".")[0].split("x"))
    e = exif.get(os.path.realpath(path), {})
    o = int(e.get("Orientation", 1) or 1)
    oriented += o != 1
    p = pf.get(name, {})
    seen = {"preflight": (p.get("photo.width"), p.get("photo.height"), p.get("photo.orientation", 1)),
            "identify -ping": (int(ping[k][0]), int(ping[k][1]), NAMES.get(ping[k][2], 0)) if k < len(ping) else None,
            "exiftool": (e.get("ImageWidth"), e.get("ImageHeight"), o)}
    for tool, v in seen.items():
        if v == (w, h, o):
            agree[tool] += 1
        else:
            missed[tool].append(name.rsplit(".", 1)[1])
same = sum(1 for a, b in zip(ping, decode) if a == b)
print(f"What was read: of the 200 photos, {oriented} carry an EXIF orientation other than 1 (exiftool -n reads back what it wrote).")
print()
for tool in agree:
    extra = ""
    if missed[tool]:
        kinds = {x: missed[tool].count(x) for x in sorted(set(missed[tool]))}
        extra = " (missed: " + ", ".join(f"{n} {x}" for x, n in kinds.items()) + ")"
    print(f"- width, height and orientation right: {tool} {agree[tool]}/200{extra}")
print()
print(f"`identify -ping` prints the same line as `identify` (which decodes) for {same}/{len(files)} files, so the "
      "table uses -ping for the 200; ImageMagick 6.9 reads the orientation of jpeg only (a png's eXIf and a webp's "
      "EXIF give Undefined, with or without -ping).")
PY

# The conclusion against the goal: faster than both, per file and in total.
# ratios NAME BASE OTHER: OTHER's mean ÷ BASE's mean in the comparison NAME.
ratios() { ratio "$(mean "$1" "$3")" "$(mean "$1" "$2")"; }
per_id=() per_ex=()
for f in "$P_SMALL" "$P_JO" "$P_PNG" "$P_WEBP"; do
  n="photo-$(basename "${f%.*}")-${f##*.}"
  per_id+=("×$(ratios "$n" preflight "identify -ping")") per_ex+=("×$(ratios "$n" preflight exiftool)")
done
beats() { # RATIO...: "met" when every ratio is above 1
  python3 -c "import sys; print('met' if all(float(a.lstrip('×')) > 1 for a in sys.argv[1:]) else 'not met')" "$@"
}
echo
echo "The same 200 submissions, \`gate\` ÷ \`check\` of a manifest: ×$(ratio "$(mean photo-all-200 "preflight gate")" "$(mean photo-all-200 "preflight check manifest")")."
echo
g_id=×$(ratios photo-all-200 "preflight gate" "identify -ping") g_ex=×$(ratios photo-all-200 "preflight gate" exiftool)
m_id=×$(ratios photo-all-200 "preflight check manifest" "identify -ping") m_ex=×$(ratios photo-all-200 "preflight check manifest" exiftool)
echo "**Goal (faster than identify and exiftool, per file and in total; the other tool's time ÷ preflight's).**"
echo "**Per file (the four files above): against exiftool $(beats "${per_ex[@]}") ($(IFS=/; echo "${per_ex[*]}")),"
echo "against identify -ping $(beats "${per_id[@]}") ($(IFS=/; echo "${per_id[*]}")). In total (200 files, one process):"
echo "\`gate --jobs 1\` $(beats "$g_id" "$g_ex") ($g_id identify -ping, $g_ex exiftool), \`check\` of a manifest"
echo "$(beats "$m_id" "$m_ex") ($m_id identify -ping, $m_ex exiftool).**"
echo
echo "identify decodes a webp even with -ping (ImageMagick's webp coder has no ping path); on jpeg and png"
echo "-ping reads the header only. A single probe costs preflight about its process start."
