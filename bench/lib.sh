# Shared helpers of the benchmark harness, sourced by bench/run.sh (bash). Sections (bench/video.sh, …)
# use them like this:
#
#   begin_table "Probe: facts of a video file"
#   compare probe-30s "$file" preflight "$(q "$PREFLIGHT") probe $(q "$file") --format json" \
#                             ffprobe   "ffprobe -v error -show_streams -show_format -of json $(q "$file")"
#   end_table
#
# compare NAME FILE LABEL CMD [LABEL CMD]... runs every CMD once (to check it works), then times them
# together with hyperfine (warm cache) and measures their peak RSS with /usr/bin/time -f %M. The first
# LABEL is the baseline of the "÷ preflight" column. A CMD without shell syntax runs without a shell
# (hyperfine -N); one with a pipe or a redirection runs through sh, and then its RSS is the largest of
# its processes. Exit codes other than those in OK_CODES (default "0") stop the run:
#   OK_CODES="0 1" compare …
# Results go to $RESULTS: NAME.json (hyperfine), NAME.rss (label, KiB), NAME.LABEL.out (output).

BENCH_DIR=${BENCH_DIR:-bench}
WORK=${BENCH_WORK:-$BENCH_DIR/work}
RESULTS=$WORK/results
RUNS=${BENCH_RUNS:-10}
WARMUP=${BENCH_WARMUP:-2}
RSS_RUNS=${BENCH_RSS_RUNS:-3}
PREFLIGHT=${PREFLIGHT:-.build/release/preflight}
REPORT_PY="python3 $BENCH_DIR/report.py"
TABLE_ROWS=""
TABLE_COUNT=0

log() { printf '%s\n' "$*" >&2; }
die() { log "bench: $*"; exit 1; }
# q ARG: ARG quoted for a command string.
q() { printf '%q' "$1"; }

# need TOOL...: stop with a hint when a tool is missing.
need() {
  local t missing=""
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing="$missing $t"; done
  [ -z "$missing" ] || die "missing:$missing (make deps-bench installs the benchmark tools)"
}

ff() { ffmpeg -nostdin -v error -y "$@"; }

# make_once OUT FUNC [ARGS...]: unless OUT exists, runs FUNC TMP ARGS... (TMP has OUT's extension) and
# moves TMP to OUT, so an interrupted generation never leaves a half file that would be reused.
make_once() {
  local out=$1 fn=$2; shift 2
  [ -s "$out" ] && return 0
  mkdir -p "$(dirname "$out")"
  local tmp
  tmp="$(dirname "$out")/.partial-$(basename "$out")"
  log "generating $out"
  local t0=$SECONDS
  "$fn" "$tmp" "$@"
  mv -f "$tmp" "$out"
  log "  done in $((SECONDS - t0)) s, $(du -sh "$out" | cut -f1)"
}

# has_shell_syntax CMD: true when CMD needs a shell (pipes, redirections, lists, variables).
has_shell_syntax() { case $1 in *'|'* | *'>'* | *'<'* | *';'* | *'&'* | *'$'* | *'`'*) return 0 ;; esac; return 1; }

# run_cmd CMD: runs a command string the way the benchmark does, output on stdout.
run_cmd() {
  if has_shell_syntax "$1"; then sh -c "$1"; else eval "set -- $1"; "$@"; fi
}

begin_table() {
  TABLE_ROWS=$RESULTS/table-$((++TABLE_COUNT)).tsv
  : >"$TABLE_ROWS"
  printf '\n### %s\n\n' "$1"
}

end_table() { $REPORT_PY table "$TABLE_ROWS"; }

compare() {
  local name=$1 file=$2; shift 2
  [ $(($# % 2)) -eq 0 ] && [ $# -ge 2 ] || die "compare $name: expects LABEL CMD pairs"
  local labels=() cmds=() shell=-N
  while [ $# -gt 0 ]; do labels+=("$1"); cmds+=("$2"); has_shell_syntax "$2" && shell=""; shift 2; done
  local ok=" ${OK_CODES:-0} " i rc
  log "measuring $name: ${labels[*]}"
  # One run of each: it must work, and its output is kept for the section to read.
  for i in "${!cmds[@]}"; do
    rc=0; run_cmd "${cmds[$i]}" >"$RESULTS/$name.${labels[$i]}.out" 2>"$RESULTS/$name.${labels[$i]}.err" || rc=$?
    case $ok in *" $rc "*) ;; *)
      sed -n 1,20p "$RESULTS/$name.${labels[$i]}.err" >&2
      die "$name: '${cmds[$i]}' exited with $rc (allowed: ${OK_CODES:-0})" ;;
    esac
  done
  local hf=(hyperfine $shell --warmup "$WARMUP" --runs "$RUNS" --ignore-failure --style basic
            --export-json "$RESULTS/$name.json")
  for i in "${!cmds[@]}"; do hf+=(-n "${labels[$i]}" "${cmds[$i]}"); done
  "${hf[@]}" >"$RESULTS/$name.hyperfine.txt" 2>&1 || { cat "$RESULTS/$name.hyperfine.txt" >&2; die "$name: hyperfine failed"; }
  # Peak RSS: the largest of RSS_RUNS runs (GNU time's %M, KiB).
  : >"$RESULTS/$name.rss"
  local k kb max
  for i in "${!cmds[@]}"; do
    max=0
    for ((k = 0; k < RSS_RUNS; k++)); do
      if has_shell_syntax "${cmds[$i]}"; then
        /usr/bin/time -f %M -o "$RESULTS/time.tmp" sh -c "${cmds[$i]}" >/dev/null 2>&1 || true
      else
        ( eval "set -- ${cmds[$i]}"; /usr/bin/time -f %M -o "$RESULTS/time.tmp" "$@" >/dev/null 2>&1 ) || true
      fi
      kb=$(tail -n 1 "$RESULTS/time.tmp")
      [ "$kb" -gt "$max" ] && max=$kb
    done
    printf '%s\t%s\n' "${labels[$i]}" "$max" >>"$RESULTS/$name.rss"
  done
  [ -n "$TABLE_ROWS" ] && printf '%s\t%s\n' "$name" "$file" >>"$TABLE_ROWS"
  return 0
}

# mean NAME LABEL: mean wall time in seconds of LABEL in the comparison NAME.
mean() { $REPORT_PY stat "$RESULTS/$1.json" "$2" mean; }
# ratio A B: A / B, two decimals.
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
# ms SECONDS: "12.3 ms".
ms() { python3 -c "import sys; print(f'{float(sys.argv[1]) * 1000:.1f} ms')" "$1"; }

# probe_reads KIND FILE: true when `preflight probe --kind KIND` measures FILE without an error (used by
# sections whose preflight side may not exist yet).
probe_reads() {
  "$PREFLIGHT" probe "$2" --kind "$1" --format json 2>/dev/null |
    python3 -c 'import json, sys; sys.exit(1 if "error" in json.load(sys.stdin) else 0)' 2>/dev/null
}
# probe_error KIND FILE: the English message preflight gives for FILE, or "".
probe_error() {
  "$PREFLIGHT" probe "$2" --kind "$1" --format json 2>/dev/null |
    python3 -c 'import json, sys; print(json.load(sys.stdin).get("error", {}).get("message", {}).get("en", ""))' 2>/dev/null || true
}

# not_measured TITLE REASON: the placeholder of a section whose preflight command does not exist yet.
not_measured() { printf '\n### %s\n\nNot yet measured: %s\n' "$1" "$2"; }
