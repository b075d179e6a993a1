import Foundation

/// The texts of opening and reading a file, whatever its kind (see `MessageCatalog`).
enum FileText {
    /// The path does not exist.
    static func noSuchFile(_ path: String) -> LocalizedText { LocalizedText(zh: "文件不存在：\(path)", en: "No such file: \(path)") }
    /// The path is a folder.
    static func folderNotFile(_ path: String) -> LocalizedText {
        LocalizedText(zh: "这是一个文件夹，不是文件：\(path)", en: "This is a folder, not a file: \(path)")
    }
    /// The file exists but cannot be opened, most likely for its permissions.
    static func cannotOpenPermissions(_ path: String) -> LocalizedText {
        LocalizedText(zh: "无法读取文件（权限不足？）：\(path)", en: "Cannot open the file for reading (permissions?): \(path)")
    }
    /// `open` failed for another reason than a missing path.
    static func cannotOpen(_ path: String) -> LocalizedText { LocalizedText(zh: "无法打开文件：\(path)", en: "Cannot open the file for reading: \(path)") }
    /// The path is a FIFO, a device or another non-regular file.
    static func notRegularFile(_ path: String) -> LocalizedText {
        LocalizedText(zh: "这不是一个普通文件：\(path)", en: "This is not a regular file: \(path)")
    }
    /// A read of the open file failed.
    static let readFailed = LocalizedText(zh: "读取文件出错。", en: "Reading the file failed.")
    /// The file is larger than what is read into memory.
    static func tooLarge(bytes: Int64) -> LocalizedText {
        LocalizedText(zh: "文件过大（\(bytes) 字节）。", en: "The file is too large (\(bytes) bytes).")
    }
    /// The file has no bytes.
    static let empty = LocalizedText(zh: "文件是空的（0 字节）。", en: "The file is empty (0 bytes).")
    /// The file has no bytes, named.
    static func empty(_ name: String) -> LocalizedText {
        LocalizedText(zh: "文件是空的（0 字节）：\(name)", en: "The file is empty (0 bytes): \(name)")
    }
    /// An allocation in a C library failed.
    static let outOfMemory = LocalizedText(zh: "内存不足", en: "Out of memory")
    /// The check was cancelled while the file was read.
    static let cancelled = LocalizedText(zh: "检查已取消，未读完此文件。", en: "The check was cancelled before this file was read to the end.")
    /// The per-file deadline passed (`seconds` already formatted).
    static func timedOut(seconds: String) -> LocalizedText {
        LocalizedText(zh: "读取超时（超过 \(seconds) 秒），已放弃；\(SettingAdvice.timeout.zh)。",
                      en: "Gave up after \(seconds) s reading the file; \(SettingAdvice.timeout.en) to allow more.")
    }
    /// An error the probes did not name (`error` is its description).
    static func cannotRead(_ error: String) -> LocalizedText { LocalizedText(zh: "无法读取：\(error)", en: "Cannot read: \(error)") }
    /// A file given under the request slot: the request's fields are not a file.
    static let requestIsNotAFile = LocalizedText(zh: "请求字段不是文件：请以字段（清单或选项）给出，而不是文件。",
                                                 en: "Request fields are not a file: give them as fields (a manifest or options), not as a file.")
    /// A video slot given another kind of content (`type` as sniffed).
    static func contentNotVideo(_ type: String) -> LocalizedText {
        LocalizedText(zh: "文件内容是 \(type)，不是视频。", en: "The file's content is \(type), not a video.")
    }
    /// A PDF slot given another kind of content (`type` as sniffed).
    static func contentNotPDF(_ type: String) -> LocalizedText {
        LocalizedText(zh: "文件内容是 \(type)，不是 PDF。", en: "The file's content is \(type), not a PDF.")
    }
    /// Between the install hints of several missing libraries (the hints themselves come from the loader).
    static let hintSeparator = LocalizedText(zh: "；", en: "; ")
    /// libavformat recognises no container in the file.
    static let unrecognisedContainer = LocalizedText(zh: "libavformat 无法识别此文件。", en: "libavformat does not recognise this file.")
}
