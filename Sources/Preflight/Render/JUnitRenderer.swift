import Foundation

/// Renders a batch as JUnit XML for CI servers (GitLab, Jenkins, Bitbucket, GitHub test reporters).
///
/// One `testsuite` per submission and one `testcase` per check, so a test case is one file × one rule
/// (GitLab collapses cases with the same classname and name): `classname` is the file, `name` the rule
/// (and the bundle entry). Counts are on both suite levels (Bitbucket needs `tests`). Failed errors,
/// and warnings under `--strict`, are `<failure>`; skipped checks are `<skipped>`; passing warnings
/// and waived findings are noted in `<system-out>`.
public struct JUnitRenderer: Sendable {
    /// The language of messages.
    public var language: Language

    /// Creates a renderer.
    public init(language: Language) { self.language = language }

    /// The whole batch as a JUnit XML document.
    public func render(_ batch: BatchReport) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, skipped: 0)
        let prefixed = batch.submissions.count > 1
        for (i, report) in batch.submissions.enumerated() {
            let label = report.submission ?? "submission-\(i + 1)"
            var cases: [String] = []
            var failures = 0, skipped = 0
            for c in report.checks {
                let file = c.file ?? "(\(label))"
                let classname = prefixed ? "\(label): \(file)" : file
                let name = c.entry.map { "\(c.rule) [\($0)]" } ?? c.rule
                var body = ""
                if c.status == .skipped {
                    skipped += 1
                    body = "<skipped message=\"\(Self.escape(c.message.text(in: language)))\"/>"
                } else if c.fails(strict: batch.strict) {
                    failures += 1
                    body = "<failure message=\"\(Self.escape(short(c)))\" type=\"\(c.severity.rawValue)\">\(Self.escape(detail(c)))</failure>"
                } else if c.status == .fail {
                    let note = c.waived == true ? "waived by baseline: " : "\(c.severity.rawValue): "
                    body = "<system-out>\(Self.escape(note + detail(c)))</system-out>"
                }
                cases.append("    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(name))\" time=\"0\"" + (body.isEmpty ? "/>" : ">\(body)</testcase>"))
            }
            totals.tests += cases.count; totals.failures += failures; totals.skipped += skipped
            let properties = [("preflight.version", report.tool.version), ("rules.type", report.rules.type),
                              ("rules.version", report.rules.version), ("rules.digest", report.rules.digest),
                              ("libavformat", report.libraries["libavformat"] ?? "")]
                .map { "      <property name=\"\($0.0)\" value=\"\(Self.escape($0.1))\"/>" }.joined(separator: "\n")
            suites.append("  <testsuite name=\"\(Self.escape("\(label) (\(report.rules.type))"))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\">\n"
                + "    <properties>\n\(properties)\n    </properties>\n"
                + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"preflight\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"0\" skipped=\"\(totals.skipped)\" time=\"0\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    func short(_ c: Finding) -> String {
        [c.measuredText, c.limit.map { "limit \($0)" }].compactMap { $0 }.joined(separator: ", ") + (c.measuredText == nil && c.limit == nil ? c.message.text(in: language) : "")
    }

    func detail(_ c: Finding) -> String {
        var lines = [c.message.text(in: language)]
        if let m = c.measuredText { lines.append("measured: \(m)") }
        if let l = c.limit { lines.append("limit: \(l)") }
        if let fix = c.fix { lines.append("fix: \(fix.text(in: language))") }
        if let code = c.serviceError { lines.append("service error: \(code)") }
        if let src = c.source { lines.append("rule: \(src)") }
        return lines.joined(separator: "\n")
    }

    /// Escapes text for XML attributes and content; drops characters XML 1.0 forbids.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
