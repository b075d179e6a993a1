import Foundation

/// Where the bytes of a zip bundle are: a file on disk, or memory (tests and fuzzing). The central
/// directory is read by hand through a ``ByteSource``; libzip opens its own handle per reader thread.
enum ZipBundleInput {
    /// A zip file on disk.
    case file(URL)
    /// A zip in memory.
    case memory(ZipBytes)

    /// A byte source over the whole zip, for reading its central directory.
    func source() throws -> ByteSource {
        switch self {
        case .file(let url): return try FileByteSource(url: url)
        case .memory(let bytes): return MemoryByteSource(bytes.data)
        }
    }

    /// A new libzip handle on the zip.
    func open() throws -> ZipArchive {
        switch self {
        case .file(let url): return try ZipArchive(url: url)
        case .memory(let bytes): return try ZipArchive(bytes: bytes)
        }
    }
}

/// A zip held in memory at a stable address for libzip's buffer sources, shared by every handle
/// opened on it and freed when the last one goes.
final class ZipBytes: @unchecked Sendable {
    /// The bytes (a copy of the caller's data).
    let data: Data
    /// The same bytes at a stable address, for `zip_source_buffer_create`.
    let buffer: UnsafeMutableRawBufferPointer

    /// Copies `data`.
    init(_ data: Data) {
        self.data = data
        buffer = .allocate(byteCount: max(1, data.count), alignment: 16)
        _ = data.copyBytes(to: buffer.bindMemory(to: UInt8.self))
    }

    deinit { buffer.deallocate() }

    /// The number of bytes.
    var count: Int { data.count }
}
