import Foundation

/// A problem in a rule file, with the file, line and column where it was written.
public struct RuleFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in English (rule files are written by engineers).
    public var problem: String

    /// Creates an error.
    public init(_ location: SourceLocation, _ problem: String) {
        self.location = location
        self.problem = problem
    }

    /// `file:line:column: problem`.
    public var description: String { "\(location): \(problem)" }
}

/// Every problem found in a set of rule files.
public struct RuleFileErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [RuleFileError]

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
