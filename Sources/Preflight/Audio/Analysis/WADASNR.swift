import Foundation

/// WADA-SNR: waveform-amplitude-distribution SNR (C. Kim and R. M. Stern, "Robust signal-to-noise ratio
/// estimation based on waveform amplitude distribution analysis", Interspeech 2008).
///
/// Clean speech amplitude is modelled as Gamma(α = 0.4), noise as Gaussian; the statistic
/// G = ln E|x| − E ln|x| grows with the SNR and is read off ``WADATable``. One pass fills a histogram of
/// |x| binned by the top 16 bits of the IEEE float (sign dropped: 8 exponent bits, 7 mantissa bits, so
/// each bin spans 0.8 % of its value); E|x| is summed exactly. Two traps of the original code are
/// avoided: an exact zero counts as half the smallest non-zero magnitude seen (half a quantisation
/// step, so 16-bit digital silence does not read 100 dB), and runs of exact zeros longer than 5 ms
/// (a noise gate, edited silence) are left out and reported as gated samples.
///
/// The result is the global ratio of speech energy to noise energy, pauses included.
struct WADASNR {
    /// Two interleaved histograms, `[2 · bin + k]` for the samples of odd (k = 1) and even (k = 0)
    /// position, merged by ``estimate()``: a run of samples in one bin (quiet passages) then alternates
    /// between two counters instead of waiting on one.
    private var counts = [Int](repeating: 0, count: 2 * 32768)
    private var sumAbs: Double = 0
    private(set) var count = 0
    private var zeroRun = 0
    /// Samples in zero runs longer than the gate.
    private(set) var gatedZeros = 0
    /// Shortest zero run treated as gated silence, in samples (5 ms).
    let gateLength: Int

    /// Every `stride`-th sample enters the histogram (about 8 000 per second): the amplitude
    /// distribution of a decimated-without-filtering signal is that of the signal, and millions of
    /// samples are more than the statistic needs.
    let stride: Int
    private var phase = 0

    init(sampleRate: Int) {
        stride = Swift.max(1, sampleRate / 8_000)
        gateLength = Swift.max(8, sampleRate / 200 / stride)
    }

    /// Adds `n` mono samples.
    mutating func add(_ x: UnsafePointer<Float>, count n: Int) {
        guard n > 0 else { return }
        var run = zeroRun, gated = 0
        let gate = gateLength
        var a0: Float = 0, a1: Float = 0
        let step = stride
        var taken = 0
        /// Follows the runs of exact zeros (bin 0), counting those longer than the gate.
        @inline(__always) func track(_ bin: Int) {
            if bin == 0 {
                run += 1
            } else if run > 0 {
                if run > gate { gated += run }
                run = 0
            }
        }
        counts.withUnsafeMutableBufferPointer { h in
            let hist = h.baseAddress!
            var i = phase
            // Two samples a turn: the first of each pair is taken at an odd count (sums into `a1`, counts
            // in the odd histogram), the second at an even one.
            while i + step < n {
                let a = abs(x[i]), b = abs(x[i + step])
                let binA = Int(a.bitPattern >> 16), binB = Int(b.bitPattern >> 16)
                hist[2 &* binA &+ 1] &+= 1
                hist[2 &* binB] &+= 1
                a1 += a
                a0 += b
                if run > 0 || binA == 0 || binB == 0 {
                    track(binA)
                    track(binB)
                }
                taken += 2
                i += 2 * step
            }
            if i < n {
                let a = abs(x[i])
                let bin = Int(a.bitPattern >> 16)
                hist[2 &* bin &+ 1] &+= 1
                a1 += a
                track(bin)
                taken += 1
                i += step
            }
            phase = i - n
        }
        zeroRun = run
        gatedZeros += gated
        sumAbs += Double(a0) + Double(a1)
        count += taken
    }

    /// Closes a zero run still open at the end.
    mutating func flush() {
        if zeroRun > gateLength { gatedZeros += zeroRun }
        zeroRun = 0
    }

    /// The WADA-SNR in dB (−20 … 100), or nil when fewer than 64 non-gated samples or all are zero.
    func estimate() -> Double? {
        let histogram = (0..<32768).map { counts[2 * $0] + counts[2 * $0 + 1] }
        let zeros = histogram[0] - gatedZeros
        let n = count - gatedZeros
        guard n >= 64, zeros < n else { return nil }
        guard let smallest = histogram.indices.dropFirst().first(where: { histogram[$0] > 0 }) else { return nil }
        let halfStep = Double(Float(bitPattern: UInt32(smallest) << 16)) / 2
        var sumLog = Double(Swift.max(zeros, 0)) * log(halfStep)
        for i in smallest..<histogram.count where histogram[i] > 0 {
            let lo = Double(Float(bitPattern: UInt32(i) << 16))
            let hi = Double(Float(bitPattern: UInt32(i + 1) << 16))
            guard lo.isFinite, hi.isFinite else { continue }
            sumLog += Double(histogram[i]) * 0.5 * (log(lo) + log(hi))
        }
        let meanAbs = (sumAbs + Double(Swift.max(zeros, 0)) * halfStep) / Double(n)
        let g = log(Swift.max(meanAbs, 1e-30)) - sumLog / Double(n)
        return WADATable.snr(forG: g)
    }
}
