import Foundation

extension ContentSniffer {
    /// Detected types that are video containers.
    static let videoTypes: Set<String> = ["mp4", "mov", "matroska", "webm", "avi", "mpegts", "3gp", "asf"]
    /// Detected types that are still images (accepted or not by the photo slot).
    static let photoTypes: Set<String> = ["jpeg", "png", "webp", "gif", "bmp", "tiff", "heic", "avif", "jxl"]
    /// Detected types that are audio files.
    static let audioFileTypes: Set<String> = ["wav", "mp3", "m4a", "aac", "flac", "ogg"]
    /// Detected types whose content is audio or may be only audio: audio files and the containers
    /// that also carry sound-only files (wma in asf, audio-only mp4, 3gp, mka, webm).
    static let audioTypes: Set<String> = audioFileTypes.union(["asf", "mp4", "3gp", "matroska", "webm"])
}

extension SlotKind {
    /// The kind a file's content suggests, for probing a file without a slot (`preflight probe`).
    public static func guess(for facts: Facts) -> SlotKind {
        let type = facts[.fileDetectedType]?.text ?? "unknown"
        let ext = facts[.fileExtension]?.text ?? ""
        if type == "pdf" { return .pdf }
        if type == "zip" { return .voice }
        if ContentSniffer.photoTypes.contains(type) { return .photo }
        if ContentSniffer.audioFileTypes.contains(type) { return .audio }
        if type == "asf" { return ext == "wma" ? .audio : .video }
        return .video
    }

    /// Whether content of a detected type is what this kind of slot takes; nil when the kind has no
    /// single content type to compare with (audio, voice, photo, request).
    func takes(detectedType type: String) -> Bool? {
        switch self {
        case .video: return ContentSniffer.videoTypes.contains(type)
        case .pdf: return type == "pdf"
        default: return nil
        }
    }
}
