import Foundation

/// Integrated loudness (ITU-R BS.1770-4, EBU R128) and loudness range (EBU Tech 3342) in one
/// streaming pass, with memory that does not grow with the length of the audio.
///
/// Each channel's K-weighted mean square is taken over 100 ms steps (``KWeightedEnergy``); gating
/// blocks of 400 ms (for the integrated loudness) and 3 s (for the range) slide by one step. Instead
/// of the blocks themselves, two histograms of 0.01 LU bins from −70 to +10 LUFS keep each bin's
/// count and summed energy: the relative gate then reads them with a rounding of at most one bin.
/// Channel weights: 1 for the first three channels, 0 for the LFE and 1.41 for the surrounds of a
/// six-channel (5.1) layout.
struct LoudnessMeter {
    static let lowest = -70.0, highest = 10.0, binsPerLU = 100

    private let channels: Int
    private let weights: [Double]
    private var filters: [KWeightedEnergy]
    /// Per-channel samples of two steps: a full one waiting (when ``held``) and the one being filled.
    /// Steps are measured in pairs, whose filters run side by side (``KWeightedEnergy/energies(_:_:)``),
    /// in the same order as one by one, so every result is the same.
    private var pending: [[Float]]
    private var fill = 0
    private var held = false
    /// Weighted mean squares of the last 30 steps, newest last.
    private var recent: [Double] = []
    private var momentary = GatingHistogram()
    private var shortTerm = GatingHistogram()
    private(set) var steps = 0

    /// Samples of one 100 ms step at `sampleRate`.
    static func stepFrames(sampleRate: Int) -> Int { max(1, Int((Double(sampleRate) / 10).rounded())) }

    /// Frames of the two steps measured together: a mono block that starts at a multiple of this and
    /// holds whole pairs is read where it lies, with nothing copied.
    static func pairFrames(sampleRate: Int) -> Int { 2 * stepFrames(sampleRate: sampleRate) }

    init(sampleRate: Int, channels: Int) {
        self.channels = channels
        let step = Self.stepFrames(sampleRate: sampleRate)
        filters = Array(repeating: KWeightedEnergy(sampleRate: sampleRate, blockLength: step), count: channels)
        pending = Array(repeating: [Float](repeating: 0, count: 2 * step), count: channels)
        weights = (0..<channels).map { c in channels == 6 ? [1, 1, 1, 0, 1.41, 1.41][c] : 1 }
    }

    /// Adds `frames` interleaved frames of sanitised samples.
    mutating func add(_ x: UnsafePointer<Float>, frames: Int) {
        let step = filters[0].blockLength
        var done = 0
        while done < frames {
            // One channel: a step that lies whole in the block is measured where it lies, paired with the
            // step held back or with the next one when that lies in the block too (the same pairs, so the
            // same results, as through the step buffers).
            if channels == 1, fill == 0, frames - done >= step, held || frames - done >= 2 * step {
                if held {
                    held = false
                    pending[0].withUnsafeBufferPointer { measurePair($0.baseAddress!, x + done) }
                    done += step
                } else {
                    measurePair(x + done, x + done + step)
                    done += 2 * step
                }
                continue
            }
            let m = min(step - fill, frames - done)
            let at = (held ? step : 0) + fill
            for c in 0..<channels {
                pending[c].withUnsafeMutableBufferPointer { p in
                    VectorKernels.copyChannel(of: x + done * channels, channels: channels, c, frames: m, to: p.baseAddress! + at)
                }
            }
            fill += m; done += m
            if fill == step {
                fill = 0
                if held { closeSteps() } else { held = true }
            }
        }
    }

    /// Measures the step held back, if any (after the last samples: a partial step is not measured).
    mutating func finish() {
        guard held else { return }
        held = false
        var sum = 0.0
        for c in 0..<channels where weights[c] > 0 {
            let e = pending[c].withUnsafeBufferPointer { filters[c].energy($0.baseAddress!) }
            sum += weights[c] * e / Double(filters[c].blockLength)
        }
        record(sum)
    }

    /// Measures the two full steps, the earlier first.
    private mutating func closeSteps() {
        held = false
        let step = filters[0].blockLength
        var first = 0.0, second = 0.0
        for c in 0..<channels where weights[c] > 0 {
            let (e1, e2) = pending[c].withUnsafeBufferPointer { filters[c].energies($0.baseAddress!, $0.baseAddress! + step) }
            first += weights[c] * e1 / Double(step)
            second += weights[c] * e2 / Double(step)
        }
        record(first)
        record(second)
    }

    /// Measures two consecutive steps of the only channel, `x` then `x2`.
    private mutating func measurePair(_ x: UnsafePointer<Float>, _ x2: UnsafePointer<Float>) {
        let step = Double(filters[0].blockLength)
        let (e1, e2) = filters[0].energies(x, x2)
        record(weights[0] * e1 / step)
        record(weights[0] * e2 / step)
    }

    private mutating func record(_ sum: Double) {
        recent.append(sum)
        if recent.count > 30 { recent.removeFirst() }
        steps += 1
        if recent.count >= 4 { momentary.add(recent.suffix(4).reduce(0, +) / 4) }
        if recent.count == 30 { shortTerm.add(recent.reduce(0, +) / 30) }
    }

    /// Integrated loudness in LUFS (after ``finish()``): the mean energy of the 400 ms blocks above −70 LUFS and above
    /// 10 LU under the mean of those. Nil before one block (400 ms) or when every block is under −70 LUFS.
    var integrated: Double? {
        guard let (energy, _) = momentary.mean(above: Self.lowest) else { return nil }
        guard let (gated, _) = momentary.mean(above: GatingHistogram.loudness(energy) - 10) else { return nil }
        return GatingHistogram.loudness(gated)
    }

    /// Loudness range in LU: the spread from the 10th to the 95th percentile of the 3 s short-term
    /// loudness, over blocks above −70 LUFS and above 20 LU under their mean. Nil under 3 s of sound.
    var range: Double? {
        guard let (energy, _) = shortTerm.mean(above: Self.lowest) else { return nil }
        let gate = GatingHistogram.loudness(energy) - 20
        guard let low = shortTerm.percentile(0.10, above: gate), let high = shortTerm.percentile(0.95, above: gate) else { return nil }
        return max(0, high - low)
    }
}

/// Counts and summed energies of gating blocks in 0.01 LU bins from −70 to +10 LUFS (louder blocks
/// go to the top bin, quieter ones are not kept: every gate is at −70 LUFS or above).
struct GatingHistogram {
    private var counts = [Int](repeating: 0, count: bins)
    private var energies = [Double](repeating: 0, count: bins)
    static let bins = Int((LoudnessMeter.highest - LoudnessMeter.lowest) * Double(LoudnessMeter.binsPerLU))

    /// BS.1770's loudness of a weighted mean square: −0.691 + 10·log10(z).
    static func loudness(_ z: Double) -> Double { -0.691 + 10 * log10(max(z, 1e-30)) }

    static func bin(_ lufs: Double) -> Int {
        Int(((lufs - LoudnessMeter.lowest) * Double(LoudnessMeter.binsPerLU)).rounded(.down))
    }

    /// Adds one block of weighted mean square `z`.
    mutating func add(_ z: Double) {
        let l = Self.loudness(z)
        guard l >= LoudnessMeter.lowest else { return }
        let b = min(Self.bin(l), Self.bins - 1)
        counts[b] += 1
        energies[b] += z
    }

    /// The mean energy and the count of the blocks louder than `gate` (the bin holding the gate counts
    /// when its middle is above it); nil when there is none.
    func mean(above gate: Double) -> (Double, Int)? {
        let first = max(0, firstBin(above: gate))
        var n = 0, e = 0.0
        for b in first..<Self.bins { n += counts[b]; e += energies[b] }
        return n > 0 ? (e / Double(n), n) : nil
    }

    /// The loudness (bin middle) at fraction `p` of the blocks louder than `gate`.
    func percentile(_ p: Double, above gate: Double) -> Double? {
        let first = max(0, firstBin(above: gate))
        let n = counts[first...].reduce(0, +)
        guard n > 0 else { return nil }
        let rank = Int((Double(n - 1) * p).rounded(.down))
        var seen = 0
        for b in first..<Self.bins {
            seen += counts[b]
            if seen > rank { return LoudnessMeter.lowest + (Double(b) + 0.5) / Double(LoudnessMeter.binsPerLU) }
        }
        return nil
    }

    private func firstBin(above gate: Double) -> Int {
        let b = Self.bin(gate)
        let middle = LoudnessMeter.lowest + (Double(b) + 0.5) / Double(LoudnessMeter.binsPerLU)
        return middle > gate ? b : b + 1
    }
}
