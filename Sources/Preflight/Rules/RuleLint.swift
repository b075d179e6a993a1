import Foundation

/// Checks the meaning of a merged rule set: known facts and slots, units that fit the fact, complete rules.
public enum RuleLint {
    /// Every problem, each at the rule (or requirement) that has it.
    public static func check(_ set: RuleSet, knownSlots: Set<String>? = nil) -> [RuleFileError] {
        let slots = knownSlots ?? Set(set.slots.map(\.name))
        var problems: [RuleFileError] = []
        for rule in set.rules {
            let at = rule.source ?? SourceLocation(file: "?", line: 1, column: 1)
            func fail(_ p: LocalizedText) { problems.append(RuleFileError(at, RuleText.inRule(rule.id, p))) }
            if rule.disabled == true { continue }
            guard let fact = rule.fact else { fail(RuleText.noFact); continue }
            guard let definition = FactVocabulary.definition(fact) else {
                let near = FactVocabulary.all.map(\.name).min { Spelling.distance($0, fact) < Spelling.distance($1, fact) }
                fail(RuleText.unknownFact(fact, suggestion: near.map(RuleText.didYouMeanFact)))
                continue
            }
            if let slot = rule.slot {
                if !slots.contains(slot) { fail(RuleText.unknownSlot(slot, known: slots.sorted().joined(separator: ", "))) }
            } else { fail(RuleText.noSlot) }
            if rule.severity == nil { fail(RuleText.noSeverity) }
            if rule.constraint.isEmpty && rule.required != true { fail(RuleText.noTest) }
            problems += unitProblems(rule.constraint, fact: definition).map { RuleFileError(at, RuleText.inRule(rule.id, $0)) }
            for condition in rule.when ?? [] {
                guard let cd = FactVocabulary.definition(condition.fact) else { fail(RuleText.conditionUnknownFact(condition.fact)); continue }
                problems += unitProblems(condition.constraint, fact: cd).map { RuleFileError(at, RuleText.inRuleCondition(rule.id, $0)) }
            }
            if let u = rule.uncertaintyFact, FactVocabulary.definition(u) == nil { fail(RuleText.uncertaintyUnknownFact(u)) }
            if rule.message == nil { fail(RuleText.noRuleMessage) }
            if rule.missingMessage != nil && rule.required != true { fail(RuleText.missingWithoutRequired) }
        }
        for req in set.requirements {
            let at = req.source ?? SourceLocation(file: "?", line: 1, column: 1)
            func fail(_ p: LocalizedText) { problems.append(RuleFileError(at, RuleText.inRequirement(req.id, p))) }
            if req.allOf.isEmpty && req.anyOf.isEmpty { fail(RuleText.noSlots) }
            for s in req.allOf + req.anyOf where !slots.contains(s) { fail(RuleText.requirementUnknownSlot(s)) }
            if req.message == nil { fail(RuleText.noRequirementMessage) }
        }
        return problems
    }

    /// Units must belong to the fact's dimension (`10 min` cannot limit `file.size`); ranges must not be empty.
    static func unitProblems(_ c: Constraint, fact: FactDefinition) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        let values = [c.min, c.max, c.equals].compactMap { $0 } + (c.oneOf ?? []) + (c.noneOf ?? [])
        for q in values {
            switch (q, fact.dimension) {
            case (.number(_, let d?, let written), let want) where d != want:
                let units = want.units.map(\.symbol).joined(separator: ", ")
                problems.append(RuleText.wrongDimension(written, is: d.rawValue, fact: fact.name, measuredAs: want.rawValue, units: units))
            case (.text(let t), let want) where ![.text, .flag].contains(want):
                let units = want.units.map(\.symbol).joined(separator: ", ")
                problems.append(RuleText.notAQuantity(t, dimension: want.rawValue, units: units))
            default: break
            }
        }
        if (c.min != nil || c.max != nil), [.text, .flag].contains(fact.dimension) {
            problems.append(RuleText.boundsNeedNumber(fact: fact.name, dimension: fact.dimension.rawValue))
        }
        if let lo = c.min?.number, let hi = c.max?.number, lo > hi {
            problems.append(RuleText.emptyRange(min: c.min!.written, max: c.max!.written))
        }
        return problems
    }
}
