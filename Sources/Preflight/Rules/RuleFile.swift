import Foundation
import Yams

/// One parsed rule file: its own rules, slots and requirements, before includes are resolved.
public struct RuleFile: Sendable {
    /// The file path as given.
    public var path: String
    /// The customization kind this file defines (`IMAGE_GENERAL`), if it defines one.
    public var type: String?
    /// The rule set version, usually the date of the service documentation it follows.
    public var version: String?
    /// A title for people.
    public var title: LocalizedText?
    /// Files to load first, relative to this one, with where each was named.
    public var includes: [(path: String, location: SourceLocation)] = []
    /// Slots defined here.
    public var slots: [SlotDefinition] = []
    /// Slot requirements defined here.
    public var requirements: [Requirement] = []
    /// Rules defined or overridden here.
    public var rules: [Rule] = []
    /// Named alternatives (`legacy`, `strict`): overrides applied when the profile is selected.
    public var profiles: [String: Profile] = [:]
    /// The text of the file, for the rule set's digest.
    public var text: String
    /// Problems found while reading the file (unknown keys, bad values); what could be read is kept.
    public var problems: [RuleFileError] = []

    /// Overrides applied by a named profile.
    public struct Profile: Sendable {
        /// What the profile is, for people.
        public var summary: LocalizedText?
        /// Rules overridden or added.
        public var rules: [Rule] = []
        /// Requirements overridden or added.
        public var requirements: [Requirement] = []
    }

    /// The most nodes a rule file may hold; guards against alias expansion bombs.
    public static let nodeLimit = 50_000

    /// Parses rule-file YAML. Throws only when the YAML itself is broken or passes `limits` (a
    /// "billion laughs" file is refused before it is composed); every other problem is collected in
    /// ``problems`` with its line and column.
    public static func parse(_ text: String, path: String, limits: YAMLLimits = YAMLLimits()) throws -> RuleFile {
        if let excess = YAMLExpansion.check(text, limits: limits) {
            throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: path, line: excess.line, column: excess.column), RuleText.yamlTooComplex(englishDetail: excess.problem))])
        }
        let node: Node?
        do {
            // Every scalar is read as its text (YAMLTreeReader never asks Yams for a resolved type), so
            // the basic resolver: the default one compiles seven ICU regular expressions and runs them on
            // every mapping key to check duplicates, which was most of a `check`'s rule loading. UTF-8
            // named outright: Yams' default encoding reads the whole environment on every parse.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let e as YamlError {
            throw RuleFileErrors(errors: [RuleFileError(Self.location(of: e, path: path), RuleText.notYAML(Self.reason(e)))])
        }
        var reader = YAMLTreeReader(path: path)
        var file = RuleFile(path: path, text: text)
        guard let root = node else {
            throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: path, line: 1, column: 1), RuleText.emptyFile)])
        }
        reader.read(root, into: &file)
        file.problems = reader.errors
        return file
    }

    private static func location(of error: YamlError, path: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: path, line: mark.line, column: mark.column)
        default:
            return SourceLocation(file: path, line: 1, column: 1)
        }
    }

    private static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
