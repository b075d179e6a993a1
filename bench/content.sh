# Section: content checks. The photo face check of a 12-megapixel JPEG (decoding, faces, landmarks)
# against dlib used the way face_recognition uses it; the video content pass (frame sample,
# background, faces) on a 30 s and a 10-minute 1080p take against ffmpeg's signalstats over the
# border band. Sourced by bench/run.sh (lib.sh loaded, working directory = repository root).
need ffmpeg convert g++

CONTENT=$WORK/content
mkdir -p "$CONTENT"
FACE=Fixtures/faces/hopper.jpg
[ -f "$FACE" ] || die "no $FACE: run bash Fixtures/make-face-fixtures.sh"

# A 12 MP photo (4000x3000, 4:3): the portrait, 1500 px, on a grainy scene, as a camera JPEG.
gen_photo_12mp() {
  ff -f lavfi -i "testsrc2=s=4000x3000,noise=alls=10:allf=t" -i "$FACE" -frames:v 1 \
     -filter_complex "[1:v]scale=1500:1500[f];[0:v][f]overlay=1250:600" -q:v 3 "$1"
}
# take OUTPUT SECONDS: 1080p25, the portrait drifting on a green screen, with a quiet AAC track.
gen_take() {
  ff -f lavfi -i "color=c=0x00b140:s=1920x1080:r=25" -loop 1 -i "$FACE" -f lavfi -i "sine=frequency=220:sample_rate=22050" \
     -filter_complex "[1:v]scale=800:800[f];[0:v][f]overlay=x='560+20*sin(2*PI*t/5)':y=200,format=yuv420p" \
     -t "$2" -c:v libx264 -preset ultrafast -crf 30 -g 50 -c:a aac -b:a 32k -ac 1 -movflags +faststart "$1"
}
gen_take_30s() { gen_take "$1" 30; }
gen_take_10min() { gen_take "$1" 600; }
gen_dlib_faces() { g++ -O2 -o "$1" "$BENCH_DIR/dlib_faces.cpp" -ldlib -llapack -lblas 2>/dev/null || g++ -O2 -o "$1" "$BENCH_DIR/dlib_faces.cpp" -ldlib /usr/lib/x86_64-linux-gnu/liblapack.so.3 /usr/lib/x86_64-linux-gnu/libblas.so.3; }

PHOTO12=$CONTENT/photo-12mp.jpg
TAKE30=$CONTENT/take-30s.mp4
TAKE600=$CONTENT/take-10min.mp4
DLIB_FACES=$CONTENT/dlib_faces
make_once "$PHOTO12" gen_photo_12mp
make_once "$TAKE30" gen_take_30s
make_once "$TAKE600" gen_take_10min
make_once "$DLIB_FACES" gen_dlib_faces

printf '\n## Content checks\n\n'
echo "Files: \`$PHOTO12\` (4000x3000 JPEG, the Grace Hopper portrait of Fixtures/faces on ffmpeg's"
echo "testsrc2 with grain); \`$TAKE30\` and \`$TAKE600\` (1080p25 H.264, the portrait drifting on a green"
echo "screen, keyframe every 2 s). preflight without the landmark model is run with PREFLIGHT_LANDMARK_MODEL= ."

begin_table "Photo face check, 12 MP JPEG: preflight check (decode + faces) vs dlib as face_recognition uses it"
OK_CODES="0 1" compare content-photo-12mp "$PHOTO12" \
  "preflight check" "env PREFLIGHT_LANDMARK_MODEL= $(q "$PREFLIGHT") check --type IMAGE_PHOTO --material $(q "$PHOTO12") --format json" \
  "preflight check, landmarks" "$(q "$PREFLIGHT") check --type IMAGE_PHOTO --material $(q "$PHOTO12") --format json" \
  "preflight check --no-content" "$(q "$PREFLIGHT") check --type IMAGE_PHOTO --material $(q "$PHOTO12") --format json --no-content" \
  "dlib, 1 upsampling (face_recognition)" "$(q "$DLIB_FACES") $(q "$PHOTO12")"
end_table

begin_table "Video content pass, 1080p take: preflight check vs the bare probe, and ffmpeg signalstats on the top 12 % band"
for f in "$TAKE30" "$TAKE600"; do
  OK_CODES="0 1" compare "content-$(basename "${f%.*}")" "$f" \
    "preflight check" "env PREFLIGHT_LANDMARK_MODEL= $(q "$PREFLIGHT") check --type IMAGE_GENERAL --material $(q "$f") --format json" \
    "preflight check --no-content" "$(q "$PREFLIGHT") check --type IMAGE_GENERAL --material $(q "$f") --format json --no-content" \
    "preflight probe" "$(q "$PREFLIGHT") probe $(q "$f") --format json" \
    "ffmpeg signalstats, fps=1" "ffmpeg -nostdin -v error -i $(q "$f") -vf fps=1,crop=iw:ih*0.12:0:0,signalstats,metadata=print:file=- -an -f null -" \
    "ffmpeg signalstats, every frame" "ffmpeg -nostdin -v error -i $(q "$f") -vf crop=iw:ih*0.12:0:0,signalstats,metadata=print:file=- -an -f null -"
done
end_table

begin_table "Landmark model (100 MB): read once, only when a face is found; a photo without a face never reads it"
for f in Fixtures/faces/hopper.jpg Fixtures/faces/no_face.jpg; do
  OK_CODES="0 1" compare "landmarks-$(basename "${f%.*}")" "$f" \
    "preflight check, no model" "env PREFLIGHT_LANDMARK_MODEL= $(q "$PREFLIGHT") check --type IMAGE_PHOTO --material $(q "$f") --format json" \
    "preflight check, model" "$(q "$PREFLIGHT") check --type IMAGE_PHOTO --material $(q "$f") --format json"
done
end_table
