import Foundation

/// Per-channel sums for the DC offset, the correlation of a stereo pair and silent channels, in the
/// same pass as the levels.
struct ChannelBalance {
    private let channels: Int
    private var sums: [Double]
    private var squares: [Double]
    private var cross: Double = 0
    private var frames = 0

    init(channels: Int) {
        self.channels = channels
        sums = Array(repeating: 0, count: channels)
        squares = Array(repeating: 0, count: channels)
    }

    /// Adds the sums of `frames` samples of a mono input, Σx and Σx² as ``VectorKernels/sumAndSquares(_:_:)``
    /// computes them (the same as ``add(_:frames:)`` of those samples).
    mutating func addMono(sum: Float, sumSquares: Float, frames m: Int) {
        frames += m
        sums[0] += Double(sum); squares[0] += Double(sumSquares)
    }

    /// Adds `frames` interleaved frames of sanitised samples.
    mutating func add(_ x: UnsafePointer<Float>, frames m: Int) {
        frames += m
        if channels == 1 {
            let (s, q) = VectorKernels.sumAndSquares(x, m)
            sums[0] += Double(s); squares[0] += Double(q)
        } else if channels == 2 {
            var sl = SIMD8<Float>(), sr = SIMD8<Float>(), ql = SIMD8<Float>(), qr = SIMD8<Float>(), lr = SIMD8<Float>()
            var i = 0
            // Eight frames = two vectors of interleaved L R pairs.
            while i + 8 <= m {
                let (l, r) = VectorKernels.deinterleave(x + 2 * i)
                sl += l; sr += r; ql += l * l; qr += r * r; lr += l * r
                i += 8
            }
            var s0 = Double(VectorKernels.sum(sl)), s1 = Double(VectorKernels.sum(sr))
            var q0 = Double(VectorKernels.sum(ql)), q1 = Double(VectorKernels.sum(qr)), c = Double(VectorKernels.sum(lr))
            while i < m {
                let l = Double(x[2 * i]), r = Double(x[2 * i + 1])
                s0 += l; s1 += r; q0 += l * l; q1 += r * r; c += l * r
                i += 1
            }
            sums[0] += s0; sums[1] += s1; squares[0] += q0; squares[1] += q1; cross += c
        } else {
            for i in 0..<m {
                for ch in 0..<channels {
                    let v = Double(x[i * channels + ch])
                    sums[ch] += v; squares[ch] += v * v
                }
            }
        }
    }

    /// The mean sample value of the channel whose mean is farthest from zero (signed, full scale = 1).
    var dcOffset: Double? {
        guard frames > 0 else { return nil }
        return sums.map { $0 / Double(frames) }.max { abs($0) < abs($1) }
    }

    /// Pearson correlation of the two channels of a stereo pair (1 = the same signal, 0 = unrelated,
    /// −1 = one inverted); nil for other layouts or when a channel is constant.
    var correlation: Double? {
        guard channels == 2, frames > 1 else { return nil }
        let n = Double(frames)
        let vl = squares[0] - sums[0] * sums[0] / n, vr = squares[1] - sums[1] * sums[1] / n
        guard vl > 0, vr > 0 else { return nil }
        return max(-1, min(1, (cross - sums[0] * sums[1] / n) / (vl * vr).squareRoot()))
    }

    /// Channels at least ``silentMargin`` dB under the loudest one, or digitally silent while another
    /// is not: "left"/"right" for a stereo pair, "channel N" (from 1) otherwise; empty when none.
    var silentChannels: [String] {
        guard channels >= 2, frames > 0 else { return [] }
        let power = squares.map { $0 / Double(frames) }
        guard let loudest = power.max(), loudest > 1e-14 else { return [] }
        return power.indices.filter { Decibels.power(power[$0]) <= Decibels.power(loudest) - Self.silentMargin }.map {
            channels == 2 ? ($0 == 0 ? "left" : "right") : "channel \($0 + 1)"
        }
    }

    /// How far under the loudest channel a channel counts as silent (an unplugged input's hiss is some
    /// 50–90 dB under speech).
    static let silentMargin = 40.0
}
