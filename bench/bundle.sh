# Section: a zip bundle of voice takes. preflight reads every entry through the zip stream (libzip,
# nothing extracted) and analyses its audio; against `unzip -p BUNDLE | sox -t wav - -n stats` on the
# same bundle, and the peak memory of each, for a ~100 MB and a ~500 MB bundle.
# Sourced by bench/run.sh (lib.sh loaded, working directory = repository root).
source "$BENCH_DIR/speech.sh"

BUNDLE_500=$WORK/takes-500MB.zip
BUNDLE_100=$WORK/takes-100MB.zip
AUTH_VIDEO=Fixtures/video/authorization.mp4

# 50 takes of 105 s (10 MB each, 504 MB of wav, 87.5 minutes) and 10 other takes (101 MB), 48 kHz
# mono 16-bit speech: about 75 s of sox and 25 s of zip the first time.
make_once "$BUNDLE_500" gen_takes_zip 50 105 1000
make_once "$BUNDLE_100" gen_takes_zip 10 105 2000

# bundle_line FILE: "`name` (size): N takes, M MB of wav, D min of 48 kHz mono 16-bit".
bundle_line() {
  python3 - "$1" <<'PY'
import os, sys, zipfile
p = sys.argv[1]
with zipfile.ZipFile(p) as z:
    infos = [i for i in z.infolist() if not i.is_dir()]
raw = sum(i.file_size for i in infos)
packed = sum(i.compress_size for i in infos)
minutes = (raw - 44 * len(infos)) / 96000 / 60
print(f"- `{os.path.basename(p)}` ({os.path.getsize(p) / 2**20:.1f} MiB): {len(infos)} takes, {raw / 1e6:.0f} MB of wav "
      f"({raw / 2**20:.0f} MiB, {minutes:.1f} min of 48 kHz mono 16-bit speech), deflated to {100 * packed / raw:.0f} %")
PY
}

printf '\n## Zip bundle of voice takes\n\nFiles (generated in %s, reused when present):\n\n' "$WORK"
bundle_line "$BUNDLE_100"
bundle_line "$BUNDLE_500"
cat <<'EOF'

The pipe has to be made equivalent: `unzip -p B | sox -t wav - -n stats` stops at the end of the first
take (the wav header of the first entry gives the length), so it is measured two ways:
"per entry" runs `unzip -p B ENTRY | sox -t wav - -n stats` for every entry (entry by entry, like
preflight), "one stream" gives sox all the entries joined with `--ignore-length` (the 44-byte headers of
the later entries are read as 22 samples each, one set of statistics for the whole bundle).
`preflight probe --kind voice` prints the bundle's facts; `preflight check --type VOICE` also prints
every entry's facts (format, rate, duration, SNR, C50, clipping, speech duration) and the rules.
EOF

# bundle_compare NAME FILE
bundle_compare() {
  local b; b=$(q "$2")
  OK_CODES="0 1" compare "$1" "$2" \
    "preflight probe" "$(q "$PREFLIGHT") probe --kind voice $b --format json" \
    "preflight check" "$(q "$PREFLIGHT") check --type VOICE --material $b --identity $(q "$AUTH_VIDEO") --format json" \
    "unzip -p | sox stats, per entry" "for e in \$(unzip -Z1 $b); do unzip -p $b \"\$e\" | sox -t wav - -n stats; done 2>&1" \
    "unzip -p | sox stats, one stream" "unzip -p $b | sox --ignore-length -t wav - -n stats 2>&1"
}

begin_table "Zip bundle: preflight through the zip stream vs unzip -p | sox -n stats"
bundle_compare bundle-100 "$BUNDLE_100"
bundle_compare bundle-500 "$BUNDLE_500"
end_table

# What preflight read: the entries of the check report and their analysis.
echo
python3 - "$RESULTS/bundle-500.preflight check.out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
inp = next(i for i in r["inputs"] if i["slot"] == "material")
entries = inp.get("entries", [])
keys = ["audio.snr_db", "audio.c50_db", "audio.clipping_index", "audio.speech_duration"]
full = [e for e in entries if all(k in e.get("facts", {}) for k in keys)]
dur = sum(e["facts"].get("audio.duration", 0) for e in entries)
print(f"preflight check on `takes-500MB.zip`: {len(entries)} entries read, {len(full)} with all four quality metrics "
      f"({', '.join(keys)}), {dur / 60:.1f} min of audio decoded; verdict {r['verdict']}.")
PY

cpu() { ms "$($REPORT_PY stat "$RESULTS/$1.json" "$2" cpu)"; }
rss() { awk -F'\t' -v l="$2" '$1 == l { printf "%.1f MiB", $2 / 1024 }' "$RESULTS/$1.rss"; }
rss_kib() { awk -F'\t' -v l="$2" '$1 == l { print $2 }' "$RESULTS/$1.rss"; }
echo
echo "CPU time (user+sys, all processes) on the 500 MB bundle: preflight probe $(cpu bundle-500 "preflight probe"),"
echo "check $(cpu bundle-500 "preflight check"), pipe per entry $(cpu bundle-500 "unzip -p | sox stats, per entry"),"
echo "one stream $(cpu bundle-500 "unzip -p | sox stats, one stream"). preflight inflates and analyses two entries at a"
echo "time (two libzip readers); the pipe runs unzip and sox side by side."
echo
echo "Peak RSS against bundle size (5 times the bytes): preflight probe $(rss bundle-100 "preflight probe") → $(rss bundle-500 "preflight probe"),"
echo "check $(rss bundle-100 "preflight check") → $(rss bundle-500 "preflight check"); pipe per entry $(rss bundle-100 "unzip -p | sox stats, per entry") → $(rss bundle-500 "unzip -p | sox stats, per entry")."

faster=$(python3 -c "import sys; print(f'{min(float(a) for a in sys.argv[2:]) / float(sys.argv[1]):.2f}')" \
  "$(mean bundle-500 "preflight probe")" "$(mean bundle-500 "unzip -p | sox stats, per entry")" "$(mean bundle-500 "unzip -p | sox stats, one stream")")
max_rss=0
for n in bundle-100 bundle-500; do for l in "preflight probe" "preflight check"; do
  k=$(rss_kib "$n" "$l"); [ "$k" -gt "$max_rss" ] && max_rss=$k
done; done
echo
echo "**Goal (faster than the pipe, peak memory under 64 MiB whatever the bundle size): speed"
echo "$(python3 -c "import sys; print('met' if float(sys.argv[1]) > 1 else 'not met')" "$faster") (the faster pipe takes ×$faster preflight probe's time on 500 MB),"
echo "memory $([ "$max_rss" -lt 65536 ] && echo met || echo "not met") (largest peak RSS of preflight $(awk -v k="$max_rss" 'BEGIN { printf "%.1f MiB", k / 1024 }')).**"
