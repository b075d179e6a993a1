import Foundation

/// The result of checking many submissions (a manifest or a gate folder).
public struct BatchReport: Sendable, Codable, Equatable {
    /// JSON schema version.
    public var schema = 1
    /// `pass` when no submission fails.
    public var verdict: Report.Verdict
    /// Whether warnings counted as failures.
    public var strict: Bool
    /// Failed checks by severity, over all submissions (waived ones excluded).
    public var counts: [String: Int]
    /// Files measured, and files reused because an identical file was already measured.
    public var filesMeasured: Int
    /// Files whose measurements were reused from an identical file.
    public var filesReused: Int
    /// One report per submission, in order.
    public var submissions: [Report]

    enum CodingKeys: String, CodingKey {
        case schema, verdict, strict, counts, submissions
        case filesMeasured = "files_measured"
        case filesReused = "files_reused"
    }

    /// Builds the summary from submission reports.
    public init(submissions: [Report], strict: Bool, filesMeasured: Int, filesReused: Int) {
        self.submissions = submissions
        self.strict = strict
        self.filesMeasured = filesMeasured
        self.filesReused = filesReused
        var counts = ["error": 0, "warning": 0, "info": 0]
        for r in submissions { for (k, v) in r.counts { counts[k, default: 0] += v } }
        self.counts = counts
        verdict = submissions.contains { $0.verdict == .fail } ? .fail : .pass
    }
}
