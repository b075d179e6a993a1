import CFFmpeg
import Foundation

/// Converts the mono signal to a fixed rate with libswresample (the analysers that need one: the
/// voice-activity detector and the reverberation estimator run at 8 kHz, which keeps their band of
/// 80 Hz–4 kHz and costs a third of the samples of a 24 kHz file).
///
/// A class because it owns a `SwrContext`; one per analysis, never shared between threads.
final class Resampler {
    let inputRate: Int
    let outputRate: Int
    private var context: OpaquePointer?
    private var output: [Float] = []

    /// A resampler, or nil when libswresample refuses the rates. `phaseShift` overrides
    /// ``phaseShift(from:to:)`` (the tests compare against libswresample's default, 10).
    init?(from inputRate: Int, to outputRate: Int, phaseShift: Int? = nil) {
        self.inputRate = inputRate
        self.outputRate = outputRate
        guard inputRate != outputRate else { return }
        guard inputRate >= 1000, inputRate <= 1_536_000, LazyLibraries.available(.swresample) else { return nil }
        var outLayout = cff_layout_mono(), inLayout = cff_layout_mono()
        var ctx: OpaquePointer?
        // Planar float: for one channel the same memory as packed, but it spares libswresample its
        // packed-to-planar copy (a third of its time on a 24 kHz file).
        let made = swr_alloc_set_opts2(&ctx, &outLayout, AV_SAMPLE_FMT_FLTP, Int32(outputRate),
                                       &inLayout, AV_SAMPLE_FMT_FLTP, Int32(inputRate), 0, nil)
        guard made >= 0, let ctx else { return nil }
        // A shorter filter than the default 32 taps: plenty for band energies (the top band, 3–4 kHz,
        // takes a little aliasing), and four times cheaper.
        av_opt_set_int(UnsafeMutableRawPointer(ctx), "filter_size", 8, 0)
        av_opt_set_int(UnsafeMutableRawPointer(ctx), "phase_shift",
                       Int64(phaseShift ?? Self.phaseShift(from: inputRate, to: outputRate)), 0)
        guard swr_init(ctx) >= 0 else {
            var c: OpaquePointer? = ctx
            swr_free(&c)
            return nil
        }
        context = ctx
    }

    deinit {
        if context != nil { swr_free(&context) }
    }

    /// The smallest `phase_shift` (log2 of the filter bank's phases) that still holds the ratio's exact
    /// phase count: out ÷ in reduced to p ÷ q needs p phases, and with `exact_rational` (on by default)
    /// libswresample uses exactly p of the 2^shift it builds. The output is bit for bit that of the
    /// default shift of 10 (checked for 11.025–48 kHz to 8 kHz), and the smaller bank is cheaper: 24 kHz
    /// to 8 kHz (p = 1) runs in about two thirds of the time. Ratios needing more than 1024 phases keep
    /// the default.
    static func phaseShift(from inputRate: Int, to outputRate: Int) -> Int {
        var a = inputRate, b = outputRate
        while b != 0 { (a, b) = (b, a % b) }
        let phases = outputRate / Swift.max(1, a)
        var shift = 0
        while 1 << shift < phases, shift < 10 { shift += 1 }
        return shift
    }

    /// Converts `n` samples (nil flushes the delay line) and hands the output to `body`.
    func convert(_ x: UnsafePointer<Float>?, count n: Int, _ body: (UnsafePointer<Float>, Int) -> Void) {
        guard let context else {
            if let x, n > 0 { body(x, n) }
            return
        }
        let capacity = Int(swr_get_out_samples(context, Int32(n))) + 16
        guard capacity > 0 else { return }
        if output.count < capacity { output = [Float](repeating: 0, count: capacity) }
        output.withUnsafeMutableBufferPointer { out in
            var outPlane: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: UInt8.self)
            let produced: Int32
            if let x {
                var inPlane: UnsafePointer<UInt8>? = UnsafeRawPointer(x).assumingMemoryBound(to: UInt8.self)
                produced = swr_convert(context, &outPlane, Int32(capacity), &inPlane, Int32(n))
            } else {
                produced = swr_convert(context, &outPlane, Int32(capacity), nil, 0)
            }
            if produced > 0 { body(out.baseAddress!, Int(produced)) }
        }
    }
}
