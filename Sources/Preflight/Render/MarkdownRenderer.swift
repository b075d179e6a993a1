import Foundation

/// Renders a batch as GitHub-flavoured Markdown: a summary table per submission and the failures,
/// for a pull request comment or `$GITHUB_STEP_SUMMARY` (which drops anything over 1 MiB: the output
/// is truncated before that, with a note).
public struct MarkdownRenderer: Sendable {
    /// The language of messages.
    public var language: Language
    /// The largest output in bytes.
    public var byteLimit: Int

    /// Creates a renderer.
    public init(language: Language, byteLimit: Int = 1_000_000) {
        self.language = language
        self.byteLimit = byteLimit
    }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The summary and the failures, truncated to ``byteLimit``.
    public func render(_ batch: BatchReport) -> String {
        let failing = batch.submissions.filter { $0.verdict == .fail }.count
        var head = "## preflight: \(batch.verdict == .pass ? "✅ " + t("通过", "pass") : "❌ " + t("不通过", "fail"))\n\n"
        head += t("\(batch.submissions.count) 个提交，\(failing) 个不通过；\(batch.counts["error"] ?? 0) 个错误，\(batch.counts["warning"] ?? 0) 个警告。",
                  "\(batch.submissions.count) submission(s), \(failing) failing; \(batch.counts["error"] ?? 0) error(s), \(batch.counts["warning"] ?? 0) warning(s).")
        if batch.filesReused > 0 { head += t("（\(batch.filesReused) 个相同文件只检查一次）", " (\(batch.filesReused) identical file(s) measured once)") }
        head += "\n\n| \(t("提交", "submission")) | \(t("类型", "type")) | \(t("结果", "verdict")) | \(t("错误", "errors")) | \(t("警告", "warnings")) |\n|---|---|---|---:|---:|\n"
        for (i, r) in batch.submissions.enumerated() {
            head += "| \(Self.cell(r.submission ?? "submission-\(i + 1)")) | \(r.rules.type) | \(r.verdict == .pass ? "✅" : "❌") | \(r.counts["error"] ?? 0) | \(r.counts["warning"] ?? 0) |\n"
        }
        if let first = batch.submissions.first {
            head += "\n<sub>preflight \(first.tool.version) · rules " + Set(batch.submissions.map { "\($0.rules.type) \($0.rules.version)" }).sorted().joined(separator: ", ")
                + " · digest \(first.rules.digest) · libavformat \(first.libraries["libavformat"] ?? "?")</sub>\n"
        }
        var out = head
        let note = "\n> " + t("摘要过长，已截断；完整报告请用 --format json 或 --format junit。", "Summary truncated to stay under GitHub's 1 MiB limit; use --format json or --format junit for the full report.") + "\n"
        for (i, r) in batch.submissions.enumerated() where !r.findings.isEmpty {
            var section = "\n### \(Self.cell(r.submission ?? "submission-\(i + 1)")) (\(r.rules.type))\n\n"
            section += "| | \(t("检查", "check")) | \(t("文件", "file")) | \(t("测得", "measured")) | \(t("要求", "limit")) | \(t("说明", "message")) |\n|---|---|---|---|---|---|\n"
            for f in r.findings {
                let mark = f.waived == true ? "⏸️" : (f.severity == .error ? "❌" : (f.severity == .warning ? "⚠️" : "ℹ️"))
                let file = [f.file, f.entry].compactMap { $0 }.joined(separator: " › ")
                var message = f.message.text(in: language)
                if let fix = f.fix { message += "<br>**\(t("修复", "fix"))**: `\(fix.text(in: language))`" }
                if let line = f.line { message += "<br>" + t("位置：", "at ") + "`\(f.file ?? ""):\(line)" + (f.column.map { ":\($0)" } ?? "") + "`" }
                let measured = FactFormatting.localized(f.measuredText ?? "", in: language), limit = FactFormatting.localized(f.limit ?? "", in: language)
                section += "| \(mark) | `\(f.rule)` | \(Self.cell(file)) | \(Self.cell(measured)) | \(Self.cell(limit)) | \(Self.cell(message)) |\n"
            }
            if out.utf8.count + section.utf8.count + note.utf8.count > byteLimit { return out + note }
            out += section
        }
        return out
    }

    /// Makes text safe inside a table cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
