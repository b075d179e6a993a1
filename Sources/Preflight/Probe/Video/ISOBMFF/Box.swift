import Foundation

/// One box of an ISO base media file: its four-character type and where its payload lies in the
/// bytes it was found in.
struct Box {
    /// The type, e.g. `moov`, as four ASCII bytes (other bytes are kept as they are).
    let type: String
    /// First byte of the payload (after the size, type and any 64-bit size).
    let start: Int
    /// One past the last byte of the payload.
    let end: Int

    /// The most child boxes read in one container: more is taken as hostile.
    static let childLimit = 20_000

    /// The boxes that tile `bytes[start..<end]`. Throws ``NotPlainlyUnderstood`` on a size below 8,
    /// a size of 0 (to the end, which libavformat reads differently inside containers), a box running
    /// past its container or more than ``childLimit`` children. Fewer than 8 trailing bytes are
    /// skipped, as libavformat skips them.
    static func children(of bytes: [UInt8], from start: Int, to end: Int) throws -> [Box] {
        var boxes: [Box] = []
        var i = start
        while end - i >= 8 {
            guard let size32 = ByteReader.u32(bytes, i, bigEndian: true) else { throw NotPlainlyUnderstood("box header") }
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            var header = 8, size = size32
            if size32 == 1 {
                guard let big = ByteReader.u64(bytes, i + 8, bigEndian: true) else { throw NotPlainlyUnderstood("64-bit size") }
                size = big; header = 16
            }
            try require(size >= header && size <= end - i, "box \(type) size \(size)")
            boxes.append(Box(type: type, start: i + header, end: i + size))
            try require(boxes.count <= childLimit, "too many boxes")
            i += size
        }
        return boxes
    }

    /// The version byte of a full box (the first of its 4-byte version and flags); throws
    /// ``NotPlainlyUnderstood`` when the payload is too short to hold them.
    func version(_ bytes: [UInt8]) throws -> UInt8 {
        try require(end - start >= 4 && end <= bytes.count, "\(type) without version and flags")
        return bytes[start]
    }

    /// The time scale and duration of a `mvhd` or `mdhd` (version 0: 32-bit times, version 1: 64-bit),
    /// and the offset just past the duration. Throws ``NotPlainlyUnderstood`` on another version, a
    /// payload too short for them, a scale of 0 or above 2³¹ − 1, or a duration of 2⁶³ or more.
    func scaleAndDuration(_ bytes: [UInt8]) throws -> (scale: Int64, duration: Int64, next: Int) {
        let version = try version(bytes)
        let at = start + (version == 1 ? 20 : 12)
        let next = at + (version == 1 ? 12 : 8)
        try require(version <= 1 && next <= end, "\(type) size")
        let scale = ByteReader.u32(bytes, at, bigEndian: true)!
        try require(scale > 0 && scale <= Int(Int32.max), "\(type) time scale")
        let duration = version == 1 ? ByteReader.u64(bytes, at + 4, bigEndian: true) : ByteReader.u32(bytes, at + 4, bigEndian: true)
        guard let duration else { throw NotPlainlyUnderstood("\(type) duration") }
        return (Int64(scale), Int64(duration), next)
    }

    /// The payload of this box in `bytes`.
    func payload(_ bytes: [UInt8]) -> ArraySlice<UInt8> { bytes[start..<end] }
}
