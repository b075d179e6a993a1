import Foundation

/// What a user is about to upload: the customization kind and a local file for each slot.
public struct Submission: Sendable, Equatable {
    /// The customization kind (MakeType), e.g. `IMAGE_GENERAL`.
    public var type: String
    /// Local files by slot name (`material`, `identity`, `identity_pdf`, `alpha` …).
    public var files: [String: URL]

    /// Creates a submission.
    public init(type: String, files: [String: URL]) {
        self.type = type
        self.files = files
    }
}
