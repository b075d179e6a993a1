# Section: photos, `preflight probe --kind photo` against ImageMagick identify and exiftool.
# Not measured until preflight reads photos; this checks at every run whether it does now.
gen_photo_sample() { ff -f lavfi -i "testsrc2=s=1920x1080" -frames:v 1 "$1"; }
make_once "$WORK/photo-sample.jpg" gen_photo_sample
if probe_reads photo "$WORK/photo-sample.jpg"; then
  not_measured "Photos (vs identify, exiftool)" \
    "preflight reads photos now; add the comparisons to bench/photo.sh (see bench/video.sh)."
else
  not_measured "Photos (vs identify, exiftool)" \
    "this preflight has no photo probe yet (\`preflight probe --kind photo\` answers \"$(probe_error photo "$WORK/photo-sample.jpg")\")."
fi
