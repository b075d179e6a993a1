import Foundation

/// Renders a batch as GitHub Actions workflow commands (`::error file=…,title=…::message`).
///
/// GitHub shows at most 10 annotations of each kind per step: beyond 10, the first 9 are printed and
/// the 10th says how many more there are and where the full report is.
public struct GitHubRenderer: Sendable {
    /// The language of messages.
    public var language: Language
    /// Where the full report can be found, named in the grouping annotation.
    public var fullReportHint: String

    /// Creates a renderer.
    public init(language: Language, fullReportHint: String = SettingAdvice.fullReport.en) {
        self.language = language
        self.fullReportHint = fullReportHint
    }

    /// The annotations, one per line, then a folded group with every submission's verdict, then a
    /// summary line.
    public func render(_ batch: BatchReport) -> String {
        var byLevel: [String: [String]] = ["error": [], "warning": [], "notice": []]
        for report in batch.submissions {
            for f in report.findings where f.waived != true {
                let level = f.fails(strict: batch.strict) ? "error" : (f.severity == .info ? "notice" : "warning")
                var message = f.message.text(in: language)
                if let m = f.measuredText, let l = f.limit { message += ReportText.measuredAndLimit(m, l).text(in: language) }
                if let fix = f.fix { message += "\n" + ReportText.fixLabel.text(in: language) + fix.text(in: language) }
                var properties: [String] = []
                if let file = f.file { properties.append("file=\(Self.escapeProperty(file))") }
                if f.file != nil, let line = f.line {
                    properties.append("line=\(line)")
                    if let column = f.column { properties.append("col=\(column)") }
                }
                let title = [report.submission, f.entry.map { "\(f.rule) [\($0)]" } ?? f.rule].compactMap { $0 }.joined(separator: ": ")
                properties.append("title=\(Self.escapeProperty(title))")
                byLevel[level, default: []].append("::\(level) \(properties.joined(separator: ","))::\(Self.escapeData(message))")
            }
        }
        var out: [String] = []
        for level in ["error", "warning", "notice"] {
            let lines = byLevel[level] ?? []
            if lines.count <= 10 { out += lines; continue }
            out += lines.prefix(9)
            let more = ReportText.moreAnnotations(lines.count - 9, level: level, hint: fullReportHint).text(in: language)
            out.append("::\(level) title=preflight::\(Self.escapeData(more))")
        }
        // Every submission, passing ones too, in a folded group of the log.
        out.append("::group::preflight: " + ReportText.submissionCount(batch.submissions.count).text(in: language))
        for (i, r) in batch.submissions.enumerated() {
            let e = r.counts["error"] ?? 0, w = r.counts["warning"] ?? 0
            let verdict = (r.verdict == .pass ? ReportText.pass : ReportText.fail).text(in: language)
            out.append("\(verdict)  \(r.submission ?? "submission-\(i + 1)") (\(r.rules.type)): "
                + ReportText.errorsAndWarnings(e, w).text(in: language))
        }
        out.append("::endgroup::")
        let failing = batch.submissions.filter { $0.verdict == .fail }.count
        let errors = batch.counts["error"] ?? 0, warnings = batch.counts["warning"] ?? 0
        out.append(ReportText.gitHubSummary(verdict: batch.verdict == .pass ? ReportText.pass : ReportText.fail, submissions: batch.submissions.count,
                                            failing: failing, errors: errors, warnings: warnings).text(in: language)
            + (batch.submissions.first.map { " (preflight \($0.tool.version), rules \($0.rules.version) \($0.rules.digest), libavformat \($0.libraries["libavformat"] ?? "?"))" } ?? ""))
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes a message: `%`, CR and LF.
    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value: also `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
