import Foundation

/// Knows which submissions of a batch have every file measured, and hands out the work of judging
/// each of them (a ``SubmissionJudgement``) to run on any task.
///
/// Each submission is judged exactly as it would be once everything is measured: its own rule set,
/// AnchorName uniqueness over the whole batch (known before anything is measured), and for a file
/// whose measurements come from an identical file, that file's facts with this file's own names.
struct BatchJudge {
    private let submissions: [Submission]
    private let sets: [String: RuleSet]
    private let strict: Bool
    private let location: COSLocation?
    private let anchorNames: [String: Int]

    private var measured: [String: SubmissionJudgement.Measurement] = [:]
    /// Per submission, the content key of each slot identified so far.
    private var keys: [[String: String]]
    /// Per submission, files not yet measured.
    private var unmeasured: [Int]
    /// By content key, the submissions (one entry per file) waiting for its measurement.
    private var waiting: [String: [Int]] = [:]
    /// Submissions with every file measured, not yet handed out, in the order they became so.
    private var ready: [Int] = []
    private var readyPosition = 0

    /// A judge of `submissions`, each by its kind's rule set in `sets`. Submissions without files
    /// are ready at once.
    init(_ submissions: [Submission], sets: [String: RuleSet], strict: Bool, location: COSLocation?) {
        self.submissions = submissions
        self.sets = sets
        self.strict = strict
        self.location = location
        var names: [String: Int] = [:]
        for s in submissions { if let n = s.request?.anchorName { names[n, default: 0] += 1 } }
        anchorNames = names
        keys = Array(repeating: [:], count: submissions.count)
        unmeasured = submissions.map { sets[$0.type] == nil || !$0.isJudgeable ? 0 : $0.files.count }
        ready = submissions.indices.filter { sets[submissions[$0].type] != nil && submissions[$0].isJudgeable && unmeasured[$0] == 0 }
    }

    /// Notes that `file` has the content `key` (its submission is ready if that content is already
    /// measured and this was its last file).
    mutating func identified(_ file: MeasureQueue.File, key: String) {
        keys[file.submission][file.slot] = key
        if measured[key] != nil { fileMeasured(in: file.submission) } else { waiting[key, default: []].append(file.submission) }
    }

    /// Records the measurement of content `key`, read from `url`; the submissions whose last file it
    /// was are ready.
    mutating func record(_ key: String, url: URL, result: ProbeResult, error: ProbeError?) {
        measured[key] = SubmissionJudgement.Measurement(url: url, result: result, error: error)
        for submission in waiting.removeValue(forKey: key) ?? [] { fileMeasured(in: submission) }
    }

    /// The position of the next submission ready to be judged, if any.
    mutating func nextReady() -> Int? {
        guard readyPosition < ready.count else { return nil }
        readyPosition += 1
        return ready[readyPosition - 1]
    }

    /// The work of judging submission `i`, whose files are all measured.
    func judgement(for i: Int) -> SubmissionJudgement? {
        let s = submissions[i]
        guard s.isJudgeable, let set = sets[s.type] else { return nil }
        var slots: [String: SubmissionJudgement.Measurement] = [:]
        for (slot, key) in keys[i] { slots[slot] = measured[key] }
        return SubmissionJudgement(submission: s, rules: set, measurements: slots,
                                   anchorNameUnique: s.request?.anchorName.map { (anchorNames[$0] ?? 0) <= 1 },
                                   strict: strict, location: location)
    }

    private mutating func fileMeasured(in submission: Int) {
        unmeasured[submission] -= 1
        if unmeasured[submission] == 0 { ready.append(submission) }
    }
}
