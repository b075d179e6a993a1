#!/usr/bin/env bash
# Regenerates the small audio fixtures in Fixtures/audio/ from synthetic speech (espeak-ng),
# converted with sox and ffmpeg (Debian bookworm: espeak-ng 1.51, sox 14.4, ffmpeg 5.1).
# Larger files and zip bundles (good and hostile) are built by the tests in temporary folders.
#   apt-get install espeak-ng sox ffmpeg
#   bash Fixtures/make-audio-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p audio
out=audio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff() { ffmpeg -nostdin -v error -y "$@"; }

# About 15 s of English speech at espeak-ng's 22050 Hz.
espeak-ng -v en-us -s 150 -w "$tmp/speech.wav" \
  "Please record this sentence clearly in a quiet room, keeping an even distance from the microphone. \
The quick brown fox jumps over the lazy dog. She sells sea shells by the sea shore, and the shells she sells are surely sea shells."

# Voice takes (3 s, mono, 16-bit): the VOICE bundle tests zip copies of these.
sox "$tmp/speech.wav" -r 24000 -b 16 -c 1 $out/take-24k16.wav trim 0 3        # recommended rate
sox "$tmp/speech.wav" -r 16000 -b 16 -c 1 $out/take-16k.wav trim 0 3          # under 24 kHz
sox "$tmp/speech.wav" -r 44100 -c 1 "$tmp/take44.wav" trim 0 3
ff -i "$tmp/take44.wav" -c:a libmp3lame -b:a 64k -fflags +bitexact -map_metadata -1 $out/take-44k.mp3

# Zero-shot clips: exactly 15 s at 48 kHz as m4a (AAC) at 128 and 64 kbps, and at 8 kHz.
sox "$tmp/speech.wav" -r 48000 -c 1 "$tmp/clip48.wav" trim 0 15
ff -i "$tmp/clip48.wav" -c:a aac -b:a 128k -fflags +bitexact -map_metadata -1 $out/clip-48k-128k.m4a
ff -i "$tmp/clip48.wav" -c:a aac -b:a 64k -fflags +bitexact -map_metadata -1 $out/clip-48k-64k.m4a
ff -i "$tmp/clip48.wav" -ar 8000 -c:a aac -b:a 24k -fflags +bitexact -map_metadata -1 $out/clip-8k.m4a

# One format each (0.5 s at 24 kHz): WAV sample encodings, then compressed containers.
sox "$tmp/speech.wav" -r 24000 -c 1 "$tmp/short.wav" trim 0.5 0.5
sox "$tmp/short.wav" -e unsigned-integer -b 8 $out/pcm-u8.wav
sox "$tmp/short.wav" -e signed-integer -b 16 -c 2 $out/pcm-s16-stereo.wav
ff -i "$tmp/short.wav" -c:a pcm_s24le -fflags +bitexact -map_metadata -1 $out/pcm-s24-extensible.wav  # WAVE_FORMAT_EXTENSIBLE
ff -i "$tmp/short.wav" -c:a pcm_s32le -fflags +bitexact -map_metadata -1 $out/pcm-s32.wav
sox "$tmp/short.wav" -e floating-point -b 32 $out/float32.wav                    # WAVE_FORMAT_IEEE_FLOAT
sox "$tmp/short.wav" -b 16 $out/tone.flac
ff -i "$tmp/short.wav" -c:a libvorbis -q:a 2 -fflags +bitexact -map_metadata -1 $out/tone.ogg
ff -i "$tmp/short.wav" -c:a wmav2 -b:a 64k -fflags +bitexact -map_metadata -1 $out/tone.wma
ff -i "$tmp/short.wav" -c:a aac -b:a 64k -f adts -fflags +bitexact -map_metadata -1 $out/tone.aac
# Not audio, and damaged audio.
printf 'not audio, just a note\n' > $out/notes.txt
head -c 30 $out/take-24k16.wav > $out/truncated-header.wav
ls -l $out
