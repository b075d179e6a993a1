import Foundation

/// Measures every file of a submission (in parallel) and evaluates the rules: the library's entry point.
/// Never throws: unreadable files, missing slots and limits hit are findings in the report, and so is
/// misuse (a file under a slot the rule set does not define, a rule set for another kind).
///
/// A function of the module, so that `Preflight.check`, `Preflight.Report` and `Preflight.Rule` all name
/// the module's own declarations beside an app's types of the same names:
///
/// ```swift
/// import Preflight
/// let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL")
/// let report = await Preflight.check(
///     Submission(type: "IMAGE_GENERAL", files: ["material": takeURL, "identity_pdf": letterURL]),
///     rules: rules)
/// if report.verdict == .fail { print(report.findings.map(\.message.en)) }
/// ```
///
/// Cancelling the calling task stops the check: files not yet read, and files being read (at their
/// reader's next deadline check), get an `input.cancelled` finding, so the report fails.
public func check(_ submission: Submission, rules: RuleSet, options: ProbeOptions = ProbeOptions(),
                  strict: Bool = false, location: COSLocation? = nil) async -> Report {
    await CheckCancellation.run {
        await SubmissionCheck.check(submission, rules: rules, options: options, strict: strict, location: location)
    }
}

/// Measures one file as the given kind, without judging it (`preflight probe`).
public func probe(_ url: URL, kind: SlotKind, options: ProbeOptions = ProbeOptions()) -> InputReport {
    let (result, error) = SlotProbe.probe(url, kind: kind, options: options)
    return InputReport(slot: kind.rawValue, path: url.displayPath, facts: result.facts, entries: result.entries?.map(EntryReport.init), error: error)
}

/// Checking one submission: measuring its files, then judging them with the rules.
enum SubmissionCheck {
    static func check(_ submission: Submission, rules: RuleSet, options: ProbeOptions, strict: Bool, location: COSLocation?) async -> Report {
        var options = options
        options.videoContent = true
        let known = submission.files.filter { rules.slot($0.key).map { $0.kind != .request } ?? false }
        let slots = known.sorted { a, b in
            (rules.slots.firstIndex { $0.name == a.key } ?? Int.max, a.key) < (rules.slots.firstIndex { $0.name == b.key } ?? Int.max, b.key)
        }
        let inputs = await withTaskGroup(of: (Int, InputReport).self) { group in
            for (i, (slot, url)) in slots.enumerated() {
                let kind = rules.slot(slot)?.kind ?? .video
                group.addTask {
                    if CheckCancellation.current?.isCancelled == true {
                        return (i, InputReport(slot: slot, path: url.displayPath, facts: Facts(), error: CheckCancellation.error))
                    }
                    let (result, error) = SlotProbe.probe(url, kind: kind, options: options)
                    return (i, InputReport(slot: slot, path: url.displayPath, facts: result.facts, entries: result.entries?.map(EntryReport.init), error: error))
                }
            }
            var out: [(Int, InputReport)] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.map(\.1)
        } + unknownSlots(submission, rules: rules)
        var result = report(submission, rules: rules, inputs: inputs, strict: strict, misuse: misuse(submission, rules: rules))
        result.uploads = COSPlan.uploads(for: submission, rules: rules, location: location)
        return result
    }

    /// Files under slots the rule set does not define: each an input that could not be checked, naming the slots there are.
    static func unknownSlots(_ submission: Submission, rules: RuleSet) -> [InputReport] {
        let names = rules.slots.filter { $0.kind != .request }.map(\.name).joined(separator: ", ")
        return submission.files.keys.filter { rules.slot($0) == nil || rules.slot($0)?.kind == .request }.sorted().map { slot in
            InputReport(slot: slot, path: submission.files[slot]?.displayPath ?? "", facts: Facts(),
                        error: ProbeError(.wrongKind, CheckText.unknownSlot(slot, type: rules.type, slots: names)))
        }
    }

    /// A rule set loaded for another kind than the submission's.
    static func misuse(_ submission: Submission, rules: RuleSet) -> [Finding] {
        var out: [Finding] = []
        if !submission.type.isEmpty, submission.type != rules.type {
            out.append(Finding(rule: "submission.rules_mismatch", severity: .error, status: .fail,
                message: CheckText.rulesMismatch(submission: submission.type, rules: rules.type)))
        }
        return out
    }

    /// Evaluates already-measured inputs, adding the request fields (or a note that they were not checked).
    static func report(_ submission: Submission, rules: RuleSet, inputs: [InputReport], strict: Bool,
                       requestFacts extra: Facts = Facts(), misuse: [Finding] = []) -> Report {
        let files = inputs.map { VideoContent.judgeBackground($0, request: submission.request) }
        let requestSlots = rules.requestSlots
        let checksRequest = !requestSlots.isEmpty
        var notes: [Finding] = []
        var judged: RequestReport?
        if let request = submission.request, !request.isEmpty, checksRequest {
            var facts = request.facts
            facts.merge(extra)
            judged = RequestReport(origin: submission.origin, facts: facts)
        } else if checksRequest {
            notes.append(Finding(
                rule: "request.not_checked", severity: .info, status: .fail,
                message: CheckText.requestNotChecked))
        }
        var checks = submission.problems + misuse + notes + Evaluator.evaluate(rules, inputs: files, request: judged)
        if let origin = submission.origin {
            for i in checks.indices where checks[i].file == nil { checks[i].file = origin }
        }
        for i in checks.indices where checks[i].slot.map(requestSlots.contains) == true && checks[i].line == nil {
            guard let fact = checks[i].fact, let place = submission.fieldLocation(of: fact) else { continue }
            checks[i].line = place.line
            checks[i].column = place.column
        }
        var report = Report(rules: rules, inputs: files, request: judged, checks: checks, strict: strict, libraries: LazyLibraries.reportedVersions)
        report.submission = submission.name
        return report
    }

    /// The report of a submission that cannot be judged by rules (its description could not be read):
    /// its problems, failed.
    static func unjudged(_ submission: Submission, strict: Bool) -> Report {
        let set = RuleSet(type: submission.type.isEmpty ? "?" : submission.type, version: "unversioned")
        var checks = submission.problems
        for i in checks.indices where checks[i].file == nil { checks[i].file = submission.origin }
        var report = Report(rules: set, inputs: [], checks: checks, strict: strict, libraries: LazyLibraries.reportedVersions)
        report.submission = submission.name
        return report
    }
}
