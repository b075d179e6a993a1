import Foundation

/// Sample peak and RMS over every sample of every channel, like the "Overall" lines of
/// `sox -n stats` (Pk lev dB, RMS lev dB): 0 dBFS is a full-scale square wave.
struct LevelMeter {
    private(set) var peak: Float = 0
    private(set) var sumSquares: Double = 0
    private(set) var samples = 0

    /// Adds `count` sanitised samples.
    mutating func add(_ x: UnsafePointer<Float>, count: Int) {
        let s = VectorKernels.stats(x, count)
        add(peak: s.peak, sumSquares: s.sumSquares, count: count)
    }

    /// Adds samples already summarised.
    mutating func add(peak p: Float, sumSquares q: Float, count: Int) {
        peak = Swift.max(peak, p)
        sumSquares += Double(q)
        samples += count
    }

    /// Peak level in dBFS (−200 for digital silence).
    var peakDBFS: Double { Decibels.amplitude(Double(peak)) }
    /// RMS level in dBFS, nil before any sample.
    var rmsDBFS: Double? { samples > 0 ? Decibels.power(sumSquares / Double(samples)) : nil }
}

/// Level conversions with a floor, so silence reads −200 dB rather than −inf.
enum Decibels {
    /// 20·log10(a), floored at −200 dB.
    @inline(__always) static func amplitude(_ a: Double) -> Double { 20 * log10(Swift.max(a, 1e-10)) }
    /// 10·log10(p), floored at −200 dB.
    @inline(__always) static func power(_ p: Double) -> Double { 10 * log10(Swift.max(p, 1e-20)) }
    /// 10·log10(p) in single precision (libm's log10f, a few times cheaper than the double one), floored
    /// at −200 dB: for per-hop levels that only pick a histogram bin of 0.5 dB.
    @inline(__always) static func power(_ p: Float) -> Float { 10 * log10f(Swift.max(p, 1e-20)) }
}
