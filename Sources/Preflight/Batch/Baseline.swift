import Foundation

/// Known findings a studio has accepted, so a gate fails only on new problems.
///
/// Written by `--write-baseline FILE` from the current failures (errors and warnings), read by
/// `--baseline FILE`. A finding is waived when its file path (as given), rule and entry match.
public struct Baseline: Sendable, Codable, Equatable {
    /// One accepted finding.
    public struct Waiver: Sendable, Codable, Hashable {
        /// The file path as given to preflight (or `(request)` for request fields, or empty for slots).
        public var file: String
        /// The rule id.
        public var rule: String
        /// The bundle entry, for entry-scoped rules.
        public var entry: String?
    }

    /// Format version.
    public var version = 1
    /// The accepted findings.
    public var waivers: [Waiver]

    /// The failures (errors and warnings) of a batch, as a baseline.
    public init(from report: BatchReport) {
        var set = Set<Waiver>()
        for r in report.submissions {
            for f in r.findings where f.severity != .info {
                set.insert(Waiver(file: f.file ?? "", rule: f.rule, entry: f.entry))
            }
        }
        waivers = set.sorted { ($0.file, $0.rule, $0.entry ?? "") < ($1.file, $1.rule, $1.entry ?? "") }
    }

    /// Reads a baseline file.
    public static func load(_ url: URL) throws -> Baseline {
        try JSONDecoder().decode(Baseline.self, from: Data(contentsOf: url))
    }

    /// The baseline as JSON.
    public var json: String { JSONRenderer.encode(self) }

    /// Marks the findings the baseline accepts as waived and recomputes every verdict.
    public func apply(to report: inout BatchReport) {
        let accepted = Set(waivers)
        for i in report.submissions.indices {
            for j in report.submissions[i].checks.indices {
                let f = report.submissions[i].checks[j]
                if f.status == .fail, accepted.contains(Waiver(file: f.file ?? "", rule: f.rule, entry: f.entry)) {
                    report.submissions[i].checks[j].waived = true
                }
            }
            report.submissions[i].recount()
        }
        report = BatchReport(submissions: report.submissions, strict: report.strict,
                             filesMeasured: report.filesMeasured, filesReused: report.filesReused)
    }
}
