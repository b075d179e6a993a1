import Foundation

/// The words of the report renderers (text, Markdown, JUnit, SARIF, GitHub, Code Quality), which
/// surround the findings' own messages (see `MessageCatalog`).
enum ReportText {
    // MARK: Verdicts and severities

    /// A passing verdict, capitalised (text).
    static let passUpper = LocalizedText(zh: "通过", en: "PASS")
    /// A failing verdict, capitalised (text).
    static let failUpper = LocalizedText(zh: "不通过", en: "FAIL")
    /// Every submission passes (text).
    static let allPass = LocalizedText(zh: "全部通过", en: "ALL PASS")
    /// A passing verdict, as the JSON writes it in English.
    static let pass = LocalizedText(zh: "通过", en: "pass")
    /// A failing verdict, as the JSON writes it in English.
    static let fail = LocalizedText(zh: "不通过", en: "fail")
    /// The tag of a failed check by severity (text).
    static func severityTag(_ severity: Severity) -> LocalizedText {
        switch severity {
        case .error: return LocalizedText(zh: "错误", en: "ERROR")
        case .warning: return LocalizedText(zh: "警告", en: "WARNING")
        case .info: return LocalizedText(zh: "提示", en: "INFO")
        }
    }
    /// The tag of a check waived by the baseline (text).
    static func waivedTag(_ severity: Severity) -> LocalizedText {
        LocalizedText(zh: "已豁免（基线；\(severityTag(severity).zh)）", en: "WAIVED (baseline; \(severity.rawValue))")
    }

    // MARK: Labels

    /// "rules", after the kind, in the text report's second line.
    static let rules = LocalizedText(zh: "规则", en: "rules")
    /// The heading of the checks of the submission as a whole (text).
    static let submissionHeading = LocalizedText(zh: "提交材料", en: "Submission")
    /// The heading of the checks of the request's fields (text).
    static let requestHeading = LocalizedText(zh: "请求字段", en: "Request fields")
    /// The heading of notes (text).
    static let notesHeading = LocalizedText(zh: "提示", en: "Notes")
    /// Before a fix.
    static let fixLabel = LocalizedText(zh: "修复：", en: "fix: ")
    /// Before a fix command.
    static let runLabel = LocalizedText(zh: "命令：", en: "run: ")
    /// Before a place in a file (text, Markdown).
    static let atLabel = LocalizedText(zh: "位置：", en: "at ")
    /// Before a place in a file (JUnit).
    static let atColonLabel = LocalizedText(zh: "位置：", en: "at: ")
    /// Before a measured value (JUnit).
    static let measuredLabel = LocalizedText(zh: "测得：", en: "measured: ")
    /// Before a limit (JUnit).
    static let limitLabel = LocalizedText(zh: "要求：", en: "limit: ")
    /// Before a limit in a short line (JUnit).
    static let limitPrefix = LocalizedText(zh: "要求 ", en: "limit ")
    /// Between a measured value and a limit in a short line (JUnit).
    static let listSeparator = LocalizedText(zh: "，", en: ", ")
    /// "limit", in brackets before a limit (text) and as a column (Markdown).
    static let limit = LocalizedText(zh: "要求", en: "limit")
    /// Before a service error code (JUnit).
    static let serviceErrorLabel = LocalizedText(zh: "服务错误码：", en: "service error: ")
    /// Before a rule's source (JUnit).
    static let ruleLabel = LocalizedText(zh: "规则：", en: "rule: ")
    /// Before a waived finding (JUnit).
    static let waivedLabel = LocalizedText(zh: "已被基线豁免：", en: "waived by baseline: ")
    /// The service's answer for a failed check (text).
    static func serviceWouldAnswer(_ code: Int) -> LocalizedText {
        LocalizedText(zh: "服务将返回错误码 \(code)", en: "the service would answer \(code)")
    }
    /// A measured value and its limit after a message (SARIF, Code Quality).
    static func measuredAndLimit(_ measured: String, _ limit: String) -> LocalizedText {
        LocalizedText(zh: "（测得 \(measured)；要求 \(limit)）", en: " (\(measured); limit \(limit))")
    }

    // MARK: Counts

    /// A report's counts (text).
    static func counts(errors: Int, warnings: Int, infos: Int) -> LocalizedText {
        LocalizedText(zh: "\(errors) 个错误，\(warnings) 个警告，\(infos) 条提示",
                      en: "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info")
    }
    /// Findings waived by the baseline, after the counts (text).
    static func waivedCount(_ waived: Int) -> LocalizedText {
        LocalizedText(zh: "（另有 \(waived) 项已被基线豁免）", en: " (\(waived) more waived by the baseline)")
    }
    /// Strict mode, after the counts (text).
    static let strict = LocalizedText(zh: "（严格模式：警告也算不通过）", en: " (strict: warnings fail)")
    /// A batch's submissions and failures (text).
    static func submissionsFailing(_ submissions: Int, failing: Int) -> LocalizedText {
        LocalizedText(zh: "\(submissions) 个提交，\(failing) 个不通过", en: "\(submissions) submission(s), \(failing) failing")
    }
    /// Identical files measured once (text).
    static func reusedFiles(_ reused: Int) -> LocalizedText {
        LocalizedText(zh: "；\(reused) 个相同文件只检查了一次", en: "; \(reused) identical file(s) measured once")
    }
    /// A batch's submissions, failures and counts (Markdown).
    static func batchCounts(_ submissions: Int, failing: Int, errors: Int, warnings: Int) -> LocalizedText {
        LocalizedText(zh: "\(submissions) 个提交，\(failing) 个不通过；\(errors) 个错误，\(warnings) 个警告。",
                      en: "\(submissions) submission(s), \(failing) failing; \(errors) error(s), \(warnings) warning(s).")
    }
    /// Identical files measured once (Markdown).
    static func reusedFilesNote(_ reused: Int) -> LocalizedText {
        LocalizedText(zh: "（\(reused) 个相同文件只检查一次）", en: " (\(reused) identical file(s) measured once)")
    }
    /// A submission's counts (GitHub group).
    static func errorsAndWarnings(_ errors: Int, _ warnings: Int) -> LocalizedText {
        LocalizedText(zh: "\(errors) 个错误，\(warnings) 个警告", en: "\(errors) error(s), \(warnings) warning(s)")
    }
    /// How many submissions (GitHub group).
    static func submissionCount(_ count: Int) -> LocalizedText {
        LocalizedText(zh: "\(count) 个提交", en: "\(count) submission(s)")
    }
    /// The GitHub summary line (`verdict` from ``pass`` or ``fail``).
    static func gitHubSummary(verdict: LocalizedText, submissions: Int, failing: Int, errors: Int, warnings: Int) -> LocalizedText {
        LocalizedText(zh: "preflight：\(verdict.zh) — \(submissions) 个提交中 \(failing) 个不通过；\(errors) 个错误，\(warnings) 个警告",
                      en: "preflight: \(verdict.en) — \(failing) of \(submissions) submission(s) fail; \(errors) error(s), \(warnings) warning(s)")
    }
    /// Annotations beyond GitHub's 10 per step (`hint` says where the full report is).
    static func moreAnnotations(_ count: Int, level: String, hint: String) -> LocalizedText {
        LocalizedText(zh: "还有 \(count) 条 \(level) 注释未显示（GitHub 每个步骤只显示 10 条）；\(hint)。",
                      en: "\(count) more \(level) annotations not shown (GitHub shows 10 per step); \(hint).")
    }
    /// A submission's verdict line (Code Quality; `verdict` from ``pass`` or ``fail``).
    static func codeQualityVerdict(_ label: String, type: String, verdict: LocalizedText, errors: Int, warnings: Int) -> LocalizedText {
        LocalizedText(zh: "\(label)（\(type)）：\(verdict.zh)，\(errors) 个错误，\(warnings) 个警告",
                      en: "\(label) (\(type)): \(verdict.en), \(errors) error(s), \(warnings) warning(s)")
    }
    /// The note of a Markdown summary cut short (`hint` says where the full report is).
    static func truncated(hint: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "摘要过长，已截断；\(hint.zh)。", en: "Summary truncated to stay under GitHub's 1 MiB limit; \(hint.en).")
    }

    // MARK: Markdown columns

    /// Column: submission.
    static let submissionColumn = LocalizedText(zh: "提交", en: "submission")
    /// Column: type.
    static let typeColumn = LocalizedText(zh: "类型", en: "type")
    /// Column: verdict.
    static let verdictColumn = LocalizedText(zh: "结果", en: "verdict")
    /// Column: errors.
    static let errorsColumn = LocalizedText(zh: "错误", en: "errors")
    /// Column: warnings.
    static let warningsColumn = LocalizedText(zh: "警告", en: "warnings")
    /// Column: check.
    static let checkColumn = LocalizedText(zh: "检查", en: "check")
    /// Column: file.
    static let fileColumn = LocalizedText(zh: "文件", en: "file")
    /// Column: measured.
    static let measuredColumn = LocalizedText(zh: "测得", en: "measured")
    /// Column: message.
    static let messageColumn = LocalizedText(zh: "说明", en: "message")
    /// The bold label of a fix (Markdown).
    static let fixWord = LocalizedText(zh: "修复", en: "fix")
}
