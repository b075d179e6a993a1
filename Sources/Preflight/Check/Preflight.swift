import Foundation

/// The library's entry point: check a submission against a rule set.
///
/// ```swift
/// import Preflight
/// let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL")
/// let report = await Preflight.check(
///     Submission(type: "IMAGE_GENERAL", files: ["material": takeURL, "identity_pdf": letterURL]),
///     rules: rules)
/// if report.verdict == .fail { print(report.findings.map(\.message.en)) }
/// ```
public enum Preflight {
    /// Measures every file of the submission (in parallel) and evaluates the rules. Never throws:
    /// unreadable files, missing slots and limits hit are findings in the report.
    public static func check(_ submission: Submission, rules: RuleSet, options: ProbeOptions = ProbeOptions(),
                             strict: Bool = false, location: COSLocation? = nil) async -> Report {
        var options = options
        options.videoContent = true
        let slots = submission.files.sorted { a, b in
            (rules.slots.firstIndex { $0.name == a.key } ?? Int.max, a.key) < (rules.slots.firstIndex { $0.name == b.key } ?? Int.max, b.key)
        }
        let inputs = await withTaskGroup(of: (Int, InputReport).self) { group in
            for (i, (slot, url)) in slots.enumerated() {
                let kind = rules.slot(slot)?.kind ?? .video
                group.addTask {
                    let (result, error) = SlotProbe.probe(url, kind: kind, options: options)
                    return (i, InputReport(slot: slot, path: url.displayPath, facts: result.facts, entries: result.entries, error: error))
                }
            }
            var out: [(Int, InputReport)] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var result = report(submission, rules: rules, inputs: inputs, strict: strict)
        result.uploads = COSPlan.uploads(for: submission, rules: rules, location: location)
        return result
    }

    /// Evaluates already-measured inputs, adding the request fields (or a note that they were not checked).
    static func report(_ submission: Submission, rules: RuleSet, inputs: [InputReport], strict: Bool,
                       requestFacts extra: Facts = Facts()) -> Report {
        var all = inputs.map { VideoContent.judgeBackground($0, request: submission.request) }
        var notes: [Finding] = []
        if let request = submission.request, !request.isEmpty, rules.slot("request") != nil {
            var facts = request.facts
            facts.merge(extra)
            all.append(InputReport(slot: "request", path: submission.origin ?? "(request)", facts: facts, error: nil))
        } else if rules.slot("request") != nil {
            notes.append(Finding(
                rule: "request.not_checked", severity: .info, status: .fail,
                message: LocalizedText(
                    zh: "只检查了文件：未提供请求字段（AnchorName、SexType 等），因此没有检查它们。用 --anchor-name/--sex-type 或清单文件提供。",
                    en: "Only the files were checked: no request fields (AnchorName, SexType …) were given, so they were not checked. Give them with --anchor-name/--sex-type or a manifest.")))
        }
        var checks = notes + Evaluator.evaluate(rules, inputs: all)
        if let origin = submission.origin {
            for i in checks.indices where checks[i].file == nil { checks[i].file = origin }
        }
        var report = Report(rules: rules, inputs: all, checks: checks, strict: strict)
        report.submission = submission.name
        return report
    }

    /// Measures one file as the given kind, without judging it (`preflight probe`).
    public static func probe(_ url: URL, kind: SlotKind, options: ProbeOptions = ProbeOptions()) -> InputReport {
        let (result, error) = SlotProbe.probe(url, kind: kind, options: options)
        return InputReport(slot: kind.rawValue, path: url.displayPath, facts: result.facts, entries: result.entries, error: error)
    }
}
