import Foundation

/// Full-band power of consecutive 20 ms frames of the mono signal at its own rate, with each frame's
/// mean removed (so a DC offset is not counted as noise). These are the frame powers the speech/noise
/// energy ratio and the noise floor use; the voice-activity detector labels them.
struct FrameLevels {
    /// Samples per frame.
    let length: Int
    private var fill = 0
    private var sum: Double = 0
    private var sumSquares: Double = 0
    /// Completed frame powers waiting for their speech/non-speech label (a short queue).
    private(set) var pending: [Double] = []
    /// Index of the first pending frame.
    private(set) var firstPending = 0

    init(sampleRate: Int) { length = Swift.max(1, sampleRate / 50) }

    /// Adds `n` mono samples.
    mutating func add(_ x: UnsafePointer<Float>, count n: Int) {
        var i = 0
        while i < n {
            // Two whole frames at once where the block holds them (the same sums as one at a time).
            if fill == 0, n - i >= 2 * length {
                let (a, b) = VectorKernels.sumAndSquaresOfTwo(x + i, length)
                sum = Double(a.0); sumSquares = Double(a.1); fill = length
                closeFrame()
                sum = Double(b.0); sumSquares = Double(b.1); fill = length
                closeFrame()
                i += 2 * length
                continue
            }
            let m = Swift.min(n - i, length - fill)
            let (s, q) = VectorKernels.sumAndSquares(x + i, m)
            sum += Double(s); sumSquares += Double(q)
            fill += m; i += m
            if fill == length { closeFrame() }
        }
    }

    private mutating func closeFrame() {
        let n = Double(fill)
        pending.append(Swift.max(0, sumSquares / n - (sum / n) * (sum / n)))
        fill = 0; sum = 0; sumSquares = 0
    }

    /// Removes and returns the oldest pending frame power.
    mutating func next() -> Double? {
        guard !pending.isEmpty else { return nil }
        firstPending += 1
        return pending.removeFirst()
    }

    /// Closes a last partial frame if it is at least half a frame long.
    mutating func finish() { if fill >= length / 2 { closeFrame() } else { fill = 0 } }
}
