import Foundation
import Yams

/// Walks the YAML tree of a rule file, building rules and collecting every problem with its location.
struct RuleFileReader {
    let path: String
    var errors: [RuleFileError] = []
    private var nodes = 0

    init(path: String) { self.path = path }

    private static let topKeys = ["schema", "type", "version", "title", "include", "slots", "requirements", "rules", "profiles", "description"]
    private static let ruleKeys = ["id", "slot", "fact", "scope", "severity", "required", "min", "max", "one_of", "none_of", "equals", "pattern",
                                   "when", "message", "fix", "service_error", "reference", "disabled", "description", "uncertainty", "basis"]
    private static let conditionKeys = ["fact", "min", "max", "one_of", "none_of", "equals", "pattern"]
    private static let slotKeys = ["kind", "cos_folder", "request_field", "title"]
    private static let requirementKeys = ["id", "all_of", "any_of", "severity", "message", "service_error"]
    private static let profileKeys = ["summary", "rules", "requirements"]

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// What a part of a file is called in Chinese messages (`a manifest` → 清单).
    static func chinese(_ what: String) -> String {
        let names = ["a manifest": "清单", "a submission": "提交", "a rule": "规则", "a rule file": "规则文件", "a slot": "文件位置",
                     "a requirement": "要求", "a profile": "配置", "a condition": "条件", "submissions": "submissions 列表"]
        return names[what] ?? what
    }

    mutating func fail(_ node: Node, _ problem: String, zh: String? = nil) { errors.append(RuleFileError(location(node), problem, zh: zh)) }

    /// The pairs of a mapping, reporting unknown keys (with a suggestion) and over-large trees.
    mutating func pairs(_ node: Node, allowed: [String], what: String) -> [(String, Node)] {
        nodes += 1
        guard nodes < RuleFile.nodeLimit else {
            if nodes == RuleFile.nodeLimit { fail(node, "the file is too large (over \(RuleFile.nodeLimit) nodes, or aliases expand too far)", zh: "文件过大（超过 \(RuleFile.nodeLimit) 个节点，或别名展开过多）") }
            return []
        }
        guard case .mapping(let mapping) = node else {
            fail(node, "\(what) must be a mapping of keys to values", zh: "\(Self.chinese(what)) 必须是“键: 值”的映射")
            return []
        }
        var result: [(String, Node)] = []
        for (k, v) in mapping {
            guard let key = k.string else { fail(k, "keys must be plain text", zh: "键必须是纯文本"); continue }
            if !allowed.contains(key) {
                let hint = allowed.min { Self.distance($0, key) < Self.distance($1, key) }
                let close = hint.flatMap { Self.distance($0, key) <= 2 ? $0 : nil }
                let suggestion = close.map { " (did you mean '\($0)'?)" } ?? ""
                fail(k, "unknown key '\(key)' in \(what)\(suggestion); allowed: \(allowed.joined(separator: ", "))",
                     zh: "\(Self.chinese(what)) 中有未知的键“\(key)”" + (close.map { "（是不是“\($0)”？）" } ?? "") + "；可用的键：\(allowed.joined(separator: "、"))")
                continue
            }
            result.append((key, v))
        }
        return result
    }

    mutating func sequence(_ node: Node, what: String) -> [Node] {
        nodes += 1
        guard case .sequence(let s) = node else {
            fail(node, "\(what) must be a list", zh: "\(Self.chinese(what)) 必须是列表")
            return []
        }
        return Array(s)
    }

    mutating func scalar(_ node: Node, what: String) -> String? {
        nodes += 1
        guard case .scalar(let s) = node else {
            fail(node, "\(what) must be a single value", zh: "\(Self.chinese(what)) 必须是单个值")
            return nil
        }
        return s.string
    }

    /// A fix: plain text is a command (its own advice), a mapping has `zh` and `en` advice and may
    /// have the `command` it describes.
    mutating func fix(_ node: Node) -> (LocalizedText?, String?) {
        if case .scalar(let s) = node { return (LocalizedText(zh: s.string, en: s.string), s.string) }
        var zh: String?, en: String?, command: String?
        for (k, v) in pairs(node, allowed: ["zh", "en", "command"], what: "fix") {
            switch k {
            case "zh": zh = scalar(v, what: "fix.zh")
            case "en": en = scalar(v, what: "fix.en")
            default: command = scalar(v, what: "fix.command")
            }
        }
        guard let zh, let en else {
            fail(node, "fix needs both 'zh' and 'en'", zh: "fix 需要同时有 zh 和 en")
            return (nil, nil)
        }
        return (LocalizedText(zh: zh, en: en), command)
    }

    mutating func text(_ node: Node, what: String) -> LocalizedText? {
        if case .scalar(let s) = node { return LocalizedText(zh: s.string, en: s.string) }
        var zh: String?, en: String?
        for (k, v) in pairs(node, allowed: ["zh", "en"], what: what) {
            if k == "zh" { zh = scalar(v, what: "\(what).zh") } else { en = scalar(v, what: "\(what).en") }
        }
        guard let zh, let en else {
            fail(node, "\(what) needs both 'zh' and 'en'", zh: "\(Self.chinese(what)) 需要同时有 zh 和 en")
            return nil
        }
        return LocalizedText(zh: zh, en: en)
    }

    mutating func read(_ root: Node, into file: inout RuleFile) {
        for (key, value) in pairs(root, allowed: Self.topKeys, what: "a rule file") {
            switch key {
            case "schema":
                if let s = scalar(value, what: "schema"), s != "1" { fail(value, "unsupported schema '\(s)'; this preflight reads schema 1") }
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
                    if kind == nil { fail(v, "unknown slot kind '\(s)'; known: \(SlotKind.allCases.map(\.rawValue).joined(separator: ", "))") }
                }
            case "cos_folder": slot.cosFolder = scalar(v, what: "cos_folder")
            case "request_field": slot.requestField = scalar(v, what: "request_field")
            default: slot.title = text(v, what: "title")
            }
        }
        guard let kind else {
            fail(node, "slot '\(name)' needs a 'kind'")
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
        if req.id.isEmpty { fail(node, "a requirement needs an 'id'"); return nil }
        return req
    }

    mutating func severity(_ node: Node) -> Severity? {
        guard let s = scalar(node, what: "severity") else { return nil }
        guard let sev = Severity(rawValue: s) else {
            fail(node, "unknown severity '\(s)'; use error, warning or info")
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
            if let p = c.pattern, (try? NSRegularExpression(pattern: p)) == nil { fail(value, "pattern '\(p)' is not a valid regular expression") }
            else if let p = c.pattern, PatternRisk.hasNestedQuantifier(p) {
                fail(value, "pattern '\(p)' repeats a group that itself repeats, which can take exponential time on some names; rewrite it without nesting (e.g. (a+)+ as a+)")
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
                    if rule.scope == nil { fail(v, "unknown scope '\(s)'; use file or entries") }
                }
            case "severity": rule.severity = severity(v)
            case "required": rule.required = scalar(v, what: "required").map { ["true", "yes"].contains($0.lowercased()) }
            case "min", "max", "one_of", "none_of", "equals", "pattern": constraint(key: k, value: v, into: &rule.constraint)
            case "when":
                rule.when = sequence(v, what: "when").compactMap { readCondition($0) }
            case "message": rule.message = text(v, what: "message")
            case "fix": (rule.fix, rule.fixCommand) = fix(v)
            case "service_error":
                rule.serviceError = scalar(v, what: "service_error").flatMap { Int($0) }
                if rule.serviceError == nil { fail(v, "service_error must be a number such as 100003") }
            case "reference": rule.reference = scalar(v, what: "reference")
            case "basis": rule.basis = text(v, what: "basis")
            case "uncertainty":
                rule.uncertainty = quantity(v, what: "uncertainty")
                if let u = rule.uncertainty, !((u.number ?? -1) >= 0) { fail(v, "uncertainty must be a number of at least 0, such as 3 dB") }
            case "disabled": rule.disabled = scalar(v, what: "disabled").map { ["true", "yes"].contains($0.lowercased()) }
            default: _ = text(v, what: "description")
            }
        }
        if rule.id.isEmpty { fail(node, "a rule needs an 'id'"); return nil }
        return rule
    }

    mutating func readCondition(_ node: Node) -> Condition? {
        var fact: String?
        var c = Constraint()
        for (k, v) in pairs(node, allowed: Self.conditionKeys, what: "a 'when' condition") {
            if k == "fact" { fact = scalar(v, what: "fact") } else { constraint(key: k, value: v, into: &c) }
        }
        guard let fact else { fail(node, "a 'when' condition needs a 'fact'"); return nil }
        return Condition(fact: fact, constraint: c)
    }

    /// Levenshtein distance, for "did you mean" hints.
    /// The closest of `names` to `name` when it is within two edits (a typo), else nil.
    static func closest(to name: String, in names: [String]) -> String? {
        let upper = name.uppercased()
        guard let best = names.min(by: { distance($0.uppercased(), upper) < distance($1.uppercased(), upper) }) else { return nil }
        return distance(best.uppercased(), upper) <= 2 ? best : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
