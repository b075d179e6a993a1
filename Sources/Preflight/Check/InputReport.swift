import Foundation

/// One file of the submission and what was measured of it.
public struct InputReport: Sendable, Equatable, Codable {
    /// The slot the file fills.
    public var slot: String
    /// The path as given.
    public var path: String
    /// Every fact measured.
    public var facts: Facts
    /// Why the file could not be fully measured, if it could not.
    public var error: ProbeError?

    /// Creates an input report.
    public init(slot: String, path: String, facts: Facts, error: ProbeError?) {
        self.slot = slot; self.path = path; self.facts = facts; self.error = error
    }

    enum CodingKeys: String, CodingKey { case slot, path, facts, error }

    /// Decodes an input report from JSON.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slot = try c.decode(String.self, forKey: .slot)
        path = try c.decode(String.self, forKey: .path)
        var f = Facts()
        for (k, v) in try c.decode([String: FactValue].self, forKey: .facts) { f[k] = v }
        facts = f
        error = try c.decodeIfPresent(ProbeError.self, forKey: .error)
    }

    /// Encodes facts as a flat `{"video.duration": 120, …}` object.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(slot, forKey: .slot)
        try c.encode(path, forKey: .path)
        try c.encode(facts.values, forKey: .facts)
        try c.encodeIfPresent(error, forKey: .error)
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
