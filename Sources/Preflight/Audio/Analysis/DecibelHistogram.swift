import Foundation

/// A histogram of levels in dB with fixed-width bins, for percentiles in bounded memory.
struct DecibelHistogram: Sendable, Equatable {
    let lowest: Double
    let binWidth: Double
    private(set) var counts: [Int]
    private(set) var total = 0

    init(lowest: Double = -200, highest: Double = 30, binWidth: Double = 0.1) {
        self.lowest = lowest
        self.binWidth = binWidth
        counts = [Int](repeating: 0, count: Swift.max(1, Int(((highest - lowest) / binWidth).rounded(.up))))
    }

    /// The bin of a level (clamped to the range).
    @inline(__always) func bin(_ db: Double) -> Int {
        guard db.isFinite else { return db > 0 ? counts.count - 1 : 0 }
        // A bin width that is a power of two (0.5, 0.25 dB) divides exactly as a multiplication.
        let offset = binWidth.significandBitPattern == 0 ? (db - lowest) * (1 / binWidth) : (db - lowest) / binWidth
        return Swift.min(Swift.max(Int(offset), 0), counts.count - 1)
    }

    /// The centre level of a bin.
    func level(ofBin i: Int) -> Double { lowest + (Double(i) + 0.5) * binWidth }

    @inline(__always) mutating func add(_ db: Double, weight: Int = 1) {
        counts[bin(db)] += weight
        total += weight
    }

    /// The level below which `fraction` (0…1) of the entries lie, or nil when empty.
    func percentile(_ fraction: Double) -> Double? {
        guard total > 0 else { return nil }
        let target = Swift.max(1, Int((fraction * Double(total)).rounded(.up)))
        var seen = 0
        for (i, c) in counts.enumerated() {
            seen += c
            if seen >= target { return level(ofBin: i) }
        }
        return level(ofBin: counts.count - 1)
    }
}
