import Foundation

/// The clipping coefficient R_cl of A. Aleinik and Yu. Matveev, "Detection of Clipped Fragments in Speech
/// Signals" (WASET Int. J. of Electrical, Computer, Energetic, Electronic and Communication Engineering
/// 8(2), 2014).
///
/// A K-bin histogram is built between the fragment's minimum and maximum. Walking inward from both ends,
/// D counts how many consecutive bins stay at or below the last bin that rose; an unclipped amplitude
/// distribution rises steadily toward the centre (short D), while clipping piles samples into the edge
/// bins followed by a long dip (long D). R_cl = 2·D_max / (K − 1), from 0 (clean) to 1; the authors
/// flag a fragment at R_cl ≥ 0.55 with K = 301 and about 8000 samples.
enum AleinikMatveev {
    /// Bins of the histogram (the paper's best value).
    static let bins = 301

    /// R_cl of `n` samples, using `scratch` (at least ``bins`` Ints); 0 for a constant or empty fragment.
    /// Also tells whether an edge bin is a spike (at least 4 times the mean of its 3 inner neighbours):
    /// clipping piles its samples into one edge bin, while a pure tone's arcsine histogram, which also
    /// gives a high R_cl, rises smoothly into its edges.
    static func coefficient(_ x: UnsafePointer<Float>, count n: Int, scratch: UnsafeMutablePointer<Int>) -> (rcl: Double, edgeSpike: Bool) {
        guard n > 1 else { return (0, false) }
        let (lo, hi) = VectorKernels.range(x, n)
        guard hi > lo else { return (0, false) }
        let k = bins
        scratch.initialize(repeating: 0, count: k)
        let scale = Float(k - 1) / (hi - lo)
        for i in 0..<n {
            let b = Int((x[i] - lo) * scale)
            scratch[Swift.min(Swift.max(b, 0), k - 1)] += 1
        }
        var left = 0, right = k - 1
        var leftPeak = scratch[left], rightPeak = scratch[right]
        var dl = 0, dr = 0, longest = 0
        while right > left {
            left += 1; right -= 1
            if scratch[left] <= leftPeak { dl += 1 } else { leftPeak = scratch[left]; dl = 0 }
            if scratch[right] <= rightPeak { dr += 1 } else { rightPeak = scratch[right]; dr = 0 }
            longest = Swift.max(longest, dl, dr)
        }
        let leftInner = Double(scratch[1] + scratch[2] + scratch[3]) / 3 + 1
        let rightInner = Double(scratch[k - 2] + scratch[k - 3] + scratch[k - 4]) / 3 + 1
        let spike = Double(scratch[0]) >= 4 * leftInner || Double(scratch[k - 1]) >= 4 * rightInner
        return (2 * Double(longest) / Double(k - 1), spike)
    }
}
