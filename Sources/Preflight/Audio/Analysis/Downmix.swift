import Foundation

/// Turns interleaved input into clean samples: NaN becomes 0, ±inf and wild values are clamped to ±16
/// (so a float file above full scale still reads as above full scale), and the channels are averaged
/// into one mono signal (the downmix every single-channel analyser reads).
enum Downmix {
    /// The largest magnitude kept; anything beyond is clamped.
    static let limit: Float = 16

    /// One sanitised sample.
    @inline(__always) static func clean(_ x: Float) -> Float {
        let y = x == x ? x : 0
        return Swift.min(Swift.max(y, -limit), limit)
    }

    /// Sanitises `count` frames of `channels` interleaved samples into `interleaved`, and their average into `mono`.
    static func run(_ source: UnsafePointer<Float>, frames count: Int, channels: Int,
                    interleaved: UnsafeMutablePointer<Float>, mono: UnsafeMutablePointer<Float>) {
        let total = count * channels
        let hi = SIMD8<Float>(repeating: limit), lo = -hi
        var i = 0
        while i + 8 <= total {
            var v = VectorKernels.load(source + i)
            v = v.replacing(with: 0, where: v .!= v)
            v = VectorKernels.vmin(VectorKernels.vmax(v, lo), hi)
            UnsafeMutableRawPointer(interleaved + i).storeBytes(of: v, as: SIMD8<Float>.self)
            i += 8
        }
        while i < total { interleaved[i] = clean(source[i]); i += 1 }
        if channels == 1 {
            if mono != interleaved { mono.update(from: interleaved, count: count) }
            return
        }
        let scale = 1 / Float(channels)
        var first = 0
        if channels == 2 {
            // Eight frames at a time: the same sum from zero, left then right, and the same product.
            let half = SIMD8<Float>(repeating: scale)
            while first + 8 <= count {
                let (l, r) = VectorKernels.deinterleave(interleaved + 2 * first)
                UnsafeMutableRawPointer(mono + first).storeBytes(of: (SIMD8<Float>() + l + r) * half, as: SIMD8<Float>.self)
                first += 8
            }
        }
        for i in first..<count {
            var s: Float = 0
            let row = interleaved + i * channels
            for c in 0..<channels { s += row[c] }
            mono[i] = s * scale
        }
    }
}
