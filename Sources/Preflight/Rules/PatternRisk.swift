import Foundation

/// Spots regular expressions whose matching can take exponential time (catastrophic backtracking,
/// "ReDoS"): a rule file from a stranger could otherwise hang a check on a crafted file name.
///
/// The test is the classic one for nested quantifiers: a group repeated by `*`, `+` or `{n,m}`
/// that itself contains a repetition, such as `(a+)+`, `(\w+\s?)*` or `(x{2,}){3,9}`. Optional
/// parts (`?`) and repeated single characters or classes (`[a-z]+`) are fine.
enum PatternRisk {
    /// Whether `pattern` repeats a group that contains a repetition.
    static func hasNestedQuantifier(_ pattern: String) -> Bool {
        let c = Array(pattern.unicodeScalars)
        var groups: [Bool] = []  // per open group: whether it contains a repetition
        var i = 0
        func markRepetition() { if !groups.isEmpty { groups[groups.count - 1] = true } }
        while i < c.count {
            switch c[i] {
            case "\\":
                i += 2
                continue
            case "[":
                i = endOfClass(c, from: i)
            case "(":
                groups.append(false)
            case ")":
                let inner = groups.popLast() ?? false
                let repeated = repetitionLength(c, at: i + 1) > 0
                if inner && repeated { return true }
                if inner || repeated { markRepetition() }
                i += max(repetitionLength(c, at: i + 1), 0)
            default:
                let length = repetitionLength(c, at: i)
                if length > 0 { markRepetition(); i += length - 1 }
            }
            i += 1
        }
        return false
    }

    /// The length of a repetition operator at `i` (`*`, `+`, `{n,}`, `{n,m}` with m > 1), else 0.
    private static func repetitionLength(_ c: [Unicode.Scalar], at i: Int) -> Int {
        guard i < c.count else { return 0 }
        if c[i] == "*" || c[i] == "+" { return 1 }
        guard c[i] == "{", let close = c[i...].firstIndex(of: "}") else { return 0 }
        let body = String(String.UnicodeScalarView(c[(i + 1)..<close]))
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !parts[0].isEmpty else { return 0 }
        guard let upper = Int(parts[1]) else { return close - i + 1 }  // {n,}
        return upper > 1 ? close - i + 1 : 0
    }

    /// The index of the `]` closing the character class opened at `i` (a leading `]` or `^]` is literal).
    private static func endOfClass(_ c: [Unicode.Scalar], from i: Int) -> Int {
        var j = i + 1
        if j < c.count, c[j] == "^" { j += 1 }
        if j < c.count, c[j] == "]" { j += 1 }
        while j < c.count, c[j] != "]" { j += c[j] == "\\" ? 2 : 1 }
        return min(j, c.count)
    }
}
