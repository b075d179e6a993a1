import Foundation

extension FactDefinition {
    /// Facts of a video container and its streams (libavformat).
    static let videoFacts: [FactDefinition] = [
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
    ]
}
