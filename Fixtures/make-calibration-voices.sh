#!/usr/bin/env bash
# Voices for the full audio-quality calibration (`make calibrate`) and the real recordings the tests read.
# Writes OUT (default .build/calibration/voices), one folder per voice, each sentence a 16 kHz mono 16-bit
# WAV trimmed of its leading and trailing silence; the calibration joins them into continuous reading
# (short gaps, pauses under 10 % of the time) and natural reading (0.5–2 s between sentences).
#
# - synthetic: espeak-ng (en, en-us, cmn, yue; +m/+f variants), flite (awb, kal16, rms, slt),
#   festival with the HTS voice cmu_us_slt_arctic_hts (Debian festvox-us-slt-hts);
# - human: the nine voice prompts of alsa-utils (/usr/share/sounds/alsa), and the 30 s two-speaker
#   recording shipped in the pyannote.audio wheel (PyPI, MIT) with its human-annotated speaker turns
#   (sample.rttm), fetched with pip.
# The sentences are random (fixed seed) sequences of 7–15 common words, read at about 150 words a minute.
# Needs espeak-ng, flite, festival, festvox-us-slt-hts, alsa-utils, sox, python3 with pip.
# Usage: Fixtures/make-calibration-voices.sh [OUT] [SENTENCES]   (ONLY_REAL=1: only the human recordings)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/calibration/voices}
count=${2:-18}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

to16k() { # in.wav out.wav: 16 kHz mono 16-bit, edges trimmed
  sox -q -G "$1" -r 16000 -b 16 -c 1 "$2" silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse
}

# Human recordings.
mkdir -p "$out/human-alsa"
i=0
for f in /usr/share/sounds/alsa/Front_Center.wav /usr/share/sounds/alsa/Front_Left.wav /usr/share/sounds/alsa/Front_Right.wav \
         /usr/share/sounds/alsa/Rear_Center.wav /usr/share/sounds/alsa/Rear_Left.wav /usr/share/sounds/alsa/Rear_Right.wav \
         /usr/share/sounds/alsa/Side_Left.wav /usr/share/sounds/alsa/Side_Right.wav /usr/share/sounds/alsa/Noise.wav; do
  i=$((i + 1))
  [ "$(basename "$f")" = Noise.wav ] && continue  # a noise burst, not speech
  to16k "$f" "$out/human-alsa/$(printf 's%02d' $i).wav"
done
if [ ! -f "$out/human-pyannote/sample.wav" ]; then
  mkdir -p "$out/human-pyannote"
  python3 -m pip download --no-deps --quiet -d "$tmp/wheel" pyannote.audio
  python3 - "$tmp/wheel" "$out/human-pyannote" <<'EOF'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/pyannote_audio-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    for name in ("sample.wav", "sample.rttm"):
        with open(sys.argv[2] + "/" + name, "wb") as f:
            f.write(z.read("pyannote/audio/sample/" + name))
EOF
fi
[ "${ONLY_REAL:-0}" = 1 ] && { ls "$out"; exit 0; }

# Sentence texts: English and Chinese, fixed seed.
python3 - "$tmp" "$count" <<'EOF'
import random, sys
folder, count = sys.argv[1], int(sys.argv[2])
en = ("the a of to and in is was he for it with as his on be at by had not are but from or have an they which one you were her all she there "
      "would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these "
      "two may then do first any my now such like our over man me even most made after also did many before must through back years where much "
      "your way well down should because each just those people how too little state good very make world still own see men work long get here "
      "between both life being under never day same another know while last might us great old year off come since against go came right used "
      "take three garden river market window morning station letter doctor summer winter kitchen teacher music paper picture table").split()
zh = ("我们 今天 明天 天气 公园 学校 老师 朋友 工作 时间 电话 问题 东西 喜欢 知道 觉得 已经 一起 非常 这个 那个 什么 为什么 因为 所以 但是 "
      "可以 应该 需要 开始 回家 吃饭 看书 写字 唱歌 跑步 散步 早上 晚上 城市 火车 飞机 医生 妈妈 爸爸 孩子 学生 中国 北京 上海 广州 "
      "音乐 电影 图书馆 商店 水果 咖啡 新闻 故事 春天 夏天 秋天 冬天 下雨 阳光 山上 河边 窗户 桌子 房间 厨房 花园").split()
rng = random.Random(150)
for lang, words, sep, end in (("en", en, " ", "."), ("zh", zh, "", "。")):
    with open(f"{folder}/{lang}.txt", "w") as f:
        for _ in range(count):
            s = sep.join(rng.choice(words) for _ in range(rng.randint(7, 15)))
            f.write((s[0].upper() + s[1:] if lang == "en" else s) + end + "\n")
EOF

synth() { # voice-folder command...: one WAV per sentence line of the text file given as $2
  local name=$1 text=$2; shift 2
  mkdir -p "$out/$name"
  local n=0
  while IFS= read -r line; do
    n=$((n + 1))
    "$@" "$line" "$tmp/raw.wav"
    to16k "$tmp/raw.wav" "$out/$name/$(printf 's%02d' $n).wav"
  done < "$text"
}
espeak() { espeak-ng -v "$voice" -s 150 -w "$2" "$1"; }
flitevoice() { flite -voice "$voice" -t "$1" -o "$2"; }
festivalvoice() { printf '%s' "$1" > "$tmp/line.txt"; text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$2" "$tmp/line.txt"; }

for voice in en+m3 en-us+f2; do synth "espeak-${voice/+/-}" "$tmp/en.txt" espeak; done
for voice in cmn+m1 yue+f3; do synth "espeak-${voice/+/-}" "$tmp/zh.txt" espeak; done
for voice in awb kal16 rms slt; do synth "flite-$voice" "$tmp/en.txt" flitevoice; done
synth festival-slt-hts "$tmp/en.txt" festivalvoice
for d in "$out"/*/; do printf '%s: %s sentences, %s s\n' "$(basename "$d")" "$(ls "$d"/*.wav | wc -l)" \
  "$(soxi -D "$d"/*.wav | awk '{s += $1} END {printf "%.0f", s}')"; done
