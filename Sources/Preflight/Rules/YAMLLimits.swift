import CYaml
import Foundation

/// Limits on a YAML document (a rule file or a manifest), checked on libyaml's event stream before
/// the document is composed into a tree, so a hostile file is refused quickly with a clear error.
///
/// A "billion laughs" document defines an anchor, then lists of aliases to lists of aliases: a few
/// hundred bytes that expand to 10⁹ nodes. Composing it is cheap, but anything that walks or hashes
/// the expanded tree (Yams hashes every mapping key to find duplicates) runs for hours.
public struct YAMLLimits: Sendable, Equatable {
    /// Most nodes the document may hold with every alias expanded (the default is ``RuleFile/nodeLimit``).
    public var nodeLimit = RuleFile.nodeLimit
    /// Deepest nesting of sequences and mappings.
    public var depthLimit = 64

    /// The defaults: 50 000 nodes after expansion, 64 levels.
    public init() {}
}

/// Measures a YAML text the way it would expand, without building it.
enum YAMLExpansion {
    /// A limit the text passes, where, and how.
    struct Excess: Error, Equatable {
        /// 1-based line of the event that passed the limit.
        var line: Int
        /// 1-based column.
        var column: Int
        /// What was passed, for the error message.
        var problem: String
    }

    /// Nil when `text` stays within `limits` (or is not valid YAML: composing it reports that),
    /// else where it passes one. Linear in the text: each alias counts the size recorded for its anchor.
    static func check(_ text: String, limits: YAMLLimits) -> Excess? {
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return utf8.withUnsafeMutableBufferPointer { buffer -> Excess? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = Walk(limits: limits)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                let problem: String?
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_SCALAR_EVENT: problem = walk.leaf(1, anchor: name(event.data.scalar.anchor))
                case YAML_ALIAS_EVENT: problem = walk.leaf(walk.size(of: name(event.data.alias.anchor)), anchor: nil)
                case YAML_SEQUENCE_START_EVENT: problem = walk.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT: problem = walk.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: problem = walk.close()
                default: problem = nil
                }
                if let problem { return Excess(line: mark.line, column: mark.column, problem: problem) }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    /// The running count: expanded nodes so far, and the expanded size of each open collection and anchor.
    private struct Walk {
        let limits: YAMLLimits
        var total = 0
        var open: [(anchor: String?, size: Int)] = []
        var anchors: [String: Int] = [:]

        init(limits: YAMLLimits) { self.limits = limits }

        func size(of anchor: String?) -> Int { anchor.flatMap { anchors[$0] } ?? 1 }

        /// A scalar (size 1) or an alias (the size of its anchor).
        mutating func leaf(_ size: Int, anchor: String?) -> String? {
            if let anchor { anchors[anchor] = size }
            return add(size)
        }

        mutating func open(anchor: String?) -> String? {
            open.append((anchor, 1))
            if open.count > limits.depthLimit { return "nested deeper than \(limits.depthLimit) levels" }
            total += 1
            return total > limits.nodeLimit ? tooLarge : nil
        }

        mutating func close() -> String? {
            guard let (anchor, size) = open.popLast() else { return nil }
            if let anchor { anchors[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
            return nil
        }

        private mutating func add(_ size: Int) -> String? {
            total += size
            if !open.isEmpty { open[open.count - 1].size += size }
            return total > limits.nodeLimit ? tooLarge : nil
        }

        var tooLarge: String {
            "the document is too large: over \(limits.nodeLimit) nodes with its aliases expanded (a \"billion laughs\" file?); refused"
        }
    }
}
