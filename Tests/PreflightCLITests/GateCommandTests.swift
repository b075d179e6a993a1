import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The CI gate and manifests through the command line: exit codes, formats and agreement with flags.
@Suite(.serialized) struct GateCommandTests {
    func layout() throws -> URL {
        let dir = try Fixture.temporaryDirectory()
        let fm = FileManager.default
        func put(_ fixture: URL, _ path: String) throws {
            let url = dir.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: fixture, to: url)
        }
        try put(Fixture.video("take-1080p25-90s.mp4"), "good/video/take.mp4")
        try put(Fixture.url("pdf/one-page.pdf"), "good/idcard/letter.pdf")
        try "MakeType: IMAGE_GENERAL\nAnchorName: 张三\nSexType: MALE\n".write(to: dir.appendingPathComponent("good/submission.yaml"), atomically: true, encoding: .utf8)
        try put(Fixture.video("fps24.mp4"), "slow/video/take.mp4")
        try put(Fixture.url("pdf/one-page.pdf"), "slow/idcard/letter.pdf")
        try "MakeType: IMAGE_GENERAL\nAnchorName: 李四\nSexType: FEMALE\n".write(to: dir.appendingPathComponent("slow/submission.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func gateExitsOneAndWritesJUnit() throws {
        let dir = try layout()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junit = dir.appendingPathComponent("out/report.xml")
        try FileManager.default.createDirectory(at: junit.deletingLastPathComponent(), withIntermediateDirectories: true)
        let run = try ToolRun.run(["gate", ".", "--format", "github", "--output", "junit=\(junit.path)", "--no-content"], in: dir)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("::error file=slow/video/take.mp4,title=slow%3A material.frame_rate::"))
        #expect(!run.stdout.contains("file=good/"))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"good (IMAGE_GENERAL)\"") && xml.contains("failures=\"1\""))
        // Accept today's problems: the same folder then passes, and a new problem fails again.
        let base = dir.appendingPathComponent("out/baseline.json").path
        _ = try ToolRun.run(["gate", ".", "--write-baseline", base, "--no-content"], in: dir)
        #expect(try ToolRun.run(["gate", ".", "--baseline", base, "--no-content"], in: dir).status == 0)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("good/idcard/letter.pdf"))
        #expect(try ToolRun.run(["gate", ".", "--baseline", base, "--no-content"], in: dir).status == 1)
    }

    @Test func flagsAndManifestAgree() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let take = Fixture.video("fps24.mp4").path, pdf = Fixture.url("pdf/one-page.pdf").path
        let manifest = dir.appendingPathComponent("m.json")
        try """
            {"MakeType": "IMAGE", "AnchorName": "王五", "SexType": "MALE", "Notes": "第一条",
             "files": {"material": "\(take)", "identity_pdf": "\(pdf)"}}
            """.write(to: manifest, atomically: true, encoding: .utf8)
        let viaManifest = try ToolRun.run(["check", manifest.path, "--format", "json", "--no-content"])
        let viaFlags = try ToolRun.run(["check", "--type", "IMAGE", "--material", take, "--identity-pdf", pdf, "--no-content",
                                        "--anchor-name", "王五", "--sex-type", "MALE", "--notes", "第一条", "--format", "json"])
        #expect(viaManifest.status == 1 && viaFlags.status == 1)
        let batch = try #require((viaManifest.json["submissions"] as? [[String: Any]])?.first)
        func failed(_ report: [String: Any]) -> Set<String> {
            Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        }
        #expect(failed(batch) == failed(viaFlags.json))
        #expect(failed(batch) == ["material.duration", "material.frame_rate"])
        #expect(batch["verdict"] as? String == viaFlags.json["verdict"] as? String)
    }

    @Test func usageErrorsOfBatchCommands() throws {
        #expect(try ToolRun.run(["gate", "no-such-dir"]).status == 2)
        #expect(try ToolRun.run(["check", "no-such-manifest.yaml"]).status == 2)
        #expect(try ToolRun.run(["check", "--type", "IMAGE", "--material", "Fixtures/video/fps24.mp4", "--path-prefix", "ftp://x"]).status == 2)
    }
}
