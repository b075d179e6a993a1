import Foundation

/// A stretch of speech found by the voice-activity detector, in milliseconds from the start.
public struct SpeechSegment: Sendable, Equatable, Codable {
    /// Start, in milliseconds.
    public var startMs: Int
    /// End, in milliseconds.
    public var endMs: Int

    /// Creates a segment.
    public init(startMs: Int, endMs: Int) { self.startMs = startMs; self.endMs = endMs }

    enum CodingKeys: String, CodingKey {
        case startMs = "start_ms"
        case endMs = "end_ms"
    }
}

/// What one pass over decoded audio measured: `audio.*` quality facts and speech segments.
public struct AudioAnalysisResult: Sendable, Equatable {
    /// Quality facts (`audio.peak_dbfs`, `audio.rms_dbfs`, …).
    public var facts: Facts
    /// Sentence-like stretches of speech (voice activity with pauses under 300 ms bridged).
    public var segments: [SpeechSegment]
    /// Intermediate estimates behind the facts, for calibration and `--verbose` output.
    public var details: AudioAnalysisDetails

    /// Creates a result.
    public init(facts: Facts, segments: [SpeechSegment] = [], details: AudioAnalysisDetails = AudioAnalysisDetails()) {
        self.facts = facts; self.segments = segments; self.details = details
    }

    /// The result of a bundle from the results of its entries: speech duration and clipped samples are
    /// summed, SNR and C50 take the worst (lowest) entry, peak and clipping index the worst (highest),
    /// the noise floor the highest, RMS the energy average. Segments are not combined (they are per file).
    public static func bundle(_ entries: [AudioAnalysisResult]) -> AudioAnalysisResult {
        var facts = Facts()
        func numbers(_ key: FactKey) -> [Double] { entries.compactMap { $0.facts[key]?.number } }
        facts.set(.audioSpeechDuration, numbers(.audioSpeechDuration).isEmpty ? nil : numbers(.audioSpeechDuration).reduce(0, +))
        facts.set(.audioClippedSamples, numbers(.audioClippedSamples).isEmpty ? nil : numbers(.audioClippedSamples).reduce(0, +))
        facts.set(.audioSnrDb, numbers(.audioSnrDb).min())
        // The worst take's method and uncertainty go with its SNR.
        if let worst = entries.filter({ $0.facts[.audioSnrDb]?.number != nil }).min(by: { $0.facts[.audioSnrDb]!.number! < $1.facts[.audioSnrDb]!.number! }) {
            facts.set(.audioSnrMethod, worst.facts[.audioSnrMethod]?.text)
            facts.set(.audioSnrUncertaintyDb, worst.facts[.audioSnrUncertaintyDb]?.number)
        }
        facts.set(.audioC50Db, numbers(.audioC50Db).min())
        facts.set(.audioPeakDbfs, numbers(.audioPeakDbfs).max())
        facts.set(.audioClippingIndex, numbers(.audioClippingIndex).max())
        facts.set(.audioLongestClippedRun, numbers(.audioLongestClippedRun).max())
        facts.set(.audioNoiseFloorDbfs, numbers(.audioNoiseFloorDbfs).max())
        let rms = numbers(.audioRmsDbfs)
        if !rms.isEmpty {
            let meanPower = rms.map { pow(10, $0 / 10) }.reduce(0, +) / Double(rms.count)
            facts.set(.audioRmsDbfs, 10 * log10(max(meanPower, 1e-20)))
        }
        return AudioAnalysisResult(facts: facts)
    }
}

/// The separate estimates that ``AudioAnalysisResult/facts`` combines, kept for calibration and diagnosis.
public struct AudioAnalysisDetails: Sendable, Equatable {
    /// WADA-SNR (Kim & Stern 2008) over the whole file: total speech energy over total noise energy.
    public var wadaSNR: Double?
    /// Speech-frame power over the power of every non-speech frame (pause edges included): the estimate
    /// `audio.snr_db` used before ``SNREstimate``, kept for comparison.
    public var vadSNR: Double?
    /// Pause-interior frames (20 ms) the noise estimate could use.
    public var pauseFrames = 0
    /// Fraction of 20 ms frames inside speech segments.
    public var speechActivity: Double = 0
    /// Uncorrected interrupted-source C50: the 99th percentile of speech-offset decay ratios in each of
    /// the 1–2, 2–3 and 3–4 kHz bands, averaged in dB.
    public var rawC50: Double?
    /// The same at the 99.5th percentile in each band (the sharpest offsets only).
    public var rawC50Sharpest: Double?
    /// Clipped runs found, as start sample positions of the first runs (at most 4096), for reports.
    public var clippedRunStarts: [Int] = []
    /// Half-second fragments with sound, and of them those with clipping.
    public var activeFragments = 0, clippedFragments = 0
    /// Fragments flagged by the Aleinik–Matveev histogram coefficient alone.
    public var histogramFlaggedFragments = 0
    /// Samples in gated digital silence (runs of exact zeros longer than 5 ms), excluded from WADA-SNR.
    public var gatedZeroSamples = 0
    /// Frames (per channel) analysed.
    public var frames = 0

    /// Creates empty details.
    public init() {}
}
