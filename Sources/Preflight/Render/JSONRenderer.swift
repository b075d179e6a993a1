import Foundation

/// Renders reports and facts as stable JSON (sorted keys, SI units).
public enum JSONRenderer {
    /// The report as pretty-printed JSON, byte for byte what ``encode(_:)`` gives, written directly.
    public static func render(_ report: Report) -> String { write(report) }

    /// The batch report as pretty-printed JSON, byte for byte what ``encode(_:)`` gives, written
    /// directly (a folder of 40 submissions is some 600 KB of JSON).
    public static func render(_ batch: BatchReport) -> String { write(batch) }

    /// The batch report as ``render(_:)`` writes it, each submission's JSON taken from `parts`
    /// when they hold every report of `batch` unchanged (else written again).
    public static func render(_ batch: BatchReport, parts: SubmissionJSON) -> String {
        guard let ready = parts.ordered(for: batch.submissions) else { return render(batch) }
        var json = PrettyJSON(capacity: ready.reduce(4096) { $0 + $1.count + 8 })
        batch.write(to: &json) { json in
            json.beginArray()
            for part in ready {
                json.element()
                json.raw(part)
            }
            json.endArray()
        }
        return json.finish()
    }

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

    /// Any encodable value as pretty-printed JSON with sorted keys (baselines, probe output).
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func write(_ value: some PrettyJSONWritable) -> String {
        var json = PrettyJSON(capacity: 1 << 20)
        json.value(value)
        return json.finish()
    }
}
