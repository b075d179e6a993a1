import Foundation

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
