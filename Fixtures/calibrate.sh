#!/usr/bin/env bash
# Full audio-quality calibration: mixes the speech of Fixtures/speech with noise at known SNRs,
# convolves it with synthetic rooms of known C50, inserts known silences and clipped stretches, runs the
# analysis and writes the error tables the documentation cites (AudioQuality.md, "Known error"):
# docs/audio-calibration-synthetic.md (OUT.md), docs/audio-calibration-snr.md (many voices) and
# docs/audio-calibration-rooms.md (image-source rooms, a real
# annotated recording).
# Usage: Fixtures/calibrate.sh [OUT.md]   (SCRATCH=… picks the build folder; PREFLIGHT_CALIBRATION_CASES=1 lists every case)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/audio-calibration-synthetic.md}
scratch=${SCRATCH:-.build}
swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path "$scratch"
voices="$scratch/calibration/voices"
[ -d "$voices/flite-awb" ] || bash Fixtures/make-calibration-voices.sh "$voices" 24
PREFLIGHT_CALIBRATION_VOICES="$voices" PREFLIGHT_CALIBRATION_VOICES_OUT=docs/audio-calibration-snr.md \
  swift test -c release -Xswiftc -enable-testing --scratch-path "$scratch" --skip-build --filter "AudioQualityCalibrationTests/voiceCalibration" >/dev/null
PREFLIGHT_CALIBRATION_ROOMS_OUT=docs/audio-calibration-rooms.md \
  swift test -c release -Xswiftc -enable-testing --scratch-path "$scratch" --skip-build --filter "AudioRealRecordingTests/roomCalibration" >/dev/null
PREFLIGHT_CALIBRATE=1 PREFLIGHT_CALIBRATION_OUT="$out" \
  swift test -c release -Xswiftc -enable-testing --scratch-path "$scratch" --skip-build --filter "AudioQualityCalibrationTests/fullCalibration" >/dev/null
cat "$out"
