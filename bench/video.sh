# Section: video. `preflight probe` against ffprobe and mediainfo, and `preflight check --type
# IMAGE_GENERAL` against mediaconch with bench/image-general-policy.xml (the same material rules).
# Sourced by bench/run.sh (lib.sh loaded, working directory = repository root).
need ffmpeg ffprobe mediainfo mediaconch

V30=$WORK/video-30s-1080p25.mp4
V600=$WORK/video-10min-1080p25.mp4
PHONE=$WORK/phone-30s-1080p30-rot90.mp4
PDF=Fixtures/pdf/one-page.pdf
POLICY=$BENCH_DIR/image-general-policy.xml
# mediaconch keeps a report database under $HOME; give it one in bench/work.
MC_HOME=$(realpath -m "$WORK/mediaconch-home")

# 30 s of 1080p25 H.264 at 8 Mb/s (noise keeps the encoder from compressing it to nothing; 2-second
# GOPs as cameras write) with 128 kb/s stereo AAC. The audio stops at 29.9 s so that the file, like
# its video track, lasts exactly 30 s: the concatenation below then joins at exact 30 s steps.
gen_take30() {
  ff -f lavfi -i "testsrc2=s=1920x1080:r=25:d=30,noise=alls=12:allf=t" \
     -f lavfi -i "sine=frequency=440:sample_rate=48000:d=29.9" \
     -c:v libx264 -preset ultrafast -b:v 8M -maxrate 8M -bufsize 16M -g 50 -pix_fmt yuv420p \
     -c:a aac -b:a 128k -ac 2 "$1"
}
# 10 minutes: the 30 s file 20 times, stream copy with the concat demuxer (a real mp4 of 15,000
# video samples, seconds to make instead of minutes of encoding on two cores).
gen_take600() {
  local list=$WORK/concat-10min.txt src i
  src=$(realpath "$V30")
  for i in $(seq 20); do printf "file '%s'\ninpoint 0\nduration 30\n" "${src//\'/\'\\\'\'}"; done >"$list"
  ff -f concat -safe 0 -i "$list" -c copy "$1"
}
# A phone clip: 30 s stored 1920x1080 at 30 fps, 10 Mb/s, with the display matrix of a phone held
# upright (rotation -90, played 1080x1920). FFmpeg 5.1 writes the matrix only when remuxing.
gen_phone() {
  local upright=${1%.mp4}-upright.mp4
  ff -f lavfi -i "testsrc2=s=1920x1080:r=30:d=30,noise=alls=12:allf=t" \
     -f lavfi -i "sine=frequency=330:sample_rate=48000:d=30" \
     -c:v libx264 -preset ultrafast -b:v 10M -maxrate 10M -bufsize 20M -g 30 -pix_fmt yuv420p \
     -c:a aac -b:a 128k -ac 2 "$upright"
  ff -i "$upright" -c copy -metadata:s:v:0 rotate=-90 "$1"
  rm -f "$upright"
}

make_once "$V30" gen_take30
make_once "$V600" gen_take600
make_once "$PHONE" gen_phone
mkdir -p "$MC_HOME"

printf '\n## Video\n\nFiles (generated in %s, reused when present):\n\n' "$WORK"
# describe FILE: one line of what ffprobe reads of FILE.
describe() {
  python3 - "$(ffprobe -v error -show_streams -show_format -of json "$1")" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
v = next(s for s in d["streams"] if s["codec_type"] == "video")
num, den = v["r_frame_rate"].split("/")
out = [f"{float(d['format']['duration']):.1f} s", f"{v['width']}x{v['height']} stored",
       f"{int(num) / int(den):g} fps", f"{v['nb_frames']} frames", f"{v['codec_name']} {int(v['bit_rate']) / 1e6:.1f} Mb/s"]
out += [f"{s['codec_name']} {int(s['bit_rate']) // 1000} kb/s {s['channels']} ch" for s in d["streams"] if s["codec_type"] == "audio"]
out += [f"rotation {x['rotation']}" for x in v.get("side_data_list", []) if "rotation" in x]
print(", ".join(out))
PY
}
for f in "$V30" "$V600" "$PHONE"; do
  printf -- '- `%s` (%s): %s\n' "$(basename "$f")" "$(numfmt --to=iec-i --suffix=B "$(stat -c %s "$f")")" "$(describe "$f")"
done

begin_table "Process start: --version, the floor under every row below"
compare start "-" \
  preflight "$(q "$PREFLIGHT") --version" \
  ffprobe "ffprobe -version" \
  mediainfo "mediainfo --version" \
  mediaconch "env HOME=$(q "$MC_HOME") mediaconch --version"
end_table

key() { case $1 in "$V30") echo 30s ;; "$V600") echo 10min ;; "$PHONE") echo phone ;; esac; }

begin_table "Probe: every fact of one file (preflight probe vs ffprobe -show_streams -show_format, mediainfo JSON)"
for f in "$V30" "$V600" "$PHONE"; do
  compare "probe-$(key "$f")" "$f" \
    preflight "$(q "$PREFLIGHT") probe $(q "$f") --format json" \
    ffprobe "ffprobe -v error -show_streams -show_format -of json $(q "$f")" \
    mediainfo "mediainfo --Output=JSON $(q "$f")"
done
end_table

begin_table "Check: IMAGE_GENERAL material rules (preflight check vs mediaconch with bench/image-general-policy.xml)"
for f in "$V30" "$V600" "$PHONE"; do
  # Exit 1 is a failed check (the 30 s file is under the 1-minute minimum), not an error.
  OK_CODES="0 1" compare "check-$(key "$f")" "$f" \
    preflight "$(q "$PREFLIGHT") check --type IMAGE_GENERAL --material $(q "$f") --identity-pdf $(q "$PDF") --format json" \
    mediaconch "env HOME=$(q "$MC_HOME") mediaconch --Force -p $(q "$POLICY") $(q "$f")"
done
end_table

echo
echo "Verdicts of both tools (the material rules the policy can express):"
echo
for f in "$V30" "$V600" "$PHONE"; do
  printf -- '- `%s`: %s\n' "$(basename "$f")" \
    "$($REPORT_PY verdicts "$POLICY" "$RESULTS/check-$(key "$f").preflight.out" "$RESULTS/check-$(key "$f").mediaconch.out")"
done

bytes=$(ratio "$(stat -c %s "$V600")" "$(stat -c %s "$V30")")
# growth_row TITLE NAME-PREFIX LABEL: mean and fastest run, 30 s vs 10 min. The fastest run is the
# one least disturbed by the other users of a shared machine.
growth_row() {
  local m30 m600 f30 f600
  m30=$(mean "$2-30s" "$3") m600=$(mean "$2-10min" "$3")
  f30=$($REPORT_PY stat "$RESULTS/$2-30s.json" "$3" min) f600=$($REPORT_PY stat "$RESULTS/$2-10min.json" "$3" min)
  echo "| $1 | $(ms "$m30") / $(ms "$f30") | $(ms "$m600") / $(ms "$f600") | ×$(ratio "$m600" "$m30") / ×$(ratio "$f600" "$f30") |"
}
echo
echo "Check time against file size, 10-minute file vs 30-second file (20 times the duration, $bytes times the bytes):"
echo
echo "| | 30 s file (mean / fastest) | 10 min file (mean / fastest) | 10 min ÷ 30 s (mean / fastest) |"
echo "|---|---:|---:|---:|"
growth_row "preflight check" check preflight
growth_row "mediaconch" check mediaconch
growth_row "preflight probe" probe preflight
echo
echo "**preflight check, 10-minute file ÷ 30-second file: ×$(ratio "$(mean check-10min preflight)" "$(mean check-30s preflight)") on the mean,"
echo "×$(ratio "$($REPORT_PY stat "$RESULTS/check-10min.json" preflight min)" "$($REPORT_PY stat "$RESULTS/check-30s.json" preflight min)") on the fastest run.**"
echo
faster=()
for f in "$V30" "$V600" "$PHONE"; do
  faster+=("\`$(basename "$f")\` ×$(ratio "$(mean "probe-$(key "$f")" ffprobe)" "$(mean "probe-$(key "$f")" preflight)")")
done
echo "preflight probe against ffprobe (ffprobe's time ÷ preflight's): $(IFS=';'; echo "${faster[*]}" | sed 's/;/, /g')."
echo
cpu() { ms "$($REPORT_PY stat "$RESULTS/$1.json" "$2" cpu)"; }
echo "mediaconch runs with --Force (else it answers from its report database after the first run). Its"
echo "wall time includes the CLI's 0.5 s sleep between status polls (usleep(500000) in MediaConch's"
echo "CLI.cpp); on CPU time (user+sys) alone: mediaconch $(cpu check-30s mediaconch) (30 s file) and"
echo "$(cpu check-10min mediaconch) (10 min file), preflight check $(cpu check-30s preflight) and $(cpu check-10min preflight)."
