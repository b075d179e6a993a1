import CFFmpeg
import Foundation

/// Band powers of the 8 kHz mono signal every 5 ms: a 10 ms Hann window, zero-padded to 128 points
/// (62.5 Hz bins), transformed with libavutil's `av_tx`.
///
/// Two consecutive windows share one complex 128-point FFT (the first as the real part, the second as
/// the imaginary part; their spectra separate as A[k] = (Z[k] + Z*[N−k]) / 2 and
/// B[k] = (Z[k] − Z*[N−k]) / 2i), which halves the transforms; a window is therefore reported once the
/// next one is complete, or by ``flush(_:)`` at the end.
///
/// Each hop yields the six bands of the WebRTC voice-activity detector's design (80–250, 250–500,
/// 500–1000, 1000–2000, 2000–3000, 3000–4000 Hz) and one speech band (250–3500 Hz) for the
/// reverberation estimator. Powers are scaled so a full-scale sine reads about 0.5 (its mean square).
final class ShortTimeSpectrum {
    /// Input rate.
    static let rate = 8000
    /// Samples per hop (5 ms).
    static let hop = 40
    /// Window length (10 ms).
    static let window = 80
    static let fftSize = 128

    /// One hop's band powers.
    struct Hop {
        var bands: (Float, Float, Float, Float, Float, Float)
        var speech: Float
    }

    private var context: OpaquePointer?
    private let transform: av_tx_fn?
    /// The current window: the previous hop's samples, then the current hop's as they arrive (the
    /// window is two hops long, so after each hop the second half moves to the first).
    private let frame = AlignedBuffer<Float>(count: window, repeating: 0)
    /// Samples of the current hop received so far.
    private var sinceHop = 0
    /// Hops completed (up to 2): a window is analysed once it holds two hops.
    private var hopsSeen = 0
    /// Whether `pending` holds a tapered window waiting for its pair.
    private var waiting = false
    private let input = AlignedBuffer<AVComplexFloat>(count: fftSize, repeating: AVComplexFloat(re: 0, im: 0))
    private let output = AlignedBuffer<AVComplexFloat>(count: fftSize, repeating: AVComplexFloat(re: 0, im: 0))
    private let powerA = AlignedBuffer<Float>(count: fftSize / 2 + 8, repeating: 0)
    private let powerB = AlignedBuffer<Float>(count: fftSize / 2 + 8, repeating: 0)
    /// The tapered window waiting for its pair.
    private let pending = AlignedBuffer<Float>(count: window, repeating: 0)
    private let taper: [Float]
    private let scale: Float

    /// A spectrum analyser, or nil when av_tx cannot make the transform.
    init?() {
        guard LazyLibraries.available(.avutil) else { return nil }
        var one: Float = 1
        var ctx: OpaquePointer?
        var fn: av_tx_fn?
        guard av_tx_init(&ctx, &fn, AV_TX_FLOAT_FFT, 0, Int32(Self.fftSize), &one, 0) >= 0, ctx != nil, fn != nil else { return nil }
        context = ctx
        transform = fn
        let w = (0..<Self.window).map { i in Float(0.5 - 0.5 * cos(2 * Double.pi * (Double(i) + 0.5) / Double(Self.window))) }
        taper = w
        let energy = w.reduce(0) { $0 + $1 * $1 }
        // |A[k]|² is a quarter of |Z[k] ± Z*[N−k]|²: the 1/4 is folded in here.
        scale = 2 / (Float(Self.fftSize) * energy) / 4
    }

    deinit { av_tx_uninit(&context) }

    /// Adds `n` samples at 8 kHz, calling `body` once per analysed hop (one window behind: see the type).
    func add(_ x: UnsafePointer<Float>, count n: Int, _ body: (Hop) -> Void) {
        let f = frame.pointer
        // Counters in locals during the loop (class properties would be checked for exclusive access
        // on every change).
        var since = sinceHop, seen = hopsSeen
        var i = 0
        while i < n {
            let m = Swift.min(Self.hop - since, n - i)
            VectorKernels.copy(x + i, to: f + Self.hop + since, count: m)
            since += m
            i += m
            guard since == Self.hop else { continue }
            since = 0
            seen = Swift.min(seen + 1, 2)
            if seen == 2 { take(body) }
            VectorKernels.copy(f + Self.hop, to: f, count: Self.hop)
        }
        sinceHop = since
        hopsSeen = seen
    }

    /// Reports the last window if it is still waiting for a pair. Call once, after the last samples.
    func flush(_ body: (Hop) -> Void) {
        guard waiting else { return }
        let inp = input.pointer, first = pending.pointer
        for i in 0..<Self.window { inp[i] = AVComplexFloat(re: first[i], im: 0) }
        let (a, _) = analysePair()
        waiting = false
        body(a)
    }

    /// Tapers the current window; the first of a pair waits, the second goes with it into the input
    /// (real and imaginary parts) and the pair is analysed.
    private func take(_ body: (Hop) -> Void) {
        let src = frame.pointer, a = pending.pointer
        taper.withUnsafeBufferPointer { w in
            let t = w.baseAddress!
            if waiting {
                let inp = input.pointer
                for i in 0..<Self.window { inp[i] = AVComplexFloat(re: a[i], im: src[i] * t[i]) }
            } else {
                var i = 0
                while i + 8 <= Self.window {
                    let v = VectorKernels.load(src + i) * VectorKernels.load(t + i)
                    UnsafeMutableRawPointer(a + i).storeBytes(of: v, as: SIMD8<Float>.self)
                    i += 8
                }
            }
        }
        guard waiting else { waiting = true; return }
        waiting = false
        let (first, second) = analysePair()
        body(first)
        body(second)
    }

    /// Transforms the input and separates the two windows' band powers.
    private func analysePair() -> (Hop, Hop) {
        guard let transform, let context else { return (Self.silent, Self.silent) }
        transform(context, output.pointer, input.pointer, MemoryLayout<AVComplexFloat>.stride)
        let z = output.pointer, pa = powerA.pointer, pb = powerB.pointer, scale = self.scale
        let n = Self.fftSize
        // Bin 0 pairs with itself (Z[N] is Z[0]).
        let v = z[0]
        pa[0] = (4 * v.re * v.re) * scale
        pb[0] = (4 * v.im * v.im) * scale
        // Bins 1…64 four at a time: Z[k…k+3] against Z[N−k…N−k−3], loaded as Z[N−k−3…N−k] and reversed.
        // Per lane pair (re, im): A = Z[k] + Z*[N−k] and B = Z[k] − Z*[N−k], the products and sums in the
        // same order as one bin at a time.
        let f = UnsafeRawPointer(z)
        let conjugate = SIMD8<Float>(1, -1, 1, -1, 1, -1, 1, -1)
        let scales = SIMD4<Float>(repeating: scale)
        var k = 1
        while k <= n / 2 {
            let lo = f.loadUnaligned(fromByteOffset: 8 * k, as: SIMD8<Float>.self)
            let r = f.loadUnaligned(fromByteOffset: 8 * (n - k - 3), as: SIMD8<Float>.self)
            let hi = SIMD8<Float>(r[6], r[7], r[4], r[5], r[2], r[3], r[0], r[1]) * conjugate
            let a = lo + hi, b = lo - hi
            let a2 = a * a, b2 = b * b
            UnsafeMutableRawPointer(pa + k).storeBytes(of: (a2.evenHalf + a2.oddHalf) * scales, as: SIMD4<Float>.self)
            UnsafeMutableRawPointer(pb + k).storeBytes(of: (b2.evenHalf + b2.oddHalf) * scales, as: SIMD4<Float>.self)
            k += 4
        }
        return (Self.hop(from: pa), Self.hop(from: pb))
    }

    private static let silent = Hop(bands: (0, 0, 0, 0, 0, 0), speech: 0)

    /// The band sums of one window's bin powers (bins 0…64; the array holds 72 so that bins 56…63 load
    /// as one vector): bins 2–3, 4–7, 8–15, 16–31, 32–47 and 48–64 for the voice-activity bands, 4–56
    /// for the speech band. Sums by vectors of 8 bins rather than one serial chain per band: the chains'
    /// latency was most of the spectrum's cost.
    @inline(__always) private static func hop(from p: UnsafeMutablePointer<Float>) -> Hop {
        @inline(__always) func v(_ i: Int) -> SIMD8<Float> { VectorKernels.load(p + i) }
        let b0 = p[2] + p[3]
        let b1 = (p[4] + p[5]) + (p[6] + p[7])
        let b2 = v(8).sum()
        let b3 = (v(16) + v(24)).sum()
        let b4 = (v(32) + v(40)).sum()
        let low48 = v(48).sum()
        let b5 = (v(48) + v(56)).sum() + p[64]
        let speech = ((b1 + b2) + (b3 + b4)) + (low48 + p[56])
        return Hop(bands: (b0, b1, b2, b3, b4, b5), speech: speech)
    }
}
