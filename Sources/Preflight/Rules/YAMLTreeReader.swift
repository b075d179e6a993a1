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

    /// What a part of a file is called in Chinese messages (`a manifest` → 清单).
    static func chinese(_ what: String) -> String {
        let names = ["a manifest": "清单", "a submission": "提交", "a rule": "规则", "a rule file": "规则文件", "a slot": "文件位置",
                     "a requirement": "要求", "a profile": "配置", "a condition": "条件", "submissions": "submissions 列表"]
        return names[what] ?? what
    }

    mutating func fail(_ node: Node, _ problem: String, zh: String? = nil) { errors.append(RuleFileError(location(node), problem, zh: zh)) }

    /// The pairs of a mapping, reporting unknown keys (with a suggestion) and over-large trees.
    mutating func pairs(_ node: Node, allowed: [String], what: String) -> [(String, Node)] {
        nodes += 1
        guard nodes < RuleFile.nodeLimit else {
            if nodes == RuleFile.nodeLimit { fail(node, "the file is too large (over \(RuleFile.nodeLimit) nodes, or aliases expand too far)", zh: "文件过大（超过 \(RuleFile.nodeLimit) 个节点，或别名展开过多）") }
            return []
        }
        guard case .mapping(let mapping) = node else {
            fail(node, "\(what) must be a mapping of keys to values", zh: "\(Self.chinese(what)) 必须是“键: 值”的映射")
            return []
        }
        var result: [(String, Node)] = []
        for (k, v) in mapping {
            guard let key = k.string else { fail(k, "keys must be plain text", zh: "键必须是纯文本"); continue }
            if !allowed.contains(key) {
                let hint = allowed.min { Spelling.distance($0, key) < Spelling.distance($1, key) }
                let close = hint.flatMap { Spelling.distance($0, key) <= 2 ? $0 : nil }
                let suggestion = close.map { " (did you mean '\($0)'?)" } ?? ""
                fail(k, "unknown key '\(key)' in \(what)\(suggestion); allowed: \(allowed.joined(separator: ", "))",
                     zh: "\(Self.chinese(what)) 中有未知的键“\(key)”" + (close.map { "（是不是“\($0)”？）" } ?? "") + "；可用的键：\(allowed.joined(separator: "、"))")
                continue
            }
            result.append((key, v))
        }
        return result
    }

    mutating func sequence(_ node: Node, what: String) -> [Node] {
        nodes += 1
        guard case .sequence(let s) = node else {
            fail(node, "\(what) must be a list", zh: "\(Self.chinese(what)) 必须是列表")
            return []
        }
        return Array(s)
    }

    mutating func scalar(_ node: Node, what: String) -> String? {
        nodes += 1
        guard case .scalar(let s) = node else {
            fail(node, "\(what) must be a single value", zh: "\(Self.chinese(what)) 必须是单个值")
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
            fail(node, "fix needs both 'zh' and 'en'", zh: "fix 需要同时有 zh 和 en")
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
            fail(node, "\(what) needs both 'zh' and 'en'", zh: "\(Self.chinese(what)) 需要同时有 zh 和 en")
            return nil
        }
        return LocalizedText(zh: zh, en: en)
    }
}
