import Foundation

/// Renders a report for a person: every check with its measured value, limit and verdict, the
/// message in their language, and the fix. Colour only when asked (on a terminal).
public struct TextRenderer: Sendable {
    /// The language of messages.
    public var language: Language
    /// Whether to use ANSI colours.
    public var color: Bool
    /// Whether passed checks are listed too (failed and skipped ones always are).
    public var showPassed: Bool

    /// Creates a renderer.
    public init(language: Language, color: Bool, showPassed: Bool = true) {
        self.language = language
        self.color = color
        self.showPassed = showPassed
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    private func t(_ text: LocalizedText) -> String { text.text(in: language) }

    /// A batch as text: its summary line first, each submission's report, and the summary again.
    public func render(_ batch: BatchReport) -> String {
        let summary = summary(batch)
        return String(summary.drop { $0 == "\n" }) + "\n" + batch.submissions.map(render).joined(separator: "\n") + summary
    }

    /// The whole report as text: the verdict line first.
    public func render(_ report: Report) -> String {
        var out: [String] = [verdictLine(report)]
        out.append(paint("preflight \(report.tool.version) · \(report.rules.type) \(t(ReportText.rules)) \(report.rules.version)"
            + (report.rules.profile.map { " (\($0))" } ?? "") + " · libavformat \(report.libraries["libavformat"] ?? "?")", "2"))
        if let name = report.submission { out.append(paint("\(name)", "1;4")) }
        // Notes about the submission (failed `info` checks without a slot) come after every failure.
        let isNote = { (c: Finding) in c.slot == nil && c.status == .fail && c.severity == .info && c.waived != true }
        let general = Self.failuresFirst(report.checks.filter { $0.slot == nil && !isNote($0) && (showPassed || $0.status != .pass) })
        if !general.isEmpty {
            out.append("")
            out.append(paint(t(ReportText.submissionHeading), "1"))
            for c in general { out += lines(for: c) }
        }
        for input in report.inputs {
            out.append("")
            var summary = [input.facts["container.format"]?.text, input.facts["video.display_resolution"]?.text,
                           input.facts["video.duration"].map { FactFormatting.describe($0, of: "video.duration") },
                           input.facts["video.frame_rate"].map { FactFormatting.describe($0, of: "video.frame_rate") },
                           input.facts["file.size"].map { FactFormatting.describe($0, of: "file.size") }].compactMap { $0 }
            if summary.isEmpty, let type = input.facts["file.detected_type"]?.text { summary = [type] }
            out.append(paint("\(input.slot)  \(input.path)", "1") + (summary.isEmpty ? "" : paint("  (\(summary.joined(separator: ", ")))", "2")))
            for c in Self.failuresFirst(report.checks.filter { $0.slot == input.slot && $0.file == input.path && $0.entry == nil }) { out += lines(for: c) }
            for entry in input.entries ?? [] where !(entry.facts.values.isEmpty && entry.error == nil) {
                let entryChecks = report.checks.filter { $0.slot == input.slot && $0.entry == entry.name && (showPassed || $0.status != .pass) }
                if entryChecks.isEmpty && entry.error == nil { continue }
                out.append("   " + paint("› \(entry.name)", "1"))
                if let e = entry.error { out.append("      " + paint(e.message.text(in: language), "31")) }
                for c in entryChecks { out += lines(for: c).map { "  " + $0 } }
            }
        }
        // The request fields' checks: those of a slot no file fills.
        let requestChecks = report.checks.filter { c in c.slot.map { slot in !report.inputs.contains { $0.slot == slot } } ?? false }
        if !requestChecks.isEmpty {
            out.append("")
            out.append(paint(t(ReportText.requestHeading) + (report.request?.origin.map { "  \($0)" } ?? ""), "1"))
            for c in Self.failuresFirst(requestChecks) { out += lines(for: c) }
        }
        let notes = report.checks.filter(isNote)
        if !notes.isEmpty {
            out.append("")
            out.append(paint(t(ReportText.notesHeading), "1"))
            for c in notes { out += lines(for: c) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The verdict and its counts, the first line of a report.
    func verdictLine(_ report: Report) -> String {
        let errors = report.counts["error"] ?? 0, warnings = report.counts["warning"] ?? 0, infos = report.counts["info"] ?? 0
        let verdict = report.verdict == .pass ? paint(t(ReportText.passUpper), "1;32") : paint(t(ReportText.failUpper), "1;31")
        let waived = report.findings.filter { $0.waived == true }.count
        return "\(verdict): " + t(ReportText.counts(errors: errors, warnings: warnings, infos: infos))
            + (waived > 0 ? t(ReportText.waivedCount(waived)) : "")
            + (report.strict ? t(ReportText.strict) : "")
    }

    /// Checks in the order a person reads them: live failures first, then the rest, notes (failed
    /// `info` checks) and waived findings last; otherwise in rule order.
    static func failuresFirst(_ checks: [Finding]) -> [Finding] {
        func rank(_ c: Finding) -> Int {
            if c.status == .fail && c.waived == true { return 3 }
            if c.status == .fail && c.severity == .info { return 2 }
            return c.status == .fail ? 0 : 1
        }
        return checks.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// One line for a batch: how many submissions pass and fail (it opens and closes a gate's text).
    public func summary(_ batch: BatchReport) -> String {
        let failing = batch.submissions.filter { $0.verdict == .fail }.count
        let verdict = batch.verdict == .pass ? paint(t(ReportText.allPass), "1;32") : paint(t(ReportText.failUpper), "1;31")
        return "\n" + paint("==", "2") + " \(verdict): " + t(ReportText.submissionsFailing(batch.submissions.count, failing: failing))
            + (batch.filesReused > 0 ? t(ReportText.reusedFiles(batch.filesReused)) : "") + "\n"
    }

    func lines(for c: Finding) -> [String] {
        let mark: String
        let waived = c.status == .fail && c.waived == true
        switch (c.status, c.severity) {
        case (.pass, _): mark = paint("✔", "32")
        case (.skipped, _): mark = paint("–", "2")
        case (.fail, _) where waived: mark = paint("~", "2")
        case (.fail, .error): mark = paint("✘", "31")
        case (.fail, .warning): mark = paint("!", "33")
        case (.fail, .info): mark = paint("i", "36")
        }
        if c.status == .pass && !showPassed { return [] }
        let tag = t(ReportText.severityTag(c.severity))
        let label = c.status != .fail ? ""
            : waived ? " " + paint(t(ReportText.waivedTag(c.severity)), "2")
            : " " + paint(tag, c.severity == .error ? "31" : (c.severity == .warning ? "33" : "36"))
        var head = "  \(mark) \(c.rule.padding(toLength: max(28, c.rule.count), withPad: " ", startingAt: 0))"
        let measured = c.measuredText.map { FactFormatting.localized($0, in: language) }
        let limit = c.limit.map { FactFormatting.localized($0, in: language) }
        if c.status == .pass {
            head += " \(measured ?? "") " + paint("(\(limit ?? ""))", "2")
            return [head]
        }
        if let m = measured { head += " \(m)" }
        if let l = limit { head += " " + paint("[\(t(ReportText.limit)) \(l)]", "2") }
        head += label
        var lines = [head, "      " + c.message.text(in: language)]
        if let file = c.file, let line = c.line, c.slot == nil || c.slot == "request" {
            lines.append(paint("      " + t(ReportText.atLabel) + "\(file):\(line)" + (c.column.map { ":\($0)" } ?? ""), "2"))
        }
        if let fix = c.fix { lines.append("      " + paint(t(ReportText.fixLabel), "1") + fix.text(in: language)) }
        if let command = c.fixCommand, command != c.fix?.text(in: language) { lines.append("      " + paint(t(ReportText.runLabel), "1") + command) }
        if let code = c.serviceError, c.status == .fail { lines.append(paint("      " + t(ReportText.serviceWouldAnswer(code)), "2")) }
        return lines
    }
}
