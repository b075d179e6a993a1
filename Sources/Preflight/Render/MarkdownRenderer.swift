import Foundation

/// Renders a batch as GitHub-flavoured Markdown: a summary table per submission and the failures,
/// for a pull request comment or `$GITHUB_STEP_SUMMARY` (which drops anything over 1 MiB: the output
/// is truncated before that, with a note).
public struct MarkdownRenderer: Sendable {
    /// The language of messages.
    public var language: Language
    /// The largest output in bytes.
    public var byteLimit: Int
    /// Where the full report can be found, named in the note of a truncated summary.
    public var fullReportHint: LocalizedText

    /// Creates a renderer.
    public init(language: Language, byteLimit: Int = 1_000_000, fullReportHint: LocalizedText = SettingAdvice.fullReport) {
        self.language = language
        self.byteLimit = byteLimit
        self.fullReportHint = fullReportHint
    }

    private func t(_ text: LocalizedText) -> String { text.text(in: language) }

    /// The summary and the failures, truncated to ``byteLimit``.
    public func render(_ batch: BatchReport) -> String {
        let failing = batch.submissions.filter { $0.verdict == .fail }.count
        var head = "## preflight: \(batch.verdict == .pass ? "✅ " + t(ReportText.pass) : "❌ " + t(ReportText.fail))\n\n"
        head += t(ReportText.batchCounts(batch.submissions.count, failing: failing, errors: batch.counts["error"] ?? 0, warnings: batch.counts["warning"] ?? 0))
        if batch.filesReused > 0 { head += t(ReportText.reusedFilesNote(batch.filesReused)) }
        head += "\n\n| \(t(ReportText.submissionColumn)) | \(t(ReportText.typeColumn)) | \(t(ReportText.verdictColumn)) | \(t(ReportText.errorsColumn)) | \(t(ReportText.warningsColumn)) |\n|---|---|---|---:|---:|\n"
        for (i, r) in batch.submissions.enumerated() {
            head += "| \(Self.cell(r.submission ?? "submission-\(i + 1)")) | \(r.rules.type) | \(r.verdict == .pass ? "✅" : "❌") | \(r.counts["error"] ?? 0) | \(r.counts["warning"] ?? 0) |\n"
        }
        if let first = batch.submissions.first {
            head += "\n<sub>preflight \(first.tool.version) · rules " + Set(batch.submissions.map { "\($0.rules.type) \($0.rules.version)" }).sorted().joined(separator: ", ")
                + " · digest \(first.rules.digest) · libavformat \(first.libraries["libavformat"] ?? "?")</sub>\n"
        }
        var out = head
        let note = "\n> " + t(ReportText.truncated(hint: fullReportHint)) + "\n"
        for (i, r) in batch.submissions.enumerated() where !r.findings.isEmpty {
            var section = "\n### \(Self.cell(r.submission ?? "submission-\(i + 1)")) (\(r.rules.type))\n\n"
            section += "| | \(t(ReportText.checkColumn)) | \(t(ReportText.fileColumn)) | \(t(ReportText.measuredColumn)) | \(t(ReportText.limit)) | \(t(ReportText.messageColumn)) |\n|---|---|---|---|---|---|\n"
            for f in r.findings {
                let mark = f.waived == true ? "⏸️" : (f.severity == .error ? "❌" : (f.severity == .warning ? "⚠️" : "ℹ️"))
                let file = [f.file, f.entry].compactMap { $0 }.joined(separator: " › ")
                var message = f.message.text(in: language)
                if let fix = f.fix { message += "<br>**\(t(ReportText.fixWord))**: `\(fix.text(in: language))`" }
                if let line = f.line { message += "<br>" + t(ReportText.atLabel) + "`\(f.file ?? ""):\(line)" + (f.column.map { ":\($0)" } ?? "") + "`" }
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
