import Foundation
import Yams

/// Walks a YAML tree (a rule file, a manifest), collecting every problem with its file, line and column:
/// unknown keys with a suggestion, wrong node kinds, and trees too large to be a hand-written file.
struct YAMLTreeReader {
    let path: String
    var errors: [RuleFileError] = []
    private var nodes = 0

    init(path: String) { self.path = path }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func fail(_ node: Node, _ message: LocalizedText) { errors.append(RuleFileError(location(node), message)) }

    /// The pairs of a mapping, reporting unknown keys (with a suggestion) and over-large trees.
    mutating func pairs(_ node: Node, allowed: [String], what: String) -> [(String, Node)] {
        nodes += 1
        guard nodes < RuleFile.nodeLimit else {
            if nodes == RuleFile.nodeLimit { fail(node, RuleText.tooManyNodes(limit: RuleFile.nodeLimit)) }
            return []
        }
        guard case .mapping(let mapping) = node else {
            fail(node, RuleText.mustBeMapping(what))
            return []
        }
        var result: [(String, Node)] = []
        for (k, v) in mapping {
            guard let key = k.string else { fail(k, RuleText.keysPlainText); continue }
            if !allowed.contains(key) {
                let hint = allowed.min { Spelling.distance($0, key) < Spelling.distance($1, key) }
                let close = hint.flatMap { Spelling.distance($0, key) <= 2 ? $0 : nil }
                fail(k, RuleText.unknownKey(key, in: what, suggestion: close.map(RuleText.didYouMeanKey), allowed: allowed))
                continue
            }
            result.append((key, v))
        }
        return result
    }

    mutating func sequence(_ node: Node, what: String) -> [Node] {
        nodes += 1
        guard case .sequence(let s) = node else {
            fail(node, RuleText.mustBeList(what))
            return []
        }
        return Array(s)
    }

    mutating func scalar(_ node: Node, what: String) -> String? {
        nodes += 1
        guard case .scalar(let s) = node else {
            fail(node, RuleText.mustBeSingle(what))
            return nil
        }
        return s.string
    }

    /// A fix: plain text is a command (its own advice), a mapping has `zh` and `en` advice and may
    /// have the `command` it describes.
    mutating func fix(_ node: Node) -> (LocalizedText?, String?) {
        if case .scalar(let s) = node { return (LocalizedText(zh: s.string, en: s.string), s.string) }
        var zh: String?, en: String?, command: String?
        for (k, v) in pairs(node, allowed: ["zh", "en", "command"], what: "fix") {
            switch k {
            case "zh": zh = scalar(v, what: "fix.zh")
            case "en": en = scalar(v, what: "fix.en")
            default: command = scalar(v, what: "fix.command")
            }
        }
        guard let zh, let en else {
            fail(node, RuleText.fixNeedsBoth)
            return (nil, nil)
        }
        return (LocalizedText(zh: zh, en: en), command)
    }

    mutating func text(_ node: Node, what: String) -> LocalizedText? {
        if case .scalar(let s) = node { return LocalizedText(zh: s.string, en: s.string) }
        var zh: String?, en: String?
        for (k, v) in pairs(node, allowed: ["zh", "en"], what: what) {
            if k == "zh" { zh = scalar(v, what: "\(what).zh") } else { en = scalar(v, what: "\(what).en") }
        }
        guard let zh, let en else {
            fail(node, RuleText.needsBoth(what))
            return nil
        }
        return LocalizedText(zh: zh, en: en)
    }
}
