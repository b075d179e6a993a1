import Foundation

/// The active-speech SNR behind `audio.snr_db`: mean power of the frames inside speech segments
/// (P_active) over the noise power P_n, as (P_active − P_n) / P_n, the way Brouhaha labels SNR. What
/// differs between recordings is where the noise can be seen, so the noise power comes from one of two
/// places, named by `audio.snr_method`:
///
/// - ``Method/pauses``: the mean power of the pause interiors (frames outside speech, at least 60 ms from
///   it; ``SpeechSegmenter``). Which pause frames count depends on how steady the noise is:
///   - steady noise (the cleanest pause of at least ``steadyRunFrames`` frames varies by at most
///     ``steadyDeviation`` dB from frame to frame: hiss, hum, fan): the pauses in 200 ms pieces, those
///     within ``steadyFactor`` times the quietest piece's own spread (at least ``steadyLeast`` dB) of it,
///     their mean at most ``steadyCap`` dB below that of the whole pauses (a babble with one steady pause
///     would otherwise read its quietest pieces).
///     At 0–5 dB the detector misses soft voice and one long "pause" holds it; its pieces of voice stand
///     above the noise by a dB or two, which a whole-pause test (6 dB) lets through, a piece test not;
///   - otherwise (clicks, babble, music), pause by pause: pauses whose own mean stands more than
///     ``runSpread`` dB above the quietest pause hold voice the detector missed and are left out. A mean
///     over whole pauses, not a minimum, so clicks, babble and music count with their true power.
///
///   Used when at least ``minimumPauseFrames`` remain and their mean lies within ``pauseConsistency`` dB
///   of the quietest frames.
/// - ``Method/quietestFrames``: otherwise (continuous reading: pauses few, short, or taken by the voice's
///   own tails), the mean power of the quietest ``quietFraction`` of the frames, raised by
///   ``quietCorrection`` dB and by a share of how far the next quietest frames stand above them
///   (``quietSpreadFactor``). Between words and at stop closures the noise shows alone; for steady noise
///   (hiss, hum, fan) this is within a few dB of its mean power, for fluctuating noise (babble, music,
///   clicks, rumble) it reads low and the SNR high unless the spread makes up for it, so this method
///   carries the wider uncertainty.
///
/// Frames of digital silence (below −120 dBFS) take part in neither. Without ``minimumSpeechFrames`` of
/// speech there is no estimate (``Method/insufficientSpeech``). Every number here is tied to the
/// calibration in `make calibrate` (README, "Audio quality").
enum SNREstimate {
    /// Which estimator answered.
    enum Method: String, Sendable {
        /// Noise measured in the pauses.
        case pauses
        /// Noise measured in the short pauses between words (continuous reading).
        case shortPauses = "short-pauses"
        /// Noise measured in the quietest frames (continuous reading).
        case quietestFrames = "quietest-frames"
        /// Too little speech for an estimate.
        case insufficientSpeech = "insufficient-speech"
    }

    /// 20 ms frames of speech needed for any estimate (0.5 s).
    static let minimumSpeechFrames = 25
    /// Pause-interior frames needed for ``Method/pauses`` (0.2 s: a lead-in before continuous reading).
    static let minimumPauseFrames = 10
    /// Short-pause frames needed for ``Method/shortPauses`` (0.5 s).
    static let minimumShortPauseFrames = 25
    /// Frames of the pause whose frame-level spread decides whether the noise is steady (200 ms).
    static let steadyRunFrames = 10
    /// Largest frame-level standard deviation (dB) of the cleanest pause for the noise to count as steady.
    static let steadyDeviation = 1.0
    /// Steady noise: pause pieces up to this many times the quietest piece's spread above it count.
    static let steadyFactor = 3.0
    /// Steady noise: the least spread (dB) pause pieces may stand above the quietest piece.
    static let steadyLeast = 1.0
    /// Steady noise: the pieces' mean is taken at most this far (dB) below the whole pauses' mean.
    static let steadyCap = 2.0
    /// Largest distance (dB) between the pauses' mean level and the quietest frames for the pauses to
    /// count as noise: more, and the "pauses" hold the voice.
    static let pauseConsistency = 12.0
    /// Pauses whose mean is more than this (dB) above the quietest pause are taken for missed voice.
    static let runSpread = 6.0
    /// Frames (20 ms) a pause needs to anchor ``runSpread``.
    static let runAnchorFrames = 5
    /// Share of the sounding frames averaged by ``Method/quietestFrames`` (at least ``quietMinimum``).
    static let quietFraction = 0.005
    static let quietMinimum = 5
    /// The quietest frames of steady noise sit below its mean power by about this much (dB).
    static let quietCorrection = 1.0
    /// A fluctuating noise (music, babble) sits further above its quietest frames: the noise is raised by
    /// ``quietSpreadFactor`` times the distance (dB) from the quietest ``quietFraction`` of the frames to the
    /// quietest ``quietSpreadFraction``, at most ``quietSpreadCap`` dB (beyond, the spread is the voice's
    /// own quiet sounds, not the noise's).
    static let quietSpreadFraction = 0.02
    static let quietSpreadFactor = 0.75
    static let quietSpreadCap = 3.0

    /// Standard errors of the sampled noise level taken into the uncertainty.
    static let samplingFactor = 2.2
    /// A noise sample of fewer 200 ms pieces than this is short (under 1 s).
    static let shortSamplePieces = 5.0
    /// Estimates below this (dB) carry at least ``lowSNRUncertainty``.
    static let lowSNR = 10.0
    static let lowSNRUncertainty = 7.0

    /// The least uncertainty (dB, the largest calibration error of the method's range) of each method.
    static func uncertainty(_ method: Method) -> Double? {
        switch method {
        case .pauses: return 3
        case .shortPauses: return 8
        case .quietestFrames: return 10
        case .insufficientSpeech: return nil
        }
    }

    /// The estimate: SNR (dB, −20…100), noise power, and the method.
    struct Result {
        var snr: Double?
        var noisePower: Double?
        var method: Method
        /// ± dB (``uncertainty(_:sample:loudestPause:aboveQuietest:snr:)``); nil without an estimate.
        var uncertainty: Double?
    }

    static func estimate(_ s: SpeechSegmenter) -> Result {
        let quiet = s.quietestMeanPower(fraction: quietFraction, minimum: quietMinimum)
        guard s.speechFrames >= minimumSpeechFrames else {
            let pause = s.interiorFrames > 0 ? s.interiorPower / Double(s.interiorFrames) : nil
            return Result(snr: nil, noisePower: pause ?? quiet, method: .insufficientSpeech, uncertainty: nil)
        }
        let active = s.speechPower / Double(s.speechFrames)
        var method = Method.quietestFrames
        let floorDB = quiet.map(Decibels.power) ?? -200
        // How far the quietest 2 % stand above the quietest 0.5 %: a noise that rises and falls sits further
        // above its own quietest frames.
        let spreadDB = s.quietestMeanPower(fraction: quietSpreadFraction, minimum: quietMinimum).map { Swift.max(0, Decibels.power($0) - floorDB) } ?? 0
        var noise = quiet.map { $0 * pow(10, (quietCorrection + Swift.min(quietSpreadCap, quietSpreadFactor * spreadDB)) / 10) }
        let whole = s.consistentPauses(spread: runSpread, anchorFrames: runAnchorFrames)
        var inPauses = whole
        if (s.steadiestPauseDeviation(frames: steadyRunFrames) ?? .infinity) <= steadyDeviation,
           var pieces = s.steadyPauses(factor: steadyFactor, least: steadyLeast, anchorFrames: runAnchorFrames) {
            // A fluctuating noise with one steady pause (babble) must not read its quietest pieces.
            if let whole, pieces.frames >= minimumPauseFrames {
                let least = whole.meanPower * pow(10, -steadyCap / 10)
                if pieces.meanPower < least { pieces.power = least * Double(pieces.frames) }
            }
            inPauses = pieces
        }
        var sample: PauseStretch?
        if let pauses = inPauses, pauses.frames >= minimumPauseFrames,
           Decibels.power(pauses.meanPower) - floorDB <= pauseConsistency {
            method = .pauses
            noise = pauses.meanPower
            sample = pauses
        } else if let pauses = s.consistentPauses(spread: runSpread, anchorFrames: 2, short: true), pauses.frames >= minimumShortPauseFrames,
                  Decibels.power(pauses.meanPower) - floorDB <= pauseConsistency {
            method = .shortPauses
            noise = pauses.meanPower
            sample = pauses
        }
        // No sounding frame outside the voice at all: the floor is 16-bit dither or below.
        let pn = Swift.max(noise ?? SpeechSegmenter.digitalSilence, SpeechSegmenter.digitalSilence)
        let snr = pn <= active * 1e-10 ? 100 : Swift.min(Swift.max(Decibels.power(Swift.max(active - pn, pn * 1e-2) / pn), -20), 100)
        let loudest = method == .pauses ? s.loudestPauseRun(anchorFrames: runAnchorFrames) : nil
        // Short pauses far above the quietest frames may hold the voice's own quiet sounds (run-on reading).
        let aboveQuietest = method == .shortPauses ? sample.map { Decibels.power($0.meanPower) - floorDB } : nil
        return Result(snr: snr, noisePower: pn, method: method,
                      uncertainty: uncertainty(method, sample: sample, loudestPause: loudest, aboveQuietest: aboveQuietest, snr: snr))
    }

    /// The uncertainty (dB) of an estimate: the method's own (``uncertainty(_:)``), widened where the noise
    /// was sampled too little for how much it fluctuates, and where the noise is about as loud as the voice.
    ///
    /// - The noise level is a mean over the sample's frames. Of a noise that rises and falls (music, babble,
    ///   clicks) a short sample can land on a loud or a quiet moment: the standard error of its level is
    ///   about the frames' level spread over the square root of the sample's 200 ms pieces, and
    ///   ``samplingFactor`` times that is taken. Steady noise (hiss, hum) varies by a fraction of a dB.
    /// - A sample of under ``shortSamplePieces`` pieces (a lead-in before continuous reading) may have
    ///   caught the one quiet moment of a noise that is louder elsewhere: when another pause
    ///   (`loudestPause`, mean power) stands above it, the noise may be as loud as that pause, and the
    ///   uncertainty is at least their distance.
    /// - Short pauses (``Method/shortPauses``) `aboveQuietest` dB above the quietest frames may hold the
    ///   voice's own quiet sounds instead of noise: with no pause left in a reading, a voice whose sounds
    ///   run into each other fills the gaps between words with them. The noise then lies at or below the
    ///   two, so the uncertainty is at least their distance.
    /// - Below ``lowSNR`` the voice-activity detector keeps only the louder speech and its pauses hold soft
    ///   voice; the estimate is then good to ``lowSNRUncertainty``, and below 0 dB (noise measured louder
    ///   than the speech) to that much more again as it reads below 0 dB.
    static func uncertainty(_ method: Method, sample: PauseStretch?, loudestPause: Double?, aboveQuietest: Double? = nil,
                            snr: Double?) -> Double? {
        guard let snr, var u = uncertainty(method) else { return nil }
        if let sample, sample.frames > 0 {
            let pieces = Swift.max(1.0, Double(sample.frames) / Double(SpeechSegmenter.chunkFrames))
            u = Swift.max(u, samplingFactor * sample.levelDeviation / pieces.squareRoot())
            if pieces < shortSamplePieces, let loudestPause, loudestPause > sample.meanPower {
                u = Swift.max(u, Decibels.power(loudestPause / sample.meanPower))
            }
        }
        if let aboveQuietest { u = Swift.max(u, aboveQuietest) }
        if snr < lowSNR { u = Swift.max(u, lowSNRUncertainty + Swift.max(0, -snr)) }
        return (u * 10).rounded(.up) / 10
    }
}
