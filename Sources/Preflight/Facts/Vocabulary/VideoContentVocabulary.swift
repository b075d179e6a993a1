import Foundation

extension FactDefinition {
    /// Facts of a take's sampled frames (the check's content pass; a bare probe reads none of them).
    static let videoContentFacts: [FactDefinition] = [
        .init(name: "video.sampled_frames", dimension: .count, summary: "Frames decoded for the content pass: about five a second over the first 3 s, then 12 keyframes spread over the take."),
        .init(name: "video.background", dimension: .text, summary: "Background of the frames' border region (top 12 %, left and right 12 %): green, white or other."),
        .init(name: "video.background_coverage", dimension: .count, summary: "Share of the border region in the key colour (for other: the larger of green and white)."),
        .init(name: "video.background_uniformity", dimension: .count, summary: "1 − (standard deviation of the key-coloured pixels' luma / 40), at least 0."),
        .init(name: "video.background_expected", dimension: .text, summary: "The background the request has the service remove: green (RemoveBackground 1, the default), white (2), or kept (IsHaveBackground true)."),
        .init(name: "video.background_keyable", dimension: .flag, summary: "Whether video.background is the one the service will remove (or the background is kept)."),
        .init(name: "video.faces_measured", dimension: .flag, summary: "Whether the face detector (libPreflightFaces.so, dlib) could run."),
        .init(name: "video.faces_in_time", dimension: .flag, summary: "False when the face searches were stopped by the per-file time limit (--timeout); not set otherwise."),
        .init(name: "video.faces_problem", dimension: .text, summary: "Why faces were not measured."),
        .init(name: "video.faces_problem_zh", dimension: .text, summary: "video.faces_problem in Chinese, for the Chinese text of findings."),
        .init(name: "video.face_frames_ratio", dimension: .count, summary: "Share of the sampled frames with exactly one face."),
        .init(name: "video.face_count_max", dimension: .count, summary: "Most faces in one sampled frame."),
        .init(name: "video.face_count_max_at", dimension: .text, summary: "Time of the frame with the most faces, when more than one."),
        .init(name: "video.face_missing_at", dimension: .text, summary: "Time of the first sampled frame without a face."),
        .init(name: "video.landmarks_measured", dimension: .flag, summary: "Whether the 68-point landmark model (libdlib-data) was installed, so mouth and roll were measured."),
        .init(name: "video.mouth_closed_start", dimension: .flag, summary: "Whether the mouth stays closed over the first 3 s's samples (open in fewer than two)."),
        .init(name: "video.mouth_open_start_max", dimension: .count, summary: "Largest mouth opening over the first 3 s's samples."),
        .init(name: "video.mouth_open_at", dimension: .text, summary: "Time of the first open-mouth sample at the start."),
        .init(name: "video.head_roll_max", dimension: .degrees, summary: "Largest head tilt (eye line) over the samples."),
        .init(name: "video.head_roll_max_at", dimension: .text, summary: "Time of the largest head tilt."),
    ]
}
