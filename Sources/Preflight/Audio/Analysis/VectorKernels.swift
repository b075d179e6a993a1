import CAudioKernels
import Foundation

/// Small vectorised loops (8 lanes) shared by the analysers: the hot per-sample work of the single pass.
enum VectorKernels {
    /// Whether the 256-bit kernels of `CAudioKernels` (AVX2) run on this CPU, decided once for the
    /// process. The analysers that have them (K-weighting, true peak, edge levels) use them then, and
    /// their portable loops otherwise, with the same results.
    static let wide = preflight_audio_kernels_available() == 1

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Copies `n` floats (non-overlapping, or `target` below `source`) inline: for the short copies of
    /// every 5 ms hop, where a call to memmove costs more than the copy.
    @inline(__always) static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count n: Int) {
        var i = 0
        while i + 8 <= n { UnsafeMutableRawPointer(target + i).storeBytes(of: load(source + i), as: SIMD8<Float>.self); i += 8 }
        while i < n { target[i] = source[i]; i += 1 }
    }

    /// The left (even lanes) and right (odd lanes) samples of the eight interleaved stereo frames at `x`.
    @inline(__always) static func deinterleave(_ x: UnsafePointer<Float>) -> (left: SIMD8<Float>, right: SIMD8<Float>) {
        let a = load(x), b = load(x + 8)
        return (SIMD8(a[0], a[2], a[4], a[6], b[0], b[2], b[4], b[6]), SIMD8(a[1], a[3], a[5], a[7], b[1], b[3], b[5], b[7]))
    }

    /// Copies channel `channel` of `n` frames of `channels` interleaved channels to `target` (one channel
    /// as a plain copy, two eight frames at a time).
    static func copyChannel(of x: UnsafePointer<Float>, channels: Int, _ channel: Int, frames n: Int, to target: UnsafeMutablePointer<Float>) {
        var i = 0
        if channels == 1 {
            copy(x, to: target, count: n)
            return
        }
        if channels == 2 {
            while i + 8 <= n {
                let (l, r) = deinterleave(x + 2 * i)
                UnsafeMutableRawPointer(target + i).storeBytes(of: channel == 0 ? l : r, as: SIMD8<Float>.self)
                i += 8
            }
        }
        while i < n { target[i] = x[i * channels + channel]; i += 1 }
    }

    /// The largest |x[i + 1] − x[i]| of `n` samples (0 when `n` is under 2): in `CAudioKernels` where the
    /// CPU has AVX2 and not `portable`, in 8-lane vectors otherwise (a maximum: the same value either way).
    static func stepMax(_ x: UnsafePointer<Float>, _ n: Int, portable: Bool = false) -> Float {
        if wide, !portable { return preflight_step_max_avx2(x, n) }
        var most = SIMD8<Float>()
        var i = 0
        while i + 9 <= n {
            let d = load(x + i + 1) - load(x + i)
            most = vmax(most, vmax(d, -d))
            i += 8
        }
        var best = maximum(most)
        while i + 1 < n { best = Swift.max(best, abs(x[i + 1] - x[i])); i += 1 }
        return best
    }

    /// Lane-wise maximum (the standard library's generic `pointwiseMax` is not inlined).
    @inline(__always) static func vmax(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { a.replacing(with: b, where: a .< b) }
    /// Lane-wise minimum.
    @inline(__always) static func vmin(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { a.replacing(with: b, where: b .< a) }

    @inline(__always) static func sum(_ v: SIMD8<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        return b[0] + b[1]
    }

    @inline(__always) static func maximum(_ v: SIMD8<Float>) -> Float {
        var m = v[0]
        for i in 1..<8 { m = Swift.max(m, v[i]) }
        return m
    }

    @inline(__always) static func minimum(_ v: SIMD8<Float>) -> Float {
        var m = v[0]
        for i in 1..<8 { m = Swift.min(m, v[i]) }
        return m
    }

    /// Σx and Σx² of `n` samples.
    static func sumAndSquares(_ x: UnsafePointer<Float>, _ n: Int) -> (Float, Float) {
        var s = SIMD8<Float>(), q = SIMD8<Float>()
        var i = 0
        while i + 8 <= n { let v = load(x + i); s += v; q += v * v; i += 8 }
        var ss = sum(s), qq = sum(q)
        while i < n { ss += x[i]; qq += x[i] * x[i]; i += 1 }
        return (ss, qq)
    }

    /// ``sumAndSquares(_:_:)`` of `x[0..<n]` and of `x[n..<2n]`, the same bits as two calls: each block's
    /// sums in the same order, the two blocks' accumulations interleaved so that neither waits on its own
    /// additions' latency.
    static func sumAndSquaresOfTwo(_ x: UnsafePointer<Float>, _ n: Int) -> ((Float, Float), (Float, Float)) {
        let y = x + n
        var s = SIMD8<Float>(), q = SIMD8<Float>(), s2 = SIMD8<Float>(), q2 = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let v = load(x + i), w = load(y + i)
            s += v; q += v * v
            s2 += w; q2 += w * w
            i += 8
        }
        var ss = sum(s), qq = sum(q), ss2 = sum(s2), qq2 = sum(q2)
        while i < n {
            ss += x[i]; qq += x[i] * x[i]
            ss2 += y[i]; qq2 += y[i] * y[i]
            i += 1
        }
        return ((ss, qq), (ss2, qq2))
    }

    /// max|x| and Σ|x| of `n` samples.
    static func peakAndSumAbs(_ x: UnsafePointer<Float>, _ n: Int) -> (Float, Float) {
        var p = SIMD8<Float>(), s = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let v = load(x + i)
            let a = vmax(v, -v)
            p = vmax(p, a); s += a
            i += 8
        }
        var pp = maximum(p), ss = sum(s)
        while i < n { pp = Swift.max(pp, abs(x[i])); ss += abs(x[i]); i += 1 }
        return (pp, ss)
    }

    /// min and max of `n ≥ 1` samples.
    static func range(_ x: UnsafePointer<Float>, _ n: Int) -> (Float, Float) {
        var lo = SIMD8<Float>(repeating: x[0]), hi = lo
        var i = 0
        while i + 8 <= n { let v = load(x + i); lo = vmin(lo, v); hi = vmax(hi, v); i += 8 }
        var l = minimum(lo), h = maximum(hi)
        while i < n { l = Swift.min(l, x[i]); h = Swift.max(h, x[i]); i += 1 }
        return (l, h)
    }

    /// Peak |x|, Σ|x|, Σx², Σx and the largest step |x[i + 1] − x[i]| of `n` samples, in one pass; the
    /// first three are the same bits as ``stats(_:_:)``'s and Σx as ``sumAndSquares(_:_:)``'s (each sum is
    /// accumulated in the same order), the step the value of ``stepMax(_:_:portable:)``. In `CAudioKernels`
    /// where the CPU has AVX2 and not `portable`: the same bits.
    static func statsAndSum(_ x: UnsafePointer<Float>, _ n: Int, portable: Bool = false) -> (peak: Float, sumAbs: Float, sumSquares: Float, sum: Float, step: Float) {
        if wide, !portable {
            var out: (Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0)
            withUnsafeMutablePointer(to: &out) { $0.withMemoryRebound(to: Float.self, capacity: 5) { preflight_mono_stats_avx2(x, n, $0) } }
            return out
        }
        var p = SIMD8<Float>(), s = SIMD8<Float>(), q = SIMD8<Float>(), t = SIMD8<Float>(), d = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let v = load(x + i)
            let a = vmax(v, -v)
            p = vmax(p, a); s += a; q += v * v; t += v
            if i + 9 <= n { let e = load(x + i + 1) - v; d = vmax(d, vmax(e, -e)) }
            i += 8
        }
        // The steps the vectors did not take, from the last vector's first sample on (a few twice).
        var k = Swift.max(0, i - 8)
        var pp = maximum(p), ss = sum(s), qq = sum(q), tt = sum(t), dd = maximum(d)
        while i < n { pp = Swift.max(pp, abs(x[i])); ss += abs(x[i]); qq += x[i] * x[i]; tt += x[i]; i += 1 }
        while k + 1 < n { dd = Swift.max(dd, abs(x[k + 1] - x[k])); k += 1 }
        return (pp, ss, qq, tt, dd)
    }

    /// Peak |x|, Σ|x| and Σx² of `n` samples, in one pass. In `CAudioKernels` where the CPU has AVX2 and
    /// not `portable`: the same bits.
    static func stats(_ x: UnsafePointer<Float>, _ n: Int, portable: Bool = false) -> (peak: Float, sumAbs: Float, sumSquares: Float) {
        if wide, !portable {
            var out: (Float, Float, Float) = (0, 0, 0)
            withUnsafeMutablePointer(to: &out) { $0.withMemoryRebound(to: Float.self, capacity: 3) { preflight_stats_avx2(x, n, $0) } }
            return out
        }
        var p = SIMD8<Float>(), s = SIMD8<Float>(), q = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let v = load(x + i)
            let a = vmax(v, -v)
            p = vmax(p, a); s += a; q += v * v
            i += 8
        }
        var pp = maximum(p), ss = sum(s), qq = sum(q)
        while i < n { pp = Swift.max(pp, abs(x[i])); ss += abs(x[i]); qq += x[i] * x[i]; i += 1 }
        return (pp, ss, qq)
    }
}
