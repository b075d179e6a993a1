#!/usr/bin/env bash
# Third-party ground truth for the audio-quality estimates, kept small in Fixtures/:
# - rooms/ism-NN.flac: room impulse responses from the image-source model of pyroomacoustics (PyPI, MIT),
#   shoebox rooms from 3×2.5 m to 12×9 m, RT60 0.1–1.5 s, talker 0.3–5 m from the microphone; 16 kHz,
#   24-bit, peak 0.99. rooms/rooms.tsv lists each room. C50 truth is computed from the response itself.
# - real/pyannote-sample.flac with real/pyannote-sample.rttm: the 30 s two-speaker recording shipped in
#   the pyannote.audio wheel (PyPI, MIT) and its human-annotated speaker turns.
# Needs python3 with venv and pip (PyPI reachable), sox. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q "pyroomacoustics==0.10.*" numpy soundfile
"$tmp/venv/bin/pip" download -q --no-deps -d "$tmp/wheel" pyannote.audio
"$tmp/venv/bin/python" - "$tmp" <<'PY'
import glob, sys, zipfile
import numpy as np, pyroomacoustics as pra, soundfile as sf
tmp = sys.argv[1]
fs = 16000
rng = np.random.default_rng(7)
specs = [  # room (m), RT60 (s), talker-to-microphone distance (m)
    ([4, 3, 2.7], 0.25, 1.0), ([4, 3, 2.7], 0.4, 2.0), ([5, 4, 3], 0.5, 0.5), ([5, 4, 3], 0.6, 3.0),
    ([6, 5, 3], 0.8, 1.5), ([8, 6, 3.5], 1.0, 4.0), ([10, 8, 4], 1.2, 2.0), ([3, 2.5, 2.5], 0.15, 0.7),
    ([7, 5, 3], 0.35, 1.2), ([12, 9, 5], 1.5, 5.0), ([5, 4, 3], 0.3, 2.5), ([6, 4, 2.8], 0.7, 0.8),
    ([4.5, 3.5, 2.6], 0.2, 0.4), ([9, 7, 3.2], 0.9, 3.0), ([4, 3, 2.7], 0.12, 0.3), ([3, 3, 2.5], 0.1, 0.25)]
rows = ["name\troom_m\trt60_s\tdistance_m"]
for i, (dims, rt60, dist) in enumerate(specs):
    absorption, order = pra.inverse_sabine(rt60, dims)
    room = pra.ShoeBox(dims, fs=fs, materials=pra.Material(absorption), max_order=min(order, 40),
                       use_rand_ism=True, max_rand_disp=0.05)
    src = np.array([dims[0] * 0.3, dims[1] * 0.5, 1.6])
    angle = rng.uniform(-0.5, 0.5)
    mic = np.clip(src + dist * np.array([np.cos(angle), np.sin(angle), 0]), 0.3, np.array(dims) - 0.3)
    mic[2] = 1.2
    room.add_source(src.tolist()); room.add_microphone(mic.tolist())
    room.compute_rir()
    h = np.array(room.rir[0][0])
    h = 0.99 * h / np.max(np.abs(h))
    name = f"ism-{i:02d}"
    sf.write(f"rooms/{name}.flac", h, fs, subtype="PCM_24")
    rows.append(f"{name}\t{dims[0]}x{dims[1]}x{dims[2]}\t{rt60}\t{np.linalg.norm(mic - src):.2f}")
open("rooms/rooms.tsv", "w").write("\n".join(rows) + "\n")
wheel = glob.glob(tmp + "/wheel/pyannote_audio-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    open(tmp + "/sample.wav", "wb").write(z.read("pyannote/audio/sample/sample.wav"))
    open("real/pyannote-sample.rttm", "wb").write(z.read("pyannote/audio/sample/sample.rttm"))
PY
sox "$tmp/sample.wav" -C 8 real/pyannote-sample.flac
ls -l rooms real
