import Foundation

/// Measures audio quality in one streaming pass over decoded PCM, in blocks of any length.
///
/// Feed it interleaved float samples scaled to [-1, 1], block after block, then call ``finish()``.
/// Every analyser reads the same block: levels and clipping per channel, everything else from the mono
/// downmix; the voice-activity detector and the reverberation estimator from one 8 kHz copy made by
/// libswresample. Memory stays bounded whatever the length of the audio (histograms, running sums and
/// short rings; only the speech segments grow, one entry per sentence).
///
/// Methods (README, "Audio quality", gives definitions and the measured error):
/// - SNR: speech-segment power over the noise power of the pauses, or of the quietest frames when the
///   reading leaves no pauses (``SNREstimate``); WADA-SNR (Kim & Stern 2008) kept as a cross-check.
/// - Effective duration and segments: a WebRTC-design VAD (6 bands, 80 Hz–4 kHz) gated by energy.
/// - Clipping: runs at the rail or at a flat plateau, plus Aleinik & Matveev's histogram coefficient.
/// - C50: interrupted-source (Schroeder) decay after speech offsets in three bands of 1–4 kHz,
///   corrected on synthetic rooms.
///
/// The C resources (resampler, FFT) are held by reference: do not keep feeding a copy of an analysis.
public struct AudioAnalysis {
    /// Samples per second of the input.
    public let sampleRate: Int
    /// Interleaved channels of the input.
    public let channels: Int

    /// Frames per internal chunk: about 4096, fewer for many channels (at most 256 Ki samples per chunk).
    /// For a mono input, a whole number of the loudness meter's step pairs
    /// (``LoudnessMeter/pairFrames(sampleRate:)``): chunks start at multiples of it, so that the meter
    /// reads the steps where they lie instead of copying them (with or without the meter: the same
    /// chunks, so the same sums, for every other fact).
    private let chunk: Int

    private var levels = LevelMeter()
    private var clipping: ClippingDetector
    private var wada: WADASNR
    private var frameLevels: FrameLevels
    private var segmenter = SpeechSegmenter()
    /// Loudness and true peak, for up to ``loudnessChannels`` channels (BS.1770 weighs up to 5.1).
    private var loudness: LoudnessMeter?
    private var truePeak: TruePeakMeter?
    /// The most channels loudness and true peak are measured for.
    public static let loudnessChannels = 8
    private var balance: ChannelBalance?
    private var edges: EdgeLevels?
    private var monoPeak: Float = 0
    private var decisions: [Bool] = []
    private let fixedRate: FixedRateHandle?
    private let scratch: Scratch
    private var frames = 0
    private var sinceDrain = 0

    /// Starts an analysis of audio at `sampleRate` with `channels` interleaved channels. With
    /// `threads` of 2 or more (the default when the machine has them) the 8 kHz half runs on a
    /// second thread; with 1, on the caller's.
    public init(sampleRate: Int, channels: Int, threads: Int = AvailableProcessors.count) {
        self.init(sampleRate: sampleRate, channels: channels, threads: threads, takeQuality: true)
    }

    /// An analysis as above; with `takeQuality` false, without the take-quality analysers (loudness,
    /// loudness range, true peak, edge silences, DC offset, stereo facts), whose facts are then absent:
    /// what the benchmark measures their cost against.
    init(sampleRate: Int, channels: Int, threads: Int, takeQuality: Bool) {
        self.sampleRate = max(1, sampleRate)
        self.channels = max(1, min(channels, 65_535))
        let measuresLoudness = takeQuality && self.channels <= Self.loudnessChannels
        if self.channels == 1 {
            let pair = LoudnessMeter.pairFrames(sampleRate: self.sampleRate)
            chunk = pair * max(1, Int((4096 / Double(pair)).rounded()))
        } else {
            chunk = max(1, min(4096, 262_144 / self.channels))
        }
        clipping = ClippingDetector(sampleRate: self.sampleRate, channels: self.channels)
        wada = WADASNR(sampleRate: self.sampleRate)
        frameLevels = FrameLevels(sampleRate: self.sampleRate)
        if takeQuality {
            balance = ChannelBalance(channels: self.channels)
            edges = EdgeLevels(sampleRate: self.sampleRate)
        }
        if let spectrum = ShortTimeSpectrum(), let resampler = Resampler(from: self.sampleRate, to: ShortTimeSpectrum.rate) {
            // A multichannel input's loudness and true peak ride on the 8 kHz thread, which has time to
            // spare while the decoding thread carries every channel's clipping, levels and sums (they read
            // a copy of its frames). A mono input's stay here, where each block is still in the nearest
            // cache: the 8 kHz thread is then the longer of the two. What they measure is the same on
            // either thread, whatever the blocks.
            var riding = RidingMeters(channels: self.channels)
            if measuresLoudness, self.channels > 1 {
                riding.truePeak = TruePeakMeter(sampleRate: self.sampleRate, channels: self.channels, chunk: FixedRatePipeline.batchSize)
                riding.loudness = LoudnessMeter(sampleRate: self.sampleRate, channels: self.channels)
            }
            fixedRate = FixedRateHandle(FixedRatePipeline(resampler: resampler, spectrum: spectrum, threaded: threads > 1, meters: riding))
            if measuresLoudness, self.channels == 1 {
                loudness = LoudnessMeter(sampleRate: self.sampleRate, channels: 1)
                truePeak = TruePeakMeter(sampleRate: self.sampleRate, channels: 1, chunk: chunk)
            }
        } else {
            fixedRate = nil
            if measuresLoudness {
                loudness = LoudnessMeter(sampleRate: self.sampleRate, channels: self.channels)
                truePeak = TruePeakMeter(sampleRate: self.sampleRate, channels: self.channels, chunk: chunk)
            }
        }
        scratch = Scratch(frames: chunk, channels: self.channels)
    }

    /// Consumes the next block of interleaved samples (a partial last frame is ignored).
    public mutating func consume(_ interleaved: UnsafeBufferPointer<Float>) {
        guard let base = interleaved.baseAddress else { return }
        let n = interleaved.count / channels
        var done = 0
        while done < n {
            // Chunks end at multiples of `chunk` in the stream, wherever the caller's blocks end.
            let m = min(chunk - frames % chunk, n - done, clipping.roomInFragment)
            process(base + done * channels, frames: m)
            done += m
        }
    }

    private mutating func process(_ source: UnsafePointer<Float>, frames m: Int) {
        let ch = channels
        let x = scratch.interleaved, y = scratch.mono
        Downmix.run(source, frames: m, channels: ch, interleaved: x, mono: y)
        let monoStats: (peak: Float, sumAbs: Float, sumSquares: Float)
        // A mono input's largest step between samples, for the true-peak meter's bound (infinite: unknown).
        var monoStep = Float.infinity
        if ch == 1, balance != nil {
            // The channel sums of a mono input in the same pass (the same sums as its own pass would take).
            let s = VectorKernels.statsAndSum(y, m)
            monoStats = (s.peak, s.sumAbs, s.sumSquares)
            monoStep = s.step
            balance?.addMono(sum: s.sum, sumSquares: s.sumSquares, frames: m)
        } else {
            monoStats = VectorKernels.stats(y, m)
        }
        let peak: Float
        if ch == 1 {
            peak = monoStats.peak
            levels.add(peak: monoStats.peak, sumSquares: monoStats.sumSquares, count: m)
        } else {
            let all = VectorKernels.stats(x, m * ch)
            peak = all.peak
            levels.add(peak: all.peak, sumSquares: all.sumSquares, count: m * ch)
        }
        // The analysers that only read the block first, while it is in the core's nearest cache; the
        // loudness and true-peak meters, which fill buffers of their own, last. Each analyser keeps its
        // own state, so the order changes no result.
        clipping.add(interleaved: x, mono: y, frames: m, monoPeak: monoStats.peak, monoSumAbs: monoStats.sumAbs)
        monoPeak = max(monoPeak, monoStats.peak)
        wada.add(y, count: m)
        frameLevels.add(y, count: m)
        edges?.add(y, count: m)
        // A mono input's sums came with its statistics above (``ChannelBalance/addMono``).
        if ch > 1 { balance?.add(x, frames: m) }
        fixedRate?.pipeline.push(y, frames: x, count: m, peak: peak)
        loudness?.add(x, frames: m)
        truePeak?.add(x, frames: m, framePeak: peak, frameStep: monoStep)
        frames += m
        sinceDrain += m
        if sinceDrain >= FixedRatePipeline.batchSize {
            sinceDrain = 0
            if let d = fixedRate?.pipeline.takeDecisions() { decisions += d }
            drainFrames(final: false)
        }
    }

    /// Pairs frame powers with voice-activity decisions as both become available.
    private mutating func drainFrames(final: Bool) {
        let noVAD = fixedRate == nil
        var used = 0
        while !frameLevels.pending.isEmpty {
            let speech: Bool
            if used < decisions.count { speech = decisions[used]; used += 1 }
            else if final || noVAD { speech = false }
            else { break }
            segmenter.add(power: frameLevels.next()!, speech: speech)
        }
        if used > 0 { decisions.removeFirst(used) }
        if final { decisions.removeAll() }
    }

    /// The measurements. Call once, after the last block.
    public func finish() -> AudioAnalysisResult {
        var copy = self
        return copy.close()
    }

    private mutating func close() -> AudioAnalysisResult {
        var reverb = ReverberationEstimator()
        var truePeak = self.truePeak
        if let pipeline = fixedRate?.pipeline {
            let (rest, estimator, riding) = pipeline.finish()
            decisions += rest
            reverb = estimator
            truePeak = truePeak ?? riding.truePeak
            loudness = loudness ?? riding.loudness
        }
        frameLevels.finish()
        drainFrames(final: true)
        segmenter.finish()
        clipping.finish()
        wada.flush()
        loudness?.finish()

        var facts = Facts()
        var details = AudioAnalysisDetails()
        details.frames = frames
        facts.set(.audioPeakDbfs, levels.peakDBFS)
        facts.set(.audioRmsDbfs, levels.rmsDBFS)

        let s = segmenter
        let noise = SNREstimate.estimate(s)
        facts.set(.audioNoiseFloorDbfs, noise.noisePower.map(Decibels.power) ?? s.allLevels.percentile(0.1))

        details.speechActivity = s.totalFrames > 0 ? Double(s.speechFrames) / Double(s.totalFrames) : 0
        details.wadaSNR = wada.estimate()
        details.gatedZeroSamples = wada.gatedZeros
        details.pauseFrames = s.interiorFrames
        if s.speechFrames >= 10, s.noiseFrames >= 10 {
            let ps = s.speechPower / Double(s.speechFrames)
            let pn = s.noisePower / Double(s.noiseFrames)
            details.vadSNR = pn <= ps * 1e-10 ? 100 : min(max(Decibels.power(max(ps - pn, pn * 1e-2) / pn), -20), 100)
        }
        facts.set(.audioSnrDb, noise.snr)
        facts.set(.audioSnrMethod, noise.method.rawValue)
        facts.set(.audioSnrUncertaintyDb, noise.uncertainty)

        details.rawC50 = reverb.rawC50()
        details.rawC50Sharpest = reverb.rawC50(percentile: 0.995)
        if s.speechFrames > 0 { facts.set(.audioC50Db, reverb.c50()) }

        facts.set(.audioClippingIndex, clipping.index)
        facts.set(.audioClippedSamples, clipping.clippedSamples)
        facts.set(.audioLongestClippedRun, clipping.longestRun)
        details.clippedRunStarts = clipping.runStarts
        details.activeFragments = clipping.activeFragments
        details.clippedFragments = clipping.clippedFragments
        details.histogramFlaggedFragments = clipping.histogramFlagged

        facts.set(.audioSpeechDuration, Double((s.speechFrames - s.faintFrames) * SpeechSegmenter.frameMs) / 1000)

        facts.set(.audioLoudnessLufs, loudness?.integrated)
        facts.set(.audioLoudnessRangeLu, loudness?.range)
        if frames > 0, let truePeak { facts.set(.audioTruePeakDbtp, Decibels.amplitude(Double(max(truePeak.peak, levels.peak)))) }
        let duration = Double(frames) / Double(sampleRate)
        if let edges, let first = s.segments.first, let last = s.segments.last {
            let edge = edges.refine(startMs: first.startMs, endMs: last.endMs, noiseFloor: facts[.audioNoiseFloorDbfs]?.number, peak: monoPeak)
            facts.set(.audioLeadingSilence, min(edge.start, duration))
            facts.set(.audioTrailingSilence, max(0, duration - edge.end))
            let quiet = edges.silenceLevels(start: edge.start, end: edge.end)
            facts.set(.audioLeadingSilenceDbfs, quiet.before)
            facts.set(.audioTrailingSilenceDbfs, quiet.after)
        }
        facts.set(.audioDcOffset, balance?.dcOffset)
        facts.set(.audioChannelCorrelation, balance?.correlation)
        if let balance, channels >= 2 {
            let silent = balance.silentChannels
            facts.set(.audioSilentChannel, silent.isEmpty ? "none" : silent.joined(separator: ", "))
        }
        return AudioAnalysisResult(facts: facts, segments: s.segments, details: details)
    }
}

/// Working buffers of one analysis: the sanitised interleaved block and its mono mix.
final class Scratch {
    let interleaved: UnsafeMutablePointer<Float>
    let mono: UnsafeMutablePointer<Float>

    init(frames: Int, channels: Int) {
        interleaved = .allocate(capacity: frames * channels)
        interleaved.initialize(repeating: 0, count: frames * channels)
        // A mono input needs one buffer: its sanitised copy is the mono signal.
        if channels == 1 {
            mono = interleaved
        } else {
            mono = .allocate(capacity: frames)
            mono.initialize(repeating: 0, count: frames)
        }
    }

    deinit {
        if mono != interleaved { mono.deallocate() }
        interleaved.deallocate()
    }
}
