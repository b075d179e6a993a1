import Foundation

/// Everything needed to judge one submission whose files are measured; judging reads no file but
/// the `file.*` names of a file whose measurements came from an identical one.
struct SubmissionJudgement: Sendable {
    /// A measurement of one content, and the file it was read from.
    struct Measurement: Sendable {
        let url: URL
        let result: ProbeResult
        let error: ProbeError?
    }

    let submission: Submission
    let rules: RuleSet
    /// By slot.
    let measurements: [String: Measurement]
    /// Whether no other submission of the batch has the same AnchorName (nil without one).
    let anchorNameUnique: Bool?
    let strict: Bool
    let location: COSLocation?

    /// The submission's report.
    func report() -> Report {
        let s = submission, set = rules
        let inputs: [InputReport] = set.slots.compactMap { slot in
            guard slot.kind != .request, let url = s.files[slot.name], let m = measurements[slot.name] else { return nil }
            var facts = m.result.facts
            if url != m.url, m.error == nil || facts["file.name"] != nil {
                // Facts of a reused identical file keep this file's own name.
                let own = (try? FileFacts.read(url)) ?? Facts()
                for name in ["file.name", "file.stem", "file.extension", "file.extension_matches_content"] { facts[name] = own[name] ?? facts[name] }
            }
            return InputReport(slot: slot.name, path: url.displayPath, facts: facts, entries: m.result.entries?.map(EntryReport.init), error: m.error)
        } + SubmissionCheck.unknownSlots(s, rules: set)
        var extra = Facts()
        if let anchorNameUnique { extra.set("request.anchor_name_unique", anchorNameUnique) }
        var report = SubmissionCheck.report(s, rules: set, inputs: inputs, strict: strict, requestFacts: extra,
                                            misuse: SubmissionCheck.misuse(s, rules: set))
        report.uploads = COSPlan.uploads(for: s, rules: set, location: location)
        return report
    }
}
