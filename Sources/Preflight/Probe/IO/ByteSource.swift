import Foundation

/// A readable, seekable run of bytes that the probes pull from: a file on disk, bytes in memory or
/// a zip entry. libavformat (through ``LibavInput``), libsndfile's virtual I/O and the photo
/// header readers all read through it, so a fuzzer can feed every reader from memory.
///
/// Seeks are lazy: they only move ``position``; a source that cannot seek (an inflating zip
/// entry) does the work on the next read. Reads never go past ``length``.
protocol ByteSource: AnyObject {
    /// Total length in bytes (the declared size, for a zip entry).
    var length: Int64 { get }
    /// The read position.
    var position: Int64 { get set }
    /// Reads up to `count` bytes at ``position`` and advances it: the bytes read, 0 at the end, -1 on a failure.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int
    /// Why the last read failed, when it did.
    var failure: ProbeError? { get }
}

extension ByteSource {
    /// Reads up to `count` bytes from the start without disturbing the position (for content sniffing).
    func head(_ count: Int) -> [UInt8] { bytes(at: 0, count: count) }

    /// Up to `count` bytes from `offset` (fewer at the end, none outside), without disturbing the position.
    func bytes(at offset: Int64, count: Int) -> [UInt8] {
        guard offset >= 0, offset < length, count > 0 else { return [] }
        let wanted = Int(min(Int64(count), length - offset))
        let saved = position
        defer { position = saved }
        position = offset
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let n = bytes.withUnsafeMutableBytes { read(into: $0.baseAddress! + filled, count: wanted - filled) }
            if n <= 0 { break }
            filled += n
        }
        if filled < wanted { bytes.removeLast(wanted - filled) }
        return bytes
    }
}

/// Keeps a byte source alive behind the `void *` of a C callback and gives it back.
final class ByteSourceBox {
    /// The source the callbacks read.
    let source: ByteSource

    private init(_ source: ByteSource) { self.source = source }

    /// A retained opaque pointer to a new box around `source`; balance with ``release(_:)``.
    static func retain(_ source: ByteSource) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(ByteSourceBox(source)).toOpaque()
    }

    /// The source behind a pointer made by ``retain(_:)``.
    static func source(_ pointer: UnsafeMutableRawPointer?) -> ByteSource {
        Unmanaged<ByteSourceBox>.fromOpaque(pointer!).takeUnretainedValue().source
    }

    /// Releases a pointer made by ``retain(_:)``.
    static func release(_ pointer: UnsafeMutableRawPointer) {
        Unmanaged<ByteSourceBox>.fromOpaque(pointer).release()
    }
}
