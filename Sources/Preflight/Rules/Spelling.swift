/// Near misses of a name, for "did you mean" hints.
enum Spelling {
    /// The closest of `names` to `name` when it is within two edits (a typo), else nil.
    static func closest(to name: String, in names: [String]) -> String? {
        let upper = name.uppercased()
        guard let best = names.min(by: { distance($0.uppercased(), upper) < distance($1.uppercased(), upper) }) else { return nil }
        return distance(best.uppercased(), upper) <= 2 ? best : nil
    }

    /// The Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
