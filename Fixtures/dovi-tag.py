#!/usr/bin/env python3
"""Writes a Dolby Vision configuration box (dvcC) into the first hvc1/hev1 sample entry of an mp4.

Usage: dovi-tag.py IN.mp4 OUT.mp4. The box says profile 8, level 1, RPU and base layer present,
base-layer signal compatibility 1 (HDR10), as a Dolby Vision profile 8.1 phone clip declares it. The
parent boxes' sizes grow by the box's 32 bytes; chunk offsets (stco/co64) are moved when the moov box
comes before the media data. Only for making test fixtures.
"""
import struct, sys

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}

def dvcc():
    profile, level, rpu, el, bl, compat = 8, 1, 1, 0, 1, 1
    bits = (profile << 9) | (level << 3) | (rpu << 2) | (el << 1) | bl
    payload = bytes([1, 0]) + struct.pack(">H", bits) + bytes([compat << 4]) + bytes(19)
    return struct.pack(">I", 8 + len(payload)) + b"dvcC" + payload

def boxes(data, start, end):
    i = start
    while i + 8 <= end:
        size, kind = struct.unpack(">I4s", data[i:i + 8])
        if size < 8 or i + size > end:
            raise SystemExit("malformed box at %d" % i)
        yield i, size, kind
        i += size

def main(src, dst):
    data = bytearray(open(src, "rb").read())
    box = dvcc()
    path = []  # (offset) of every box on the way to the sample entry

    def find(start, end):
        for off, size, kind in boxes(data, start, end):
            if kind in CONTAINERS:
                path.append(off)
                r = find(off + 8, off + size)
                if r is not None:
                    return r
                path.pop()
            elif kind == b"stsd":
                path.append(off)
                for eoff, esize, ekind in boxes(data, off + 16, off + size):
                    if ekind in (b"hvc1", b"hev1"):
                        path.append(eoff)
                        return eoff + esize
                path.pop()
        return None

    insert_at = find(0, len(data))
    if insert_at is None:
        raise SystemExit("no HEVC sample entry found")
    moov_off = path[0]
    mdat_after_moov = any(kind == b"mdat" and off > moov_off for off, _, kind in boxes(data, 0, len(data)))
    for off in path:
        size = struct.unpack(">I", data[off:off + 4])[0]
        data[off:off + 4] = struct.pack(">I", size + len(box))
    data[insert_at:insert_at] = box
    if mdat_after_moov:
        raise SystemExit("moov before mdat: chunk offsets would need moving (not needed for these fixtures)")
    open(dst, "wb").write(data)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
