import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The documentation that is generated or runnable stays true: the facts reference is the vocabulary,
/// the example programs run, and the README stays a front door.
@Suite struct DocumentationTests {
    static let catalog = Fixture.root.appendingPathComponent("Sources/Preflight/Preflight.docc")

    /// `FactsReference.md` is what `preflight facts --format markdown` prints
    /// (regenerate: `preflight facts --format markdown > Sources/Preflight/Preflight.docc/FactsReference.md`).
    @Test func factsReferenceIsTheVocabulary() throws {
        let committed = try String(contentsOf: Self.catalog.appendingPathComponent("FactsReference.md"), encoding: .utf8)
        #expect(committed == FactVocabulary.markdownReference())
        let run = try ToolRun.run(["facts", "--format", "markdown"])
        #expect(run.status == 0 && run.stdout == committed)
        for fact in FactVocabulary.all { #expect(committed.contains("| `\(fact.name)` |"), "\(fact.name) missing") }
    }

    /// Every article the landing page lists exists, and every `docs/…` and article path the README names.
    @Test func linksPointToFiles() throws {
        let landing = try String(contentsOf: Self.catalog.appendingPathComponent("Preflight.md"), encoding: .utf8)
        let articles = landing.components(separatedBy: "<doc:").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(articles.count >= 6)
        for a in articles { #expect(FileManager.default.fileExists(atPath: Self.catalog.appendingPathComponent("\(a).md").path), "\(a).md") }
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 200)
        for path in ["docs/service-limits.md", "bench/README.md", "Fuzz/README.md", "Sources/Preflight/Preflight.docc/CIGate.md", "Examples/"] {
            #expect(readme.contains(path))
            #expect(FileManager.default.fileExists(atPath: Fixture.root.appendingPathComponent(path).path), "\(path)")
        }
    }

    /// The custom-rules example raises the frame-rate floor from a YAML string: a 25 fps take that passes
    /// the built-in rules fails it.
    @Test func customRulesExampleOverridesFromYAML() throws {
        let run = try ToolRun.run([Fixture.video("take-1080p25-90s.mp4").path], executable: Fixture.executable("example-custom-rules"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("material.frame_rate: fail (25 fps, limit ≥ 30 fps)"), "\(run.stdout)")
        #expect(run.stdout.contains("studio.needs_audio: pass"), "\(run.stdout)")
    }

    /// The check example fails a 24 fps take with the frame-rate rule and exit 1; the gate example
    /// passes a delivery holding one good photo submission (a frontal portrait, 1:1).
    @Test func checkAndGateExamplesRun() throws {
        let check = try ToolRun.run(["IMAGE_GENERAL", "material=\(Fixture.video("fps24.mp4").path)", "identity_pdf=\(Fixture.url("pdf/one-page.pdf").path)"],
                                    executable: Fixture.executable("example-check"))
        #expect(check.status == 1)
        #expect(check.stdout.contains("error material.frame_rate"), "\(check.stdout)")
        let root = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sub = root.appendingPathComponent("zhang")
        try FileManager.default.createDirectory(at: sub.appendingPathComponent("photo"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.url("faces/hopper.jpg"), to: sub.appendingPathComponent("photo/zhang.jpg"))
        try "MakeType: IMAGE_PHOTO\n".write(to: sub.appendingPathComponent("submission.yaml"), atomically: true, encoding: .utf8)
        let gate = try ToolRun.run([root.path], executable: Fixture.executable("example-gate"))
        #expect(gate.status == 0, "\(gate.stdout)\(gate.stderr)")
        #expect(gate.stdout.contains("PASS zhang"), "\(gate.stdout)")
    }

    /// Rules given as YAML text are named in errors, and their includes resolve to built-in files.
    @Test func rulesFromYAMLText() throws {
        let set = try RuleSetLoader().load(type: "IMAGE", extraYAML: ["schema: 1\nrules:\n  - id: material.frame_rate\n    min: 30 fps\n"])
        #expect(set.rules.first { $0.id == "material.frame_rate" }?.constraint.min?.number == 30)
        #expect(throws: RuleFileErrors.self) { try RuleSetLoader().load(type: "IMAGE", extraYAML: ["schema: 1\nrules:\n  - id: x\n    fact: no.such_fact\n    min: 1\n"]) }
        do {
            _ = try RuleSetLoader().load(type: "IMAGE", extraYAML: ["schema: 1\nrules:\n  - id: x\n    slot: material\n    fact: no.such_fact\n    min: 1\n"])
            Issue.record("a rule on an unknown fact loaded")
        } catch let e as RuleFileErrors {
            #expect(e.errors.contains { $0.location.file == "(rules 1)" }, "\(e)")
        }
    }
}
