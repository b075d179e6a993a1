import CAudioKernels
import Foundation

/// True peak (ITU-R BS.1770-4 Annex 2): the largest magnitude of the signal oversampled at least 4×
/// (as the Recommendation asks at 48 kHz) and to at least 96 kHz (6× at 16 kHz), the sample peak included.
///
/// The interpolator is a 32-tap Kaiser-windowed sinc per phase, each phase normalised to unit DC gain,
/// so phase 0 returns the samples themselves. Three tests, each a bound no interpolated value of a tile
/// of 256 positions can exceed, skip tiles that cannot beat the running maximum (their sample peak
/// still counts):
/// 1. ``bound`` (the largest sum of a phase's absolute taps) times the largest sample the tile's taps read;
/// 2. that sample plus ``stepBound`` times the largest step between neighbouring samples there: with unit
///    DC gain an interpolated value is the nearest sample plus a weighted sum of the steps (summation by
///    parts), so a smooth stretch, as speech mostly is, cannot stand far above its samples;
/// 3. the ``screenTaps`` central taps of each phase alone, plus the other taps' absolute sum times the
///    tile's largest sample.
/// The first two skip a whole block when it comes with its sample peak and (one channel) its largest
/// step, taken with those of the samples kept from the block before. The result is therefore the same
/// as oversampling everything, while most blocks of speech cost nothing more than those two numbers,
/// the others a max-abs scan, a step scan and, rarely, the screen.
struct TruePeakMeter {
    static let taps = 32
    static let tile = 256
    /// Central taps of each phase that the screen evaluates (the taps nearest the interpolated point).
    static let screenTaps = 8
    /// Relative allowance for the rounding of the screen and of the full sums, far above either.
    static let roundingMargin: Float = 1e-5

    let factor: Int
    private let channels: Int
    /// factor × taps coefficients, phase-major; shared, never written after init.
    private let phases: AlignedBuffer<Float>
    /// The largest Σⱼ|hⱼ| over the phases.
    let bound: Float
    /// The largest, over the phases, Σₘ|gₘ| where an interpolated value is its nearest sample plus
    /// Σₘ gₘ·(x[m + 1] − x[m]) over the steps its taps span.
    let stepBound: Float
    /// Per phase: Σ|hⱼ| over the taps the screen leaves out.
    private let outerBound: [Float]
    /// Per channel: the last `taps` samples of the previous block, then the current block (of one channel,
    /// only the block's first `taps` samples: ``addMono(_:frames:scanning:)`` reads the rest where it lies).
    private var buffers: [[Float]]
    private(set) var peak: Float = 0
    /// At least the largest magnitude among the `taps` samples kept from earlier blocks.
    private var historyPeak: Float = 0
    /// One channel: at least the largest step between neighbouring samples among them (infinite after a
    /// block that came without its steps; the history starts as zeros).
    private var historyStep: Float = 0

    /// Oversamples every position, skipping nothing: the reference the skips are tested against.
    let exhaustive: Bool
    /// Runs the sums in 256-bit vectors (`CAudioKernels`, where the CPU has AVX2); the same bits as the
    /// portable loops, which run otherwise.
    private let vector: Bool

    /// A meter for `channels` interleaved channels at `sampleRate`, fed at most `chunk` frames at a time
    /// (one channel: blocks of any length); `exhaustive` turns both skips off, `portable` the vector kernels.
    init(sampleRate: Int, channels: Int, chunk: Int, exhaustive: Bool = false, portable: Bool = false) {
        self.exhaustive = exhaustive
        vector = !portable && VectorKernels.wide
        factor = min(16, max(4, Int((96_000.0 / Double(max(1, sampleRate))).rounded(.up))))
        self.channels = channels
        var h = [Float](repeating: 0, count: factor * Self.taps)
        let beta = 6.0
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
            for j in 0..<Self.taps { h[p * Self.taps + j] = Float(row[j] / dc) }
        }
        let table = AlignedBuffer<Float>(count: h.count, repeating: 0)
        for i in h.indices { table[i] = h[i] }
        phases = table
        let count = factor
        bound = (0..<count).map { p in (0..<Self.taps).reduce(Float(0)) { $0 + abs(h[p * Self.taps + $1]) } }.max() ?? 1
        stepBound = (1..<count).map { Self.stepWeights(h[($0 * Self.taps)..<(($0 + 1) * Self.taps)].map(Double.init), nearest: 2 * $0 > count ? Self.taps / 2 : Self.taps / 2 - 1) }.max() ?? 0
        let centre = Self.taps / 2 - Self.screenTaps / 2
        outerBound = (0..<count).map { p in
            (0..<Self.taps).filter { $0 < centre || $0 >= centre + Self.screenTaps }.reduce(Float(0)) { $0 + abs(h[p * Self.taps + $1]) }
        }
        buffers = Array(repeating: [Float](repeating: 0, count: Self.taps + (channels == 1 ? Self.taps : chunk)), count: channels)
    }

    /// Σₘ|gₘ| for one phase's taps `row` (summing to one), the value anchored at tap `nearest`: the value
    /// is row·x = x[nearest] + Σₘ gₘ·(x[m + 1] − x[m]), with gₘ = Σ_{j > m} rowⱼ for steps at or after
    /// the anchor and −Σ_{j ≤ m} rowⱼ before it. Rounded up to cover the single-precision taps.
    static func stepWeights(_ row: [Double], nearest a: Int) -> Float {
        var total = 0.0
        for m in 0..<(row.count - 1) {
            let g = m >= a ? row[(m + 1)...].reduce(0, +) : -row[...m].reduce(0, +)
            total += abs(g)
        }
        return Float(total * (1 + 1e-6))
    }

    /// Adds `frames` interleaved frames, whose samples are at most `framePeak` in magnitude and (one
    /// channel) whose steps between neighbouring samples are at most `frameStep`.
    mutating func add(_ x: UnsafePointer<Float>, frames: Int, framePeak: Float, frameStep: Float = .infinity) {
        let t = Self.taps
        // The block can only matter if its loudest sample (or the history's) could beat the peak, by the
        // first two bounds. The steps it spans: its own, the history's and the one between them.
        let loudest = max(framePeak, historyPeak)
        var step = Float.infinity
        if channels == 1 {
            if frameStep.isFinite, frames > 0 {
                let edge = buffers[0].withUnsafeBufferPointer { abs(x[0] - $0[t - 1]) }
                step = max(frameStep, historyStep, edge)
            }
            historyStep = frames >= t ? frameStep : step
        }
        let reach = loudest + stepBound * step
        let worthScanning = exhaustive || (loudest * bound > peak && reach + Self.roundingMargin * (bound * loudest + stepBound * step) > peak)
        // The history is the last `taps` samples: this block's alone when it is that long, otherwise
        // also earlier blocks' (whose peaks stay in the bound until a long block replaces them).
        historyPeak = frames >= t ? framePeak : max(historyPeak, framePeak)
        if channels == 1 { return addMono(x, frames: frames, scanning: worthScanning) }
        for c in 0..<channels {
            // Taken out of the array so that scanning (which updates the peak) is no overlapping access.
            var buffer: [Float] = []
            swap(&buffer, &buffers[c])
            buffer.withUnsafeMutableBufferPointer { buf in
                let b = buf.baseAddress!
                VectorKernels.copyChannel(of: x, channels: channels, c, frames: frames, to: b + t)
                if worthScanning { scan(b, count: t + frames) }
                // Keep the last `taps` samples for the next block.
                VectorKernels.copy(b + frames, to: b, count: t)
            }
            swap(&buffer, &buffers[c])
        }
    }

    /// One channel, read where it lies: the positions whose window reaches back into the previous block
    /// from the history and the block's first `taps` samples put side by side, every later one in the
    /// block itself. These are the positions the history-and-block buffer of several channels covers
    /// (one of them twice), so the peak is the same; only `taps` samples are copied per block.
    private mutating func addMono(_ x: UnsafePointer<Float>, frames: Int, scanning: Bool) {
        let t = Self.taps
        var buffer: [Float] = []
        swap(&buffer, &buffers[0])
        buffer.withUnsafeMutableBufferPointer { buf in
            let b = buf.baseAddress!
            let head = min(t, frames)
            VectorKernels.copy(x, to: b + t, count: head)
            if scanning {
                scan(b, count: t + head)
                if frames >= t { scan(x, count: frames) }
            }
            VectorKernels.copy(b + head, to: b, count: t - head)
            VectorKernels.copy(x + frames - head, to: b + t - head, count: head)
        }
        swap(&buffer, &buffers[0])
    }

    /// Oversamples the positions of `b[0..<n]` whose whole window is inside it, tile by tile.
    @_optimize(speed)
    private mutating func scan(_ b: UnsafePointer<Float>, count n: Int) {
        let t = Self.taps
        let first = t / 2 - 1, end = n - t / 2   // positions k in first..<end have samples k-t/2+1 ... k+t/2
        var k = first
        while k < end {
            let m = min(Self.tile, end - k)
            let lo = k - t / 2 + 1
            let local: Float
            if vector { local = preflight_abs_max_avx2(b + lo, m + t - 1) }
            else { let (low, high) = VectorKernels.range(b + lo, m + t - 1); local = max(high, -low) }
            if exhaustive {
                oversample(b + lo, count: m, samplePeak: local)
            } else if local * bound > peak {
                let step = VectorKernels.stepMax(b + lo, m + t - 1, portable: !vector)
                let reach = local + stepBound * step
                if reach + Self.roundingMargin * (bound * local + stepBound * step) <= peak { peak = max(peak, local) }
                else if mayExceedPeak(b + lo, count: m, samplePeak: local) { oversample(b + lo, count: m, samplePeak: local) }
                else { peak = max(peak, local) }
            }
            k += m
        }
    }

    /// Whether any interpolated value of the `m` positions whose windows start at `w` (samples at most
    /// `samplePeak` in magnitude) could exceed the running peak: per phase, the largest magnitude of the
    /// central taps' sum plus the outer taps' bound times `samplePeak`, with a rounding allowance.
    @_optimize(speed)
    private func mayExceedPeak(_ w: UnsafePointer<Float>, count m: Int, samplePeak: Float) -> Bool {
        let t = Self.taps, c = Self.screenTaps, centre = t / 2 - c / 2
        let h = phases.pointer
        for p in 1..<factor {
            // The central sum must exceed this for the phase to matter.
            let limit = peak - (outerBound[p] + Self.roundingMargin) * samplePeak
            if limit < 0 { return true }
            let taps = h + p * t + centre
            let x = w + centre
            if vector {
                if preflight_fir_abs_max_avx2(x, m, taps, c) > limit { return true }
                continue
            }
            var most = SIMD8<Float>()
            var i = 0
            while i + 8 <= m {
                var acc = SIMD8<Float>(repeating: taps[0]) * VectorKernels.load(x + i)
                for j in 1..<c { acc += SIMD8<Float>(repeating: taps[j]) * VectorKernels.load(x + i + j) }
                most = VectorKernels.vmax(most, VectorKernels.vmax(acc, -acc))
                i += 8
            }
            var best = VectorKernels.maximum(most)
            while i < m {
                var acc: Float = 0
                for j in 0..<c { acc += taps[j] * x[i + j] }
                best = max(best, abs(acc))
                i += 1
            }
            if best > limit { return true }
        }
        return false
    }

    /// Interpolates `m` positions (each between one sample and the next) starting with the window at
    /// `w`, whose samples are at most `samplePeak` in magnitude. Phase 0 is the samples themselves.
    @_optimize(speed)
    private mutating func oversample(_ w: UnsafePointer<Float>, count m: Int, samplePeak: Float) {
        let t = Self.taps
        var best = max(peak, samplePeak)
        let h = phases.pointer
        for p in 1..<factor {
            let taps = h + p * t
            if vector {
                best = max(best, preflight_fir_abs_max_avx2(w, m, taps, t))
                continue
            }
            var most = SIMD8<Float>()
            var i = 0
            // Eight positions at a time, accumulated in registers over the taps.
            while i + 8 <= m {
                var acc = SIMD8<Float>()
                for j in 0..<t { acc += SIMD8<Float>(repeating: taps[j]) * VectorKernels.load(w + i + j) }
                most = VectorKernels.vmax(most, VectorKernels.vmax(acc, -acc))
                i += 8
            }
            best = max(best, VectorKernels.maximum(most))
            while i < m {
                var acc: Float = 0
                for j in 0..<t { acc += taps[j] * w[i + j] }
                best = max(best, abs(acc))
                i += 1
            }
        }
        peak = best
    }

    /// True peak in dBTP (−200 for silence).
    var dBTP: Double { Decibels.amplitude(Double(peak)) }
}
