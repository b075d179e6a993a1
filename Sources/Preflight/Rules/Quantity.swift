import Foundation

/// A limit written in a rule file: a number with a unit (`5 GiB`, `25 fps`), or a text (`16:9`, `mp4`).
public enum Quantity: Sendable, Equatable, Hashable {
    /// A number in the base unit of `dimension` (nil dimension: a bare number, taken as the base unit).
    case number(Double, Dimension?, written: String)
    /// A text value.
    case text(String)
    /// A yes/no value.
    case flag(Bool)

    /// Parses a scalar written in a rule file. Numbers may carry a unit after optional spaces.
    public static func parse(_ raw: String) -> Quantity {
        let s = raw.trimmingCharacters(in: .whitespaces)
        switch s.lowercased() {
        case "true", "yes": return .flag(true)
        case "false", "no": return .flag(false)
        default: break
        }
        // Split a leading number from a trailing unit.
        var numberEnd = s.startIndex
        var seenDigit = false
        for i in s.indices {
            let c = s[i]
            if c.isASCII && (c.isNumber || c == "." || ((c == "-" || c == "+") && i == s.startIndex) || c == "_") {
                if c.isNumber { seenDigit = true }
                numberEnd = s.index(after: i)
            } else if (c == "e" || c == "E"), seenDigit, s.index(after: i) < s.endIndex,
                      s[s.index(after: i)].isNumber || s[s.index(after: i)] == "-" {
                numberEnd = s.index(after: i)
            } else { break }
        }
        guard seenDigit, let value = Double(s[..<numberEnd].replacingOccurrences(of: "_", with: "")) else { return .text(s) }
        let unit = s[numberEnd...].trimmingCharacters(in: .whitespaces)
        if unit.isEmpty { return .number(value, nil, written: s) }
        if let (dimension, factor) = Dimension.unit(unit) { return .number(value * factor, dimension, written: s) }
        return .text(s)
    }

    /// The number in base units, if this is a number.
    public var number: Double? { if case .number(let n, _, _) = self { return n }; return nil }

    /// The value as a fact value, for comparison with a measured one.
    public var factValue: FactValue {
        switch self {
        case .number(let n, _, _): return .number(n)
        case .text(let t): return .text(t)
        case .flag(let b): return .flag(b)
        }
    }

    /// How the limit was written in the rule file.
    public var written: String {
        switch self {
        case .number(_, _, let w): return w
        case .text(let t): return t
        case .flag(let b): return b ? "true" : "false"
        }
    }
}
