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
    /// 10·log10(p) in single precision, floored at −200 dB: for per-hop levels (hundreds of thousands
    /// in a long recording, each of which only picks a histogram bin).
    ///
    /// Computed inline rather than through libm's log10f (which goes through logf): p = 2^e·m with m in
    /// [1, 2), log2 m interpolated linearly in a table of 257 values (the error of the interpolation is
    /// at most (1/256)²/(8·ln 2) ≈ 2.8e-6 in log2, 1e-5 dB; `DecibelsTests`).
    @inline(__always) static func power(_ p: Float) -> Float {
        let x = Swift.max(p, 1e-20)
        guard x.isFinite else { return 10 * log10f(x) }
        let bits = x.bitPattern
        let e = Float(Int32(bitPattern: bits >> 23) - 127)
        let i = Int((bits >> 15) & 0xff)
        let t = Float(bits & 0x7fff) * (1 / 32768)
        let table = log2Table.pointer
        let log2x = e + table[i] + (table[i + 1] - table[i]) * t
        return 3.010_299_9 * log2x  // 10·log10(2)
    }

    /// log2(1 + k/256) for k = 0…256.
    private static let log2Table: AlignedBuffer<Float> = {
        let table = AlignedBuffer<Float>(count: 257, repeating: 0)
        for k in 0...256 { table[k] = Float(log2(1 + Double(k) / 256)) }
        return table
    }()
}
