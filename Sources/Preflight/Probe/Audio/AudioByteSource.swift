import Foundation

/// A readable, seekable run of bytes that the audio decoders pull from: a file on disk or a zip entry.
///
/// Seeks are lazy: they only move ``position``; a source that cannot seek (an inflating zip
/// entry) does the work on the next read. Reads never go past ``length``.
protocol AudioByteSource: AnyObject {
    /// Total length in bytes (the declared size, for a zip entry).
    var length: Int64 { get }
    /// The read position.
    var position: Int64 { get set }
    /// Reads up to `count` bytes at ``position`` and advances it: the bytes read, 0 at the end, -1 on a failure.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int
    /// Why the last read failed, when it did.
    var failure: ProbeError? { get }
}

extension AudioByteSource {
    /// Reads up to `count` bytes from the start without disturbing the position (for content sniffing).
    func head(_ count: Int) -> [UInt8] {
        let saved = position
        defer { position = saved }
        position = 0
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { read(into: $0.baseAddress! + filled, count: count - filled) }
            if n <= 0 { break }
            filled += n
        }
        return Array(bytes.prefix(filled))
    }
}

/// A monotonic point in time after which reading gives up (``ProbeOptions/timeout``).
struct ReadDeadline: Sendable {
    /// Monotonic nanoseconds.
    let uptimeNanoseconds: UInt64
    /// The seconds allowed, for messages.
    let seconds: Double

    /// A deadline `seconds` from now.
    init(seconds: Double) {
        self.seconds = seconds
        uptimeNanoseconds = DispatchTime.now().uptimeNanoseconds + UInt64(max(0.001, min(seconds, 1e6)) * 1e9)
    }

    /// Whether the time has run out.
    var passed: Bool { DispatchTime.now().uptimeNanoseconds > uptimeNanoseconds }

    /// The error reported when it has.
    var error: ProbeError {
        ProbeError(.limitExceeded, LocalizedText(
            zh: "读取超时（超过 \(FactFormatting.trim(seconds, digits: 1)) 秒），已放弃；可用 --timeout 放宽。",
            en: "Gave up after \(FactFormatting.trim(seconds, digits: 1)) s reading; raise --timeout to allow more."))
    }
}
