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

    /// Opens `url` for reading. Throws ``ProbeError`` `missing` when there is no such file and
    /// `notAFile` when it is not a regular file or cannot be opened.
    init(url: URL, deadline: ReadDeadline? = nil) throws {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT {
                throw ProbeError(.missing, LocalizedText(zh: "文件不存在：\(path)", en: "No such file: \(path)"))
            }
            throw ProbeError(.notAFile, LocalizedText(zh: "无法打开文件：\(path)", en: "Cannot open the file for reading: \(path)"),
                             detail: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & Glibc.S_IFMT) == Glibc.S_IFREG else {
            close(fd)
            throw ProbeError(.notAFile, LocalizedText(zh: "这不是一个普通文件：\(path)", en: "This is not a regular file: \(path)"))
        }
        descriptor = fd
        length = Int64(info.st_size)
        self.deadline = deadline
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failure != nil { return -1 }
        guard position >= 0, position < length, count > 0 else { return 0 }
        if let deadline, deadline.passed { failure = deadline.error; return -1 }
        let want = Int(min(Int64(count), length - position))
        var n: Int
        repeat { n = pread(descriptor, buffer, want, off_t(position)) } while n < 0 && errno == EINTR
        if n < 0 {
            failure = ProbeError(.unreadable, LocalizedText(zh: "读取文件出错。", en: "Reading the file failed."),
                                 detail: String(cString: strerror(errno)))
            return -1
        }
        position += Int64(n)
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
            throw ProbeError(.limitExceeded, LocalizedText(zh: "文件过大（\(source.length) 字节）。", en: "The file is too large (\(source.length) bytes)."),
                             detail: "\(source.length)")
        }
        let bytes = source.bytes(at: 0, count: Int(source.length))
        if let failure = source.failure { throw failure }
        return Data(bytes)
    }
}
