import Foundation

/// Renders a batch as a SARIF 2.1.0 log, for code-scanning uploads: one run, one result per failed
/// check (errors `error`, warnings `warning` or `error` under `--strict`, notes `note`; a waived one
/// carries an external suppression), each rule described once in the driver, and the file in
/// `physicalLocation` with its line and column when known (findings in a submission.yaml). The run's
/// `properties.submissions` lists every submission with its verdict, passing ones too.
public struct SARIFRenderer: Sendable {
    /// The language of messages.
    public var language: Language

    /// Creates a renderer.
    public init(language: Language) { self.language = language }

    /// The SARIF log as pretty-printed JSON.
    public func render(_ batch: BatchReport) -> String {
        var ruleIndex: [String: Int] = [:]
        var rules: [SARIFLog.Rule] = []
        var results: [SARIFLog.Result] = []
        for (i, report) in batch.submissions.enumerated() {
            let label = report.submission ?? "submission-\(i + 1)"
            for f in report.findings {
                if ruleIndex[f.rule] == nil {
                    ruleIndex[f.rule] = rules.count
                    rules.append(SARIFLog.Rule(id: f.rule, shortDescription: SARIFLog.Message(text: f.rule),
                                               properties: f.source.map { ["source": $0] }))
                }
                var text = "\(label): " + f.message.text(in: language)
                if let m = f.measuredText, let l = f.limit { text += ReportText.measuredAndLimit(m, l).text(in: language) }
                if let fix = f.fix { text += "\n" + ReportText.fixLabel.text(in: language) + fix.text(in: language) }
                let level = f.fails(strict: batch.strict) || (f.waived == true && f.severity == .error) ? "error" : (f.severity == .info ? "note" : "warning")
                var locations: [SARIFLog.Location]?
                if let file = f.file, !file.hasPrefix("(") {
                    let region = f.line.map { SARIFLog.Region(startLine: $0, startColumn: f.column) }
                    locations = [SARIFLog.Location(physicalLocation: SARIFLog.PhysicalLocation(
                        artifactLocation: SARIFLog.ArtifactLocation(uri: Self.uri(file)), region: region))]
                }
                var fingerprint = FNV1a()
                for part in [label, f.rule, f.file ?? "", f.entry ?? ""] { fingerprint.add(part); fingerprint.add("\u{0}") }
                results.append(SARIFLog.Result(
                    ruleId: f.rule, ruleIndex: ruleIndex[f.rule] ?? 0, level: level, message: SARIFLog.Message(text: text),
                    locations: locations, partialFingerprints: ["preflight/v1": fingerprint.hex],
                    suppressions: f.waived == true ? [SARIFLog.Suppression(kind: "external", justification: "baseline")] : nil,
                    properties: ["submission": label] .merging(f.entry.map { ["entry": $0] } ?? [:]) { a, _ in a }))
            }
        }
        let first = batch.submissions.first
        let submissions = batch.submissions.enumerated().map { i, r in
            SARIFLog.SubmissionSummary(name: r.submission ?? "submission-\(i + 1)", type: r.rules.type, verdict: r.verdict.rawValue,
                                       errors: r.counts["error"] ?? 0, warnings: r.counts["warning"] ?? 0)
        }
        let run = SARIFLog.Run(
            tool: SARIFLog.Tool(driver: SARIFLog.Driver(name: "preflight", version: first?.tool.version ?? PreflightVersion.current,
                                                        semanticVersion: first?.tool.version ?? PreflightVersion.current, rules: rules)),
            results: results,
            properties: SARIFLog.RunProperties(verdict: batch.verdict.rawValue, strict: batch.strict,
                                               rulesVersion: first?.rules.version, submissions: submissions))
        return JSONRenderer.encode(SARIFLog(runs: [run]))
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

/// The members of a SARIF 2.1.0 log that preflight writes.
struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var properties: RunProperties
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
        var properties: [String: String]?
    }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct Suppression: Encodable {
        var kind: String
        var justification: String
    }

    struct RunProperties: Encodable {
        var verdict: String
        var strict: Bool
        var rulesVersion: String?
        var submissions: [SubmissionSummary]
    }

    struct SubmissionSummary: Encodable {
        var name: String
        var type: String
        var verdict: String
        var errors: Int
        var warnings: Int
    }
}
