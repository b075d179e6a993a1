import Foundation

/// One file of the submission and what was measured of it.
public struct InputReport: Sendable, Equatable, Codable {
    /// The slot the file fills.
    public var slot: String
    /// The path as given.
    public var path: String
    /// Every fact measured of the whole file.
    public var facts: Facts
    /// Each entry of a bundle (or the audio file itself as one entry), with its facts.
    public var entries: [EntryReport]?
    /// Why the file could not be fully measured, if it could not.
    public var error: ProbeError?

    /// Creates an input report.
    public init(slot: String, path: String, facts: Facts, entries: [EntryReport]? = nil, error: ProbeError?) {
        self.slot = slot; self.path = path; self.facts = facts; self.entries = entries; self.error = error
    }
}

extension ProbeError: Codable {
    enum CodingKeys: String, CodingKey { case kind, message, detail }

    /// Decodes a probe error.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Kind.self, forKey: .kind), try c.decode(LocalizedText.self, forKey: .message),
                  detail: try c.decodeIfPresent(String.self, forKey: .detail))
    }

    /// Encodes kind, message and detail.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(detail, forKey: .detail)
    }
}
