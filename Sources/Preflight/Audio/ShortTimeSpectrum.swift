import CFFmpeg
import Foundation

/// Band powers of the 8 kHz mono signal every 5 ms: a 10 ms Hann window, zero-padded to a 128-point
/// real FFT from libavutil's `av_tx` (62.5 Hz bins).
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
    /// First and last FFT bin of each voice-activity band.
    static let bandBins: [(Int, Int)] = [(2, 3), (4, 7), (8, 15), (16, 31), (32, 47), (48, 64)]
    /// First and last FFT bin of the speech band used for reverberation.
    static let speechBins = (4, 56)

    /// One hop's band powers.
    struct Hop {
        var bands: (Float, Float, Float, Float, Float, Float)
        var speech: Float
    }

    private var context: OpaquePointer?
    private var transform: av_tx_fn?
    /// The current window: the previous hop's samples, then the current hop's as they arrive (the
    /// window is two hops long, so after each hop the second half moves to the first).
    private let frame = AlignedBuffer<Float>(count: window, repeating: 0)
    /// Samples of the current hop received so far.
    private var sinceHop = 0
    /// Hops completed (up to 2): a window is analysed once it holds two hops.
    private var hopsSeen = 0
    private let input = AlignedBuffer<Float>(count: fftSize + 2, repeating: 0)
    private let output = AlignedBuffer<AVComplexFloat>(count: fftSize / 2 + 1, repeating: AVComplexFloat(re: 0, im: 0))
    private let power = AlignedBuffer<Float>(count: fftSize / 2 + 1, repeating: 0)
    private let taper: [Float]
    private let scale: Float

    /// A spectrum analyser, or nil when av_tx cannot make the transform.
    init?() {
        guard FFmpegLibraries.available(.avutil) else { return nil }
        var one: Float = 1
        var ctx: OpaquePointer?
        var fn: av_tx_fn?
        guard av_tx_init(&ctx, &fn, AV_TX_FLOAT_RDFT, 0, Int32(Self.fftSize), &one, 0) >= 0, ctx != nil, fn != nil else { return nil }
        context = ctx
        transform = fn
        let w = (0..<Self.window).map { i in Float(0.5 - 0.5 * cos(2 * Double.pi * (Double(i) + 0.5) / Double(Self.window))) }
        taper = w
        let energy = w.reduce(0) { $0 + $1 * $1 }
        scale = 2 / (Float(Self.fftSize) * energy)
    }

    deinit { av_tx_uninit(&context) }

    /// Adds `n` samples at 8 kHz, calling `body` once per completed hop.
    func add(_ x: UnsafePointer<Float>, count n: Int, _ body: (Hop) -> Void) {
        let f = frame.pointer
        var i = 0
        while i < n {
            let m = Swift.min(Self.hop - sinceHop, n - i)
            VectorKernels.copy(x + i, to: f + Self.hop + sinceHop, count: m)
            sinceHop += m
            i += m
            guard sinceHop == Self.hop else { continue }
            sinceHop = 0
            hopsSeen = Swift.min(hopsSeen + 1, 2)
            if hopsSeen == 2 { body(analyse()) }
            VectorKernels.copy(f + Self.hop, to: f, count: Self.hop)
        }
    }

    private func analyse() -> Hop {
        guard let transform, let context else { return Hop(bands: (0, 0, 0, 0, 0, 0), speech: 0) }
        let inp = input.pointer, src = frame.pointer
        taper.withUnsafeBufferPointer { w in
            let t = w.baseAddress!
            var i = 0
            while i + 8 <= Self.window {
                let v = VectorKernels.load(src + i) * VectorKernels.load(t + i)
                UnsafeMutableRawPointer(inp + i).storeBytes(of: v, as: SIMD8<Float>.self)
                i += 8
            }
        }
        for i in Self.window..<input.count { inp[i] = 0 }
        transform(context, output.pointer, input.pointer, MemoryLayout<Float>.stride)
        let out = UnsafeRawPointer(output.pointer).assumingMemoryBound(to: Float.self), power = self.power.pointer
        for k in 0...(Self.fftSize / 2) { power[k] = (out[2 * k] * out[2 * k] + out[2 * k + 1] * out[2 * k + 1]) * scale }
        func sum(_ r: (Int, Int)) -> Float {
            var s: Float = 0
            for k in r.0...r.1 { s += power[k] }
            return s
        }
        let b = Self.bandBins
        return Hop(bands: (sum(b[0]), sum(b[1]), sum(b[2]), sum(b[3]), sum(b[4]), sum(b[5])), speech: sum(Self.speechBins))
    }
}
