import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An audio file on disk as an ``AudioByteSource``. Owns its file descriptor.
final class FileAudioSource: AudioByteSource {
    let length: Int64
    var position: Int64 = 0
    private(set) var failure: ProbeError?
    private let descriptor: Int32
    private let deadline: ReadDeadline

    /// Opens `url` for reading; throws ``ProbeError`` when it cannot be opened.
    init(url: URL, deadline: ReadDeadline) throws {
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ProbeError(.notAFile, LocalizedText(zh: "无法打开文件：\(url.path)", en: "Cannot open the file: \(url.path)"),
                             detail: String(cString: strerror(errno)))
        }
        var info = stat()
        length = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
        self.deadline = deadline
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failure != nil { return -1 }
        guard position < length, count > 0 else { return 0 }
        if deadline.passed { failure = deadline.error; return -1 }
        let want = Int(min(Int64(count), length - position))
        let n = pread(descriptor, buffer, want, off_t(position))
        if n < 0 {
            failure = ProbeError(.unreadable, LocalizedText(zh: "读取文件出错。", en: "Reading the file failed."),
                                 detail: String(cString: strerror(errno)))
            return -1
        }
        position += Int64(n)
        return n
    }
}
