import Foundation

/// One entry of the fact vocabulary: a name rules can refer to, what it measures and how.
public struct FactDefinition: Sendable, Equatable {
    /// The dotted name, e.g. `video.display_width`.
    public let name: String
    /// The dimension, which fixes the base unit and the units a limit may use.
    public let dimension: Dimension
    /// What the fact means and how it is measured, in English.
    public let summary: String
}

/// The single vocabulary of facts shared by every probe and every rule file.
///
/// A rule may only name a fact listed here (`preflight rules lint` checks it); `preflight facts`
/// prints this table. Numbers are in SI base units: seconds, bytes, hertz, bits per second.
public enum FactVocabulary {
    /// Every fact, in the order reports print them.
    public static let all: [FactDefinition] = [
        .init(name: "file.name", dimension: .text, summary: "File name as given, without folders."),
        .init(name: "file.stem", dimension: .text, summary: "File name without its last extension."),
        .init(name: "file.extension", dimension: .text, summary: "Last extension, lower-cased, without the dot (empty if none)."),
        .init(name: "file.size", dimension: .bytes, summary: "Size in bytes."),
        .init(name: "file.detected_type", dimension: .text, summary: "Type recognised from the first bytes (magic numbers): mp4, mov, matroska, avi, pdf, png, jpeg, gif, webp, zip, wav, mp3 …, or unknown."),
        .init(name: "file.extension_matches_content", dimension: .flag, summary: "Whether the extension is one usually used for the detected content type."),
        .init(name: "container.format", dimension: .text, summary: "Container detected by libavformat from the content: mp4 and mov are told apart by the ftyp major brand (qt = mov)."),
        .init(name: "container.format_long", dimension: .text, summary: "libavformat's demuxer name and major brand, for diagnosis."),
        .init(name: "container.duration", dimension: .seconds, summary: "Duration of the whole container."),
        .init(name: "container.bit_rate", dimension: .bitRate, summary: "Overall bit rate of the container."),
        .init(name: "container.video_streams", dimension: .count, summary: "Number of video streams (cover pictures excluded)."),
        .init(name: "container.audio_streams", dimension: .count, summary: "Number of audio streams."),
        .init(name: "video.codec", dimension: .text, summary: "Codec of the first video stream (libavcodec name, e.g. h264, hevc)."),
        .init(name: "video.profile", dimension: .text, summary: "Codec profile, when the container says."),
        .init(name: "video.pixel_format", dimension: .text, summary: "Pixel format, when known without decoding."),
        .init(name: "video.duration", dimension: .seconds, summary: "Duration of the video stream (falls back to the container's)."),
        .init(name: "video.width", dimension: .pixels, summary: "Coded width, as stored."),
        .init(name: "video.height", dimension: .pixels, summary: "Coded height, as stored."),
        .init(name: "video.sample_aspect_ratio", dimension: .text, summary: "Pixel (sample) aspect ratio, e.g. \"1:1\"; the container's pasp wins over the bitstream's."),
        .init(name: "video.rotation", dimension: .degrees, summary: "Clockwise turn a player applies, from the display matrix: 0, 90, 180 or 270 (ffprobe's rotation = -90 is 90 here)."),
        .init(name: "video.display_width", dimension: .pixels, summary: "Width as a player shows it: after the sample aspect ratio and the rotation."),
        .init(name: "video.display_height", dimension: .pixels, summary: "Height as a player shows it: after the sample aspect ratio and the rotation."),
        .init(name: "video.display_resolution", dimension: .text, summary: "display_width x display_height, e.g. \"1920x1080\"."),
        .init(name: "video.display_aspect", dimension: .text, summary: "Display aspect ratio: the nearest common ratio (16:9, 9:16, 4:3 …) within 1 %, else the reduced fraction."),
        .init(name: "video.frame_rate", dimension: .frameRate, summary: "Average frame rate: frames over duration from the container index (avg_frame_rate otherwise)."),
        .init(name: "video.frame_rate_min", dimension: .frameRate, summary: "Lowest instantaneous frame rate: 1 / the longest gap between consecutive frame timestamps."),
        .init(name: "video.frame_rate_max", dimension: .frameRate, summary: "Highest instantaneous frame rate: 1 / the shortest gap between consecutive frame timestamps."),
        .init(name: "video.frame_rate_mode", dimension: .text, summary: "\"constant\" or \"variable\": variable when more than 1 % of the timestamp steps of the container index differ from the typical step by more than one tick and 1 %; no frame is decoded."),
        .init(name: "video.frame_count", dimension: .count, summary: "Number of frames: index entries, else the stream header's count, else packets counted."),
        .init(name: "video.frame_gaps", dimension: .count, summary: "Timestamp steps longer than 1.5 typical frame durations: skipped frames or cuts."),
        .init(name: "video.longest_gap", dimension: .seconds, summary: "Longest step between consecutive frame timestamps."),
        .init(name: "video.frame_timing_source", dimension: .text, summary: "Where frame timing came from: \"index\" (container sample table) or \"packets\" (packet headers read, no decoding)."),
        .init(name: "video.bit_rate", dimension: .bitRate, summary: "Bit rate of the video stream, when the container says."),
        .init(name: "video.has_audio", dimension: .flag, summary: "Whether the file has an audio stream."),
        .init(name: "audio.codec", dimension: .text, summary: "Codec of the first audio stream."),
        .init(name: "audio.sample_rate", dimension: .hertz, summary: "Sample rate of the first audio stream."),
        .init(name: "audio.channels", dimension: .count, summary: "Channels of the first audio stream."),
        .init(name: "pdf.version", dimension: .text, summary: "PDF version from the header, e.g. \"1.7\"."),
        .init(name: "pdf.encrypted", dimension: .flag, summary: "Whether the PDF has an encryption dictionary."),
        .init(name: "pdf.readable", dimension: .flag, summary: "Whether the content can be read without a password (no encryption, or an empty user password)."),
        .init(name: "pdf.page_count", dimension: .count, summary: "Number of pages: the page tree's /Count, else /Type /Page objects counted (object streams included)."),
    ]

    private static let positions: [String: Int] = {
        var p: [String: Int] = [:]
        for (i, d) in all.enumerated() { p[d.name] = i }
        return p
    }()

    /// The definition of a fact, or nil if the name is not in the vocabulary.
    public static func definition(_ name: String) -> FactDefinition? {
        positions[name].map { all[$0] }
    }

    /// The position of a fact in the vocabulary (unknown names sort last).
    public static func index(of name: String) -> Int { positions[name] ?? Int.max }
}
