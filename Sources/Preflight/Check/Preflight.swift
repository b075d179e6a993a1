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
                             strict: Bool = false) async -> Report {
        let slots = submission.files.sorted { a, b in
            (rules.slots.firstIndex { $0.name == a.key } ?? Int.max, a.key) < (rules.slots.firstIndex { $0.name == b.key } ?? Int.max, b.key)
        }
        let inputs = await withTaskGroup(of: (Int, InputReport).self) { group in
            for (i, (slot, url)) in slots.enumerated() {
                let kind = rules.slot(slot)?.kind ?? .video
                group.addTask {
                    let (result, error) = SlotProbe.probe(url, kind: kind, options: options)
                    return (i, InputReport(slot: slot, path: url.relativePath, facts: result.facts, entries: result.entries, error: error))
                }
            }
            var out: [(Int, InputReport)] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return Report(rules: rules, inputs: inputs, checks: Evaluator.evaluate(rules, inputs: inputs), strict: strict)
    }

    /// Measures one file as the given kind, without judging it (`preflight probe`).
    public static func probe(_ url: URL, kind: SlotKind, options: ProbeOptions = ProbeOptions()) -> InputReport {
        let (result, error) = SlotProbe.probe(url, kind: kind, options: options)
        return InputReport(slot: kind.rawValue, path: url.relativePath, facts: result.facts, entries: result.entries, error: error)
    }
}
