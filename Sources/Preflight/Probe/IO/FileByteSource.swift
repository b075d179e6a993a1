import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A regular file on disk as a ``ByteSource``, read with `pread`. Owns its file descriptor.
///
/// Only regular files are opened: a FIFO, a device or a folder is refused before anything blocks
/// on it (the descriptor is opened non-blocking, then checked with `fstat`).
final class FileByteSource: ByteSource {
    let length: Int64
    var position: Int64 = 0
    private(set) var failure: ProbeError?
    private let descriptor: Int32
    private let deadline: ReadDeadline?
    /// Bytes read ahead once reads run back to back.
    static let readAhead = 256 * 1024
    /// Back-to-back reads before the read-ahead window opens.
    static let sequentialBeforeReadAhead = 2
    private var window: UnsafeMutableRawPointer?
    private var windowStart: Int64 = 0
    private var windowCount = 0
    private var lastEnd: Int64 = -1
    private var sequentialReads = 0

    /// Opens `url` for reading. Throws ``ProbeError`` `missing` when there is no such file and
    /// `notAFile` when it is not a regular file or cannot be opened.
    init(url: URL, deadline: ReadDeadline? = nil) throws {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT {
                throw ProbeError(.missing, FileText.noSuchFile(path))
            }
            throw ProbeError(.notAFile, FileText.cannotOpen(path),
                             detail: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & Glibc.S_IFMT) == Glibc.S_IFREG else {
            close(fd)
            throw ProbeError(.notAFile, FileText.notRegularFile(path))
        }
        descriptor = fd
        length = Int64(info.st_size)
        self.deadline = deadline
    }

    deinit {
        close(descriptor)
        window?.deallocate()
    }

    /// Reads `count` bytes at ``position`` (fewer only at the end of the file or on a failure).
    ///
    /// Small reads that follow each other (libsndfile asks for 8 KiB at a time, libavformat for 32 KiB)
    /// are served from a read-ahead window of ``readAhead`` bytes, filled by one `pread`: a 30 MB
    /// recording costs about a hundred system calls instead of thousands. The window opens only after
    /// ``sequentialBeforeReadAhead`` back-to-back reads, so sniffing a header reads no more than it asks.
    /// A read of a quarter window or more (the raw PCM blocks of a WAV) takes what the window still holds
    /// and reads the rest straight into the caller's buffer: copying it through the window again would
    /// cost a copy of the whole file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failure != nil { return -1 }
        guard position >= 0, position < length, count > 0 else { return 0 }
        if let deadline, deadline.passed { failure = deadline.error; return -1 }
        let want = Int(min(Int64(count), length - position))
        sequentialReads = position == lastEnd ? sequentialReads + 1 : 0
        var done = 0
        while done < want {
            if let n = fromWindow(buffer + done, count: want - done) { done += n; continue }
            if want < Self.readAhead / 4, sequentialReads >= Self.sequentialBeforeReadAhead {
                guard fillWindow() else { break }
                continue
            }
            let n = readFile(into: buffer + done, count: want - done, at: position)
            if n <= 0 { break }
            done += n
            position += Int64(n)
        }
        lastEnd = position
        return done > 0 || failure == nil ? done : -1
    }

    /// Bytes of the read-ahead window at ``position``, or nil when the window does not hold it.
    private func fromWindow(_ buffer: UnsafeMutableRawPointer, count: Int) -> Int? {
        guard let window, position >= windowStart, position < windowStart + Int64(windowCount) else { return nil }
        let offset = Int(position - windowStart)
        let n = min(count, windowCount - offset)
        buffer.copyMemory(from: window + offset, byteCount: n)
        position += Int64(n)
        return n
    }

    /// Fills the window from ``position``; false at the end of the file or on a failure.
    private func fillWindow() -> Bool {
        let window = self.window ?? UnsafeMutableRawPointer.allocate(byteCount: Self.readAhead, alignment: 64)
        self.window = window
        let n = readFile(into: window, count: Int(min(Int64(Self.readAhead), length - position)), at: position)
        windowStart = position
        windowCount = max(n, 0)
        return n > 0
    }

    /// One `pread`, retried on EINTR; records a failure.
    private func readFile(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) -> Int {
        var n: Int
        repeat { n = pread(descriptor, buffer, count, off_t(offset)) } while n < 0 && errno == EINTR
        if n < 0 {
            failure = ProbeError(.unreadable, FileText.readFailed,
                                 detail: String(cString: strerror(errno)))
        }
        return n
    }
}

extension FileByteSource {
    /// The whole content of a regular file of at most `limit` bytes (a FIFO or a device is refused,
    /// not waited on). Throws ``ProbeError`` `missing` or `notAFile`, or `limitExceeded` with the
    /// file's size when it is larger.
    static func contents(of url: URL, limit: Int) throws -> Data {
        let source = try FileByteSource(url: url)
        guard source.length <= Int64(limit) else {
            throw ProbeError(.limitExceeded, FileText.tooLarge(bytes: source.length),
                             detail: "\(source.length)")
        }
        let bytes = source.bytes(at: 0, count: Int(source.length))
        if let failure = source.failure { throw failure }
        return Data(bytes)
    }
}
