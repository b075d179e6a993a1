# Section: `preflight gate` over a delivery folder of 40 files, --jobs 1 against --jobs 2 and 4 (the
# README's claim: "about twice as fast" with 2 jobs). Files whose measuring takes real work: 40 voice
# recordings of 30 s (the audio analysis dominates), all different (identical files are measured once
# per run, which would spoil the comparison).
# Sourced by bench/run.sh (lib.sh loaded, working directory = repository root).
source "$BENCH_DIR/speech.sh"

GATE_DIR=$WORK/gate-40

# gen_gate_folder DIR: 20 VOICE submissions with audio/take-NN.wav and 20 ZERO_SHOT_VOICE submissions
# with zeroshot/clip-NN.wav, every file 30 s of 48 kHz mono 16-bit speech of its own (about 15 s).
gen_gate_folder() {
  local dir=$1 i name
  for ((i = 1; i <= 20; i++)); do
    name=$(printf 'voice-%02d' "$i")
    mkdir -p "$dir/$name/audio"
    echo "MakeType: VOICE" >"$dir/$name/submission.yaml"
    gen_speech "$dir/$name/audio/$(printf 'take-%02d' "$i").wav" 48000 30 $((3000 + i))
    name=$(printf 'zeroshot-%02d' "$i")
    mkdir -p "$dir/$name/zeroshot"
    echo "MakeType: ZERO_SHOT_VOICE" >"$dir/$name/submission.yaml"
    gen_speech "$dir/$name/zeroshot/$(printf 'clip-%02d' "$i").wav" 48000 30 $((4000 + i))
  done
}
make_once "$GATE_DIR" gen_gate_folder

printf '\n## Gate, --jobs 1 vs --jobs 2 and 4\n\n'
echo "Folder \`$GATE_DIR\`: 40 submissions, 20 VOICE (audio/take-NN.wav) and 20 ZERO_SHOT_VOICE"
echo "(zeroshot/clip-NN.wav), 40 files of 30 s of 48 kHz mono 16-bit speech (2.7 MiB each), all different."
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

begin_table "Gate: preflight gate DIR --format json, --jobs 1, 2, 4"
# Exit 1: the VOICE submissions have no authorization and short material; findings, not errors.
OK_CODES="0 1" compare gate-40 "$GATE_DIR" \
  "gate --jobs 1" "$(q "$PREFLIGHT") gate $(q "$GATE_DIR") --jobs 1 --format json" \
  "gate --jobs 2" "$(q "$PREFLIGHT") gate $(q "$GATE_DIR") --jobs 2 --format json" \
  "gate --jobs 4" "$(q "$PREFLIGHT") gate $(q "$GATE_DIR") --jobs 4 --format json"
end_table
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
python3 - "$RESULTS/gate-40.gate --jobs 1.out" "$RESULTS/gate-40.gate --jobs 2.out" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
def facts(r):
    return {i["path"]: {k: v for k, v in i["facts"].items() if k.startswith("audio.")}
            for s in r["submissions"] for i in s["inputs"]}
same = "the same facts" if facts(a) == facts(b) else "**different facts**"
print(f"Each run measured {a.get('files_measured')} files and reused {a.get('files_reused')} "
      f"({len(a['submissions'])} submissions, verdict {a['verdict']}); --jobs 1 and --jobs 2 give {same}.")
PY
cpu() { ms "$($REPORT_PY stat "$RESULTS/gate-40.json" "$1" cpu)"; }
echo
echo "CPU time (user+sys): --jobs 1 $(cpu "gate --jobs 1"), --jobs 2 $(cpu "gate --jobs 2"), --jobs 4 $(cpu "gate --jobs 4")."
echo "Load average before this table $load_before, after it $load_after ($(nproc) cores, shared with other work:"
echo "a second job only helps as far as a second core is free)."
# The best --jobs N can do on this machine: the CPU time of --jobs 1 spread over every core.
wall1=$(mean gate-40 "gate --jobs 1")
cpu1=$($REPORT_PY stat "$RESULTS/gate-40.json" "gate --jobs 1" cpu)
busy=$(ratio "$cpu1" "$wall1")
ceiling=$(python3 -c "import sys; w, c, n = map(float, sys.argv[1:]); print(f'{w / max(c / n, w / n):.2f}')" "$wall1" "$cpu1" "$(nproc)")
echo
echo "--jobs 1: CPU time ÷ wall time ×$busy (--jobs counts cores: with --jobs 1 every file, its decoding and"
echo "its analysis run on one thread). On $(nproc) idle cores more jobs could at best bring the wall time down to"
echo "the CPU time of --jobs 1 ÷ $(nproc): a ceiling of ×$ceiling."
s2=$(ratio "$(mean gate-40 "gate --jobs 1")" "$(mean gate-40 "gate --jobs 2")")
s4=$(ratio "$(mean gate-40 "gate --jobs 1")" "$(mean gate-40 "gate --jobs 4")")
f2=$(ratio "$($REPORT_PY stat "$RESULTS/gate-40.json" "gate --jobs 1" min)" "$($REPORT_PY stat "$RESULTS/gate-40.json" "gate --jobs 2" min)")
echo
echo "**Claim (\"--jobs 2 is about twice as fast as --jobs 1\"): speed-up ×$s2 on the mean (×$f2 on the"
echo "fastest runs), ×$s4 with --jobs 4; $(python3 -c "import sys; s = float(sys.argv[1]); print('about twice as fast' if s >= 1.8 else 'holds in part' if s >= 1.4 else 'does not hold')" "$s2") here.**"
