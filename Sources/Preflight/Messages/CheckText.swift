import Foundation

/// The texts of judging a submission: its slots, request fields and findings (see `MessageCatalog`).
enum CheckText {
    /// A file under a slot the rules do not define (`slots`, joined).
    static func unknownSlot(_ slot: String, type: String, slots: String) -> LocalizedText {
        LocalizedText(zh: "\(type) 没有名为 \(slot) 的文件位置（可用：\(slots)）。", en: "\(type) has no '\(slot)' file slot (its slots: \(slots)).")
    }
    /// The submission's kind and the rules' kind differ.
    static func rulesMismatch(submission: String, rules: String) -> LocalizedText {
        LocalizedText(zh: "提交的类型是 \(submission)，却用 \(rules) 的规则检查；请加载 \(submission) 的规则。",
                      en: "The submission is \(submission) but was checked with the rules of \(rules); load the rules of \(submission).")
    }
    /// No request fields were given, so the request rules were not checked.
    static let requestNotChecked = LocalizedText(
        zh: "只检查了文件：未提供请求字段（AnchorName、SexType 等），因此没有检查它们。\(SettingAdvice.requestFields.zh)。",
        en: "Only the files were checked: no request fields (AnchorName, SexType …) were given, so they were not checked. \(SettingAdvice.requestFields.en).")
    /// A requirement without its own message.
    static let requiredFileMissing = LocalizedText(zh: "缺少必需的文件", en: "A required file is missing")
    /// A probe error's message with the library's own `detail` after it.
    static func withDetail(_ message: LocalizedText, _ detail: String) -> LocalizedText {
        LocalizedText(zh: "\(message.zh)（\(detail)）", en: "\(message.en) (\(detail))")
    }
    /// A required fact that was not measured, for a rule without its own message.
    static func factMissing(_ fact: String) -> LocalizedText { LocalizedText(zh: "缺少 \(fact)", en: "\(fact) is missing") }
    /// A rule that was not checked because its file could not be read.
    static let notCheckedUnreadable = LocalizedText(zh: "未检查：文件无法读取。", en: "Not checked: the file could not be read.")
    /// A passed check: what was measured and the limit.
    static func passed(measured: String, limit: String) -> LocalizedText {
        LocalizedText(zh: "\(measured)（要求 \(limit)）", en: "\(measured) (limit \(limit))")
    }
    /// A failed check of a rule without its own message (`{measured}` and `{limit}` are filled later).
    static func failedDefault(_ fact: String) -> LocalizedText {
        LocalizedText(zh: "\(fact) = {measured}，要求 {limit}", en: "\(fact) = {measured}, limit {limit}")
    }
    /// A failed value within the estimate's uncertainty (`band`, formatted) of the limit, after its message.
    static func borderline(_ message: LocalizedText, band: String) -> LocalizedText {
        LocalizedText(
            zh: "\(message.zh)这在本地估计的误差（±\(band)）之内，属于临界值：服务可能接受，也可能拒绝。上传前最好按下面的方法改善录音，或用更保守的素材。",
            en: "\(message.en) This is within the local estimate's uncertainty (±\(band)): borderline, the service may accept or reject it. Improve the take as below before uploading, or send a safer one.")
    }

    /// A value that meets the limit by less than its own measurement's uncertainty.
    static func unreliablePass(measured: String, limit: String, band: String) -> LocalizedText {
        LocalizedText(
            zh: "测得约 \(measured)，满足要求（\(limit)），但这次无法可靠测量（误差约 ±\(band)）：真实值可能不满足要求。上传前最好按下面的方法改善，再重新检查。",
            en: "It reads about \(measured), within the limit (\(limit)), but could not be measured reliably this time (about ±\(band)): the true value may miss the limit. Improve it as below before uploading, then check again.")
    }

    /// The fix of each kind of probe error that has one.
    enum Fix {
        /// For ``ProbeError/Kind/missing``.
        static let missing = LocalizedText(zh: "检查路径是否正确。", en: "Check the path.")
        /// For ``ProbeError/Kind/empty``.
        static let empty = LocalizedText(zh: "文件在复制或下载时可能中断，请重新导出。", en: "The copy or download may have been interrupted; export the file again.")
        /// For ``ProbeError/Kind/unreadable``.
        static let unreadable = LocalizedText(zh: "文件可能未完整拷贝或已损坏；请从相机或原始来源重新导出。",
                                              en: "The file may be incompletely copied or damaged; export it again from the camera or the original source.")
        /// For ``ProbeError/Kind/wrongKind``.
        static let wrongKind = LocalizedText(zh: "请选择正确的文件。", en: "Give the right file for this slot.")
        /// For ``ProbeError/Kind/libraryMissing``.
        static let libraryMissing = LocalizedText(zh: "安装缺少的库后重新检查。", en: "Install the missing libraries, then check again.")
        /// For ``ProbeError/Kind/cancelled``.
        static let cancelled = LocalizedText(zh: "重新运行检查，不要中途取消。", en: "Run the check again without cancelling it.")
    }
}
