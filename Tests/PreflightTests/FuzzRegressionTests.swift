import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight
import PreflightFuzzTargets

/// Every committed fuzzing input, seed corpus and minimised crash alike, through its target in
/// process: a crash found once stays fixed (under `make test-asan`, with the sanitizers watching).
@Suite struct FuzzRegressionTests {
    /// The inputs of a target: `Fuzz/corpus/<target>/` and `Fuzz/regressions/<target>/`.
    static func inputs(_ target: FuzzTarget) -> [URL] {
        ["corpus", "regressions"].flatMap { folder -> [URL] in
            let dir = Fixture.root.appendingPathComponent("Fuzz/\(folder)/\(target.rawValue)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyCommittedInputRunsCleanly(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 4, "seed corpus of \(target.rawValue) missing (make fuzz-corpus)")
        var slowest = (name: "", seconds: 0.0)
        for url in inputs {
            let data = try Data(contentsOf: url)
            let start = Date()
            target.run(data)
            let seconds = Date().timeIntervalSince(start)
            if seconds > slowest.seconds { slowest = (url.lastPathComponent, seconds) }
        }
        // Each reader stops at its deadline; what it may overshoot by is asserted only where
        // ResourceBounds says so, with more room under the sanitizers, which slow everything down.
        if ResourceBounds.asserted {
            let slack = ResourceBounds.sanitized ? 10.0 : 2.0
            #expect(slowest.seconds < FuzzTarget.options.timeout + slack, "\(target.rawValue): \(slowest.name) took \(slowest.seconds) s")
        }
    }

    @Test func inMemoryEntryPointsMatchTheFileOnes() throws {
        let video = Fixture.video("authorization.mp4")
        #expect(try VideoProbe.facts(of: Data(contentsOf: video)) == VideoProbe.facts(of: video))
        let photo = Fixture.url("photo/stored43_o6.jpg")
        #expect(try PhotoProbe.facts(of: Data(contentsOf: photo)) == PhotoProbe.facts(of: photo))
        let wav = VoiceFixture.audio("pcm-s16-stereo.wav")
        #expect(try AudioProbe.facts(of: Data(contentsOf: wav)) == AudioProbe.facts(of: wav))
        let zip = Fixture.root.appendingPathComponent("Fuzz/corpus/zip/deflated.zip")
        let fromMemory = try VoiceMaterialProbe.probe(data: Data(contentsOf: zip))
        let fromFile = try VoiceMaterialProbe.probe(zip, detectedType: nil)
        #expect(fromMemory.facts == fromFile.facts)
        #expect(fromMemory.entries == fromFile.entries)
    }

    @Test func yamlAliasBombsAreRefusedBeforeComposing() throws {
        var lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a, a]"]
        for i in 1...9 { lines.append("l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        // As a mapping key, Yams would hash the 10⁹-node expansion to look for duplicates.
        let text = lines.joined(separator: "\n") + "\nrules:\n  ? *l9\n  : x\n"
        let start = Date()
        #expect(throws: RuleFileErrors.self) { try RuleFile.parse(text, path: "laughs.yaml") }
        #expect(throws: RuleFileErrors.self) { try Manifest.parse(text, path: "laughs.yaml", base: Fixture.root) }
        #expect(Date().timeIntervalSince(start) < 1)
        let deep = "a: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let error = try #require(throws: RuleFileErrors.self) { try RuleFile.parse(deep, path: "deep.yaml") }
        #expect(error.description.contains("nested deeper than 64"))
        // Aliases within the limits are fine.
        #expect(YAMLExpansion.check("a: &a [1, 2]\nb: [*a, *a]\n", limits: YAMLLimits()) == nil)
    }

    @Test func nestedQuantifiersInPatternsAreFound() {
        for risky in ["(a+)+", "^(\\w+\\s?)*$", "(x{2,}){3,9}", "((ab)*)+", "(a|b+)*c"] {
            #expect(PatternRisk.hasNestedQuantifier(risky), "\(risky)")
        }
        for safe in ["[0-9]+(\\.[0-9]+)?", "[\\p{Han}A-Za-z0-9_-]{2,50}", "(abc)+", "a+b+", "[(+]+", "\\(a+\\)+", "(a?){1}", "(ab){2}"] {
            #expect(!PatternRisk.hasNestedQuantifier(safe), "\(safe)")
        }
        let file = try? RuleFile.parse("rules:\n  - id: x\n    pattern: '(a+)+$'\n", path: "redos.yaml")
        #expect(file?.problems.contains { $0.problem.contains("exponential time") } == true)
    }

    @Test func limitsAreOptionsAndFindings() throws {
        var options = ProbeOptions()
        options.photoMaxSide = 100
        let error = try #require(throws: ProbeError.self) { try PhotoProbe.facts(of: Fixture.url("photo/small_320.jpg"), options: options) }
        #expect(error.kind == .limitExceeded)
        #expect(error.message.en.contains(SettingAdvice.photoSize.en) && error.message.zh.contains(SettingAdvice.photoSize.zh))
        #expect(!error.message.en.contains("--") && !error.message.zh.contains("--"), "the library names the setting, not the flag")
        options = ProbeOptions()
        options.streamLimit = 1
        #expect(throws: ProbeError.self) { try VideoProbe.facts(of: Fixture.video("authorization.mp4"), options: options) }
        options = ProbeOptions()
        options.zipEntryLimit = 1
        let zip = Fixture.root.appendingPathComponent("Fuzz/corpus/zip/stored.zip")
        let zipError = try #require(throws: ProbeError.self) { try VoiceMaterialProbe.probe(zip, detectedType: nil, options: options) }
        #expect(zipError.kind == .limitExceeded)
    }
}
