import Foundation

/// One declarative check: a fact of a slot's file, a constraint, a severity, a message and a fix.
public struct Rule: Sendable, Equatable {
    /// Stable identifier, e.g. `material.frame_rate`; later definitions with the same id override earlier ones.
    public var id: String
    /// The file slot the rule reads (`material`, `identity`, `identity_pdf`, `alpha` …).
    public var slot: String?
    /// The fact tested.
    public var fact: String?
    /// What the fact is read from: the whole file (default) or each entry of a bundle.
    public var scope: RuleScope?
    /// How bad a failure is.
    public var severity: Severity?
    /// Whether a missing value fails (true) or is skipped (false, the default).
    public var required: Bool?
    /// The test.
    public var constraint = Constraint()
    /// Conditions that must all hold for the rule to apply.
    public var when: [Condition]?
    /// What a failure means, with `{measured}`, `{limit}` and `{file}` placeholders.
    public var message: LocalizedText?
    /// What a ``required`` value that is absent means and what to do (`message` and `fix` describe a
    /// value that is there but wrong); without it the finding names the missing fact.
    public var missingMessage: LocalizedText?
    /// How to fix a failure: a command or advice, with `{file}` and `{out:SUFFIX}` placeholders.
    public var fix: LocalizedText?
    /// The fix as one shell command (a plain-text `fix`, or a fix's `command:`), with the same
    /// placeholders; paths and facts in it are quoted for a POSIX shell.
    public var fixCommand: String?
    /// The service's result code this failure would produce (docs/service-limits.md §7), if known.
    public var serviceError: Int?
    /// Where the service documents the limit.
    public var reference: String?
    /// Where a limit that is not the service's comes from (a peer's published number, a standard), for
    /// people: `rules show` prints it under the rule.
    public var basis: LocalizedText?
    /// How far the measurement may be from the truth (an estimate's uncertainty, `uncertainty: 3 dB`): a
    /// value that misses a `min` or `max` by no more than this is borderline, reported as a warning that
    /// says so; beyond it the rule's own severity applies.
    public var uncertainty: Quantity?
    /// A fact that carries the measurement's own uncertainty, in the fact's unit
    /// (`uncertainty_fact: audio.snr_uncertainty_db`): where it is wider than ``uncertainty``, it is the band.
    /// A miss within it is borderline, as above; a pass by less than it, where it is wider than
    /// ``uncertainty``, is a warning that the value could not be measured reliably.
    public var uncertaintyFact: String?
    /// A disabled rule is kept for `rules show` but never evaluated.
    public var disabled: Bool?
    /// Where the rule (or its last override) was written.
    public var source: SourceLocation?

    /// Creates an empty rule with an id.
    public init(id: String) { self.id = id }

    /// This rule with every field that `other` sets replacing its own.
    public func overridden(by other: Rule) -> Rule {
        var r = self
        r.slot = other.slot ?? slot
        r.fact = other.fact ?? fact
        r.scope = other.scope ?? scope
        r.severity = other.severity ?? severity
        r.required = other.required ?? required
        r.constraint = constraint.overridden(by: other.constraint)
        r.when = other.when ?? when
        r.message = other.message ?? message
        r.missingMessage = other.missingMessage ?? missingMessage
        r.fix = other.fix ?? fix
        r.fixCommand = other.fix != nil ? other.fixCommand : fixCommand
        r.serviceError = other.serviceError ?? serviceError
        r.reference = other.reference ?? reference
        r.basis = other.basis ?? basis
        r.uncertainty = other.uncertainty ?? uncertainty
        r.uncertaintyFact = other.uncertaintyFact ?? uncertaintyFact
        r.disabled = other.disabled ?? disabled
        r.source = other.source ?? source
        return r
    }
}
