import Foundation

/// Renders a batch as a GitLab Code Quality report: a JSON array of issues, each with `description`,
/// `check_name` (the rule), `fingerprint` (stable across runs: submission, rule, file, entry),
/// `severity` (`major` for what fails the gate, `minor` for other warnings, `info` for notes) and `location.path` with `lines.begin` (the line in a submission.yaml,
/// else 1). Waived findings are left out; each submission adds one `preflight.verdict` issue
/// (`info` when it passes), so every submission is listed.
public struct CodeQualityRenderer: Sendable {
    /// The language of messages.
    public var language: Language

    /// Creates a renderer.
    public init(language: Language) { self.language = language }

    /// The report as pretty-printed JSON.
    public func render(_ batch: BatchReport) -> String {
        var issues: [Issue] = []
        for (i, report) in batch.submissions.enumerated() {
            let label = report.submission ?? "submission-\(i + 1)"
            let origin = report.checks.first { $0.slot == nil && $0.file != nil }?.file ?? report.inputs.first?.path ?? label
            let errors = report.counts["error"] ?? 0, warnings = report.counts["warning"] ?? 0
            let verdict = ReportText.codeQualityVerdict(label, type: report.rules.type, verdict: report.verdict == .pass ? ReportText.pass : ReportText.fail,
                                                        errors: errors, warnings: warnings).text(in: language)
            issues.append(issue(label: label, rule: "preflight.verdict", description: verdict, path: origin, line: 1, entry: nil,
                                severity: report.verdict == .pass ? "info" : "major"))
            for f in report.findings where f.waived != true {
                var text = "\(label): " + f.message.text(in: language)
                if let m = f.measuredText, let l = f.limit { text += ReportText.measuredAndLimit(m, l).text(in: language) }
                let severity = f.severity == .info ? "info" : (f.fails(strict: batch.strict) ? "major" : "minor")
                let path = f.file.flatMap { $0.hasPrefix("(") ? nil : $0 } ?? origin
                issues.append(issue(label: label, rule: f.rule, description: text, path: path, line: f.line ?? 1, entry: f.entry, severity: severity))
            }
        }
        return JSONRenderer.encode(issues)
    }

    private func issue(label: String, rule: String, description: String, path: String, line: Int, entry: String?, severity: String) -> Issue {
        var fingerprint = FNV1a()
        for part in [label, rule, path, entry ?? ""] { fingerprint.add(part); fingerprint.add("\u{0}") }
        return Issue(description: description, checkName: rule, fingerprint: fingerprint.hex, severity: severity,
                     location: Issue.Location(path: path, lines: Issue.Lines(begin: line)))
    }

    /// One Code Quality issue.
    struct Issue: Encodable {
        var type = "issue"
        var description: String
        var checkName: String
        var fingerprint: String
        var severity: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case type, description, fingerprint, severity, location
            case checkName = "check_name"
        }

        struct Location: Encodable {
            var path: String
            var lines: Lines
        }

        struct Lines: Encodable { var begin: Int }
    }
}
