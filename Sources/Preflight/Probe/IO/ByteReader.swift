import Foundation

/// Bounds-checked reads of integers and text from a byte array, for every header parser (zip
/// directories, photo headers, box and chunk walkers): a read outside the bytes never traps.
///
/// Two ways to read: a cursor (``u8()``, ``u16()`` …) that advances ``offset`` and, past the end,
/// gives zeros and sets ``short``; and random access (``u16(_:_:bigEndian:)`` …) that gives nil
/// outside the bytes.
struct ByteReader {
    /// The bytes read.
    let bytes: [UInt8]
    /// Where the next cursor read starts.
    var offset: Int
    /// Whether the cursor byte order is big-endian (little-endian otherwise).
    let bigEndian: Bool
    /// Whether a cursor read went past the end (its value then counts the missing bytes as zeros).
    private(set) var short = false

    /// A cursor over `bytes` from `offset`, little-endian unless `bigEndian`.
    init(_ bytes: [UInt8], at offset: Int, bigEndian: Bool = false) {
        self.bytes = bytes
        self.offset = offset
        self.bigEndian = bigEndian
    }

    /// The next byte.
    mutating func u8() -> UInt8 {
        guard offset >= 0, offset < bytes.count else { short = true; offset += 1; return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next 16-bit unsigned integer.
    mutating func u16() -> UInt16 {
        let a = UInt16(u8()), b = UInt16(u8())
        return bigEndian ? a << 8 | b : a | b << 8
    }

    /// The next 32-bit unsigned integer.
    mutating func u32() -> UInt32 {
        let a = UInt32(u16()), b = UInt32(u16())
        return bigEndian ? a << 16 | b : a | b << 16
    }

    /// The next 64-bit unsigned integer.
    mutating func u64() -> UInt64 {
        let a = UInt64(u32()), b = UInt64(u32())
        return bigEndian ? a << 32 | b : a | b << 32
    }

    /// The next `n` bytes; none (and ``short`` set) when fewer are left.
    mutating func take(_ n: Int) -> [UInt8] {
        guard n >= 0, offset >= 0, offset + n <= bytes.count else { short = true; offset += max(0, n); return [] }
        defer { offset += n }
        return Array(bytes[offset..<offset + n])
    }

    /// An unsigned 16-bit integer at `i`, or nil outside `b`.
    static func u16(_ b: [UInt8], _ i: Int, bigEndian: Bool) -> Int? {
        guard i >= 0, i + 2 <= b.count else { return nil }
        return bigEndian ? Int(b[i]) << 8 | Int(b[i + 1]) : Int(b[i + 1]) << 8 | Int(b[i])
    }

    /// An unsigned 32-bit integer at `i`, or nil outside `b`.
    static func u32(_ b: [UInt8], _ i: Int, bigEndian: Bool) -> Int? {
        guard i >= 0, i + 4 <= b.count else { return nil }
        let v = bigEndian
            ? UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
            : UInt32(b[i + 3]) << 24 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i])
        return Int(v)
    }

    /// An unsigned 64-bit integer at `i`, or nil outside `b` or when it does not fit an `Int`.
    static func u64(_ b: [UInt8], _ i: Int, bigEndian: Bool) -> Int? {
        guard let hi = u32(b, bigEndian ? i : i + 4, bigEndian: bigEndian),
              let lo = u32(b, bigEndian ? i + 4 : i, bigEndian: bigEndian), hi < 0x8000_0000 else { return nil }
        return hi << 32 | lo
    }

    /// Whether the bytes at `i` are the ASCII text `s` (false when they run past the end).
    static func matches(_ b: [UInt8], _ i: Int, _ s: String) -> Bool {
        let want = Array(s.utf8)
        guard i >= 0, i + want.count <= b.count else { return false }
        for (k, c) in want.enumerated() where b[i + k] != c { return false }
        return true
    }

    /// Whether `b` starts with `prefix`.
    static func starts(_ b: [UInt8], with prefix: [UInt8]) -> Bool {
        b.count >= prefix.count && b.prefix(prefix.count).elementsEqual(prefix)
    }

    /// Four bytes at `i` as text (a chunk or box type), with non-printable bytes shown as `?`.
    static func fourCC(_ b: [UInt8], _ i: Int) -> String {
        guard i >= 0, i + 4 <= b.count else { return "????" }
        return String(b[i..<i + 4].map { (0x20...0x7E).contains($0) ? Character(UnicodeScalar($0)) : "?" })
    }
}
