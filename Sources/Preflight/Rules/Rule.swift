import Foundation

/// How bad a failed rule is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Shown for information; never fails.
    case info
    /// Recommended by the service or likely to hurt quality; fails only under `--strict`.
    case warning
    /// The service would reject the submission.
    case error

    /// Orders info < warning < error.
    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.info, .warning, .error]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// Where something was written in a rule file.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The file path as given.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// A condition under which a rule applies: `when: [{fact: video.display_resolution, one_of: [3840x2160]}]`.
public struct Condition: Sendable, Equatable {
    /// The fact tested.
    public var fact: String
    /// The test.
    public var constraint: Constraint
}

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
        r.fix = other.fix ?? fix
        r.fixCommand = other.fix != nil ? other.fixCommand : fixCommand
        r.serviceError = other.serviceError ?? serviceError
        r.reference = other.reference ?? reference
        r.basis = other.basis ?? basis
        r.uncertainty = other.uncertainty ?? uncertainty
        r.disabled = other.disabled ?? disabled
        r.source = other.source ?? source
        return r
    }
}

/// What a rule's fact is read from.
public enum RuleScope: String, Sendable, Codable, CaseIterable {
    /// The whole file of the slot.
    case file
    /// Each entry of a bundle (a single audio file counts as one entry).
    case entries
}

/// Which slots a submission must fill: all of `allOf`, and at least one of `anyOf`.
public struct Requirement: Sendable, Equatable {
    /// Stable identifier, e.g. `slots.authorization`.
    public var id: String
    /// Slots that must all be given.
    public var allOf: [String] = []
    /// Slots of which at least one must be given.
    public var anyOf: [String] = []
    /// How bad a missing slot is (error by default).
    public var severity: Severity = .error
    /// What is missing and why it matters.
    public var message: LocalizedText?
    /// The service's result code for the missing file.
    public var serviceError: Int?
    /// Where it was written.
    public var source: SourceLocation?
}

/// What kind of file a slot takes, which decides the probe that reads it.
public enum SlotKind: String, Sendable, Codable, CaseIterable {
    /// A video (libavformat).
    case video
    /// A PDF document.
    case pdf
    /// A photo (jpeg, png, webp).
    case photo
    /// One audio file.
    case audio
    /// Voice material: one audio file or a zip bundle of audio files.
    case voice
    /// The fields of the make request (not a file).
    case request
}

/// A place for one file in a submission: the material video, the authorization …
public struct SlotDefinition: Sendable, Equatable {
    /// The slot name used on the command line and in rules (`material`, `identity_pdf`).
    public var name: String
    /// The kind of file it takes.
    public var kind: SlotKind
    /// The COS folder the file is uploaded to (`video/`, `idcard/`).
    public var cosFolder: String?
    /// The make request field that carries its URL (`MaterialCosUrl` …).
    public var requestField: String?
    /// A short title for people.
    public var title: LocalizedText?
}
