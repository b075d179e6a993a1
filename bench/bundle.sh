# Section: a zip bundle of voice recordings, preflight against `unzip -p BUNDLE | sox -t wav - -n stats`.
# Not measured until preflight reads voice bundles; checked at every run.
gen_bundle_sample() {
  local wav=${1%.zip}.wav
  ff -f lavfi -i "sine=frequency=440:sample_rate=48000:d=5" -ac 1 "$wav"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").write(sys.argv[2], "take-01.wav")' "$1" "$wav"
  rm -f "$wav"
}
make_once "$WORK/voice-bundle-sample.zip" gen_bundle_sample
if probe_reads voice "$WORK/voice-bundle-sample.zip"; then
  not_measured "Zip bundle (vs unzip -p | sox -n stats)" \
    "preflight reads voice bundles now; add the comparisons to bench/bundle.sh (see bench/video.sh)."
else
  not_measured "Zip bundle (vs unzip -p | sox -n stats)" \
    "this preflight has no voice-bundle probe yet (\`preflight probe --kind voice\` answers \"$(probe_error voice "$WORK/voice-bundle-sample.zip")\")."
fi
