import Foundation

extension FactDefinition {
    /// Quality measured from the decoded audio in one streaming pass (see README, "Audio quality").
    static let audioQualityFacts: [FactDefinition] = [
        .init(name: "audio.peak_dbfs", dimension: .decibels, summary: "Highest absolute sample, in dB relative to full scale."),
        .init(name: "audio.rms_dbfs", dimension: .decibels, summary: "Root-mean-square level of the whole file, in dBFS."),
        .init(name: "audio.noise_floor_dbfs", dimension: .decibels, summary: "Level of the quietest 10 % of 50 ms windows, in dBFS."),
        .init(name: "audio.snr_db", dimension: .decibels, summary: "Signal-to-noise ratio estimate (WADA-SNR, cross-checked by speech vs non-speech energy)."),
        .init(name: "audio.c50_db", dimension: .decibels, summary: "Clarity index C50 estimated blindly from the decay of the speech (reverberation)."),
        .init(name: "audio.clipping_index", dimension: .count, summary: "Clipping index (defined in README): 0 is clean."),
        .init(name: "audio.clipped_samples", dimension: .count, summary: "Samples in runs at or near the rail."),
        .init(name: "audio.longest_clipped_run", dimension: .count, summary: "Longest run of consecutive clipped samples."),
        .init(name: "audio.speech_duration", dimension: .seconds, summary: "Effective duration: seconds of voice activity."),
    ]
}
