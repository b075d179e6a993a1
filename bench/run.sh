#!/usr/bin/env bash
# Benchmark of preflight against public tools: prints a Markdown report on stdout (also
# saved to bench/work/report.md), progress on stderr. Run from anywhere; `make bench` builds the
# release binary and installs the tools first.
#   PREFLIGHT=path/to/preflight   binary to measure (default .build/release/preflight)
#   BENCH_SECTIONS="video audio"  sections to run (default: all below that exist)
#   BENCH_RUNS=10 BENCH_WARMUP=2  hyperfine runs and warm-up runs per command
# Generated media stay in bench/work/ and are reused; delete that folder to regenerate them.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

SECTIONS=${BENCH_SECTIONS:-video photo bundle audio gate content}

# tool_version TOOL ARGS...: TOOL's version output, or "TOOL (not installed)".
tool_version() { if command -v "$1" >/dev/null 2>&1; then "$@" 2>&1 | head -n 2; else echo "$1 (not installed)"; fi; }

header() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  echo "## preflight benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), ${cpu:-unknown CPU}, $(nproc) cores (shared), $(uname -sr),"
  echo "load average at start $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Tools: preflight $("$PREFLIGHT" --version 2>/dev/null | head -n 1) ($PREFLIGHT),"
  echo "$(ffprobe -version | head -n 1 | cut -d' ' -f1-3), mediainfo $(mediainfo --version | sed -n 's/.*- v//p'),"
  echo "mediaconch $(mediaconch --version | sed -n 's/.*Interface //p'), $(hyperfine --version),"
  echo "$(tool_version identify -version | sed -n '1s/^Version: \(ImageMagick [^ ]*\).*/\1/p'), exiftool $(tool_version exiftool -ver),"
  echo "$(tool_version sox --version | sed 's/^sox: *//'), $(tool_version unzip -v | sed -n '1s/ of .*//p'), $(tool_version zip -v | sed -n '2s/^This is \(Zip [^ ]*\).*/\1/p'),"
  echo "eSpeak NG $(tool_version espeak-ng --version | sed -n 's/^eSpeak NG text-to-speech: \([^ ]*\).*/\1/p')."
  echo
  echo "Method: every command once to check it works, then hyperfine --warmup $WARMUP --runs $RUNS"
  echo "(mean ± standard deviation, fastest–slowest run); peak RSS is the largest of $RSS_RUNS runs of"
  echo "/usr/bin/time -f %M. Warm cache: the files were just written or read and the page cache is not"
  echo "dropped (that needs root and would disturb the other users of the machine), so the times are"
  echo "those of a second look at a file, not of a first read from disk. \"÷ preflight's\" above 1 means"
  echo "slower than preflight."
}

main() {
  need hyperfine python3 /usr/bin/time
  [ -x "$PREFLIGHT" ] || die "no preflight binary at $PREFLIGHT: run make release, or set PREFLIGHT"
  mkdir -p "$WORK"
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS"
  header
  local s
  for s in $SECTIONS; do
    if [ -f "$BENCH_DIR/$s.sh" ]; then source "$BENCH_DIR/$s.sh"; else log "no section $BENCH_DIR/$s.sh"; fi
  done
  printf '\nLoad average at the end: %s.\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
}

mkdir -p "$WORK"
main | tee "$WORK/report.md.tmp"
mv "$WORK/report.md.tmp" "$WORK/report.md"
