import CAudioKernels
import Foundation

/// Sample peaks and powers of 5 ms windows of the mono mix near the start and the end, to place the
/// first and last speech onset more finely than the detector's 20 ms frames and to measure the level
/// of the silence before and after the speech.
///
/// Keeps the windows of the first minute and a ring of the last ten seconds (at most 14 000 values
/// whatever the length). ``refine(start:end:duration:noiseFloor:peak:)`` moves each edge of the speech
/// segments to the first (last) window near it that rises clearly above the noise.
struct EdgeLevels {
    static let windowMs = 5
    static let headWindows = 12_000, tailWindows = 2_000
    /// How far before (after) the detector's edge the sound may begin (end), and how far inside.
    static let outwardMs = 200, inwardMs = 100

    private let window: Int
    private var head: [Float] = [], headPower: [Float] = []
    private var tail: [Float], tailPower: [Float]
    private var tailNext = 0, windows = 0
    /// Samples of the window being gathered in ``piece``.
    private var filled = 0
    /// The samples of a window that began in an earlier block.
    private var piece: [Float]
    /// Whole windows' peaks and Σx² from the vector kernel (scratch of ``add(_:count:)``), or nil when
    /// the portable loop measures them.
    private let scratch: AlignedBuffer<Float>?
    private static let scratchWindows = 64

    /// Levels of 5 ms windows at `sampleRate`; `portable` leaves the vector kernel out (the same results).
    init(sampleRate: Int, portable: Bool = false) {
        window = max(1, sampleRate * Self.windowMs / 1000)
        tail = [Float](repeating: 0, count: Self.tailWindows)
        piece = [Float](repeating: 0, count: window)
        tailPower = tail
        head.reserveCapacity(1024)
        headPower.reserveCapacity(1024)
        scratch = !portable && VectorKernels.wide ? AlignedBuffer<Float>(count: 2 * Self.scratchWindows, repeating: 0) : nil
    }

    /// Adds `n` mono samples.
    mutating func add(_ y: UnsafePointer<Float>, count n: Int) {
        var i = 0
        while i < n {
            // Whole windows at once through the vector kernel: the same peak and Σx² as the loop below
            // takes of a window it sees in one piece.
            if filled == 0, n - i >= window, let scratch {
                let k = min((n - i) / window, Self.scratchWindows)
                let peaks = scratch.pointer, squares = peaks + Self.scratchWindows
                preflight_window_levels_avx2(y + i, k, window, peaks, squares)
                for w in 0..<k { close(peak: peaks[w], sumSquares: squares[w]) }
                i += k * window
                continue
            }
            if filled == 0, n - i >= window {
                let s = VectorKernels.stats(y + i, window, portable: scratch == nil)
                close(peak: s.peak, sumSquares: s.sumSquares)
                i += window
                continue
            }
            // A window cut by the end of the block: its samples gathered first, so that its levels are those
            // of the whole window, whatever the blocks.
            let m = min(window - filled, n - i)
            piece.withUnsafeMutableBufferPointer { p in VectorKernels.copy(y + i, to: p.baseAddress! + filled, count: m) }
            filled += m; i += m
            if filled == window {
                let s = piece.withUnsafeBufferPointer { VectorKernels.stats($0.baseAddress!, window, portable: scratch == nil) }
                filled = 0
                close(peak: s.peak, sumSquares: s.sumSquares)
            }
        }
    }

    /// Keeps the next window's sample peak and Σx².
    private mutating func close(peak: Float, sumSquares: Float) {
        let power = sumSquares / Float(window)
        if head.count < Self.headWindows { head.append(peak); headPower.append(power) }
        tail[tailNext] = peak
        tailPower[tailNext] = power
        tailNext = (tailNext + 1) % Self.tailWindows
        windows += 1
    }

    /// The level of window `w` (from the start), nil when it is no longer kept.
    private func level(_ w: Int) -> Float? {
        guard w >= 0, w < windows else { return nil }
        if w < head.count { return head[w] }
        guard w >= windows - Self.tailWindows else { return nil }
        return tail[w % Self.tailWindows]
    }

    /// The mean power of windows `from..<to` that are still kept, in dBFS; nil when none is.
    private func meanPower(_ from: Int, _ to: Int) -> Double? {
        var sum = 0.0, n = 0
        for w in max(0, from)..<max(max(0, from), min(to, windows)) {
            if w < headPower.count { sum += Double(headPower[w]); n += 1 }
            else if w >= windows - Self.tailWindows { sum += Double(tailPower[w % Self.tailWindows]); n += 1 }
        }
        return n > 0 ? Decibels.power(sum / Double(n)) : nil
    }

    /// Windows left out next to speech when the silence's level is measured (20 ms: the breath and
    /// the release of the voice).
    static let guardWindows = 4

    /// The RMS level (dBFS) of the silence before `start` and after `end` (seconds, as refined), each
    /// without the 20 ms next to the speech; nil when that leaves less than 5 ms.
    func silenceLevels(start: Double, end: Double) -> (before: Double?, after: Double?) {
        let w = Double(Self.windowMs) / 1000
        let first = Int((start / w).rounded(.down)) - Self.guardWindows
        let last = Int((end / w).rounded(.up)) + Self.guardWindows
        return (first > 0 ? meanPower(0, first) : nil, last < windows ? meanPower(last, windows) : nil)
    }

    /// The first speech onset and the last offset in seconds, moved from the detector's `start` and
    /// `end` (ms) to the first and last 5 ms window within reach whose peak exceeds both `peak` − 45 dB
    /// and the noise RMS `noiseFloor` (dBFS) + 20 dB. An edge with no such window stays where it was.
    func refine(startMs: Int, endMs: Int, noiseFloor: Double?, peak: Float) -> (start: Double, end: Double) {
        let floor = Float(pow(10, ((noiseFloor ?? -200) + 20) / 20))
        let threshold = max(peak * Float(pow(10, -45.0 / 20)), floor)
        let w = Self.windowMs
        var start = Double(startMs) / 1000, end = Double(endMs) / 1000
        let firstFrom = max(0, (startMs - Self.outwardMs) / w), firstTo = (startMs + Self.inwardMs) / w
        if let f = (firstFrom...max(firstFrom, firstTo)).first(where: { (level($0) ?? 0) > threshold }) {
            start = Double(f * w) / 1000
        }
        let lastFrom = max(0, (endMs - Self.inwardMs) / w), lastTo = (endMs + Self.outwardMs) / w
        if let l = (lastFrom...max(lastFrom, lastTo)).reversed().first(where: { (level($0) ?? 0) > threshold }) {
            end = Double((l + 1) * w) / 1000
        }
        return (start, max(start, end))
    }
}
