import Foundation

/// The JSON of each submission of a batch, written as soon as the submission is judged, while
/// other files are still being measured: ``JSONRenderer/render(_:parts:)`` then only joins them.
///
/// Give it to ``BatchCheck/judged``. The parts are only used for the batch report made of those
/// very reports: one that was changed afterwards (a baseline applied) is written again in full.
public final class SubmissionJSON: @unchecked Sendable {
    /// A submission's JSON, and what tells whether its report changed since.
    private struct Part {
        let json: [UInt8]
        let label: String?
        let verdict: Report.Verdict
        let counts: [String: Int]
        let checks: Int
    }

    private let lock = NSLock()
    private var parts: [Int: Part] = [:]

    /// An empty set of parts.
    public init() {}

    /// Writes the report of the submission at `index` in the batch (safe from any thread).
    public func add(_ report: Report, at index: Int) {
        var json = PrettyJSON(depth: 2, capacity: 32 << 10)
        json.value(report)
        let part = Part(json: json.bytes, label: report.submission, verdict: report.verdict, counts: report.counts, checks: report.checks.count)
        lock.withLock { parts[index] = part }
    }

    /// The JSON of each of `reports`, in batch order, if there is one for each and none of them
    /// has changed since it was written (label, verdict, counts and number of checks).
    func ordered(for reports: [Report]) -> [[UInt8]]? {
        let ordered = lock.withLock { parts.sorted { $0.key < $1.key }.map(\.value) }
        guard ordered.count == reports.count else { return nil }
        for (part, report) in zip(ordered, reports) {
            guard part.label == report.submission, part.verdict == report.verdict, part.counts == report.counts,
                  part.checks == report.checks.count else { return nil }
        }
        return ordered.map(\.json)
    }
}
