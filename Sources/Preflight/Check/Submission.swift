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
    /// Findings about the submission itself, made while it was read (a submission.yaml that cannot be
    /// read, files that fit no slot): they are reported with its checks.
    public var problems: [Finding] = []
    /// Where each request field was written in ``origin`` (by its manifest key, `AnchorName` …), so
    /// findings about a field point at its line and column.
    public var fieldLocations: [String: SourceLocation] = [:]

    /// Whether the submission can be judged by rules: a submission whose description could not be read
    /// (its MakeType unknown) has only its ``problems``.
    public var isJudgeable: Bool { !problems.contains { $0.rule == Submission.invalidRule } }

    /// The rule id of a submission whose description cannot be read.
    public static let invalidRule = "submission.invalid"
    /// The rule id of a file in a COS folder that fills no slot.
    public static let unassignedRule = "submission.unassigned_file"

    /// Creates a submission.
    public init(type: String, files: [String: URL], request: MakeRequest? = nil, name: String? = nil) {
        self.type = type
        self.files = files
        self.request = request
        self.name = name
    }
}

extension Submission {
    /// Where the request field a `request.*` fact comes from was written, if the submission's
    /// description recorded it.
    func fieldLocation(of fact: String) -> SourceLocation? {
        guard fact.hasPrefix("request.") else { return nil }
        let name = fact.dropFirst("request.".count)
        let key = Self.fieldKeys.first { name.hasPrefix($0.prefix) }?.key
        return key.flatMap { fieldLocations[$0] }
    }

    /// Request fact name prefixes and the manifest key they are read from (longest prefixes first).
    private static let fieldKeys: [(prefix: String, key: String)] = [
        ("anchor_name", "AnchorName"), ("sex_type", "SexType"), ("notes", "Notes"), ("text_driver", "TextDriver"),
        ("speed", "TimbreInfo"), ("timbre", "TimbreInfo"), ("is_have_background", "IsHaveBackground"),
        ("remove_background", "RemoveBackground"), ("zeroshort_lang", "ZeroshortLang"), ("photo_version", "PhotoVersion"),
        ("audio_id", "AudioId"),
    ]
}
