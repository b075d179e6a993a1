import Foundation

/// Advice that names a setting a library user changes (a ``ProbeOptions`` limit, a request field, a
/// default type). Messages embed these phrases whole, so a front end can put its own words in their
/// place: the command-line tool says `raise --timeout` where the library says "raise the per-file time
/// limit".
public enum SettingAdvice {
    /// Raise ``ProbeOptions/timeout``.
    public static let timeout = LocalizedText(zh: "可放宽每个文件的时限", en: "raise the per-file time limit")
    /// Raise ``ProbeOptions/streamLimit``.
    public static let streams = LocalizedText(zh: "可放宽流数上限", en: "raise the stream limit")
    /// Raise ``ProbeOptions/packetLimit``.
    public static let packets = LocalizedText(zh: "可放宽数据包数上限", en: "raise the packet limit")
    /// Raise ``ProbeOptions/zipEntryLimit``.
    public static let zipEntries = LocalizedText(zh: "可放宽压缩包条目数上限", en: "raise the zip entry limit")
    /// Raise ``ProbeOptions/zipInflateLimit``.
    public static let bundleInflated = LocalizedText(zh: "可放宽整个压缩包的解压字节数上限", en: "raise the limit on bytes inflated per bundle")
    /// Raise ``ProbeOptions/zipEntryInflateLimit`` or ``ProbeOptions/zipInflateLimit``.
    public static let entryInflated = LocalizedText(zh: "可放宽每个条目或整个压缩包的解压字节数上限",
                                                    en: "raise the limit on bytes inflated per entry or per bundle")
    /// Raise ``ProbeOptions/photoMaxSide`` or ``ProbeOptions/photoMaxPixels``.
    public static let photoSize = LocalizedText(zh: "可放宽照片每边的像素上限或总像素上限", en: "raise the photo's side or pixel limit")
    /// Give the request fields (``MakeRequest``) of the submission.
    public static let requestFields = LocalizedText(zh: "请在提交的请求（MakeRequest）中提供", en: "Give them in the submission's request (MakeRequest)")
    /// A gate folder has no type of its own and the gate was given no default type.
    public static let noDefaultType = LocalizedText(zh: "也没有给出默认类型", en: "no default type given")
    /// Give the gate a default type.
    public static let giveDefaultType = LocalizedText(zh: "或指定默认类型", en: "or give a default type")
    /// Where the known facts are listed (``FactVocabulary/all``).
    public static let factList = LocalizedText(zh: "FactVocabulary.all 列出全部事实", en: "FactVocabulary.all lists them")
    /// Where the full report is, when a summary is cut short (the default of
    /// ``MarkdownRenderer/fullReportHint`` and, in English, of ``GitHubRenderer/fullReportHint``).
    public static let fullReport = LocalizedText(zh: "完整报告请看 JSON 或 JUnit 格式的报告", en: "use the JSON or JUnit report for the full report")

    /// Every phrase above that messages embed (``fullReport`` is a renderer's parameter instead). None
    /// contains another, in either language, so they can be replaced in any order.
    public static let all: [LocalizedText] = [
        timeout, streams, packets, zipEntries, bundleInflated, entryInflated, photoSize, requestFields,
        noDefaultType, giveDefaultType, factList,
    ]
}
