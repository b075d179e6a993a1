import Foundation

/// Finds clipping in one pass, in each channel, by three published signs:
///
/// 1. **Runs at the rail**: at least `minRun` consecutive same-sign samples with |x| ≥ 0.999 of full
///    scale (the consecutive-sample criterion of common QC tools).
/// 2. **Plateaus below full scale** (clipping after a gain change, a hard limiter): runs of at least
///    `minRun` exactly equal samples at the channel-independent running extreme of their sign (within
///    0.1 %), the flat tops that sox and FFmpeg count for their "flat factor". The extreme is that of
///    every channel's samples up to the frame where the run ends, so the runs found do not depend on how
///    the audio is cut into blocks.
/// 3. **The amplitude-histogram coefficient** R_cl of Aleinik & Matveev (2014) per fragment, see
///    ``AleinikMatveev``; reported (R_cl ≥ 0.55, the paper's threshold), and counted only when it is very
///    high (R_cl ≥ 0.9) with a spike in an edge bin, so that clean speech and pure tones never raise it.
///    It runs only on fragments that reach within 1 dB of the loudest sample so far.
///
/// `minRun` is 0.125 ms of samples (3 at 8–24 kHz, 6 at 48 kHz): a single sample touching full scale is
/// a normalised peak, not clipping. The clipping index is the percentage of sounding half-second
/// fragments (mean |x| above −50 dBFS) that contain clipping by sign 1, 2 or 3.
struct ClippingDetector {
    let channels: Int
    let minRun: Int
    /// Samples per fragment (0.5 s).
    let fragmentLength: Int
    static let rail: Float = 0.999
    static let plateauTolerance: Float = 0.001
    static let quietestPlateau: Float = 0.01
    static let strongHistogramCoefficient = 0.9
    static let activeMeanAbs: Float = 100.0 / 32768

    private var prev: [Float]
    private var equalRun: [Int]
    private var railRun: [Int]
    private var railSign: [Float]
    private var maxPositive: Float = 0
    private var maxNegative: Float = 0

    private(set) var clippedSamples = 0
    private(set) var longestRun = 0
    /// Where each clipped run starts (sample index), the first ``runStartLimit`` found (block by block, each
    /// channel in turn), in time order after ``finish()``.
    private(set) var runStarts: [Int] = []
    /// How many run starts are kept (bounded memory).
    static let runStartLimit = 4096
    private(set) var activeFragments = 0
    private(set) var clippedFragments = 0
    private(set) var histogramFlagged = 0

    /// Of several channels, per frame of the current block: the running extremes of every channel up to
    /// that frame, computed when a run first ends in the block (``blockExtremes``).
    private var prefixHigh: [Float] = [], prefixLow: [Float] = []
    private var prefixFrames = 0

    private var fragmentHasClip = false
    private var fragmentPeak: Float = 0
    private var fragmentSumAbs: Float = 0
    private var fragmentFill = 0
    private var fragment: [Float]
    private var binScratch = [Int](repeating: 0, count: AleinikMatveev.bins)
    private var position = 0

    /// Whether a mono or stereo block may skip, eight samples at a time, the stretches where nothing can
    /// start a run (false: every sample through the loop, the reference the skips are tested against).
    let skipsPlainStretches: Bool

    /// A detector for `channels` interleaved channels at `sampleRate`; `skipsPlainStretches` false turns
    /// the eight-sample skip off (the same results).
    init(sampleRate: Int, channels: Int, skipsPlainStretches: Bool = true) {
        self.skipsPlainStretches = skipsPlainStretches
        self.channels = channels
        minRun = Swift.max(3, Int((Double(sampleRate) * 0.000125).rounded()))
        fragmentLength = Swift.max(64, sampleRate / 2)
        prev = [Float](repeating: .nan, count: channels)
        equalRun = [Int](repeating: 0, count: channels)
        railRun = [Int](repeating: 0, count: channels)
        railSign = [Float](repeating: 0, count: channels)
        fragment = [Float](repeating: 0, count: fragmentLength)
    }

    /// Samples still to come before the current fragment ends.
    var roomInFragment: Int { fragmentLength - fragmentFill }

    /// Adds `n` frames (never crossing a fragment boundary): interleaved sanitised samples and their mono mix.
    mutating func add(interleaved x: UnsafePointer<Float>, mono: UnsafePointer<Float>, frames n: Int, monoPeak: Float, monoSumAbs: Float) {
        guard n > 0 else { return }
        let ch = channels
        let rail = SIMD8<Float>(repeating: Self.rail)
        let quiet = SIMD8<Float>(repeating: Self.quietestPlateau)
        let startHigh = maxPositive, startLow = maxNegative
        prefixFrames = 0
        for c in 0..<ch {
            var p = prev[c], eq = equalRun[c], rr = railRun[c], rs = railSign[c]
            var hi = maxPositive, lo = maxNegative
            var vhi = SIMD8<Float>(repeating: hi), vlo = SIMD8<Float>(repeating: lo)
            var folded = true
            var i = 0
            while i < n {
                if ch <= 2, skipsPlainStretches, eq == 0, rr == 0, i >= 1, i + 8 <= n {
                    // Fast path: 8 samples with no equal neighbours and nothing at the rail (of a stereo
                    // block, the channel's 8 samples and the 8 before them, taken out of the frames).
                    let v: SIMD8<Float>, shifted: SIMD8<Float>
                    if ch == 1 {
                        v = VectorKernels.load(x + i)
                        shifted = VectorKernels.load(x + i - 1)
                    } else {
                        let now = VectorKernels.deinterleave(x + 2 * i), before = VectorKernels.deinterleave(x + 2 * (i - 1))
                        v = c == 0 ? now.left : now.right
                        shifted = c == 0 ? before.left : before.right
                    }
                    let loud = (v .>= quiet) .| (v .<= -quiet)
                    if !any(((v .== shifted) .& loud) .| (v .>= rail) .| (v .<= -rail)) {
                        vhi = VectorKernels.vmax(vhi, v); vlo = VectorKernels.vmin(vlo, v)
                        p = v[7]
                        folded = false
                        i += 8
                        continue
                    }
                }
                if !folded {
                    hi = Swift.max(hi, VectorKernels.maximum(vhi)); lo = Swift.min(lo, VectorKernels.minimum(vlo))
                    folded = true
                }
                let v = x[i * ch + c]
                hi = Swift.max(hi, v); lo = Swift.min(lo, v)
                if v == p, abs(v) >= Self.quietestPlateau {
                    eq += 1
                } else {
                    if eq + 1 >= minRun {
                        // Several channels: the extremes of every channel up to this frame, not those this
                        // channel's loop has reached (which hold the earlier channels' whole block).
                        let (h, l) = ch == 1 ? (hi, lo) : blockExtremes(x, frames: n, at: i, high: startHigh, low: startLow)
                        endPlateau(value: p, length: eq + 1, end: position + i, hi: h, lo: l)
                    }
                    eq = 0
                }
                if abs(v) >= Self.rail {
                    let s: Float = v > 0 ? 1 : -1
                    if rr > 0 && s != rs { endRail(length: rr, end: position + i); rr = 0 }
                    rr += 1; rs = s
                } else if rr > 0 {
                    endRail(length: rr, end: position + i); rr = 0
                }
                p = v
                i += 1
            }
            if !folded { hi = Swift.max(hi, VectorKernels.maximum(vhi)); lo = Swift.min(lo, VectorKernels.minimum(vlo)) }
            prev[c] = p; equalRun[c] = eq; railRun[c] = rr; railSign[c] = rs
            maxPositive = hi; maxNegative = lo
        }
        fragment.withUnsafeMutableBufferPointer { f in (f.baseAddress! + fragmentFill).update(from: mono, count: n) }
        fragmentPeak = Swift.max(fragmentPeak, monoPeak)
        fragmentSumAbs += monoSumAbs
        fragmentFill += n
        position += n
        if fragmentFill >= fragmentLength { closeFragment() }
    }

    /// The largest and smallest sample of every channel up to frame `i` of the block `x` (`frames` frames),
    /// starting from the extremes before the block; the running extremes of all frames are computed once
    /// per block, when a run first needs them.
    private mutating func blockExtremes(_ x: UnsafePointer<Float>, frames n: Int, at i: Int, high: Float, low: Float) -> (Float, Float) {
        if prefixFrames != n {
            if prefixHigh.count < n {
                prefixHigh = [Float](repeating: 0, count: n)
                prefixLow = prefixHigh
            }
            var hi = high, lo = low
            for f in 0..<n {
                for c in 0..<channels {
                    let v = x[f * channels + c]
                    hi = Swift.max(hi, v); lo = Swift.min(lo, v)
                }
                prefixHigh[f] = hi; prefixLow[f] = lo
            }
            prefixFrames = n
        }
        return (prefixHigh[i], prefixLow[i])
    }

    private mutating func endRail(length: Int, end: Int) {
        guard length >= minRun else { return }
        record(length: length, start: end - length)
    }

    private mutating func endPlateau(value: Float, length: Int, end: Int, hi: Float, lo: Float) {
        let a = abs(value)
        guard a >= Self.quietestPlateau, a < Self.rail else { return }
        let extreme = value > 0 ? hi : -lo
        guard a >= extreme * (1 - Self.plateauTolerance) else { return }
        record(length: length, start: end - length)
    }

    private mutating func record(length: Int, start: Int) {
        clippedSamples += length
        longestRun = Swift.max(longestRun, length)
        fragmentHasClip = true
        if runStarts.count < Self.runStartLimit { runStarts.append(Swift.max(0, start)) }
    }

    /// Judges the current fragment (called at each boundary and once at the end for a partial one).
    mutating func closeFragment() {
        let n = fragmentFill
        guard n > 0 else { return }
        var rcl = 0.0, spike = false
        // The histogram coefficient only where clipping could be: fragments reaching within 1 dB of
        // the loudest sample so far (clipping sits at the file's extremes).
        let runningPeak = Swift.max(maxPositive, -maxNegative)
        if n >= fragmentLength / 4, fragmentPeak >= 0.9 * runningPeak, fragmentPeak > 0 {
            fragment.withUnsafeBufferPointer { f in
                binScratch.withUnsafeMutableBufferPointer { b in
                    (rcl, spike) = AleinikMatveev.coefficient(f.baseAddress!, count: n, scratch: b.baseAddress!)
                }
            }
        }
        let sumAbs = fragmentSumAbs
        if sumAbs / Float(n) > Self.activeMeanAbs {
            activeFragments += 1
            let strong = rcl >= Self.strongHistogramCoefficient && spike
            if rcl >= 0.55 { histogramFlagged += 1 }
            if fragmentHasClip || strong { clippedFragments += 1 }
        }
        fragmentFill = 0
        fragmentHasClip = false
        fragmentPeak = 0
        fragmentSumAbs = 0
    }

    /// Closes the runs and the fragment still open at the end of the audio.
    mutating func finish() {
        for c in 0..<channels {
            if equalRun[c] + 1 >= minRun { endPlateau(value: prev[c], length: equalRun[c] + 1, end: position, hi: maxPositive, lo: maxNegative) }
            if railRun[c] > 0 { endRail(length: railRun[c], end: position) }
            equalRun[c] = 0; railRun[c] = 0
        }
        closeFragment()
        runStarts.sort()
    }

    /// The clipping index: percentage (0–100) of sounding half-second fragments with clipping.
    var index: Double { activeFragments > 0 ? 100 * Double(clippedFragments) / Double(activeFragments) : 0 }
}
