import Foundation

/// Joins measured facts and a rule set into findings. Judges only; never reads a file.
public enum Evaluator {
    /// Every check of the rule set against the inputs and the request fields: slot requirements,
    /// unreadable inputs, then each rule. The rules of a `request`-kind slot read `request`'s facts
    /// (and do not apply without it); every other rule reads the input filling its slot.
    public static func evaluate(_ set: RuleSet, inputs: [InputReport], request: RequestReport? = nil) -> [Finding] {
        var findings: [Finding] = []
        var given = Set(inputs.map(\.slot))
        let requestSlots = set.requestSlots
        if request != nil { given.formUnion(requestSlots) }
        for req in set.requirements {
            let missingAll = req.allOf.filter { !given.contains($0) }
            let anyMissing = !req.anyOf.isEmpty && !req.anyOf.contains(where: given.contains)
            let ok = missingAll.isEmpty && !anyMissing
            findings.append(Finding(
                rule: req.id, slot: nil, file: nil, severity: req.severity, status: ok ? .pass : .fail,
                fact: nil, measured: nil, measuredText: ok ? nil : "missing: " + (missingAll + (anyMissing ? [req.anyOf.joined(separator: " | ")] : [])).joined(separator: ", "),
                limit: req.allOf.isEmpty ? "one of: \(req.anyOf.joined(separator: ", "))" : "required: \(req.allOf.joined(separator: ", "))",
                message: req.message ?? CheckText.requiredFileMissing,
                fix: nil, serviceError: ok ? nil : req.serviceError, source: req.source?.description))
        }
        for input in inputs {
            if let error = input.error {
                var message = error.message
                if let detail = error.detail { message = CheckText.withDetail(message, detail) }
                findings.append(Finding(
                    rule: "input.\(error.kind.rawValue)", slot: input.slot, file: input.path, severity: .error, status: .fail,
                    fact: nil, measured: nil, measuredText: nil, limit: nil, message: message,
                    fix: fixHint(for: error), serviceError: error.kind == .wrongKind ? 100003 : nil, source: nil))
            }
        }
        for rule in set.activeRules {
            guard let slot = rule.slot else { continue }
            if requestSlots.contains(slot) {
                if let request, let f = check(rule, facts: request.facts, unreadable: false, path: request.origin, entry: nil) {
                    findings.append(f)
                }
                continue
            }
            guard let input = inputs.first(where: { $0.slot == slot }) else { continue }
            if rule.scope == .entries {
                for entry in input.entries ?? [] {
                    if let f = check(rule, facts: entry.facts, unreadable: entry.error != nil || input.error != nil, path: input.path, entry: entry.name) {
                        findings.append(f)
                    }
                }
            } else if let f = check(rule, facts: input.facts, unreadable: input.error != nil, path: input.path, entry: nil) {
                findings.append(f)
            }
        }
        return findings
    }

    /// One rule against one set of facts, of the file at `path` (nil for request fields given without a
    /// manifest); nil when the rule does not apply (its `when` fails).
    static func check(_ rule: Rule, facts: Facts, unreadable: Bool, path: String?, entry: String?) -> Finding? {
        guard let fact = rule.fact else { return nil }
        if let conditions = rule.when {
            let applies = conditions.allSatisfy { c in facts[c.fact].map { c.constraint.holds(for: $0) } ?? false }
            if !applies { return nil }
        }
        var severity = rule.severity ?? .error
        let limit = rule.constraint.describe(for: fact)
        guard let value = facts[fact] else {
            if rule.required == true && !unreadable {
                let placeholders = Placeholders(path: path ?? "", facts: facts, entry: entry, measured: "—", limit: rule.constraint.bound(for: fact))
                return Finding(rule: rule.id, slot: rule.slot, file: path, entry: entry, severity: severity, status: .fail,
                               fact: fact, measuredText: "missing", limit: limit.isEmpty ? "required" : limit,
                               message: placeholders.fill(rule.missingMessage ?? CheckText.factMissing(fact)),
                               // A `missing` message says what to do; the rule's fix is for a wrong value.
                               fix: rule.missingMessage == nil ? rule.fix.map { placeholders.fill($0, shell: true) } : nil,
                               serviceError: rule.serviceError, source: rule.source?.description,
                               fixCommand: rule.missingMessage == nil ? rule.fixCommand.map { placeholders.command($0) } : nil)
            }
            // A fact that does not exist for a readable input (an optional request field, a video without
            // audio) means the rule does not apply; only an unreadable input leaves it unchecked.
            guard unreadable else { return nil }
            let why = CheckText.notCheckedUnreadable
            return Finding(rule: rule.id, slot: rule.slot, file: path, entry: entry, severity: severity, status: .skipped,
                           fact: fact, limit: limit, message: why, source: rule.source?.description)
        }
        let ok = rule.constraint.holds(for: value)
        let measuredText = FactFormatting.describe(value, of: fact)
        let placeholders = Placeholders(path: path ?? "", facts: facts, entry: entry, measured: measuredText, limit: rule.constraint.bound(for: fact))
        var message = ok ? CheckText.passed(measured: measuredText, limit: limit)
            : placeholders.fill(rule.message ?? CheckText.failedDefault(fact))
        // Inside the estimate's uncertainty of the limit: borderline, a warning that says so.
        let stated = rule.uncertainty?.number ?? 0
        let own = rule.uncertaintyFact.flatMap { facts[$0]?.number } ?? 0
        let margin = Swift.max(stated, own)
        var unreliable = false
        if !ok, margin > 0, rule.constraint.isBorderline(value, margin: margin) {
            severity = Swift.min(severity, Severity.warning)
            let band = FactFormatting.describe(.number(margin), of: fact)
            message = CheckText.borderline(message, band: band)
        } else if ok, own > stated, rule.constraint.isWithinMargin(value, margin: own) {
            // A pass this measurement cannot vouch for: the truth may lie beyond the limit.
            unreliable = true
            severity = Swift.min(severity, Severity.warning)
            message = CheckText.unreliablePass(measured: measuredText, limit: limit, band: FactFormatting.describe(.number(own), of: fact))
        }
        let failed = !ok || unreliable
        return Finding(
            rule: rule.id, slot: rule.slot, file: path, entry: entry, severity: severity, status: failed ? .fail : .pass,
            fact: fact, measured: value, measuredText: measuredText, limit: limit, message: message,
            fix: failed ? rule.fix.map { placeholders.fill($0, shell: true) } : nil,
            serviceError: ok ? nil : rule.serviceError, source: rule.source?.description,
            fixCommand: failed ? rule.fixCommand.map { placeholders.command($0) } : nil)
    }

    static func fixHint(for error: ProbeError) -> LocalizedText? {
        switch error.kind {
        case .missing: return CheckText.Fix.missing
        case .empty: return CheckText.Fix.empty
        case .unreadable: return CheckText.Fix.unreadable
        case .wrongKind: return CheckText.Fix.wrongKind
        case .libraryMissing: return CheckText.Fix.libraryMissing
        case .cancelled: return CheckText.Fix.cancelled
        case .limitExceeded, .notAFile: return nil
        }
    }
}

/// Fills `{measured}`, `{limit}` (the limit's values alone: "25 fps"), `{file}`, `{dir}` (the file's folder),
/// `{entry}`, `{out:SUFFIX}` and
/// `{fact.name}` placeholders of messages and fixes.
struct Placeholders {
    /// The file's path as given ("" for request fields without a manifest).
    let path: String
    let facts: Facts
    let entry: String?
    let measured: String
    let limit: String

    /// Both languages filled in. In a Chinese message (not a fix, whose values may stand in a command)
    /// the measured value, the limit and word-valued facts are written in Chinese
    /// (``FactFormatting/localized(_:in:)``: `否`, `绿色`, `未知`).
    func fill(_ text: LocalizedText, shell: Bool = false) -> LocalizedText {
        LocalizedText(zh: fill(text.zh, shell: shell, language: shell ? .en : .zh), en: fill(text.en, shell: shell))
    }

    /// A fix command filled in: paths and fact values quoted for a POSIX shell.
    func command(_ text: String) -> String { fill(text, shell: true, quoteFacts: true) }

    func fill(_ text: String, shell: Bool, quoteFacts: Bool = false, language: Language = .en) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { out += rest[open...]; return out }
            let key = String(rest[rest.index(after: open)..<close])
            if let value = value(for: key, shell: shell, quoteFacts: quoteFacts, language: language) { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private func value(for key: String, shell: Bool, quoteFacts: Bool, language: Language) -> String? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        switch key {
        case "measured": return FactFormatting.localized(measured, in: language)
        case "limit": return FactFormatting.localized(limit, in: language)
        case "file": return shell ? Self.quote(path) : name
        case "entry": return quoteFacts ? Self.quote(entry ?? name) : entry ?? name
        case "dir":
            // The file's own folder (its COS folder in a gate), so a renamed file stays there.
            let dir = (path as NSString).deletingLastPathComponent
            return dir.isEmpty ? "" : (shell ? Self.quote(dir + "/") : dir + "/")
        default:
            if key.hasPrefix("out:") {
                let ext = (path as NSString).pathExtension
                let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
                return Self.quote(stem + key.dropFirst(4))
            }
            if FactVocabulary.definition(key) != nil {
                let text = facts[key].map { FactFormatting.describe($0, of: key) } ?? "?"
                return quoteFacts ? Self.quote(text) : FactFormatting.localized(text, in: language)
            }
            return nil
        }
    }

    /// Quotes a path for a POSIX shell when it needs quoting.
    static func quote(_ s: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,")
        if !s.isEmpty, s.unicodeScalars.allSatisfy(safe.contains) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
