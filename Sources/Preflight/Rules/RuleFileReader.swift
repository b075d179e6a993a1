import Foundation
import Yams

/// Reading a rule file: its slots, requirements, rules, conditions and profiles.
extension YAMLTreeReader {
    private static let topKeys = ["schema", "type", "version", "title", "include", "slots", "requirements", "rules", "profiles", "description"]
    private static let ruleKeys = ["id", "slot", "fact", "scope", "severity", "required", "min", "max", "one_of", "none_of", "equals", "pattern",
                                   "when", "message", "missing", "fix", "service_error", "reference", "disabled", "description", "uncertainty", "uncertainty_fact", "basis"]
    private static let conditionKeys = ["fact", "min", "max", "one_of", "none_of", "equals", "pattern"]
    private static let slotKeys = ["kind", "cos_folder", "request_field", "title"]
    private static let requirementKeys = ["id", "all_of", "any_of", "severity", "message", "service_error"]
    private static let profileKeys = ["summary", "rules", "requirements"]

    mutating func read(_ root: Node, into file: inout RuleFile) {
        for (key, value) in pairs(root, allowed: Self.topKeys, what: "a rule file") {
            switch key {
            case "schema":
                if let s = scalar(value, what: "schema"), s != "1" { fail(value, RuleText.unsupportedSchema(s)) }
            case "type": file.type = scalar(value, what: "type")
            case "version": file.version = scalar(value, what: "version")
            case "title": file.title = text(value, what: "title")
            case "description": _ = text(value, what: "description")
            case "include":
                for item in sequence(value, what: "include") {
                    if let p = scalar(item, what: "an include") { file.includes.append((p, location(item))) }
                }
            case "slots":
                for (name, slotNode) in pairs(value, allowed: slotNamesAllowingAny(value), what: "slots") {
                    if let slot = readSlot(name, slotNode) { file.slots.append(slot) }
                }
            case "requirements":
                file.requirements = sequence(value, what: "requirements").compactMap { readRequirement($0) }
            case "rules":
                file.rules = sequence(value, what: "rules").compactMap { readRule($0) }
            case "profiles":
                for (name, profileNode) in pairs(value, allowed: slotNamesAllowingAny(value), what: "profiles") {
                    var profile = RuleFile.Profile()
                    for (k, v) in pairs(profileNode, allowed: Self.profileKeys, what: "profile '\(name)'") {
                        switch k {
                        case "summary": profile.summary = text(v, what: "summary")
                        case "rules": profile.rules = sequence(v, what: "rules").compactMap { readRule($0) }
                        default: profile.requirements = sequence(v, what: "requirements").compactMap { readRequirement($0) }
                        }
                    }
                    file.profiles[name] = profile
                }
            default: break
            }
        }
    }

    /// Keys of a free-form mapping (slot or profile names).
    private func slotNamesAllowingAny(_ node: Node) -> [String] {
        guard case .mapping(let m) = node else { return [] }
        return m.compactMap { $0.key.string }
    }

    mutating func readSlot(_ name: String, _ node: Node) -> SlotDefinition? {
        var kind: SlotKind?
        var slot = SlotDefinition(name: name, kind: .video)
        for (k, v) in pairs(node, allowed: Self.slotKeys, what: "slot '\(name)'") {
            switch k {
            case "kind":
                if let s = scalar(v, what: "kind") {
                    kind = SlotKind(rawValue: s)
                    if kind == nil { fail(v, RuleText.unknownSlotKind(s, known: SlotKind.allCases.map(\.rawValue).joined(separator: ", "))) }
                }
            case "cos_folder": slot.cosFolder = scalar(v, what: "cos_folder")
            case "request_field": slot.requestField = scalar(v, what: "request_field")
            default: slot.title = text(v, what: "title")
            }
        }
        guard let kind else {
            fail(node, RuleText.slotNeedsKind(name))
            return nil
        }
        slot.kind = kind
        return slot
    }

    mutating func readRequirement(_ node: Node) -> Requirement? {
        var req = Requirement(id: "")
        req.source = location(node)
        for (k, v) in pairs(node, allowed: Self.requirementKeys, what: "a requirement") {
            switch k {
            case "id": req.id = scalar(v, what: "id") ?? ""
            case "all_of": req.allOf = sequence(v, what: "all_of").compactMap { scalar($0, what: "a slot") }
            case "any_of": req.anyOf = sequence(v, what: "any_of").compactMap { scalar($0, what: "a slot") }
            case "severity": req.severity = severity(v) ?? .error
            case "message": req.message = text(v, what: "message")
            default: req.serviceError = scalar(v, what: "service_error").flatMap { Int($0) }
            }
        }
        if req.id.isEmpty { fail(node, RuleText.requirementNeedsID); return nil }
        return req
    }

    mutating func severity(_ node: Node) -> Severity? {
        guard let s = scalar(node, what: "severity") else { return nil }
        guard let sev = Severity(rawValue: s) else {
            fail(node, RuleText.unknownSeverity(s))
            return nil
        }
        return sev
    }

    mutating func quantity(_ node: Node, what: String) -> Quantity? {
        scalar(node, what: what).map(Quantity.parse)
    }

    mutating func quantities(_ node: Node, what: String) -> [Quantity] {
        sequence(node, what: what).compactMap { quantity($0, what: "a value of \(what)") }
    }

    mutating func constraint(key: String, value: Node, into c: inout Constraint) {
        switch key {
        case "min": c.min = quantity(value, what: "min")
        case "max": c.max = quantity(value, what: "max")
        case "one_of": c.oneOf = quantities(value, what: "one_of")
        case "none_of": c.noneOf = quantities(value, what: "none_of")
        case "equals": c.equals = quantity(value, what: "equals")
        case "pattern":
            c.pattern = scalar(value, what: "pattern")
            if let p = c.pattern, (try? NSRegularExpression(pattern: p)) == nil { fail(value, RuleText.invalidPattern(p)) }
            else if let p = c.pattern, PatternRisk.hasNestedQuantifier(p) {
                fail(value, RuleText.exponentialPattern(p))
            }
        default: break
        }
    }

    mutating func readRule(_ node: Node) -> Rule? {
        var rule = Rule(id: "")
        rule.source = location(node)
        for (k, v) in pairs(node, allowed: Self.ruleKeys, what: "a rule") {
            switch k {
            case "id": rule.id = scalar(v, what: "id") ?? ""
            case "slot": rule.slot = scalar(v, what: "slot")
            case "fact": rule.fact = scalar(v, what: "fact")
            case "scope":
                if let s = scalar(v, what: "scope") {
                    rule.scope = RuleScope(rawValue: s)
                    if rule.scope == nil { fail(v, RuleText.unknownScope(s)) }
                }
            case "severity": rule.severity = severity(v)
            case "required": rule.required = scalar(v, what: "required").map { ["true", "yes"].contains($0.lowercased()) }
            case "min", "max", "one_of", "none_of", "equals", "pattern": constraint(key: k, value: v, into: &rule.constraint)
            case "when":
                rule.when = sequence(v, what: "when").compactMap { readCondition($0) }
            case "message": rule.message = text(v, what: "message")
            case "missing": rule.missingMessage = text(v, what: "missing")
            case "fix": (rule.fix, rule.fixCommand) = fix(v)
            case "service_error":
                rule.serviceError = scalar(v, what: "service_error").flatMap { Int($0) }
                if rule.serviceError == nil { fail(v, RuleText.serviceErrorNumber) }
            case "reference": rule.reference = scalar(v, what: "reference")
            case "basis": rule.basis = text(v, what: "basis")
            case "uncertainty":
                rule.uncertainty = quantity(v, what: "uncertainty")
                if let u = rule.uncertainty, !((u.number ?? -1) >= 0) { fail(v, RuleText.uncertaintyNumber) }
            case "uncertainty_fact": rule.uncertaintyFact = scalar(v, what: "uncertainty_fact")
            case "disabled": rule.disabled = scalar(v, what: "disabled").map { ["true", "yes"].contains($0.lowercased()) }
            default: _ = text(v, what: "description")
            }
        }
        if rule.id.isEmpty { fail(node, RuleText.ruleNeedsID); return nil }
        return rule
    }

    mutating func readCondition(_ node: Node) -> Condition? {
        var fact: String?
        var c = Constraint()
        for (k, v) in pairs(node, allowed: Self.conditionKeys, what: "a 'when' condition") {
            if k == "fact" { fact = scalar(v, what: "fact") } else { constraint(key: k, value: v, into: &c) }
        }
        guard let fact else { fail(node, RuleText.conditionNeedsFact); return nil }
        return Condition(fact: fact, constraint: c)
    }
}
