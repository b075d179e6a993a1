import Foundation

/// Checks many submissions at once: files measured in parallel (`jobs` at a time), identical files
/// measured once, duplicate AnchorNames flagged, each submission judged by its own rule set.
public struct BatchCheck: Sendable {
    /// Files measured at the same time.
    public var jobs: Int
    /// Limits per file.
    public var options: ProbeOptions
    /// Whether warnings fail.
    public var strict: Bool
    /// Where uploads go, for keys and URLs in the reports.
    public var location: COSLocation?
    /// Called after each file is measured with (done, total, path); for progress displays.
    public var progress: (@Sendable (Int, Int, String) -> Void)?
    /// Called as soon as each submission is judged, with its position in the batch and its report,
    /// on the task that judged it (several may run at once) while the last files may still be
    /// measured; for output written as the reports come.
    public var judged: (@Sendable (Int, Report) -> Void)?
    /// Where the time each file took to measure is recorded, if anywhere (for JUnit `time`).
    public var timings: MeasureTimings?

    /// Creates a batch check.
    public init(jobs: Int = AvailableProcessors.count, options: ProbeOptions = ProbeOptions(),
                strict: Bool = false, location: COSLocation? = nil) {
        self.jobs = max(1, jobs)
        self.options = options
        self.strict = strict
        self.location = location
    }

    /// Checks every submission; a submission that is not judgeable (see ``Submission/isJudgeable``) is
    /// reported failed with its problems. `rules(type)` gives the rule set of a kind (loaded once per
    /// kind by the caller). Cancelling the calling task stops the files being measured at their next
    /// deadline check, measures no more, and throws `CancellationError`.
    public func run(_ submissions: [Submission], rules: @Sendable (String) throws -> RuleSet) async throws -> BatchReport {
        var rest = submissions[...]
        return try await CheckCancellation.run {
            let report = try await check(next: { rest.popFirst() }, measureWhileFinding: false, rules: rules)
            try Task.checkCancellation()
            return report
        }
    }

    /// Checks submissions as `next` finds them (a gate folder being read) until it returns nil. While
    /// it is finding them, the files found so far are measured on the other `jobs - 1` cores (once
    /// `jobs` different files are known, so that each gets one thread). A submission that is not
    /// judgeable is reported failed with its problems. An error thrown by `next` or `rules` ends the
    /// check once the files being measured are done, and is rethrown; so does `CancellationError` when
    /// the calling task is cancelled (the files being measured stop at their next deadline check).
    public func run(discovering next: () throws -> Submission?, rules: @Sendable (String) throws -> RuleSet) async throws -> BatchReport {
        try await CheckCancellation.run {
            let report = try await check(next: { try Task.checkCancellation(); return try next() }, measureWhileFinding: true, rules: rules)
            try Task.checkCancellation()
            return report
        }
    }

    /// What a task of a batch did: measured one content, or judged one submission.
    private enum Work: Sendable {
        case measured(key: String, url: URL, result: ProbeResult, error: ProbeError?)
        case judged(Int, Report)
    }

    /// Rule sets are loaded as their kinds are first met. The rest runs while files are measured:
    /// each file is identified (size and sampled hash) when its turn comes, largest first. Judging
    /// is small work, kept for the end: a submission whose files are measured is judged on a core
    /// that has no file left to measure, so the cores that finish first judge while the last files
    /// are measured, instead of waiting for them. Every task, and the task that finds submissions,
    /// takes one of `jobs` places: at most `jobs` cores are busy (with `jobs` 1, one thing at a time).
    private func check(next: () throws -> Submission?, measureWhileFinding: Bool,
                       rules: @Sendable (String) throws -> RuleSet) async throws -> BatchReport {
        var submissions: [Submission] = []
        var sets: [String: RuleSet] = [:]
        var queue = MeasureQueue()
        var judge: BatchJudge?
        var reports: [Int: Report] = [:]
        // Identified files whose content no file before them had; those from `measuring` on are
        // not being measured yet.
        var ahead: [(key: String, file: MeasureQueue.File)] = []
        var measuring = 0
        func identifyNew() -> Bool {
            while let (index, key, isFirst) = queue.identifyNext() {
                judge?.identified(queue.files[index], key: key)
                if isFirst {
                    ahead.append((key, queue.files[index]))
                    return true
                }
            }
            return false
        }
        var options = self.options
        options.videoContent = true
        let jobs = self.jobs, progress = self.progress, judged = self.judged, timings = self.timings, strict = self.strict
        var failure: Error?

        await withTaskGroup(of: Work.self) { group in
            var running = 0
            func measureNext() -> Bool {
                guard measuring < ahead.count || identifyNew() else { return false }
                let (key, file) = ahead[measuring]
                measuring += 1
                let options = options
                running += 1
                group.addTask {
                    if CheckCancellation.current?.isCancelled == true {
                        return .measured(key: key, url: file.url, result: ProbeResult(facts: Facts()), error: CheckCancellation.error)
                    }
                    let start = DispatchTime.now().uptimeNanoseconds
                    let (result, error) = SlotProbe.probe(file.url, kind: file.kind, options: options)
                    timings?.record(file.url.displayPath, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    return .measured(key: key, url: file.url, result: result, error: error)
                }
                return true
            }
            func judgeNext() -> Bool {
                guard let index = judge?.nextReady(), let work = judge?.judgement(for: index) else { return false }
                running += 1
                group.addTask {
                    let report = work.report()
                    judged?(index, report)
                    return .judged(index, report)
                }
                return true
            }
            /// Fills the free places: files first, then judging.
            func fill() { while running < jobs, measureNext() || judgeNext() {} }

            do {
                while let s = try next() {
                    // A submission whose description could not be read is reported as it is, failed.
                    guard s.isJudgeable else {
                        let report = SubmissionCheck.unjudged(s, strict: strict)
                        judged?(submissions.count, report)
                        reports[submissions.count] = report
                        submissions.append(s)
                        continue
                    }
                    if sets[s.type] == nil { sets[s.type] = try rules(s.type) }
                    if let set = sets[s.type] { queue.append(s, at: submissions.count, rules: set) }
                    submissions.append(s)
                    // A progress display needs every file identified first, for its total.
                    guard measureWhileFinding, progress == nil, jobs > 1 else { continue }
                    while queue.uniqueCount < jobs, identifyNew() {}
                    if queue.uniqueCount >= jobs {
                        options.threads = 1
                        while running < jobs - 1, measureNext() {}
                    }
                }
            } catch {
                failure = error
                return
            }

            queue.sortRemaining()
            var complete = BatchJudge(submissions, sets: sets, strict: strict, location: location)
            for (index, key) in queue.keys.enumerated() { complete.identified(queue.files[index], key: key) }
            judge = complete
            if running == 0 {
                // `jobs` is the number of cores to keep busy: files at the same time, and what is left
                // over for each file's own threads (one file alone may use them all).
                while ahead.count - measuring < jobs, identifyNew() {}
                if progress != nil { while identifyNew() {} }
                options.threads = max(1, jobs / max(1, min(jobs, queue.uniqueCount)))
            }
            fill()
            var done = 0
            while let work = await group.next() {
                running -= 1
                switch work {
                case let .measured(key, url, result, error):
                    done += 1
                    progress?(done, queue.uniqueCount, url.displayPath)
                    judge?.record(key, url: url, result: result, error: error)
                case let .judged(index, report):
                    reports[index] = report
                }
                fill()
            }
        }
        if let failure { throw failure }
        let batch = submissions.indices.compactMap { reports[$0] }
        return BatchReport(submissions: batch, strict: strict, filesMeasured: queue.uniqueCount, filesReused: queue.files.count - queue.uniqueCount)
    }
}
