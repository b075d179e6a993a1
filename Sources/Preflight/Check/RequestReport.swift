import Foundation

/// The make request's fields as judged: what was given (as `request.*` facts), and where it was read
/// from. Not a file: the rules of the rule set's `request` slot read these facts, and their findings
/// carry the slot `request` and, when the fields came from a manifest, its path and line.
public struct RequestReport: Sendable, Equatable, Codable {
    /// The manifest (or other description) the fields were read from; nil for fields given directly
    /// (command-line options, a ``Submission`` built in code).
    public var origin: String?
    /// The fields as `request.*` facts, with those the batch adds (`request.anchor_name_unique`).
    public var facts: Facts

    /// Creates a request report.
    public init(origin: String?, facts: Facts) {
        self.origin = origin; self.facts = facts
    }
}
