import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The JSON the tool prints is the library's one serializer's: it reads back into the report types
/// and is written again byte for byte.
@Suite struct ReportJSONOutputTests {
    /// The tool prints what the library writes: its JSON reads back into the report types and is
    /// written again byte for byte, in both languages, and `--output json=` holds the same bytes.
    @Test func theToolsJSONIsTheLibrarysJSON() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (folder, type, cos, file) in [("a", "VOICE", "audio", "audio/take-16k.wav"), ("b", "IMAGE_PHOTO", "photo", "photo/truncated.jpg")] {
            let sub = dir.appendingPathComponent("\(folder)/\(cos)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixture.url(file), to: sub.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent))
            try "MakeType: \(type)\n".write(to: dir.appendingPathComponent("\(folder)/submission.yaml"), atomically: true, encoding: .utf8)
        }
        let side = dir.appendingPathComponent("side.json").path
        for lang in ["en", "zh"] {
            let gate = try ToolRun.run(["gate", dir.path, "--format", "json", "--no-content", "--lang", lang, "--output", "json=\(side)"])
            #expect(gate.status == 1, "\(gate.stderr)")
            let batch = try JSONDecoder().decode(BatchReport.self, from: Data(gate.stdout.utf8))
            #expect(batch.submissions.map(\.submission) == ["a", "b"])
            #expect(JSONRenderer.render(batch) == gate.stdout)
            #expect(try String(contentsOfFile: side, encoding: .utf8) == gate.stdout)

            let check = try ToolRun.run(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/photo/truncated.jpg", "--format", "json", "--lang", lang])
            let report = try JSONDecoder().decode(Report.self, from: Data(check.stdout.utf8))
            #expect(report.findings.contains { $0.rule.hasPrefix("input.") })
            #expect(JSONRenderer.render(report) == check.stdout)
        }
        let probe = try ToolRun.run(["probe", "Fixtures/photo/truncated.jpg", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["error", "facts", "file"])
        #expect(probe.stdout.hasPrefix("{\n  \"error\" : {\n    \"detail\" : "))
    }
}
