import Foundation

extension Facts {
    /// The value of the fact a key names, or nil if it was not measured.
    public subscript(key: FactKey) -> FactValue? {
        get { self[key.name] }
        set { self[key.name] = newValue }
    }

    /// Records a number under a key (ignored when nil or not finite).
    public mutating func set(_ key: FactKey, _ number: Double?) { set(key.name, number) }

    /// Records an integer under a key (ignored when nil).
    public mutating func set<I: BinaryInteger>(_ key: FactKey, _ number: I?) { set(key.name, number) }

    /// Records a piece of text under a key (ignored when nil).
    public mutating func set(_ key: FactKey, _ text: String?) { set(key.name, text) }

    /// Records a flag under a key.
    public mutating func set(_ key: FactKey, _ flag: Bool) { set(key.name, flag) }
}
