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
        // Written directly, members in key order, as `encode` lays out the same object.
        var json = PrettyJSON(capacity: 16 << 10)
        json.beginObject()
        if let entries = input.entries { json.key("entries"); json.array(entries) { $0.value($1) } }
        if let error = input.error { json.key("error"); json.value(error) }
        json.key("facts"); json.value(input.facts)
        json.key("file"); json.string(input.path)
        json.endObject()
        return json.finish()
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
