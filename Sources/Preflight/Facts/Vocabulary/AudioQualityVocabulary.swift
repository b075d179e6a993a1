import Foundation

extension FactDefinition {
    /// Quality measured from the decoded audio in one streaming pass (``AudioAnalysis``; definitions and
    /// measured error in README, "Audio quality"). For a bundle the file-level value combines the entries
    /// (``AudioAnalysisResult/bundle(_:)``): speech duration and clipped samples summed, the rest worst-of.
    static let audioQualityFacts: [FactDefinition] = [
        .init(name: "audio.peak_dbfs", dimension: .decibels, summary: "Highest absolute sample of any channel, in dB relative to full scale."),
        .init(name: "audio.rms_dbfs", dimension: .decibels, summary: "Root-mean-square level of all samples of all channels, in dBFS."),
        .init(name: "audio.noise_floor_dbfs", dimension: .decibels, summary: "Noise power the SNR is measured against, in dBFS: the mean of the pause interiors (under steady noise, of their quietest consistent 200 ms pieces), of the short gaps between words, or of the quietest 0.5 % of the frames (+1 dB) when the reading leaves no usable pauses (audio.snr_method)."),
        .init(name: "audio.snr_db", dimension: .decibels, summary: "Active-speech signal-to-noise ratio: mean power inside speech segments over the noise power (audio.noise_floor_dbfs), −20…100; its method and uncertainty are audio.snr_method and audio.snr_uncertainty_db."),
        .init(name: "audio.snr_method", dimension: .text, summary: "Where the SNR's noise was measured: pauses (the pause interiors, from 0.2 s of them), short-pauses (continuous reading: the 40–300 ms gaps between words), quietest-frames (continuous reading: the quietest frames), insufficient-speech (under 0.5 s of speech: no SNR)."),
        .init(name: "audio.snr_uncertainty_db", dimension: .decibels, summary: "How far audio.snr_db may be from the truth (±dB), from the calibration (`make calibrate`): at least 3 dB from the pauses, 8 dB from the short pauses, 10 dB from the quietest frames; wider where the noise was sampled too little for how much it rises and falls (music, voices, clicks under continuous reading), where the short pauses stand above the quietest frames (a voice whose quiet sounds fill the gaps), and at least 7 dB below 10 dB SNR, more below 0 dB."),
        .init(name: "audio.c50_db", dimension: .decibels, summary: "Clarity C50 (early-to-late energy at 50 ms) estimated blindly from the decay after speech offsets (Schroeder interrupted-source method); about ±5 dB over 0–40 dB, −10…60."),
        .init(name: "audio.clipping_index", dimension: .count, summary: "Percentage (0–100) of sounding half-second fragments with clipping (runs at the rail or at a flat plateau, or Aleinik–Matveev R_cl ≥ 0.9); 0 is clean, 10 means one fragment in ten."),
        .init(name: "audio.clipped_samples", dimension: .count, summary: "Samples in clipped runs (≥ 0.125 ms at the rail, |x| ≥ 0.999, or at the file's flat peak), summed over channels."),
        .init(name: "audio.longest_clipped_run", dimension: .count, summary: "Longest run of consecutive clipped samples."),
        .init(name: "audio.speech_duration", dimension: .seconds, summary: "Effective duration: seconds of voice activity (speech segments, pauses over 300 ms excluded)."),
        .init(name: "audio.loudness_lufs", dimension: .decibels, summary: "Integrated loudness (ITU-R BS.1770-4, EBU R128) in LUFS: K-weighted, 400 ms blocks gated at −70 LUFS and 10 LU under their mean; absent under 400 ms of sound."),
        .init(name: "audio.loudness_range_lu", dimension: .decibels, summary: "Loudness range (EBU Tech 3342) in LU: 10th to 95th percentile of the 3 s short-term loudness, gated at −70 LUFS and 20 LU under the mean; absent under 3 s."),
        .init(name: "audio.true_peak_dbtp", dimension: .decibels, summary: "True peak (BS.1770-4 Annex 2) in dBTP: the largest magnitude of the audio oversampled at least 4× and to at least 96 kHz, sample peak included."),
        .init(name: "audio.leading_silence", dimension: .seconds, summary: "Time before the first speech segment of the voice-activity detector."),
        .init(name: "audio.trailing_silence", dimension: .seconds, summary: "Time after the last speech segment to the end."),
        .init(name: "audio.leading_silence_dbfs", dimension: .decibels, summary: "RMS level of the silence before the first speech onset, the last 20 ms before it left out, in dBFS (−200 for digital silence); absent when that leaves under 5 ms."),
        .init(name: "audio.trailing_silence_dbfs", dimension: .decibels, summary: "RMS level of the silence after the last speech offset, the first 20 ms after it left out (at most the last 10 s), in dBFS; absent when that leaves under 5 ms."),
        .init(name: "audio.dc_offset", dimension: .count, summary: "Mean sample value (full scale = 1) of the channel farthest from zero, signed, as sox stats' DC offset."),
        .init(name: "audio.channel_correlation", dimension: .count, summary: "Stereo only: Pearson correlation of the two channels (1 = the same signal twice: mono stored as stereo; 0 = unrelated)."),
        .init(name: "audio.silent_channel", dimension: .text, summary: "Two or more channels: the channels 40 dB or more under the loudest one (\"left\", \"right\", \"channel N\"), comma-separated, or \"none\"."),
        .init(name: "audio.text_accuracy", dimension: .count, summary: "Accuracy of the reading against the reference text, in %. Never measured locally: it needs speech recognition."),
    ]
}
