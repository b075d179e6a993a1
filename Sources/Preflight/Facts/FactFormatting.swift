import Foundation

/// Prints fact values for people: sizes in MiB/GiB, durations in min and s, rates with their unit.
public enum FactFormatting {
    /// A value of a fact, with the unit of its dimension.
    public static func describe(_ value: FactValue, of fact: String) -> String {
        let dimension = FactVocabulary.definition(fact)?.dimension ?? .count
        switch value {
        case .number(let n): return describe(number: n, dimension: dimension)
        case .text(let t): return t
        case .flag(let b): return b ? "yes" : "no"
        case .list(let l): return l.joined(separator: ", ")
        }
    }

    /// A measured value or a limit as ``describe(_:of:)`` and the slot requirements write them (in
    /// English words: `yes`, `no`, `required: material`, `missing: identity`), in a language.
    public static func localized(_ text: String, in language: Language) -> String {
        guard language == .zh else { return text }
        let words = FactWords.words
        if let word = words[text] { return word }
        for (op, _) in [("= ", 0), ("≠ ", 0)] where text.hasPrefix(op) {
            if let word = words[String(text.dropFirst(op.count))] { return op + word }
        }
        for (prefix, zh) in FactWords.prefixes where text.hasPrefix(prefix) {
            return zh + text.dropFirst(prefix.count)
        }
        return text
    }

    /// A number in the base unit of `dimension`, scaled to a readable unit.
    public static func describe(number n: Double, dimension: Dimension) -> String {
        switch dimension {
        case .bytes:
            // Decimal units, as the service's limits are read (5 GB = 5 000 000 000 bytes).
            let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)]
            for (symbol, factor) in units where abs(n) >= factor { return "\(trim(n / factor, digits: n >= 1e9 ? 3 : 1)) \(symbol)" }
            return "\(trim(n, digits: 0)) B"
        case .seconds:
            if abs(n) >= 60 {
                let minutes = (n / 60).rounded(.towardZero)
                let seconds = n - minutes * 60
                return seconds < 0.05 ? "\(trim(minutes, digits: 0)) min" : "\(trim(minutes, digits: 0)) min \(trim(seconds, digits: 1)) s"
            }
            return "\(trim(n, digits: 3)) s"
        case .hertz:
            return abs(n) >= 1000 ? "\(trim(n / 1000, digits: 3)) kHz" : "\(trim(n, digits: 1)) Hz"
        case .bitRate:
            if abs(n) >= 1_000_000 { return "\(trim(n / 1_000_000, digits: 2)) Mbps" }
            return "\(trim(n / 1000, digits: 1)) kbps"
        case .frameRate: return "\(trim(n, digits: 3)) fps"
        case .degrees: return "\(trim(n, digits: 1))°"
        case .pixels: return "\(trim(n, digits: 0)) px"
        case .decibels: return "\(trim(n, digits: 1)) dB"
        case .count, .text, .flag: return trim(n, digits: 3)
        }
    }

    /// A number with at most `digits` decimals and no trailing zeros.
    static func trim(_ n: Double, digits: Int) -> String {
        var s = String(format: "%.\(digits)f", n)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
