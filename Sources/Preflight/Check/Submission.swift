import Foundation

/// What a user is about to upload: the customization kind and a local file for each slot.
public struct Submission: Sendable, Equatable {
    /// The customization kind (MakeType), e.g. `IMAGE_GENERAL`.
    public var type: String
    /// Local files by slot name (`material`, `identity`, `identity_pdf`, `alpha` …).
    public var files: [String: URL]
    /// The make request's fields; nil when none were given (they are then reported as not checked).
    public var request: MakeRequest?
    /// A label for reports (the manifest entry's name or the folder), if any.
    public var name: String?
    /// The file that described the submission (a manifest or a gate folder's submission.yaml): findings
    /// about missing files and request fields point there.
    public var origin: String?

    /// Creates a submission.
    public init(type: String, files: [String: URL], request: MakeRequest? = nil, name: String? = nil) {
        self.type = type
        self.files = files
        self.request = request
        self.name = name
    }
}
