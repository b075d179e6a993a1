import Foundation

/// The texts of zip bundles and their entries (see `MessageCatalog`).
enum BundleText {
    /// Neither audio nor a zip where a voice material is taken (`type` as sniffed).
    static func neitherAudioNorZip(_ type: String) -> LocalizedText {
        LocalizedText(zh: "文件内容是 \(type)，不是音频文件或 zip 压缩包。", en: "The file's content is \(type), neither an audio file nor a zip bundle.")
    }
    /// libzip does not open the file.
    static let notAZip = LocalizedText(zh: "无法作为 zip 读取：文件可能已损坏或被截断。", en: "Cannot be read as a zip: the file may be damaged or cut short.")
    /// libzip and the central directory disagree on the entries.
    static let inconsistentDirectory = LocalizedText(zh: "压缩包的文件目录前后不一致，可能已损坏。",
                                                     en: "The zip's central directory is inconsistent; the file may be damaged.")
    /// A second open of the zip, for a parallel reader, failed.
    static let cannotReopen = LocalizedText(zh: "无法再次打开压缩包读取此条目。", en: "The zip could not be opened again to read this entry.")
    /// A multi-volume zip.
    static let split = LocalizedText(zh: "这是分卷压缩包（多个 .z01 … 文件），请打包成单个 zip。", en: "This is a split (multi-volume) zip; make a single zip file.")
    /// More entries than ``ProbeOptions/zipEntryLimit``.
    static func tooManyEntries(_ count: UInt64, limit: Int) -> LocalizedText {
        LocalizedText(zh: "压缩包声明了 \(count) 个条目，超过安全上限 \(limit)，未读取；\(SettingAdvice.zipEntries.zh)。",
                      en: "The zip declares \(count) entries, over the safety limit of \(limit); not read (\(SettingAdvice.zipEntries.en) to allow more).")
    }
    /// A central directory larger than read.
    static func directoryTooLarge(bytes: UInt64) -> LocalizedText {
        LocalizedText(zh: "压缩包目录过大（\(bytes) 字节），未读取。", en: "The zip's central directory is too large (\(bytes) bytes); not read.")
    }
    /// No complete central directory.
    static let truncated = LocalizedText(
        zh: "压缩包不完整或已损坏：找不到完整的文件目录（可能下载或拷贝时被截断）。",
        en: "The zip is incomplete or damaged: its central directory is missing or cut short (truncated by a download or copy?).")
    /// An encrypted entry.
    static let encrypted = LocalizedText(zh: "条目已加密（需要密码），无法检查，服务也无法读取。",
                                         en: "The entry is encrypted (needs a password): it cannot be checked, nor read by the service.")
    /// An entry whose data overlaps another's.
    static let overlap = LocalizedText(zh: "条目的数据与其他条目重叠（zip 炸弹的手法），未读取。", en: "The entry's data overlaps another entry's (a zip-bomb trick); not read.")
    /// A declared compression ratio over ``ProbeOptions/zipCompressionRatioLimit`` (both already formatted).
    static func ratioOverLimit(ratio: String, limit: String) -> LocalizedText {
        LocalizedText(zh: "压缩比 \(ratio):1 超过上限 \(limit):1，疑似压缩炸弹，未解压。",
                      en: "Compression ratio \(ratio):1 is over the \(limit):1 limit: a suspected zip bomb, not inflated.")
    }
    /// A compression method libzip does not inflate.
    static func unsupportedMethod(_ method: String) -> LocalizedText {
        LocalizedText(zh: "压缩方式 \(method) 不受支持，无法检查。", en: "The compression method \(method) is not supported; cannot check.")
    }
    /// ``ProbeOptions/zipInflateLimit`` reached before the entry.
    static let bundleBudgetSpent = LocalizedText(
        zh: "已达到整个压缩包的解压字节数上限，未读取此条目；\(SettingAdvice.bundleInflated.zh)。",
        en: "The limit on bytes inflated from the bundle was reached; entry not read (\(SettingAdvice.bundleInflated.en) to allow more).")
    /// An entry that inflates beyond its declared size.
    static func inflatesBeyondDeclared(_ bytes: UInt64) -> LocalizedText {
        LocalizedText(zh: "条目解压后的数据比声明的大小（\(bytes) 字节）更多：疑似压缩炸弹，已停止。",
                      en: "The entry inflates to more than its declared \(bytes) bytes: a suspected zip bomb; stopped.")
    }
    /// An entry with fewer bytes than declared.
    static let entryShort = LocalizedText(zh: "条目的数据比声明的短（压缩包可能已损坏）。", en: "The entry holds fewer bytes than declared (the zip may be damaged).")
    /// ``ProbeOptions/zipEntryInflateLimit`` or ``ProbeOptions/zipInflateLimit`` reached inside the entry.
    static let entryBudgetSpent = LocalizedText(
        zh: "已达到解压字节数上限，停止读取此条目；\(SettingAdvice.entryInflated.zh)。",
        en: "The limit on bytes inflated was reached; stopped reading this entry (\(SettingAdvice.entryInflated.en) to allow more).")
    /// Too many backward seeks into a compressed entry.
    static let tooManySeeks = LocalizedText(zh: "条目需要反复回退读取，超过上限，已停止。", en: "The entry needed too many backward seeks; stopped.")
    /// A CRC mismatch.
    static let crcMismatch = LocalizedText(zh: "条目数据校验失败（CRC 不符）：压缩包已损坏。", en: "The entry's data fails its CRC check: the zip is damaged.")
    /// Another inflate error.
    static let cannotInflate = LocalizedText(zh: "无法解压此条目。", en: "This entry cannot be inflated.")
}
