import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The JSON of every report goes through one serializer, the reports' own `Codable` conformances
/// written by `StableJSONEncoder` in the house layout: pinned here byte for byte on a report with
/// every member present, awkward strings and numbers of every shape, and read back by `JSONDecoder`
/// (the tool's side in ReportJSONOutputTests).
@Suite struct ReportJSONTests {

    static let awkward = "quote \" back \\ slash / tab\t nl\n cr\r bell\u{7} nul\u{0} us\u{1F} del\u{7F} 张三 😀 é"

    /// A report with every optional member present, awkward strings, and numbers of every shape.
    static func fullReport(submission: String? = "s1") throws -> Report {
        let set = try RuleSetLoader().load(type: "IMAGE_GENERAL")
        var facts = Facts()
        facts["a.int"] = .number(25)
        facts["a.negative"] = .number(-3)
        facts["a.zero"] = .number(-0.0)
        facts["a.fraction"] = .number(29.97002997002997)
        facts["a.tiny"] = .number(1.5e-7)
        facts["a.large"] = .number(9.5e15)
        facts["a.huge"] = .number(1.0e300)
        facts["a.edge"] = .number(9_000_000_000_000_001)
        facts["a.nan"] = .number(.nan)
        facts["a.inf"] = .number(-.infinity)
        facts["b.text"] = .text(awkward)
        facts["b.flag"] = .flag(false)
        facts["b.list"] = .list(["x", awkward])
        facts["b.empty_list"] = .list([])
        facts["B.upper"] = .flag(true)
        facts["b_under"] = .text("")
        facts["é.key"] = .text("non-ASCII key")
        let error = ProbeError(.unreadable, LocalizedText(zh: "坏了", en: awkward), detail: "detail \"x\"")
        let input = InputReport(slot: "material", path: "dir/a \"b\".mp4", facts: facts,
                                entries: [EntryReport(name: "take.wav", facts: facts, error: error), EntryReport(name: "empty", facts: Facts())],
                                error: error)
        let bare = InputReport(slot: "identity", path: "x.mp4", facts: Facts(), error: nil)
        var finding = Finding(rule: "material.frame_rate", slot: "material", file: "dir/a.mp4", entry: "take.wav", severity: .warning,
                              status: .fail, fact: "video.frame_rate", measured: .number(24.5), measuredText: "24.5 fps",
                              limit: "≥ 25 fps", message: LocalizedText(zh: "帧率", en: awkward), fix: LocalizedText(zh: "修", en: "fix it"),
                              serviceError: 100_003, source: "rules/x.yaml:1:2")
        finding.waived = true
        finding.line = 3
        finding.column = 7
        finding.fixCommand = "ffmpeg -i 'dir/a \"b\".mp4' out.mp4"
        let plain = Finding(rule: "slots.material", severity: .info, status: .pass, message: LocalizedText(zh: "", en: ""))
        var requestFacts = Facts()
        requestFacts["request.anchor_name"] = .text(awkward)
        requestFacts["request.anchor_name_unique"] = .flag(false)
        requestFacts["request.notes_length"] = .number(101)
        let request = RequestReport(origin: "studio/manifest \"a\".yaml", facts: requestFacts)
        var report = Report(rules: set, inputs: [input, bare], request: request, checks: [finding, plain, finding], strict: true, libraries: [:])
        report.submission = submission
        report.rules.profile = "legacy"
        report.uploads = [
            PlannedUpload(slot: "material", path: "dir/a.mp4", key: "video/a.mp4", bucketKey: "prefix/video/a.mp4",
                          url: "https://b.cos.ap-guangzhou.myqcloud.com/prefix/video/a.mp4", requestField: "MaterialCosUrl"),
            PlannedUpload(slot: "identity", path: "x.mp4", key: "idcard/x.mp4", bucketKey: nil, url: nil, requestField: nil),
        ]
        return report
    }

    /// ``fullReport(submission:)`` with the members that follow the machine and the release (tool
    /// version, library versions, rule-file digest and paths) set to fixed values.
    static func pinnedReport(submission: String? = "s1") throws -> Report {
        var report = try fullReport(submission: submission)
        report.tool.version = "9.9.9"
        report.libraries = ["libavcodec": "1.2.3", "libavformat": "4.5.6", "libavutil": "7.8.9"]
        report.rules = Report.RuleSetInfo(type: "IMAGE_GENERAL", version: "2025-01-01", profile: "legacy", digest: "0123abcd",
                                          sources: ["rules/IMAGE_GENERAL.yaml", "rules/shared/x.yaml"])
        return report
    }

    /// A batch of the pinned report twice (with and without a label) and an empty report.
    static func pinnedBatch() throws -> BatchReport {
        var empty = Report(rules: try RuleSetLoader().load(type: "VOICE"), inputs: [], checks: [], strict: false, libraries: [:])
        empty.tool.version = "9.9.9"
        empty.libraries = [:]
        empty.rules = Report.RuleSetInfo(type: "VOICE", version: "2025-01-01", profile: nil, digest: "", sources: [])
        return BatchReport(submissions: [try pinnedReport(), try pinnedReport(submission: nil), empty], strict: true,
                           filesMeasured: 3, filesReused: 1)
    }

    static let golden = Fixture.root.appendingPathComponent("Tests/Golden/batch-report.json")

    @Test func theBatchReportIsWrittenByteForByteAsPinned() throws {
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        let written = JSONRenderer.render(try Self.pinnedBatch())
        #expect(written == expected)
        if written != expected {
            let (a, b) = (written.split(separator: "\n", omittingEmptySubsequences: false), expected.split(separator: "\n", omittingEmptySubsequences: false))
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("first different line \(line + 1): \(line < a.count ? String(a[line]) : "(end)") against \(line < b.count ? String(b[line]) : "(end)")")
        }
    }

    /// Each submission of the batch is laid out as the report on its own, two levels deeper.
    @Test func aSubmissionIsTheSingleReportIndented() throws {
        let batch = JSONRenderer.render(try Self.pinnedBatch())
        let single = JSONRenderer.render(try Self.pinnedReport())
        let indented = single.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        #expect(batch.contains("\"submissions\" : [\n" + indented.joined(separator: "\n") + ",\n"))
    }

    @Test func reportsReadBackAsTheyWereWritten() throws {
        var batch = try Self.pinnedBatch()
        // NaN and infinity are written as null, which reads back as no value: left out here.
        for s in batch.submissions.indices {
            for i in batch.submissions[s].inputs.indices {
                batch.submissions[s].inputs[i].facts["a.nan"] = nil
                batch.submissions[s].inputs[i].facts["a.inf"] = nil
                for e in (batch.submissions[s].inputs[i].entries ?? []).indices {
                    batch.submissions[s].inputs[i].entries![e].facts["a.nan"] = nil
                    batch.submissions[s].inputs[i].entries![e].facts["a.inf"] = nil
                }
            }
        }
        let json = JSONRenderer.render(batch)
        let read = try JSONDecoder().decode(BatchReport.self, from: Data(json.utf8))
        #expect(read == batch)
        #expect(JSONRenderer.render(read) == json)
        let report = try JSONDecoder().decode(Report.self, from: Data(JSONRenderer.render(batch.submissions[0]).utf8))
        #expect(report == batch.submissions[0])
    }

    /// Numbers are written as `JSONEncoder` writes them, the layout the JSON has always had.
    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 1e-5, 1e-7, 123456.789, 1e15, 8.99e15, 9e15, 1e16, 1e21, 1e22,
                                .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<2000 {
            values.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1))
            values.append(Double.random(in: -1e6...1e6))
        }
        let shapes: [Sample] = values.map { Sample(double: $0, float: Float($0).isFinite ? Float($0) : 0, int: Int(truncatingIfNeeded: $0.bitPattern)) }
        let reference = String(decoding: try encoder.encode(shapes), as: UTF8.self) + "\n"
        #expect(try StableJSONEncoder.text(shapes) == reference)
        for v in values.prefix(200) {
            var facts = Facts()
            facts["n"] = .number(v)
            #expect(JSONRenderer.encode(facts) == String(decoding: try encoder.encode(facts), as: UTF8.self) + "\n", "\(v)")
        }
    }

    /// A value of each shape `Codable` can give, laid out as `JSONEncoder` lays it out: nested
    /// containers, a super encoder, a repeated key (the last kept), empty containers, optionals.
    @Test func everyContainerShapeIsLaidOutAsJSONEncoderLaysItOut() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let value = Shapes(name: Self.awkward, tags: ["b", "a", ""], table: ["z": [1, 2], "a": [], "é": [3], "A": [4]],
                           nested: [[Sample(double: 2.5, float: 0.1, int: -7)]], missing: nil, present: false)
        #expect(try StableJSONEncoder.text(value) == String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
        #expect(JSONRenderer.encode([String: Int]()) == "{\n\n}\n")
        #expect(JSONRenderer.encode([Int]()) == "[\n\n]\n")
        #expect(JSONRenderer.encode("a/b") == "\"a/b\"\n")
    }
}

/// Numbers of the three kinds `Codable` writes.
private struct Sample: Codable {
    var double: Double
    var float: Float
    var int: Int
}

/// Every kind of container, written by hand.
private struct Shapes: Encodable {
    var name: String
    var tags: [String]
    var table: [String: [Int]]
    var nested: [[Sample]]
    var missing: Int?
    var present: Bool?

    enum Keys: String, CodingKey { case name, tags, table, nested, missing, present, inner, list, again }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(tags, forKey: .tags)
        try c.encode(table, forKey: .table)
        try c.encode(nested, forKey: .nested)
        try c.encodeIfPresent(missing, forKey: .missing)
        try c.encodeIfPresent(present, forKey: .present)
        try c.encode("first", forKey: .again)
        try c.encode("second", forKey: .again)
        var inner = c.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try inner.encodeNil(forKey: .missing)
        var list = inner.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1.5)
        try list.encode(true)
        var deeper = list.nestedContainer(keyedBy: Keys.self)
        try deeper.encode(UInt8(255), forKey: .name)
        try list.encodeNil()
        try Sample(double: 1, float: 2, int: 3).encode(to: c.superEncoder(forKey: .list))
        var single = c.superEncoder().singleValueContainer()
        try single.encode(["x": 1])
    }
}
