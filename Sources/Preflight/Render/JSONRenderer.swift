import Foundation

/// Renders reports and facts as stable JSON (sorted keys, SI units).
public enum JSONRenderer {
    /// The report as pretty-printed JSON.
    public static func render(_ report: Report) -> String { encode(report) }

    /// `{"facts": {…}}` for `preflight probe`, with each bundle entry's facts and the error if the file
    /// could not be fully read.
    public static func render(probe input: InputReport) -> String {
        struct ProbeOutput: Encodable {
            let file: String
            let facts: [String: FactValue]
            let entries: [EntryReport]?
            let error: ProbeError?
        }
        return encode(ProbeOutput(file: input.path, facts: input.facts.values, entries: input.entries, error: input.error))
    }

    /// Any encodable value as pretty-printed JSON with sorted keys (batch reports, baselines).
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
