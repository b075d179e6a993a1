# Section: audio analysis (levels over the whole file), preflight against `sox FILE -n stats` and
# `ffmpeg -af astats`. Not measured until preflight reads audio files; checked at every run.
gen_audio_sample() { ff -f lavfi -i "sine=frequency=440:sample_rate=48000:d=5" -ac 1 "$1"; }
make_once "$WORK/audio-sample.wav" gen_audio_sample
if probe_reads audio "$WORK/audio-sample.wav"; then
  not_measured "Audio analysis (vs sox stats, ffmpeg astats)" \
    "preflight reads audio now; add the comparisons to bench/audio.sh (see bench/video.sh)."
else
  not_measured "Audio analysis (vs sox stats, ffmpeg astats)" \
    "this preflight has no audio probe yet (\`preflight probe --kind audio\` answers \"$(probe_error audio "$WORK/audio-sample.wav")\")."
fi
