/// A customization kind (MakeType) that has no built-in rules, with the known kinds and the one it
/// was probably meant to be.
public struct UnknownTypeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind as given.
    public var type: String
    /// The kinds that have rules, sorted.
    public var known: [String]
    /// The known kind within two edits of ``type`` (a typo), if there is one.
    public var suggestion: String?

    /// The error for `type` among `known`.
    public init(type: String, known: [String]) {
        self.type = type
        self.known = known
        suggestion = Spelling.closest(to: type, in: known)
    }

    /// What is wrong and what to give instead, in both languages.
    public var message: LocalizedText {
        RuleText.unknownType(type, suggestion: suggestion, known: known.joined(separator: ", "))
    }

    /// The English message.
    public var description: String { message.en }
}
