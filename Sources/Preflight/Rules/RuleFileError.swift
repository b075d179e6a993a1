import Foundation

/// A problem in a rule file, with the file, line and column where it was written.
public struct RuleFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in English.
    public var problem: String
    /// What is wrong, in Chinese, when the message has a translation.
    public var problemZh: String?

    /// Creates an error, optionally with the problem in Chinese.
    public init(_ location: SourceLocation, _ problem: String, zh: String? = nil) {
        self.location = location
        self.problem = problem
        self.problemZh = zh
    }

    /// Creates an error from a message of the catalog, in both languages.
    public init(_ location: SourceLocation, _ message: LocalizedText) {
        self.init(location, message.en, zh: message.zh)
    }

    /// The problem in both languages (English where no translation was written).
    public var message: LocalizedText { LocalizedText(zh: problemZh ?? problem, en: problem) }

    /// `file:line:column: problem` in a language.
    public func description(in language: Language) -> String { "\(location): \(message.text(in: language))" }

    /// `file:line:column: problem`.
    public var description: String { "\(location): \(problem)" }
}

/// Every problem found in a set of rule files.
public struct RuleFileErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [RuleFileError]

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// One problem per line in a language, under a heading that says these are rule or manifest file
    /// errors.
    public func description(in language: Language) -> String {
        let head = RuleText.problemsHeading(count: errors.count).text(in: language)
        return ([head] + errors.map { "  " + $0.description(in: language) }).joined(separator: "\n")
    }
}
