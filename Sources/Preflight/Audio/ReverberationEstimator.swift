import Foundation

/// Blind clarity C50 from the decay that follows speech offsets: the interrupted-noise method of
/// ISO 3382-1 applied to the speech itself.
///
/// When a steady source stops, the level `t` after the stop is the Schroeder backward integral of the
/// room's impulse response, so the power 50 ms after the offset, relative to the power just before it,
/// is the late fraction `1 / (1 + C50)` (M. R. Schroeder, "New method of measuring reverberation time",
/// JASA 1965). Speech stops often and, at the ends of words, abruptly. For every 5 ms hop of the
/// 250–3500 Hz band power (``ShortTimeSpectrum``) this estimator pairs the mean power of the 20 ms
/// before the hop ("before") with the mean power 50–60 ms after it ("after") in a 2-D histogram of
/// 0.5 dB bins (bounded memory). At the end, with the noise floor (1st percentile of hop power)
/// subtracted from "after", and only hops whose "before" lies within 30 dB of the loudest 1 %, the
/// ratio `before/after − 1` is taken at its 98th percentile: the sharpest offsets, where the speech's own
/// decay is fastest and the room's decay shows. Gradual speech offsets and a short build-up bias that raw
/// value, so a linear correction fitted on synthetic rooms (exponentially decaying noise RIRs, RT60
/// 0.1–1.2 s, direct-to-reverberant ratio −5…+30 dB, Polack's model) maps it to C50; see
/// ``Calibration``. Values above the signal-to-noise ratio cannot be told apart from noise.
struct ReverberationEstimator {
    static let binWidth = 0.5
    static let lowest = -160.0
    static let bins = 340
    static let beforeHops = 4
    static let delayHops = 10
    static let afterHops = 2
    static let percentile = 0.98
    /// raw = slope · C50 + offset, refitted by `Calibration.fitReverberation`; inverted in ``c50(noiseFloor:)``.
    static let slope = 0.757
    static let offset = 5.98

    private var pairs = [Int32](repeating: 0, count: bins * bins)
    private var hopLevels = DecibelHistogram(lowest: -160, highest: 10, binWidth: 0.5)
    private var ring = [Float](repeating: 0, count: 16)
    private var count = 0

    /// Adds one hop's speech-band power.
    mutating func add(_ power: Float) {
        ring[count & 15] = power
        count += 1
        hopLevels.add(Decibels.power(Double(power)))
        let span = Self.beforeHops + Self.delayHops + Self.afterHops
        guard count >= span else { return }
        let newest = count - 1
        var after: Float = 0
        for k in 0..<Self.afterHops { after += ring[(newest - k) & 15] }
        after /= Float(Self.afterHops)
        let offsetHop = newest - Self.afterHops + 1 - Self.delayHops
        var before: Float = 0
        for k in 1...Self.beforeHops { before += ring[(offsetHop - k) & 15] }
        before /= Float(Self.beforeHops)
        let b = bin(Decibels.power(Double(before))), a = bin(Decibels.power(Double(after)))
        pairs[b * Self.bins + a] &+= 1
    }

    @inline(__always) private func bin(_ db: Double) -> Int {
        Swift.min(Swift.max(Int((db - Self.lowest) / Self.binWidth), 0), Self.bins - 1)
    }

    private func level(_ i: Int) -> Double { Self.lowest + (Double(i) + 0.5) * Self.binWidth }

    /// The uncorrected estimate in dB, or nil with too little speech (under 0.5 s of loud hops).
    func rawC50(percentile: Double = ReverberationEstimator.percentile) -> Double? {
        guard let top = hopLevels.percentile(0.99), let floorDB = hopLevels.percentile(0.01) else { return nil }
        let noise = pow(10, floorDB / 10)
        var ratios = DecibelHistogram(lowest: -30, highest: 90, binWidth: 0.25)
        for b in 0..<Self.bins {
            let beforeDB = level(b)
            guard beforeDB >= top - 30 else { continue }
            let before = pow(10, beforeDB / 10)
            for a in 0..<Self.bins {
                let n = Int(pairs[b * Self.bins + a])
                guard n > 0 else { continue }
                let after = Swift.max(pow(10, level(a) / 10) - noise, before * 1e-8)
                ratios.add(Decibels.power(Swift.max(before / after - 1, 1e-3)), weight: n)
            }
        }
        guard ratios.total >= 100 else { return nil }
        return ratios.percentile(percentile)
    }

    /// C50 in dB after the linear correction, clamped to −10 … 60 dB (Brouhaha's range).
    func c50() -> Double? {
        rawC50().map { Swift.min(Swift.max(($0 - Self.offset) / Self.slope, -10), 60) }
    }
}
