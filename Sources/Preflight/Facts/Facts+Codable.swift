import Foundation

extension Facts: Codable {
    /// Decodes a flat `{"name": value}` object.
    public init(from decoder: Decoder) throws {
        self.init()
        for (k, v) in try decoder.singleValueContainer().decode([String: FactValue].self) { self[k] = v }
    }

    /// Encodes as a flat `{"name": value}` object.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(values)
    }
}
