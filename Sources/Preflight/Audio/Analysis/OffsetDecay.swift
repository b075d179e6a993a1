import Foundation

/// The decay after speech offsets in one band: the interrupted-noise method of ISO 3382-1
/// (M. R. Schroeder, "New method of measuring reverberation time", JASA 1965) applied to speech.
///
/// When a steady source stops, the power `t` after the stop, relative to the power just before it, is
/// the part of the room's impulse-response energy that arrives later than `t`. For every 5 ms hop of
/// one band's power (10 ms windows) this pairs the mean of the four hop powers up to the hop ("before",
/// about the 20 ms before it) with the mean of the two hop powers that start `delayHops` hops later
/// ("after": 35–50 ms after the hop for 8 hops) in a 2-D histogram of 0.5 dB bins (306 KiB), so memory
/// stays flat whatever the length of the audio. ``ratio(percentile:)`` reads the sharpest offsets from it
/// once the band's loudest level and noise floor are known. ``ReverberationEstimator`` turns those ratios
/// into C50.
struct OffsetDecay {
    static let binWidth = 0.5
    /// The pair histogram spans −130…+10 dB (powers are scaled so a full-scale sine reads −3 dB);
    /// lower powers share its lowest bin, far below any noise floor a 16-bit recording can have.
    static let lowest = -130.0
    static let bins = 280
    static let beforeHops = 4
    static let afterHops = 2
    /// Hops with a "before" level within this many dB of the band's loudest 1 % take part.
    static let span = 30.0

    /// Hops between the end of the "before" window and the start of the "after" window.
    let delayHops: Int
    /// Counts of (before, after) level pairs, 16 bits each so the three bands' tables (150 KiB each) stay
    /// in the core's cache: this increment was the costliest line of the analysis with 32-bit counts. A
    /// count that would pass 65 535 continues in `overflow` (5.5 minutes of one level pair).
    private var pairs: [UInt16]
    private var overflow: [Int: Int] = [:]
    private var hopLevels = DecibelHistogram(lowest: -160, highest: 10, binWidth: 0.5)
    private var ring = [Float](repeating: 0, count: 16)
    private var count = 0

    /// A band with the "after" window `delayHops` hops (of 5 ms) after the "before" window.
    init(delayHops: Int) {
        precondition(Self.beforeHops + delayHops + Self.afterHops <= 16, "the ring holds 16 hops")
        self.delayHops = delayHops
        pairs = [UInt16](repeating: 0, count: Self.bins * Self.bins)
    }

    /// Adds one hop's power in the band.
    mutating func add(_ power: Float) {
        ring[count & 15] = power
        count += 1
        hopLevels.add(Double(Decibels.power(power)))
        guard count >= Self.beforeHops + delayHops + Self.afterHops else { return }
        let newest = count - 1
        var after: Float = 0
        for k in 0..<Self.afterHops { after += ring[(newest - k) & 15] }
        after /= Float(Self.afterHops)
        let offsetHop = newest - Self.afterHops + 1 - delayHops
        var before: Float = 0
        for k in 1...Self.beforeHops { before += ring[(offsetHop - k) & 15] }
        before /= Float(Self.beforeHops)
        let b = bin(Decibels.power(before)), a = bin(Decibels.power(after))
        let i = b * Self.bins + a
        let full = pairs.withUnsafeMutableBufferPointer { p -> Bool in
            guard p[i] < UInt16.max else { return true }
            p[i] += 1
            return false
        }
        if full { overflow[i, default: 0] += 1 }
    }

    @inline(__always) private func bin(_ db: Float) -> Int {
        Swift.min(Swift.max(Int((db - Float(Self.lowest)) / Float(Self.binWidth)), 0), Self.bins - 1)
    }

    /// Hops counted with "before" in level bin `b` and "after" in bin `a`.
    func pairCount(before b: Int, after a: Int) -> Int {
        let i = b * Self.bins + a
        // The overflow map is empty unless one pair passed 65 535 hops: no hash lookup per cell then.
        return Int(pairs[i]) + (overflow.isEmpty ? 0 : overflow[i] ?? 0)
    }

    private static func level(_ i: Int) -> Double { lowest + (Double(i) + 0.5) * binWidth }

    /// The `percentile` of before/after − 1 in dB over the hops whose "before" lies within ``span`` dB of
    /// the band's loudest 1 %, with the noise floor (the band's 1st percentile of hop power) taken off
    /// "after"; nil with fewer than 100 such hops (under 0.5 s of loud speech in the band).
    func ratio(percentile: Double) -> Double? {
        guard let top = hopLevels.percentile(0.99), let floorDB = hopLevels.percentile(0.01) else { return nil }
        let noise = pow(10, floorDB / 10)
        let power = (0..<Self.bins).map { pow(10, Self.level($0) / 10) }
        var ratios = DecibelHistogram(lowest: -30, highest: 90, binWidth: 0.25)
        for b in 0..<Self.bins where Self.level(b) >= top - Self.span {
            let before = power[b]
            for a in 0..<Self.bins {
                let n = pairCount(before: b, after: a)
                guard n > 0 else { continue }
                let after = Swift.max(power[a] - noise, before * 1e-8)
                ratios.add(Decibels.power(Swift.max(before / after - 1, 1e-3)), weight: n)
            }
        }
        guard ratios.total >= 100 else { return nil }
        return ratios.percentile(percentile)
    }
}
