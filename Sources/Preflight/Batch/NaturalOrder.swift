/// Orders names as people number them: runs of digits compare by value, so `s2` comes before `s10`.
public enum NaturalOrder {
    /// Whether `a` comes before `b`: digit runs by value (then by length, so `s01` before `s1`), other
    /// characters by their Unicode scalars; equal names fall back to plain string order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let si = i, sj = j
                while i < x.count && isDigit(x[i]) { i += 1 }
                while j < y.count && isDigit(y[j]) { j += 1 }
                let p = trimmed(x[si..<i]), q = trimmed(y[sj..<j])
                if p.count != q.count { return p.count < q.count }
                if p != q { return p.lexicographicallyPrecedes(q) { $0.value < $1.value } }
                if i - si != j - sj { return i - si > j - sj }
                continue
            }
            if x[i] != y[j] { return x[i].value < y[j].value }
            i += 1
            j += 1
        }
        if x.count - i != y.count - j { return x.count - i < y.count - j }
        return a < b
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// The digits without leading zeros.
    private static func trimmed(_ digits: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        Array(digits.drop { $0 == "0" })
    }
}
