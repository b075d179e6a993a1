#!/usr/bin/env bash
# Builds the committed seed corpora Fuzz/corpus/<target>/ (make fuzz-corpus): the small files of
# Fixtures/ and rules/, plus tiny media made by ffmpeg and Python so each run stays fast. Needs
# ffmpeg, python3 and zip (make deps).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{rules,manifest,video,audio,zip,photo,pdf}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rules: every built-in rule file, and small hostile ones (self include, aliases, bad units).
for f in rules/*.yaml rules/shared/*.yaml; do cp "$f" "$out/rules/$(echo "${f#rules/}" | tr / _)"; done
printf 'include: [studio.yaml]\nrules:\n  - id: material.frame_rate\n    min: 30 fps\n' > "$out/rules/self-include.yaml"
printf 'a: &a [x, x]\nb: &b [*a, *a]\nrules:\n  - id: r\n    slot: material\n    fact: file.size\n    max: *b\n' > "$out/rules/aliases.yaml"
printf 'rules:\n  - id: r\n    slot: material\n    fact: file.size\n    max: 3 fps\n    severity: error\n    pattern: "(a+"\n    when: [{fact: video.codec, one_of: [h264, 10 MB]}]\n    message: {zh: 大, en: big}\n' > "$out/rules/bad-units.yaml"
printf 'profiles:\n  strict:\n    rules:\n      - id: material.duration\n        min: 3 min\n' > "$out/rules/profile.yaml"

# manifest: YAML and JSON, one and many submissions.
cat > "$out/manifest/many.yaml" <<'YAML'
PathPrefix: https://bucket-1250000000.cos.ap-guangzhou.myqcloud.com/customer-pipeline/100/uuid/
defaults: {SexType: FEMALE}
submissions:
  - name: zhang-blue
    MakeType: IMAGE_GENERAL
    AnchorName: 张三蓝西服
    files: {material: takes/zhang.mp4, identity_pdf: auth/zhang.pdf}
  - MakeType: VOICE
    AnchorName: 张三声音
    TimbreInfo: {TimbreCode: x, Speed: "1.0"}
    files: {material: voice/zhang.zip, identity: /abs/auth.mp4}
YAML
printf 'MakeType: IMAGE_PHOTO\nAnchorName: a\nPhotoVersion: 1\nIsHaveBackground: true\nRemoveBackground: 2\nfiles: {material: p.jpg}\n' > "$out/manifest/single.yaml"
printf '{"submissions": [{"MakeType": "IMAGE", "AnchorName": "x", "files": {"material": "a.mp4"}}]}\n' > "$out/manifest/json.json"
printf 'x: &x {MakeType: IMAGE}\nsubmissions: [*x, *x]\n' > "$out/manifest/aliases.yaml"

# video: the small fixtures, then 1 s clips of 64x48 in every container preflight meets.
for f in authorization.mp4 png-named.mp4 empty.mp4; do cp "Fixtures/video/$f" "$out/video/"; done
ff() { ffmpeg -nostdin -loglevel error -y -f lavfi -i testsrc=size=64x48:rate=10:duration=1 -f lavfi -i sine=frequency=440:duration=1:sample_rate=8000 "$@"; }
ff -c:v libx264 -g 5 -c:a aac -shortest "$out/video/tiny.mp4"
ff -c:v libx264 -c:a aac -shortest -movflags +faststart -metadata:s:v:0 rotate=90 "$out/video/tiny-faststart-rotated.mp4"
ff -c:v mpeg4 -c:a pcm_s16le -shortest "$out/video/tiny.mov"
ff -c:v libx264 -c:a libvorbis -shortest "$out/video/tiny.mkv"
ff -c:v libvpx -c:a libopus -shortest "$out/video/tiny.webm" 2>/dev/null || true
ff -c:v mpeg4 -c:a mp3 -shortest "$out/video/tiny.avi" 2>/dev/null || ff -c:v mpeg4 -an "$out/video/tiny.avi"
ff -c:v mpeg2video -c:a mp2 -shortest "$out/video/tiny.ts"
ff -c:v flv1 -c:a mp3 -ar 22050 -shortest "$out/video/tiny.flv"
ff -c:v h263 -s 128x96 -an "$out/video/tiny.3gp" 2>/dev/null || true
ff -c:v libx264 -an -movflags +frag_keyframe+empty_moov "$out/video/tiny-fragmented.mp4"
ff -c:v wmv2 -c:a wmav2 -shortest "$out/video/tiny.wmv"
head -c 6000 "$out/video/tiny-faststart-rotated.mp4" > "$out/video/tiny-truncated.mp4"

# audio: the small fixtures, then 0.2 s tones in each format and sample encoding.
for f in tone.aac tone.ogg tone.wma tone.flac pcm-u8.wav truncated-header.wav; do cp "Fixtures/audio/$f" "$out/audio/"; done
tone() { ffmpeg -nostdin -loglevel error -y -f lavfi -i sine=frequency=440:duration=0.2:sample_rate=16000 "$@"; }
tone -c:a pcm_s16le "$out/audio/s16.wav"
tone -c:a pcm_s24le -ac 2 "$out/audio/s24-stereo.wav"
tone -c:a pcm_f32le "$out/audio/f32.wav"
tone -c:a pcm_mulaw "$out/audio/mulaw.wav"
tone -c:a adpcm_ms "$out/audio/adpcm.wav"
tone -c:a flac "$out/audio/tiny.flac"
tone -c:a libmp3lame -b:a 32k "$out/audio/tiny.mp3"
tone -c:a aac -b:a 32k "$out/audio/tiny.m4a"
tone -c:a libopus "$out/audio/tiny.opus"
tone -c:a pcm_s16be "$out/audio/tiny.aiff"
tone -c:a pcm_s16le -f w64 "$out/audio/tiny.w64"

# zip: stored, deflated and bzip2 entries, folders, legacy and Unicode names, links, nesting.
cp "$out/audio/s16.wav" "$tmp/take.wav"
( cd "$tmp" && python3 - <<'PY'
import zipfile
w = open('take.wav', 'rb').read()
with zipfile.ZipFile('stored.zip', 'w', zipfile.ZIP_STORED) as z:
    z.writestr('take.wav', w)
    z.writestr('notes.txt', 'hello')
with zipfile.ZipFile('deflated.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('takes/01.wav', w)
    z.writestr('takes/', '')
with zipfile.ZipFile('bzip2.zip', 'w', zipfile.ZIP_BZIP2) as z:
    z.writestr('take.wav', w)
with zipfile.ZipFile('names.zip', 'w') as z:
    i = zipfile.ZipInfo('张三.wav'); z.writestr(i, w)
    i = zipfile.ZipInfo('../evil.wav'); z.writestr(i, b'RIFF')
    i = zipfile.ZipInfo('link.wav'); i.create_system = 3; i.external_attr = 0o120777 << 16; z.writestr(i, '/etc/passwd')
with zipfile.ZipFile('nested.zip', 'w') as z:
    z.writestr('inner.zip', open('stored.zip', 'rb').read())
with zipfile.ZipFile('empty.zip', 'w') as z:
    pass
# A legacy GBK name without the UTF-8 flag: written as ASCII, then its bytes swapped in.
with zipfile.ZipFile('gbk.zip', 'w') as z:
    z.writestr('XXXX.wav', w[:200])
data = open('gbk.zip', 'rb').read().replace(b'XXXX.wav', '张三.wav'.encode('gbk'))
open('gbk.zip', 'wb').write(data)
PY
)
cp "$tmp"/{stored,deflated,bzip2,names,nested,empty,gbk}.zip "$out/zip/"
( cd "$tmp" && zip -q -P secret encrypted.zip take.wav ) && cp "$tmp/encrypted.zip" "$out/zip/"

# photo and pdf: every small fixture.
find Fixtures/photo -type f -size -80k -exec cp {} "$out/photo/" \;
cp Fixtures/pdf/*.pdf "$out/pdf/"

du -sh "$out"/* | sed 's/^/  /'
