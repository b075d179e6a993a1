import Foundation

extension FactDefinition {
    /// Facts of an audio file (libsndfile, or libavformat for m4a/aac/wma/asf/mp3). `audio.codec`,
    /// `audio.sample_rate` and `audio.channels` are shared with a video's first audio stream.
    static let audioFacts: [FactDefinition] = [
        .init(name: "audio.format", dimension: .text, summary: "Audio file format detected from the content: wav, mp3, m4a, aac, wma, asf, flac, ogg …"),
        .init(name: "audio.bit_depth", dimension: .count, summary: "Bits per sample of PCM audio (8, 16, 24, 32); absent for compressed formats."),
        .init(name: "audio.sample_format", dimension: .text, summary: "PCM sample encoding: pcm_s16le, pcm_f32le …, or the codec for compressed audio."),
        .init(name: "audio.bit_rate", dimension: .bitRate, summary: "Bit rate of compressed audio (container or stream value)."),
        .init(name: "audio.duration", dimension: .seconds, summary: "Duration of the audio, from decoded frames when the header cannot be trusted."),
        .init(name: "audio.frames", dimension: .count, summary: "Sample frames decoded (one frame holds one sample per channel)."),
        .init(name: "audio.decoder", dimension: .text, summary: "Library that decoded the audio: libsndfile or libavcodec."),
        .init(name: "audio.complete", dimension: .flag, summary: "Whether the audio was decoded to its end (false when damaged, cut short or stopped by a limit)."),
    ]
}
