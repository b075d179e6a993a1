import Foundation

/// How `audio.snr_db` chooses between its two estimates of the active-speech SNR (speech power while
/// speaking over noise power, as Brouhaha labels SNR).
///
/// - The voice-activity estimate, (P_speech − P_noise) / P_noise over the labelled 20 ms frames, is used
///   whenever the recording has at least 0.5 s of pauses and of speech: on the calibration set it stays
///   within 3 dB from 5 to 35 dB for white, pink and babble noise.
/// - WADA-SNR (Kim & Stern 2008) is the fallback for recordings without pauses. It measures total speech
///   energy over total noise energy, pauses included, so it is raised by the speech activity factor a:
///   SNR_active = WADA − 10·log10(a). Its Gamma(0.4) speech model fits some voices worse than others:
///   above 25 dB it read up to 15 dB high on the synthetic voices of the calibration, so it serves as the
///   cross-check (``AudioAnalysisDetails/wadaSNR``), not the answer, when pauses exist.
enum SNREstimate {
    /// Frames (20 ms) of speech and of pauses needed for the voice-activity estimate.
    static let minimumFrames = 25

    static func combine(wada: Double?, vad: Double?, activity: Double, speechFrames: Int, noiseFrames: Int) -> Double? {
        if let vad, speechFrames >= minimumFrames, noiseFrames >= minimumFrames { return vad }
        if let wada { return wada >= 100 ? 100 : min(100, wada - 10 * log10(max(activity, 0.05))) }
        return vad
    }
}
