#!/usr/bin/env bash
# Speech for the audio-quality calibration (Sources/PreflightCalibration): espeak-ng sentences,
# 16 kHz mono 16-bit FLAC, trimmed of leading and trailing silence. Synthetic speech, so the project can
# ship it freely. "talk-*" files are the speech under test, "babble-*" files are mixed into babble noise.
# Needs espeak-ng and sox. Run from anywhere; writes Fixtures/speech/.
set -euo pipefail
cd "$(dirname "$0")/speech"
rm -f ./*.flac
say() { # name voice text
  espeak-ng -w "$1.tmp.wav" -v "$2" -s 160 "$3"
  sox "$1.tmp.wav" -r 16000 -b 16 -c 1 -C 8 "$1.flac" silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse
  rm -f "$1.tmp.wav"
}
say talk-en-1 en "Please call Stella. Ask her to bring these things with her from the store: six spoons of fresh snow peas, five thick slabs of blue cheese, and maybe a snack for her brother Bob."
say talk-en-2 en+f3 "We also need a small plastic snake and a big toy frog for the kids. She can scoop these things into three red bags, and we will go meet her Wednesday at the train station."
say talk-cmn-1 cmn "今天天气很好，我们一起去公园散步吧。"
say babble-1 en+f2 "The north wind and the sun were disputing which was the stronger, when a traveler came along wrapped in a warm cloak."
say babble-2 en+m7 "They agreed that the one who first succeeded in making the traveler take his cloak off should be considered stronger than the other."
say babble-3 en-gb-x-rp+f4 "Then the north wind blew as hard as he could, but the more he blew the more closely did the traveler fold his cloak around him."
ls -l
