# Section: audio analysis. `preflight probe --kind audio` (the full analysis: levels, clipping, speech
# activity, SNR, C50) against `sox FILE -n stats` and `ffmpeg -af astats` on the same files: a 1- and
# a 10-minute 24 kHz recording, and the 500 MB bundle of bench/bundle.sh (entry by entry).
# Sourced by bench/run.sh (lib.sh loaded, working directory = repository root).
need ffmpeg
source "$BENCH_DIR/speech.sh"

SPEECH_10=$WORK/speech-24k-10min.wav
SPEECH_1=$WORK/speech-24k-1min.wav
SPEECH_STEREO=$WORK/speech-24k-10min-stereo.wav
BUNDLE_500=$WORK/takes-500MB.zip

# The first minute of the 10-minute recording (same voices, noise and room).
gen_first_minute() { sox "$SPEECH_10" "$1" trim 0 60; }
make_once "$SPEECH_10" gen_speech 24000 600 24
make_once "$SPEECH_1" gen_first_minute
# The 10-minute recording as a stereo pair (the right channel 2 dB lower), as a phone or a recorder
# with two microphones writes it.
gen_stereo() { sox "$SPEECH_10" "$1" remix 1 1v0.8; }
make_once "$SPEECH_STEREO" gen_stereo
make_once "$BUNDLE_500" gen_takes_zip 50 105 1000

printf '\n## Audio analysis\n\nFiles (generated in %s, reused when present):\n\n' "$WORK"
for f in "$SPEECH_1" "$SPEECH_10" "$SPEECH_STEREO"; do
  printf -- '- `%s` (%s): %s s, 24 kHz %s 16-bit wav, espeak-ng speech with pauses, pink noise\n' \
    "$(basename "$f")" "$(numfmt --to=iec-i --suffix=B "$(stat -c %s "$f")")" "$(soxi -D "$f" | cut -d. -f1)" \
    "$([ "$(soxi -c "$f")" = 2 ] && echo stereo || echo mono)"
done
printf -- '- `%s`: the 500 MB bundle of the zip section (50 takes of 105 s at 48 kHz, 87.5 min)\n' "$(basename "$BUNDLE_500")"
cat <<'EOF'

preflight's analysis per file: peak and RMS level, clipping (index, clipped samples, longest run), a
noise floor, speech activity (speech duration), SNR and C50, as `audio.*` facts. sox stats gives levels,
DC offset, crest factor and a noise-like trough level; ffmpeg astats gives levels, DC offset, peak count
and noise floor: neither estimates SNR, C50 or speech duration. For the bundle the other tools read
every entry through `unzip -p B ENTRY |` (as in the zip section) and preflight runs `probe --kind voice`.
EOF

begin_table "Audio analysis: preflight probe --kind audio vs sox stats, ffmpeg astats"
for f in "$SPEECH_1" "$SPEECH_10" "$SPEECH_STEREO"; do
  compare "audio-$(basename "${f%.wav}")" "$f" \
    preflight "$(q "$PREFLIGHT") probe --kind audio $(q "$f") --format json" \
    "sox stats" "sox $(q "$f") -n stats" \
    "ffmpeg astats" "ffmpeg -nostdin -hide_banner -nostats -i $(q "$f") -af astats -f null -" \
    "preflight without take quality" "env PREFLIGHT_BENCH_WITHOUT_TAKE_QUALITY=1 $(q "$PREFLIGHT") probe --kind audio $(q "$f") --format json"
done
b=$(q "$BUNDLE_500")
OK_CODES="0 1" compare audio-bundle-500 "$BUNDLE_500" \
  preflight "$(q "$PREFLIGHT") probe --kind voice $b --format json" \
  "sox stats" "for e in \$(unzip -Z1 $b); do unzip -p $b \"\$e\" | sox -t wav - -n stats; done 2>&1" \
  "ffmpeg astats" "for e in \$(unzip -Z1 $b); do unzip -p $b \"\$e\" | ffmpeg -nostdin -hide_banner -nostats -f wav -i - -af astats -f null -; done 2>&1"
end_table

# What preflight measured of the 10-minute file, beside sox's figures for the same file.
echo
python3 - "$RESULTS/audio-speech-24k-10min.preflight.out" "$RESULTS/audio-speech-24k-10min.sox stats.err" <<'PY'
import json, re, sys
f = json.load(open(sys.argv[1]))["facts"]
keys = ["audio.snr_db", "audio.c50_db", "audio.clipping_index", "audio.speech_duration"]
missing = [k for k in keys if k not in f]
shown = ", ".join(f"{k} {f[k]:.3g}" if isinstance(f[k], float) else f"{k} {f[k]}" for k in keys if k in f)
sox = open(sys.argv[2]).read()
def sx(name):
    m = re.search(rf"^{re.escape(name)}\s+(\S+)", sox, re.M)
    return m.group(1) if m else "?"
print(f"The four metrics of `speech-24k-10min.wav`: {shown}"
      + (f" (**missing: {', '.join(missing)}**)" if missing else "") + "; "
      f"preflight peak {f.get('audio.peak_dbfs', float('nan')):.2f} dBFS, RMS {f.get('audio.rms_dbfs', float('nan')):.2f} dBFS; "
      f"sox Pk lev {sx('Pk lev dB')} dB, RMS lev {sx('RMS lev dB')} dB.")
PY

cpu() { ms "$($REPORT_PY stat "$RESULTS/$1.json" "$2" cpu)"; }
rss_mib() { awk -F'\t' -v l="$2" '$1 == l { printf "%.1f MiB", $2 / 1024 }' "$RESULTS/$1.rss"; }
echo
echo "CPU time (user+sys): 1 min: preflight $(cpu audio-speech-24k-1min preflight), sox $(cpu audio-speech-24k-1min "sox stats"),"
echo "ffmpeg $(cpu audio-speech-24k-1min "ffmpeg astats"); 10 min: preflight $(cpu audio-speech-24k-10min preflight),"
echo "sox $(cpu audio-speech-24k-10min "sox stats"), ffmpeg $(cpu audio-speech-24k-10min "ffmpeg astats");"
echo "500 MB bundle: preflight $(cpu audio-bundle-500 preflight), sox $(cpu audio-bundle-500 "sox stats"), ffmpeg $(cpu audio-bundle-500 "ffmpeg astats")."
echo
echo "Peak RSS of preflight against the length of the audio: 1 min $(rss_mib audio-speech-24k-1min preflight),"
echo "10 min $(rss_mib audio-speech-24k-10min preflight) (×$(ratio "$(awk -F'\t' '$1 == "preflight" { print $2 }' "$RESULTS/audio-speech-24k-10min.rss")" "$(awk -F'\t' '$1 == "preflight" { print $2 }' "$RESULTS/audio-speech-24k-1min.rss")")),"
/usr/bin/time -f %M -o "$RESULTS/time.tmp" "$PREFLIGHT" --version >/dev/null 2>&1 || true
echo "87.5 min in 50 entries $(rss_mib audio-bundle-500 preflight); \`preflight --version\` alone: $(awk '{ v = $1 } END { printf "%.1f MiB", v / 1024 }' "$RESULTS/time.tmp")."

# Time per minute of audio beyond the first: (10 min − 1 min) ÷ 9, wall and CPU. Process start and
# other fixed costs drop out.
per_min() { # LABEL FIELD(mean|cpu)
  python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{(b - a) / 9 * 1000:.1f} ms')" \
    "$($REPORT_PY stat "$RESULTS/audio-speech-24k-1min.json" "$1" "$2")" "$($REPORT_PY stat "$RESULTS/audio-speech-24k-10min.json" "$1" "$2")"
}
echo
echo "Each further minute of 24 kHz audio, (10 min − 1 min) ÷ 9, wall / CPU: preflight $(per_min preflight mean) / $(per_min preflight cpu),"
echo "sox stats $(per_min "sox stats" mean) / $(per_min "sox stats" cpu), ffmpeg astats $(per_min "ffmpeg astats" mean) / $(per_min "ffmpeg astats" cpu)."

# What the take-quality facts (loudness, loudness range, true peak, edge silences, DC offset, stereo
# facts) add to the pass: the same pass with them left out (PREFLIGHT_BENCH_WITHOUT_TAKE_QUALITY=1), run
# alternately with the full pass (paired.py: a burst of load falls on both, where hyperfine's blocks of
# runs above can put it on one row only). Goal (issue 17): at most +10 % on the 10-minute file; the
# verdict is given for the wall time (what a user waits for) and for the CPU time (both threads).
PAIRED_ROUNDS=${BENCH_PAIRED_ROUNDS:-30}
paired() { # FILE → JSON
  python3 "$BENCH_DIR/paired.py" "$PAIRED_ROUNDS" \
    full "$(q "$PREFLIGHT") probe --kind audio $(q "$1") --format json" \
    without "env PREFLIGHT_BENCH_WITHOUT_TAKE_QUALITY=1 $(q "$PREFLIGHT") probe --kind audio $(q "$1") --format json"
}
extra() { # JSON → "+x % wall / +y % CPU (medians …)"
  python3 - "$1" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
f, w, r = d["full"], d["without"], d["ratio"]
print(f"{(r['wall'] - 1) * 100:+.1f} % wall / {(r['cpu'] - 1) * 100:+.1f} % CPU "
      f"(median wall {f['wall']['median'] * 1000:.1f} against {w['wall']['median'] * 1000:.1f} ms, "
      f"CPU {f['cpu']['median'] * 1000:.1f} against {w['cpu']['median'] * 1000:.1f} ms)")
PY
}
log "pairing the full pass with the pass without take quality ($PAIRED_ROUNDS rounds each)"
pair10=$(paired "$SPEECH_10")
pair1=$(paired "$SPEECH_1")
pair2=$(paired "$SPEECH_STEREO")
echo
echo "What the take-quality facts add to the pass: $PAIRED_ROUNDS runs of each, alternating with"
echo "\`PREFLIGHT_BENCH_WITHOUT_TAKE_QUALITY=1\`, median of the paired ratios:"
echo "10 min $(extra "$pair10");"
echo "1 min $(extra "$pair1");"
echo "10 min stereo $(extra "$pair2") (two channels' loudness and true peak, on the 8 kHz thread)."
verdict17=$(python3 - "$pair10" <<'PY'
import json, sys
r = json.loads(sys.argv[1])["ratio"]
parts = []
for name, key in (("wall time", "wall"), ("CPU time", "cpu")):
    verdict = "met" if r[key] <= 1.10 else "not met"
    parts.append(f"{name} {verdict} ({(r[key] - 1) * 100:+.1f} %)")
print(", ".join(parts))
PY
)
echo "**Goal (the take-quality facts add at most +10 % to the pass on the 10-minute file): $verdict17.**"

# Goal (issue): no slower than sox stats on the files it names, a 5–10 minute 24 kHz recording and the
# 500 MB bundle. The 1-minute file is shown for information: it says what the fixed cost of a run is.
# The 10-minute file's ratio comes from runs alternating with sox (paired.py, as above): a run takes
# some 60 ms, so a burst of load on the machine would otherwise decide it.
verdict=met
parts=()
log "pairing preflight with sox stats on the 10-minute file ($PAIRED_ROUNDS rounds each)"
pairsox=$(python3 "$BENCH_DIR/paired.py" "$PAIRED_ROUNDS" sox "sox $(q "$SPEECH_10") -n stats" \
  preflight "$(q "$PREFLIGHT") probe --kind audio $(q "$SPEECH_10") --format json")
for n in audio-speech-24k-1min audio-speech-24k-10min audio-bundle-500; do
  if [ "$n" = audio-speech-24k-10min ]; then
    r=$(python3 -c 'import json, sys; print("%.2f" % json.loads(sys.argv[1])["ratio"]["wall"])' "$pairsox")
  else
    r=$(ratio "$(mean "$n" "sox stats")" "$(mean "$n" preflight)")
  fi
  parts+=("×$r")
  [ "$n" = audio-speech-24k-1min ] && continue
  python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 1 else 1)" "$r" || verdict="not met"
done
echo
echo "**Goal (the full analysis, all four metrics, no slower than sox stats on a 5–10 minute 24 kHz recording"
echo "and the 500 MB bundle; sox's time ÷ preflight's, for the 10-minute file the median of $PAIRED_ROUNDS paired runs):"
echo "$verdict: 10 min ${parts[1]}, 500 MB bundle ${parts[2]}"
echo "(for information: 1 min ${parts[0]}, the fixed cost of a run; 10 min stereo ×$(ratio "$(mean audio-speech-24k-10min-stereo "sox stats")" "$(mean audio-speech-24k-10min-stereo preflight)")). Peak memory flat in the length:"
echo "$(rss_mib audio-speech-24k-1min preflight) / $(rss_mib audio-speech-24k-10min preflight) / $(rss_mib audio-bundle-500 preflight).**"
