#!/usr/bin/env bash
# Makes the PDF fixtures in Fixtures/pdf/ used by Tests/PreflightTests/PDFProbeTests.swift.
#
# Needs: python3 (standard library only), qpdf, and pdfinfo (poppler-utils) for the cross-check.
# Idempotent: every run rewrites the same files. Plain files use qpdf's --deterministic-id and RC4 /
# AES-128 files its --static-id --static-aes-iv (test-only switches), so they come out byte-identical;
# AES-256 (R5/R6) files get fresh random salts each run, with the same properties.
#
# Expected results, cross-checked against `pdfinfo` (its "Pages:" and "Encrypted:" lines):
#   one-page.pdf                 1.4  pages 1  not encrypted
#   three-pages.pdf              1.7  pages 3  not encrypted
#   three-pages-objstm.pdf       1.7  pages 3  object streams + cross-reference stream
#   zero-pages.pdf               1.4  pages 0  (/Count 0, hand-written; pdfinfo: "Invalid page count 0")
#   owner-only-r2-rc4-40.pdf     1.7  pages 3  encrypted, empty user password (readable)
#   owner-only-r4-aes128.pdf     1.7  pages 3  encrypted, empty user password (readable)
#   owner-only-r5-aes256.pdf     1.7  pages 3  encrypted, empty user password (readable)
#   owner-only-r6-aes256.pdf     1.7  pages 3  encrypted, empty user password (readable)
#   owner-only-r6-objstm.pdf     1.7  pages 3  same, page tree inside encrypted object streams
#   user-password-r3-rc4.pdf     1.7  pages 3  encrypted, user password "user" (not readable;
#                                              `pdfinfo -upw user` says Pages: 3)
#   user-password-r6-aes256.pdf  1.7  pages 3  encrypted, user password "user" (not readable)
#   user-password-r6-objstm.pdf  1.7  -        page tree only inside encrypted object streams: no count
#   shifted-offsets.pdf          1.7  pages 3  every xref offset wrong; readers rebuild the table by scanning
#   truncated-tail.pdf           1.7  -        xref and trailer cut off: unreadable (pdfinfo and qpdf
#                                              fail too: "Couldn't find trailer dictionary")
#   truncated-half.pdf           1.7  -        cut in half: unreadable (same)
#   not-a-pdf.png                -    -        a 1x1 PNG image
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Minimal hand-written PDFs with a correct xref table: pages with a line of text each.
python3 - "$work" <<'PY'
import sys

def write_pdf(path, version, page_count):
    objects = []  # body of object n is objects[n - 1]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    first_page = 4
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(page_count))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {page_count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i in range(page_count):
        content = f"BT /F1 24 Tf 72 720 Td (Authorization page {i + 1}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {first_page + 2 * i + 1} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    body = bytearray(b"%PDF-" + version.encode() + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(body)

work = sys.argv[1]
write_pdf(f"{work}/one.pdf", "1.4", 1)
write_pdf(f"{work}/three.pdf", "1.7", 3)
write_pdf(f"{work}/zero.pdf", "1.4", 0)
PY

plain=(--deterministic-id --compress-streams=y)
qpdf "${plain[@]}" "$work/one.pdf" "$out/one-page.pdf"
qpdf "${plain[@]}" "$work/three.pdf" "$out/three-pages.pdf"
qpdf "${plain[@]}" --object-streams=generate "$work/three.pdf" "$out/three-pages-objstm.pdf"
cp "$work/zero.pdf" "$out/zero-pages.pdf"

# Encrypted copies. An empty user password means anyone can open the file ("owner-only").
three="$work/three.pdf"
qpdf() { command qpdf --static-id --static-aes-iv "$@"; }
qpdf --allow-weak-crypto --encrypt "" owner 40 -- "$three" "$out/owner-only-r2-rc4-40.pdf"
qpdf --encrypt "" owner 128 --use-aes=y -- "$three" "$out/owner-only-r4-aes128.pdf"
qpdf --allow-weak-crypto --encrypt "" owner 256 --force-R5 -- "$three" "$out/owner-only-r5-aes256.pdf"
qpdf --encrypt "" owner 256 -- "$three" "$out/owner-only-r6-aes256.pdf"
qpdf --object-streams=generate --encrypt "" owner 256 -- "$three" "$out/owner-only-r6-objstm.pdf"
qpdf --allow-weak-crypto --encrypt user owner 128 --use-aes=n -- "$three" "$out/user-password-r3-rc4.pdf"
qpdf --encrypt user owner 256 -- "$three" "$out/user-password-r6-aes256.pdf"
qpdf --object-streams=generate --encrypt user owner 256 -- "$three" "$out/user-password-r6-objstm.pdf"

# Damaged copies of three-pages.pdf: without its xref table and trailer, cut in half, and with a
# comment line inserted after the header so every xref offset is wrong (readers rebuild the table).
python3 - "$out/three-pages.pdf" "$out/truncated-tail.pdf" "$out/truncated-half.pdf" "$out/shifted-offsets.pdf" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(data[:data.rindex(b"\nxref") + 1])
open(sys.argv[3], "wb").write(data[:len(data) // 2])
header_end = data.index(b"\n") + 1
open(sys.argv[4], "wb").write(data[:header_end] + b"% inserted line that shifts every object\n" + data[header_end:])
PY

# Not a PDF: a 1x1 grey PNG.
python3 - "$out/not-a-pdf.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

# Cross-check with poppler where pdfinfo is available (it prints nothing for unreadable files).
if command -v pdfinfo >/dev/null; then
    for f in "$out"/*.pdf; do
        printf '%-30s %s\n' "$(basename "$f")" \
            "$(pdfinfo "$f" 2>/dev/null | grep -E '^(Pages|Encrypted|PDF version):' | tr -s ' ' | tr '\n' ' ')"
    done
fi
