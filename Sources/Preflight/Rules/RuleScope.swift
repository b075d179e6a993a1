import Foundation

/// What a rule's fact is read from.
public enum RuleScope: String, Sendable, Codable, CaseIterable {
    /// The whole file of the slot.
    case file
    /// Each entry of a bundle (a single audio file counts as one entry).
    case entries
}
