import Foundation

/// A big-endian bit cursor over the payload of one H.264/HEVC NAL unit (emulation prevention bytes
/// removed), with Exp-Golomb codes. Reads past the end give zeros and set ``overread``, never trap.
struct BitReader {
    /// The bytes read.
    let bytes: [UInt8]
    /// The next bit to read, counted from the first byte's most significant bit.
    private(set) var position = 0
    /// Whether a read went past the end.
    private(set) var overread = false

    /// A cursor at the first bit of `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Bits left to read (negative after an overread).
    var bitsLeft: Int { bytes.count * 8 - position }

    /// One bit.
    mutating func bit() -> Int {
        guard position < bytes.count * 8 else { overread = true; position += 1; return 0 }
        defer { position += 1 }
        return Int(bytes[position >> 3] >> (7 - UInt8(position & 7)) & 1)
    }

    /// `n` bits (at most 32) as an unsigned value.
    mutating func bits(_ n: Int) -> Int {
        var v = 0
        for _ in 0..<n { v = v << 1 | bit() }
        return v
    }

    /// Skips `n` bits.
    mutating func skip(_ n: Int) { for _ in 0..<n { _ = bit() } }

    /// An unsigned Exp-Golomb code; nil when it has more than 31 leading zeros (longer than libavcodec reads).
    mutating func ue() -> Int? {
        var zeros = 0
        while bit() == 0 {
            zeros += 1
            if zeros > 31 || overread { return nil }
        }
        return (1 << zeros) - 1 + bits(zeros)
    }

    /// A signed Exp-Golomb code.
    mutating func se() -> Int? {
        guard let k = ue() else { return nil }
        return k & 1 == 1 ? (k + 1) / 2 : -(k / 2)
    }

    /// The payload of a NAL unit with its emulation prevention bytes (`00 00 03`) removed, and its
    /// trailing zero bytes dropped; nil when a start code (`00 00 00`, `00 00 01`, `00 00 02`) occurs
    /// inside, which libavcodec would take as the end of the unit.
    static func rbsp(_ nal: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(nal.count)
        var zeros = 0
        for b in nal {
            if zeros >= 2 {
                if b == 3 { zeros = 0; continue }
                if b <= 2 { return nil }
            }
            out.append(b)
            zeros = b == 0 ? zeros + 1 : 0
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// The number of payload bits before the RBSP stop bit of `rbsp` (libavcodec's `size_bits`).
    static func sizeInBits(_ rbsp: [UInt8]) -> Int {
        guard let last = rbsp.last, last != 0 else { return rbsp.count * 8 }
        return rbsp.count * 8 - (last.trailingZeroBitCount + 1)
    }
}
