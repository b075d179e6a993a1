import Foundation

/// Renders reports and facts as stable JSON (sorted keys, SI units), every value through its
/// `Encodable` conformance and ``StableJSONEncoder``: a member added to a report type is written
/// with no other edit.
public enum JSONRenderer {
    /// The report as pretty-printed JSON with sorted keys.
    public static func render(_ report: Report) -> String { encode(report) }

    /// The batch report as pretty-printed JSON with sorted keys (a folder of 40 submissions is some
    /// 600 KB of JSON).
    public static func render(_ batch: BatchReport) -> String { encode(batch, capacity: 1 << 20) }

    /// `{"facts": {…}}` for `preflight probe`, with each bundle entry's facts and the error if the file
    /// could not be fully read.
    public static func render(probe input: InputReport) -> String {
        encode(ProbeOutput(file: input.path, facts: input.facts, entries: input.entries, error: input.error))
    }

    /// Any encodable value as pretty-printed JSON with sorted keys (reports, baselines, SARIF, Code
    /// Quality); `{}` if the value's own encoding throws.
    public static func encode<T: Encodable>(_ value: T) -> String { encode(value, capacity: 1 << 16) }

    static func encode<T: Encodable>(_ value: T, capacity: Int) -> String {
        (try? StableJSONEncoder.text(value, capacity: capacity)) ?? "{}"
    }

    /// What `preflight probe --format json` prints of one file.
    private struct ProbeOutput: Encodable {
        var file: String
        var facts: Facts
        var entries: [EntryReport]?
        var error: ProbeError?
    }
}
