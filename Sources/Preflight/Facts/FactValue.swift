import Foundation

/// One measured value: a number in the SI base unit of its fact, a piece of text, or a flag.
public enum FactValue: Sendable, Equatable, Hashable {
    /// A number in the base unit of the fact's dimension.
    case number(Double)
    /// A piece of text, such as a format name or a ratio like `"16:9"`.
    case text(String)
    /// A yes/no value.
    case flag(Bool)
    /// A list of texts, such as the formats found in a bundle.
    case list([String])

    /// The number, if this value is one.
    public var number: Double? { if case .number(let n) = self { return n }; return nil }
    /// The text, if this value is one.
    public var text: String? { if case .text(let t) = self { return t }; return nil }
    /// The flag, if this value is one.
    public var flag: Bool? { if case .flag(let b) = self { return b }; return nil }
}

extension FactValue: Codable {
    /// Decodes a JSON number, string, boolean or array of strings.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .flag(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .text(s) }
        else { self = .list(try c.decode([String].self)) }
    }

    /// Encodes as a plain JSON value; whole numbers are written without a fraction.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n):
            if n.isFinite, n == n.rounded(), abs(n) < 9.0e15 { try c.encode(Int64(n)) } else if n.isFinite { try c.encode(n) } else { try c.encodeNil() }
        case .text(let s): try c.encode(s)
        case .flag(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        }
    }
}
