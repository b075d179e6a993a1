import Foundation

/// The named measurements of one file, keyed by fact name (`video.duration`, `file.size` …).
///
/// Names come from ``FactVocabulary``; values are in SI base units.
public struct Facts: Sendable, Equatable {
    /// The values by fact name.
    public private(set) var values: [String: FactValue] = [:]

    /// Creates an empty set of facts.
    public init() {}

    /// The value of a fact, or nil if it was not measured.
    public subscript(name: String) -> FactValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Records a number (ignored when nil or not finite).
    public mutating func set(_ name: String, _ number: Double?) {
        if let n = number, n.isFinite { values[name] = .number(n) }
    }

    /// Records an integer (ignored when nil).
    public mutating func set<I: BinaryInteger>(_ name: String, _ number: I?) {
        if let n = number { values[name] = .number(Double(n)) }
    }

    /// Records a piece of text (ignored when nil).
    public mutating func set(_ name: String, _ text: String?) {
        if let t = text { values[name] = .text(t) }
    }

    /// Records a flag.
    public mutating func set(_ name: String, _ flag: Bool) { values[name] = .flag(flag) }

    /// Adds every fact of `other`, replacing those with the same name.
    public mutating func merge(_ other: Facts) {
        values.merge(other.values) { _, new in new }
    }

    /// The fact names in a stable order (vocabulary order, then alphabetical).
    public var orderedNames: [String] {
        values.keys.sorted { a, b in
            let ia = FactVocabulary.index(of: a), ib = FactVocabulary.index(of: b)
            return ia != ib ? ia < ib : a < b
        }
    }
}
