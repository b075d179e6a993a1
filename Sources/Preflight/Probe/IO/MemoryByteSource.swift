import Foundation

/// Bytes in memory as a ``ByteSource``: what the in-memory probe entry points (and the fuzzers)
/// read, through the same decoders as files on disk.
final class MemoryByteSource: ByteSource {
    let length: Int64
    var position: Int64 = 0
    private(set) var failure: ProbeError?
    private let bytes: Data
    private let deadline: ReadDeadline?

    /// A source over `data`; reads give up once `deadline` passes.
    init(_ data: Data, deadline: ReadDeadline? = nil) {
        bytes = data
        length = Int64(data.count)
        self.deadline = deadline
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failure != nil { return -1 }
        guard position >= 0, position < length, count > 0 else { return 0 }
        if let deadline, deadline.passed { failure = deadline.error; return -1 }
        let n = Int(min(Int64(count), length - position))
        let start = Int(position)
        bytes.withUnsafeBytes { raw in buffer.copyMemory(from: raw.baseAddress! + start, byteCount: n) }
        position += Int64(n)
        return n
    }
}
