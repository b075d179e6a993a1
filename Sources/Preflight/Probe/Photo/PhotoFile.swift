import Foundation

/// A photo opened for reading by byte ranges, so a probe reads only the headers it needs: a file
/// on disk (`pread`) or bytes in memory, through a ``ByteSource``.
///
/// The first ``headLength`` bytes are read once and served from memory; other ranges are read on demand.
final class PhotoFile {
    /// Bytes read when the file is opened (enough for most JPEG, PNG and WebP headers).
    static let headLength = 64 * 1024

    /// The file's size in bytes.
    let size: Int
    /// The first bytes of the file (fewer when the file is shorter).
    let head: [UInt8]
    private let source: ByteSource

    /// Opens a regular file. Throws ``ProbeError`` when it is missing, a folder or not readable.
    convenience init(_ url: URL) throws {
        try self.init(source: FileByteSource(url: url))
    }

    /// A photo in memory.
    convenience init(data: Data) {
        self.init(source: MemoryByteSource(data))
    }

    init(source: ByteSource) {
        self.source = source
        size = Int(source.length)
        head = source.head(min(size, Self.headLength))
    }

    /// Up to `count` bytes from `offset`; fewer at the end of the file, none outside it.
    func read(_ offset: Int, _ count: Int) -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = min(count, size - offset)
        if offset + wanted <= head.count { return Array(head[offset..<offset + wanted]) }
        return source.bytes(at: Int64(offset), count: wanted)
    }
}

/// Bounds-checked reads of integers and text from byte arrays: nil instead of a crash when out of range.
enum PhotoBytes {
    /// An unsigned 16-bit integer at `i`.
    static func u16(_ b: [UInt8], _ i: Int, bigEndian: Bool) -> Int? {
        guard i >= 0, i + 2 <= b.count else { return nil }
        return bigEndian ? Int(b[i]) << 8 | Int(b[i + 1]) : Int(b[i + 1]) << 8 | Int(b[i])
    }

    /// An unsigned 32-bit integer at `i`.
    static func u32(_ b: [UInt8], _ i: Int, bigEndian: Bool) -> Int? {
        guard i >= 0, i + 4 <= b.count else { return nil }
        let v = bigEndian
            ? UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
            : UInt32(b[i + 3]) << 24 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i])
        return Int(v)
    }

    /// An unsigned 64-bit integer at `i`, or nil when it does not fit an `Int`.
    static func u64(_ b: [UInt8], _ i: Int, bigEndian: Bool) -> Int? {
        guard let hi = u32(b, bigEndian ? i : i + 4, bigEndian: bigEndian),
              let lo = u32(b, bigEndian ? i + 4 : i, bigEndian: bigEndian), hi < 0x8000_0000 else { return nil }
        return hi << 32 | lo
    }

    /// Whether the bytes at `i` are the ASCII text `s`.
    static func matches(_ b: [UInt8], _ i: Int, _ s: String) -> Bool {
        let want = Array(s.utf8)
        guard i >= 0, i + want.count <= b.count else { return false }
        for (k, c) in want.enumerated() where b[i + k] != c { return false }
        return true
    }

    /// Four bytes at `i` as text (a chunk or box type), with non-printable bytes shown as `?`.
    static func fourCC(_ b: [UInt8], _ i: Int) -> String {
        guard i >= 0, i + 4 <= b.count else { return "????" }
        return String(b[i..<i + 4].map { (0x20...0x7E).contains($0) ? Character(UnicodeScalar($0)) : "?" })
    }
}
