import Foundation

/// True peak (ITU-R BS.1770-4 Annex 2): the largest magnitude of the signal oversampled to at least
/// 192 kHz (4× at 48 kHz as the Recommendation asks, 8× at 24 kHz), the sample peak included.
///
/// The interpolator is a 24-tap Kaiser-windowed sinc per phase, each phase normalised to unit DC gain,
/// so phase 0 returns the samples themselves. No interpolated value can exceed ``bound`` (the largest
/// sum of a phase's absolute taps) times the largest sample its taps read; a tile of 256 positions
/// whose neighbourhood cannot beat the running maximum is skipped. The result is therefore the same as
/// oversampling everything, while quiet stretches cost one max-abs scan.
struct TruePeakMeter {
    static let taps = 48
    static let tile = 256

    let factor: Int
    private let channels: Int
    /// factor × taps coefficients, phase-major.
    private let phases: [Float]
    /// Largest Σ|h| over the phases.
    let bound: Float
    /// Per channel: the last `taps` samples of the previous block, then the current block.
    private var buffers: [[Float]]
    private var output: [Float]
    private(set) var peak: Float = 0
    private var previousPeak: Float = 0

    init(sampleRate: Int, channels: Int, chunk: Int) {
        factor = min(16, max(1, Int((192_000.0 / Double(max(1, sampleRate))).rounded(.up))))
        self.channels = channels
        var h = [Float](repeating: 0, count: factor * Self.taps)
        var worst: Float = 0
        let beta = 8.0
        func bessel0(_ x: Double) -> Double {
            var sum = 1.0, term = 1.0, k = 1.0
            while term > 1e-12 * sum { term *= (x / (2 * k)) * (x / (2 * k)); sum += term; k += 1 }
            return sum
        }
        let half = Double(Self.taps / 2)
        for p in 0..<factor {
            let f = Double(p) / Double(factor)
            var row = [Double](repeating: 0, count: Self.taps)
            for j in 0..<Self.taps {
                // Tap j reads sample k - taps/2 + 1 + j for the value at k + f.
                let t = Double(j) - (half - 1) - f
                let sinc = t == 0 ? 1 : sin(Double.pi * t) / (Double.pi * t)
                let r = t / half
                let window = abs(r) >= 1 ? 0 : bessel0(beta * (1 - r * r).squareRoot()) / bessel0(beta)
                row[j] = sinc * window
            }
            let dc = row.reduce(0, +)
            var absSum: Float = 0
            for j in 0..<Self.taps { h[p * Self.taps + j] = Float(row[j] / dc); absSum += abs(h[p * Self.taps + j]) }
            worst = max(worst, absSum)
        }
        phases = h
        bound = worst
        buffers = Array(repeating: [Float](repeating: 0, count: Self.taps + chunk), count: channels)
        output = [Float](repeating: 0, count: Self.tile)
    }

    /// Adds `frames` interleaved frames, whose samples are at most `framePeak` in magnitude.
    mutating func add(_ x: UnsafePointer<Float>, frames: Int, framePeak: Float) {
        let t = Self.taps
        // The block can only matter if its loudest sample (or the history's) could beat the peak.
        let worthScanning = max(framePeak, previousPeak) * bound > peak
        previousPeak = framePeak
        for c in 0..<channels {
            // Taken out of the array so that scanning (which updates the peak) is no overlapping access.
            var buffer: [Float] = []
            swap(&buffer, &buffers[c])
            buffer.withUnsafeMutableBufferPointer { buf in
                let b = buf.baseAddress!
                if channels == 1 { VectorKernels.copy(x, to: b + t, count: frames) }
                else { for i in 0..<frames { b[t + i] = x[i * channels + c] } }
                if worthScanning { scan(b, count: t + frames) }
                // Keep the last `taps` samples for the next block.
                VectorKernels.copy(b + frames, to: b, count: t)
            }
            swap(&buffer, &buffers[c])
        }
    }

    /// Oversamples the positions of `b[0..<n]` whose whole window is inside it, tile by tile.
    private mutating func scan(_ b: UnsafeMutablePointer<Float>, count n: Int) {
        let t = Self.taps
        let first = t / 2 - 1, end = n - t / 2   // positions k in first..<end have samples k-t/2+1 ... k+t/2
        var k = first
        while k < end {
            let m = min(Self.tile, end - k)
            let lo = k - t / 2 + 1
            var local: Float = 0
            for i in lo..<(lo + m + t - 1) { local = max(local, abs(b[i])) }
            if local * bound > peak { oversample(b + lo, count: m) }
            k += m
        }
    }

    /// Interpolates `m` positions (each between one sample and the next) starting with the window at `w`.
    private mutating func oversample(_ w: UnsafePointer<Float>, count m: Int) {
        let t = Self.taps
        var best = peak
        phases.withUnsafeBufferPointer { h in
            output.withUnsafeMutableBufferPointer { out in
                let o = out.baseAddress!
                for p in 0..<factor {
                    for i in 0..<m { o[i] = 0 }
                    for j in 0..<t {
                        let c = h[p * t + j]
                        let src = w + j
                        for i in 0..<m { o[i] += c * src[i] }
                    }
                    for i in 0..<m { best = max(best, abs(o[i])) }
                }
            }
        }
        peak = best
    }

    /// True peak in dBTP (−200 for silence).
    var dBTP: Double { Decibels.amplitude(Double(peak)) }
}
