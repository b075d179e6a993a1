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
