import Foundation

/// Renders a batch as JUnit XML for CI servers (GitLab, Jenkins, Bitbucket, GitHub test reporters).
///
/// One `testsuite` per submission and one `testcase` per check, so a test case is one file × one rule
/// (GitLab collapses cases with the same classname and name): `classname` is the file with its dots
/// made underscores (Jenkins splits a classname at its last dot), `file` the path as given, `name`
/// the rule (and the bundle entry). Counts are on both suite levels (Bitbucket needs `tests`). Failed
/// errors, and warnings under `--strict`, are `<failure>`; skipped checks are `<skipped>`; passing
/// warnings and waived findings are noted in `<system-out>`. Times are seconds: a file's measuring
/// time shared among its checks, a suite's the sum of its cases, the whole run's on `testsuites`.
public struct JUnitRenderer: Sendable {
    /// The language of messages.
    public var language: Language
    /// How long each file took to measure, if known (else every time is 0).
    public var timings: MeasureTimings?
    /// The whole run's wall time in seconds, for `testsuites` (0: the sum of the suites).
    public var seconds: Double

    /// Creates a renderer.
    public init(language: Language, timings: MeasureTimings? = nil, seconds: Double = 0) {
        self.language = language
        self.timings = timings
        self.seconds = seconds
    }

    /// Seconds as JUnit writes them, to the millisecond.
    static func time(_ seconds: Double) -> String { String(format: "%.3f", max(0, seconds)) }

    /// The whole batch as a JUnit XML document.
    public func render(_ batch: BatchReport) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, skipped: 0, time: 0.0)
        let prefixed = batch.submissions.count > 1
        for (i, report) in batch.submissions.enumerated() {
            let label = report.submission ?? "submission-\(i + 1)"
            var cases: [String] = []
            var failures = 0, skipped = 0
            var checksPerFile: [String: Int] = [:]
            for c in report.checks { if let f = c.file { checksPerFile[f, default: 0] += 1 } }
            var suiteTime = 0.0
            for c in report.checks {
                let file = c.file ?? "(\(label))"
                let classname = (prefixed ? "\(label): \(file)" : file).replacingOccurrences(of: ".", with: "_")
                let caseTime = c.file.map { (timings?.seconds(of: $0) ?? 0) / Double(checksPerFile[$0] ?? 1) } ?? 0
                suiteTime += caseTime
                let fileAttribute = c.file.map { " file=\"\(Self.escape($0))\"" } ?? ""
                let line = c.line.map { " line=\"\($0)\"" } ?? ""
                let name = c.entry.map { "\(c.rule) [\($0)]" } ?? c.rule
                var body = ""
                if c.status == .skipped {
                    skipped += 1
                    body = "<skipped message=\"\(Self.escape(c.message.text(in: language)))\"/>"
                } else if c.fails(strict: batch.strict) {
                    failures += 1
                    body = "<failure message=\"\(Self.escape(short(c)))\" type=\"\(c.severity.rawValue)\">\(Self.escape(detail(c)))</failure>"
                } else if c.status == .fail {
                    let note = c.waived == true ? t(ReportText.waivedLabel) : "\(c.severity.rawValue): "
                    body = "<system-out>\(Self.escape(note + detail(c)))</system-out>"
                }
                cases.append("    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(name))\"\(fileAttribute)\(line) time=\"\(Self.time(caseTime))\""
                    + (body.isEmpty ? "/>" : ">\(body)</testcase>"))
            }
            totals.tests += cases.count; totals.failures += failures; totals.skipped += skipped
            totals.time += suiteTime
            let properties = [("preflight.version", report.tool.version), ("rules.type", report.rules.type),
                              ("rules.version", report.rules.version), ("rules.digest", report.rules.digest),
                              ("libavformat", report.libraries["libavformat"] ?? "")]
                .map { "      <property name=\"\($0.0)\" value=\"\(Self.escape($0.1))\"/>" }.joined(separator: "\n")
            suites.append("  <testsuite name=\"\(Self.escape("\(label) (\(report.rules.type))"))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(Self.time(suiteTime))\">\n"
                + "    <properties>\n\(properties)\n    </properties>\n"
                + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"preflight\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"0\" skipped=\"\(totals.skipped)\" time=\"\(Self.time(seconds > 0 ? seconds : totals.time))\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    private func t(_ text: LocalizedText) -> String { text.text(in: language) }

    func short(_ c: Finding) -> String {
        let measured = c.measuredText.map { FactFormatting.localized($0, in: language) }
        let limit = c.limit.map { t(ReportText.limitPrefix) + FactFormatting.localized($0, in: language) }
        return [measured, limit].compactMap { $0 }.joined(separator: t(ReportText.listSeparator)) + (c.measuredText == nil && c.limit == nil ? c.message.text(in: language) : "")
    }

    func detail(_ c: Finding) -> String {
        var lines = [c.message.text(in: language)]
        if let file = c.file, let line = c.line { lines.append(t(ReportText.atColonLabel) + "\(file):\(line)" + (c.column.map { ":\($0)" } ?? "")) }
        if let m = c.measuredText { lines.append(t(ReportText.measuredLabel) + FactFormatting.localized(m, in: language)) }
        if let l = c.limit { lines.append(t(ReportText.limitLabel) + FactFormatting.localized(l, in: language)) }
        if let fix = c.fix { lines.append(t(ReportText.fixLabel) + fix.text(in: language)) }
        if let command = c.fixCommand, command != c.fix?.text(in: language) { lines.append(t(ReportText.runLabel) + command) }
        if let code = c.serviceError { lines.append(t(ReportText.serviceErrorLabel) + "\(code)") }
        if let src = c.source { lines.append(t(ReportText.ruleLabel) + src) }
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
