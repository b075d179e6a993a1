# Speech-like recordings for the audio sections (bundle.sh, audio.sh, gate.sh): not a section itself,
# sourced by them (lib.sh loaded). espeak-ng sentences in several voices, joined with pauses in a
# different order for every take, with pink noise at a level of its own and, on some takes, a little
# room reverberation; sox does everything (about 0.2 s of CPU per minute of audio at 48 kHz).
need espeak-ng sox zip unzip

SPEECH_CLIPS=$WORK/speech-clips

# gen_speech_clips DIR: 8 sentences × 4 voices at 48 kHz mono 16-bit, trimmed of silence, and four
# pauses (0.25–1.2 s) of room tone (silence here; the noise is added to the whole take).
gen_speech_clips() {
  local dir=$1 i=0 v t
  mkdir -p "$dir"
  local texts=(
    "Please call Stella. Ask her to bring these things with her from the store."
    "Six spoons of fresh snow peas, five thick slabs of blue cheese, and maybe a snack for her brother Bob."
    "We also need a small plastic snake and a big toy frog for the kids."
    "She can scoop these things into three red bags, and we will go meet her Wednesday at the train station."
    "The north wind and the sun were disputing which was the stronger, when a traveler came along wrapped in a warm cloak."
    "They agreed that the one who first succeeded in making the traveler take his cloak off should be considered stronger."
    "Then the north wind blew as hard as he could, but the more he blew the more closely did the traveler fold his cloak."
    "At last the sun shone out warmly, and at once the traveler took off his cloak."
  )
  for v in en+m3 en+f3 en-gb-x-rp+f4 en-us+m7; do
    for t in "${texts[@]}"; do
      i=$((i + 1))
      espeak-ng -v "$v" -s 155 -w "$dir/raw.wav" "$t"
      sox "$dir/raw.wav" -r 48000 -b 16 -c 1 "$dir/$(printf 'c%02d' "$i").wav" \
        silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse
    done
  done
  rm -f "$dir/raw.wav"
  for t in 0.25 0.5 0.8 1.2; do sox -n -r 48000 -b 16 -c 1 "$dir/pause-$t.wav" trim 0 "$t"; done
}

# gen_speech OUT RATE SECONDS SEED: a speech-like recording of SECONDS at RATE Hz, mono 16-bit wav.
# The seed picks the order of the sentences and pauses, the noise level (−50 to −32 dBFS pink noise
# under speech peaking near −3 dBFS) and the reverberation (one take in three). Distinct seeds give
# distinct files.
gen_speech() {
  local out=$1 rate=$2 secs=$3 seed=$4 plan
  make_once "$SPEECH_CLIPS" gen_speech_clips
  # The plan: "NOISE_VOLUME REVERB_OR_-" then the clip list, enough to last SECONDS.
  plan=$(python3 - "$SPEECH_CLIPS" "$secs" "$seed" <<'PY'
import os, random, sys, wave
d, secs, seed = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
r = random.Random(seed)
clips = sorted(f for f in os.listdir(d) if f.startswith("c"))
pauses = sorted(f for f in os.listdir(d) if f.startswith("pause"))
length = {}
for f in clips + pauses:
    with wave.open(os.path.join(d, f)) as w:
        length[f] = w.getnframes() / w.getframerate()
out, total = [], 0.0
while total < secs + 1:
    c = r.choice(clips); p = r.choice(pauses)
    out += [c, p]; total += length[c] + length[p]
noise = 10 ** (r.uniform(-50, -32) / 20)
reverb = str(r.randint(20, 60)) if r.random() < 1 / 3 else "-"
print(f"{noise:.5f} {reverb}")
print(" ".join(os.path.join(d, f) for f in out))
PY
  )
  local noise reverb list fx=()
  read -r noise reverb <<<"$(sed -n 1p <<<"$plan")"
  list=$(sed -n 2p <<<"$plan")
  [ "$reverb" = - ] || fx=(reverb "$reverb" 50 100)
  # One sox joins the sentences (some 200 names on its command line for 10 minutes), one makes the
  # noise, one mixes them at full scale (-v 1: sox -m would halve both) and converts to RATE.
  local tmp=${out%.*}.parts
  mkdir -p "$tmp"
  # shellcheck disable=SC2086
  sox $list -t wav "$tmp/speech.wav" "${fx[@]}" norm -3
  sox -n -r 48000 -b 16 -c 1 "$tmp/noise.wav" synth "$((secs + 1))" pinknoise vol "$noise"
  sox -m -v 1 "$tmp/speech.wav" -v 1 "$tmp/noise.wav" -r "$rate" -b 16 -c 1 -t wav "$out" trim 0 "$secs"
  rm -rf "$tmp"
}

# gen_takes_zip OUT COUNT SECONDS SEED0: a deflated zip (zip -6, as archivers write by default) of
# COUNT takes take-001.wav … of SECONDS each at 48 kHz.
gen_takes_zip() {
  local out=$1 count=$2 secs=$3 seed0=$4 i dir
  dir=${out%.*}.takes
  rm -rf "$dir"; mkdir -p "$dir"
  for ((i = 1; i <= count; i++)); do
    gen_speech "$dir/$(printf 'take-%03d' "$i").wav" 48000 "$secs" $((seed0 + i))
  done
  # zip names the output by its extension: make it .zip and rename.
  (cd "$dir" && zip -q -6 -X ../"$(basename "${out%.*}").zip" take-*.wav)
  [ "${out%.*}.zip" = "$out" ] || mv "${out%.*}.zip" "$out"
  rm -rf "$dir"
}
