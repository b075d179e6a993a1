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

    /// Creates a batch check.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, options: ProbeOptions = ProbeOptions(),
                strict: Bool = false, location: COSLocation? = nil) {
        self.jobs = max(1, jobs)
        self.options = options
        self.strict = strict
        self.location = location
    }

    /// Checks every submission; `rules(type)` gives the rule set of a kind (loaded once per kind by the caller).
    public func run(_ submissions: [Submission], rules: (String) throws -> RuleSet) async throws -> BatchReport {
        var sets: [String: RuleSet] = [:]
        for s in submissions where sets[s.type] == nil { sets[s.type] = try rules(s.type) }

        // Unique (content, kind) pairs to measure.
        struct Job: Sendable { let url: URL; let kind: SlotKind }
        var jobsByKey: [String: Job] = [:]
        var keyOf: [String: String] = [:]   // "submission#slot" → job key
        var order: [String] = []
        var total = 0
        for (i, s) in submissions.enumerated() {
            guard let set = sets[s.type] else { continue }
            for (slot, url) in s.files {
                total += 1
                let kind = set.slot(slot)?.kind ?? .video
                let identity = FileIdentity(url).map { "\($0.size):\($0.sampleHash)" } ?? "path:\(url.standardizedFileURL.path)"
                let key = "\(kind.rawValue):\(identity)"
                keyOf["\(i)#\(slot)"] = key
                if jobsByKey[key] == nil { jobsByKey[key] = Job(url: url, kind: kind); order.append(key) }
            }
        }
        let uniqueCount = order.count
        // `jobs` is the number of cores to keep busy: files at the same time, and what is left over
        // for each file's own threads (one file alone may use them all).
        var options = self.options
        options.threads = max(1, jobs / max(1, min(jobs, uniqueCount)))
        let progress = self.progress
        let results = await withTaskGroup(of: (String, ProbeResult, ProbeError?).self) { group -> [String: (ProbeResult, ProbeError?)] in
            var out: [String: (ProbeResult, ProbeError?)] = [:]
            var next = 0
            func add() {
                guard next < order.count, let job = jobsByKey[order[next]] else { return }
                let key = order[next]
                next += 1
                group.addTask {
                    let (result, error) = SlotProbe.probe(job.url, kind: job.kind, options: options)
                    return (key, result, error)
                }
            }
            for _ in 0..<min(jobs, order.count) { add() }
            while let (key, result, error) = await group.next() {
                out[key] = (result, error)
                progress?(out.count, uniqueCount, jobsByKey[key]?.url.displayPath ?? "")
                add()
            }
            return out
        }

        var names: [String: Int] = [:]
        for s in submissions { if let n = s.request?.anchorName { names[n, default: 0] += 1 } }
        var reports: [Report] = []
        for (i, s) in submissions.enumerated() {
            guard let set = sets[s.type] else { continue }
            let inputs: [InputReport] = set.slots.compactMap { slot in
                guard let url = s.files[slot.name], let key = keyOf["\(i)#\(slot.name)"], let (result, error) = results[key] else { return nil }
                var facts = result.facts
                if error == nil || facts["file.name"] != nil {
                    // Facts of a reused identical file keep this file's own name.
                    let own = (try? FileFacts.read(url)) ?? Facts()
                    for name in ["file.name", "file.stem", "file.extension", "file.extension_matches_content"] { facts[name] = own[name] ?? facts[name] }
                }
                return InputReport(slot: slot.name, path: url.displayPath, facts: facts, entries: result.entries, error: error)
            } + s.files.keys.filter { set.slot($0) == nil }.sorted().map { slot in
                InputReport(slot: slot, path: s.files[slot]?.displayPath ?? "", facts: Facts(),
                            error: ProbeError(.wrongKind, LocalizedText(zh: "\(s.type) 没有名为 \(slot) 的文件位置。", en: "\(s.type) has no '\(slot)' file slot.")))
            }
            var extra = Facts()
            if let n = s.request?.anchorName { extra.set("request.anchor_name_unique", (names[n] ?? 0) <= 1) }
            var report = Preflight.report(s, rules: set, inputs: inputs, strict: strict, requestFacts: extra)
            report.uploads = COSPlan.uploads(for: s, rules: set, location: location)
            reports.append(report)
        }
        return BatchReport(submissions: reports, strict: strict, filesMeasured: uniqueCount, filesReused: total - uniqueCount)
    }
}
