import Foundation

/// The test part of a rule or of a `when` condition: bounds, allowed values or a pattern.
///
/// Every present part must hold. Numbers compare in base units; texts compare exactly.
public struct Constraint: Sendable, Equatable {
    /// Inclusive lower bound.
    public var min: Quantity?
    /// Inclusive upper bound.
    public var max: Quantity?
    /// The value must be one of these.
    public var oneOf: [Quantity]?
    /// The value must be none of these.
    public var noneOf: [Quantity]?
    /// The value must equal this.
    public var equals: Quantity?
    /// A text value must match this regular expression (whole value).
    public var pattern: String?

    /// Creates a constraint.
    public init(min: Quantity? = nil, max: Quantity? = nil, oneOf: [Quantity]? = nil, noneOf: [Quantity]? = nil,
                equals: Quantity? = nil, pattern: String? = nil) {
        self.min = min; self.max = max; self.oneOf = oneOf; self.noneOf = noneOf; self.equals = equals; self.pattern = pattern
    }

    /// Whether the constraint has no test at all.
    public var isEmpty: Bool { min == nil && max == nil && oneOf == nil && noneOf == nil && equals == nil && pattern == nil }

    /// The parts that are set, with `other`'s parts replacing these.
    public func overridden(by other: Constraint) -> Constraint {
        Constraint(min: other.min ?? min, max: other.max ?? max, oneOf: other.oneOf ?? oneOf,
                   noneOf: other.noneOf ?? noneOf, equals: other.equals ?? equals, pattern: other.pattern ?? pattern)
    }

    /// Whether a measured value satisfies every part.
    public func holds(for value: FactValue) -> Bool {
        if let min, !(compare(value, min).map { $0 >= 0 } ?? false) { return false }
        if let max, !(compare(value, max).map { $0 <= 0 } ?? false) { return false }
        if let equals, !Self.same(value, equals) { return false }
        if let oneOf, !oneOf.contains(where: { Self.same(value, $0) }) { return false }
        if let noneOf, noneOf.contains(where: { Self.same(value, $0) }) { return false }
        if let pattern {
            guard let text = value.text else { return false }
            guard let re = WholeValuePatterns.shared.expression(pattern) else { return false }
            let range = NSRange(text.startIndex..., in: text)
            if re.firstMatch(in: text, range: range) == nil { return false }
        }
        return true
    }

    /// Whether a value that fails this constraint misses its `min` or `max` by at most `margin` (in base
    /// units) and holds every other part: a borderline value, not a clear failure.
    public func isBorderline(_ value: FactValue, margin: Double) -> Bool {
        guard let v = value.number, margin > 0, !holds(for: value) else { return false }
        var widened = self
        if let lo = min?.number { widened.min = .number(lo - margin, nil, written: "") }
        if let hi = max?.number { widened.max = .number(hi + margin, nil, written: "") }
        guard widened != self else { return false }
        return widened.holds(for: .number(v))
    }

    /// Whether a numeric value that meets the constraint would miss a `min` or `max` if it were off by
    /// `margin`: a pass its measurement cannot vouch for.
    public func isWithinMargin(_ value: FactValue, margin: Double) -> Bool {
        guard let v = value.number, margin > 0, holds(for: value) else { return false }
        if let lo = min?.number, v - margin < lo { return true }
        if let hi = max?.number, v + margin > hi { return true }
        return false
    }

    /// The limit for people: `≥ 25 fps`, `1 min … 10 min`, `one of mp4, mov`.
    public func describe(for fact: String) -> String {
        var parts: [String] = []
        let show = Self.shower(for: fact)
        switch (min, max) {
        case let (lo?, hi?): parts.append("\(show(lo)) … \(show(hi))")
        case let (lo?, nil): parts.append("≥ \(show(lo))")
        case let (nil, hi?): parts.append("≤ \(show(hi))")
        default: break
        }
        if let equals { parts.append("= \(show(equals))") }
        if let oneOf { parts.append("∈ {\(oneOf.map(show).joined(separator: ", "))}") }
        if let noneOf { parts.append("∉ {\(noneOf.map(show).joined(separator: ", "))}") }
        if let pattern { parts.append("~ /\(pattern)/") }
        return parts.joined(separator: ", ")
    }

    /// The limit's values alone, for messages: `25 fps` (a floor or a ceiling), `1 min … 10 min`, `mp4, mov`.
    public func bound(for fact: String) -> String {
        let show = Self.shower(for: fact)
        switch (min, max) {
        case let (lo?, hi?): return "\(show(lo)) … \(show(hi))"
        case let (lo?, nil): return show(lo)
        case let (nil, hi?): return show(hi)
        default: break
        }
        if let equals { return show(equals) }
        if let oneOf { return oneOf.map(show).joined(separator: ", ") }
        if let noneOf { return noneOf.map(show).joined(separator: ", ") }
        return pattern ?? ""
    }

    /// Prints a limit value: as written when it carries a unit, else in the fact's unit.
    private static func shower(for fact: String) -> (Quantity) -> String {
        let dimension = FactVocabulary.definition(fact)?.dimension ?? .count
        return { q in
            if case .number(let n, let unit, let written) = q {
                return unit == nil ? FactFormatting.describe(number: n, dimension: dimension) : written
            }
            return q.written
        }
    }

    private func compare(_ value: FactValue, _ limit: Quantity) -> Int? {
        guard let v = value.number, let l = limit.number else { return nil }
        return v < l ? -1 : (v > l ? 1 : 0)
    }

    static func same(_ value: FactValue, _ limit: Quantity) -> Bool {
        switch (value, limit) {
        case let (.number(v), .number(l, _, _)): return abs(v - l) <= 1e-9 * Swift.max(1, abs(l))
        case let (.text(v), .text(l)): return v == l
        case let (.number(v), .text(l)): return Double(l).map { abs($0 - v) < 1e-9 } ?? false
        case let (.flag(v), .flag(l)): return v == l
        case let (.list(v), _): return v.contains { $0 == limit.written }
        default: return false
        }
    }
}

/// Rule patterns compiled once per process, anchored to the whole value: a gate over 200 submissions
/// compiles each rule's pattern once, not once per file. `NSRegularExpression` is immutable and safe
/// to share between threads.
final class WholeValuePatterns: @unchecked Sendable {
    /// The process-wide cache.
    static let shared = WholeValuePatterns()

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    /// `pattern` anchored as `^(?:pattern)$`, or nil when it does not compile.
    func expression(_ pattern: String) -> NSRegularExpression? {
        lock.withLock {
            if let known = compiled[pattern] { return known }
            let re = try? NSRegularExpression(pattern: "^(?:\(pattern))$")
            compiled[pattern] = .some(re)
            return re
        }
    }
}
