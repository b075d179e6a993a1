import Foundation

/// Why a file could not be measured. Each becomes a finding with a clear message, never a crash.
public struct ProbeError: Error, Sendable, Equatable {
    /// The kind of failure, which names the finding (`input.missing`, `input.unreadable` …).
    public enum Kind: String, Sendable, Codable {
        /// The path does not exist.
        case missing
        /// The path exists but is not a regular file, or cannot be opened.
        case notAFile = "not_a_file"
        /// The file has zero bytes.
        case empty
        /// The content is not of the kind the slot needs (a PNG given as a video …).
        case wrongKind = "wrong_kind"
        /// The content is damaged or cut short (an mp4 without its moov box …).
        case unreadable
        /// Reading would exceed a safety limit (time, size, count).
        case limitExceeded = "limit_exceeded"
        /// A library the file's probe needs (FFmpeg's, opened on first use) cannot be loaded.
        case libraryMissing = "library_missing"
        /// The check was cancelled (its task, see ``check(_:rules:options:strict:location:)``) before the file was read.
        case cancelled
    }

    /// The kind of failure.
    public let kind: Kind
    /// What happened, for a person, in both languages.
    public let message: LocalizedText
    /// The underlying library's own message (`av_strerror`, `zip_error_strerror` …), when there is one.
    public let detail: String?

    /// Creates a probe error.
    public init(_ kind: Kind, _ message: LocalizedText, detail: String? = nil) {
        self.kind = kind
        self.message = message
        self.detail = detail
    }
}
