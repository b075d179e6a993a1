import Foundation

/// Checks the meaning of a merged rule set: known facts and slots, units that fit the fact, complete rules.
public enum RuleLint {
    /// Every problem, each at the rule (or requirement) that has it.
    public static func check(_ set: RuleSet, knownSlots: Set<String>? = nil) -> [RuleFileError] {
        let slots = knownSlots ?? Set(set.slots.map(\.name))
        var problems: [RuleFileError] = []
        for rule in set.rules {
            let at = rule.source ?? SourceLocation(file: "?", line: 1, column: 1)
            func fail(_ p: String, zh: String) { problems.append(RuleFileError(at, "rule '\(rule.id)': \(p)", zh: "规则 '\(rule.id)'：\(zh)")) }
            if rule.disabled == true { continue }
            guard let fact = rule.fact else { fail("no 'fact' to test", zh: "没有要检验的 'fact'"); continue }
            guard let definition = FactVocabulary.definition(fact) else {
                let near = FactVocabulary.all.map(\.name).min { Spelling.distance($0, fact) < Spelling.distance($1, fact) }
                fail("unknown fact '\(fact)'\(near.map { " (did you mean '\($0)'?)" } ?? ""); `preflight facts` lists them",
                     zh: "未知的事实 '\(fact)'\(near.map { "（是不是 '\($0)'？）" } ?? "")；`preflight facts` 列出全部事实")
                continue
            }
            if let slot = rule.slot {
                if !slots.contains(slot) { fail("unknown slot '\(slot)'; known: \(slots.sorted().joined(separator: ", "))",
                                                zh: "未知的文件位置 '\(slot)'；已知：\(slots.sorted().joined(separator: ", "))") }
            } else { fail("no 'slot' (which file the rule reads)", zh: "没有 'slot'（规则读取哪个文件）") }
            if rule.severity == nil { fail("no 'severity' (error, warning or info)", zh: "没有 'severity'（error、warning 或 info）") }
            if rule.constraint.isEmpty && rule.required != true {
                fail("no test: give min, max, one_of, none_of, equals, pattern or required", zh: "没有检验：请给出 min、max、one_of、none_of、equals、pattern 或 required")
            }
            problems += unitProblems(rule.constraint, fact: definition, at: at, prefix: ("rule '\(rule.id)': ", "规则 '\(rule.id)'："))
            for condition in rule.when ?? [] {
                guard let cd = FactVocabulary.definition(condition.fact) else { fail("'when' names unknown fact '\(condition.fact)'", zh: "'when' 引用了未知的事实 '\(condition.fact)'"); continue }
                problems += unitProblems(condition.constraint, fact: cd, at: at, prefix: ("rule '\(rule.id)' when: ", "规则 '\(rule.id)' 的 when："))
            }
            if rule.message == nil { fail("no 'message' {zh, en}: say what is wrong in both languages", zh: "没有 'message' {zh, en}：请用两种语言说明问题") }
        }
        for req in set.requirements {
            let at = req.source ?? SourceLocation(file: "?", line: 1, column: 1)
            if req.allOf.isEmpty && req.anyOf.isEmpty { problems.append(RuleFileError(at, "requirement '\(req.id)': give all_of or any_of", zh: "要求 '\(req.id)'：请给出 all_of 或 any_of")) }
            for s in req.allOf + req.anyOf where !slots.contains(s) {
                problems.append(RuleFileError(at, "requirement '\(req.id)': unknown slot '\(s)'", zh: "要求 '\(req.id)'：未知的文件位置 '\(s)'"))
            }
            if req.message == nil { problems.append(RuleFileError(at, "requirement '\(req.id)': no 'message' {zh, en}", zh: "要求 '\(req.id)'：没有 'message' {zh, en}")) }
        }
        return problems
    }

    /// Units must belong to the fact's dimension (`10 min` cannot limit `file.size`); ranges must not be empty.
    static func unitProblems(_ c: Constraint, fact: FactDefinition, at: SourceLocation, prefix: (en: String, zh: String)) -> [RuleFileError] {
        var problems: [RuleFileError] = []
        let values = [c.min, c.max, c.equals].compactMap { $0 } + (c.oneOf ?? []) + (c.noneOf ?? [])
        for q in values {
            switch (q, fact.dimension) {
            case (.number(_, let d?, let written), let want) where d != want:
                let units = want.units.map(\.symbol).joined(separator: ", ")
                problems.append(RuleFileError(at, "\(prefix.en)'\(written)' is a \(d.rawValue) value but \(fact.name) is measured as \(want.rawValue)" + (units.isEmpty ? "" : " (units: \(units))"),
                                              zh: "\(prefix.zh)'\(written)' 是 \(d.rawValue) 的值，而 \(fact.name) 以 \(want.rawValue) 计" + (units.isEmpty ? "" : "（单位：\(units)）")))
            case (.text(let t), let want) where ![.text, .flag].contains(want):
                let units = want.units.map(\.symbol).joined(separator: ", ")
                problems.append(RuleFileError(at, "\(prefix.en)'\(t)' is not a number with a unit of \(want.rawValue) (\(units))",
                                              zh: "\(prefix.zh)'\(t)' 不是带 \(want.rawValue) 单位的数（\(units)）"))
            default: break
            }
        }
        if (c.min != nil || c.max != nil), [.text, .flag].contains(fact.dimension) {
            problems.append(RuleFileError(at, "\(prefix.en)min/max need a numeric fact; \(fact.name) is \(fact.dimension.rawValue)",
                                          zh: "\(prefix.zh)min/max 需要数值型事实；\(fact.name) 是 \(fact.dimension.rawValue)"))
        }
        if let lo = c.min?.number, let hi = c.max?.number, lo > hi {
            problems.append(RuleFileError(at, "\(prefix.en)min \(c.min!.written) is above max \(c.max!.written): nothing can pass",
                                          zh: "\(prefix.zh)min \(c.min!.written) 大于 max \(c.max!.written)：任何值都通不过"))
        }
        return problems
    }
}
