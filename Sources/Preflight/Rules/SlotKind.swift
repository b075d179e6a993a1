import Foundation

/// What kind of file a slot takes, which decides the probe that reads it.
public enum SlotKind: String, Sendable, Codable, CaseIterable {
    /// A video (libavformat).
    case video
    /// A PDF document.
    case pdf
    /// A photo (jpeg, png, webp).
    case photo
    /// One audio file.
    case audio
    /// Voice material: one audio file or a zip bundle of audio files.
    case voice
    /// The fields of the make request (not a file).
    case request
}
