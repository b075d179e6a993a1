import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// VOICE rules over measured facts, for limits too costly to build as real files (a 1 GB bundle).
@Suite struct BundleRuleTests {
    func evaluate(_ facts: Facts, entries: [EntryReport] = [], profile: String? = nil) throws -> [Finding] {
        let rules = try VoiceFixture.loader.load(type: "VOICE", profile: profile)
        let inputs = [InputReport(slot: "material", path: "takes.zip", facts: facts, entries: entries, error: nil)]
        return Evaluator.evaluate(rules, inputs: inputs).filter { $0.status == .fail }
    }

    func zipFacts(_ values: [String: FactValue]) -> Facts {
        var f = Facts()
        f["file.detected_type"] = .text("zip")
        f["file.extension"] = .text("zip")
        f["file.stem"] = .text("takes")
        for (k, v) in values { f[k] = v }
        return f
    }

    func entry(_ name: String, rate: Double) -> EntryReport {
        var f = Facts()
        f["file.name"] = .text(name)
        f["file.stem"] = .text(String(name.split(separator: ".").first!))
        f["entry.is_audio"] = .flag(true)
        f["audio.format"] = .text("wav")
        f["audio.sample_rate"] = .number(rate)
        f["audio.complete"] = .flag(true)
        return EntryReport(name: name, facts: f)
    }

    @Test func overOneGigabyteFails() throws {
        let over = try evaluate(zipFacts(["bundle.total_uncompressed_size": .number(1_000_000_001), "bundle.file_count": .number(3),
                                          "bundle.audio_count": .number(3)]))
        let finding = try #require(over.first { $0.rule == "material.total_size" })
        #expect(finding.severity == .error)
        #expect(finding.limit == "≤ 1 GB")
        let under = try evaluate(zipFacts(["bundle.total_uncompressed_size": .number(999_000_000)]))
        #expect(!under.contains { $0.rule == "material.total_size" })
    }

    @Test func unusualRatesAreAtMostInfo() throws {
        let findings = try evaluate(zipFacts(["bundle.file_count": .number(4), "bundle.audio_count": .number(4)]),
                                    entries: [entry("a.wav", rate: 24_000), entry("b.wav", rate: 32_000), entry("c.wav", rate: 44_100),
                                              entry("d.wav", rate: 48_000), entry("e.wav", rate: 22_050)])
        let info = findings.filter { $0.rule == "material.entry_sample_rate_recommended" }
        #expect(info.map(\.entry) == ["b.wav"])
        #expect(info.allSatisfy { $0.severity == .info })
        #expect(findings.filter { $0.rule == "material.entry_sample_rate" }.map(\.entry) == ["e.wav"])
    }

    @Test func legacyProfileIsAnOverlayNotACopy() throws {
        let plain = try VoiceFixture.loader.load(type: "VOICE")
        let legacy = try VoiceFixture.loader.load(type: "VOICE", profile: "legacy")
        #expect(plain.profiles["legacy"] != nil)
        #expect(plain.rules.map(\.id) == legacy.rules.map(\.id))
        #expect(plain.rules.first { $0.id == "material.zip_only" }?.disabled == true)
        #expect(legacy.rules.first { $0.id == "material.zip_only" }?.disabled == false)
        #expect(legacy.rules.first { $0.id == "material.audio_count" }?.severity == .error)
        #expect(legacy.sources == plain.sources)
    }

    @Test func everyVoiceRuleSpeaksBothLanguages() throws {
        for type in ["VOICE", "ZERO_SHOT_VOICE"] {
            let set = try VoiceFixture.loader.load(type: type)
            for rule in set.rules where rule.slot == "material" || rule.slot == "driver_audio" {
                #expect(rule.message.map { !$0.zh.isEmpty && !$0.en.isEmpty && $0.zh != $0.en } == true, "\(type) \(rule.id)")
            }
            #expect(set.slot("material")?.cosFolder == (type == "VOICE" ? "audio/" : "zeroshot/"))
            #expect(set.slot("driver_audio")?.requestField == "VoiceDriverCosFile")
        }
        #expect(try VoiceFixture.loader.load(type: "VOICE").slot("material")?.requestField == "MaterialCosUrl")
    }

    @Test func timeoutMarksTheRestUnread() throws {
        let zip = try VoiceFixture.zip((1...4).map { ("take_\($0).wav", "clip-48k-128k.m4a") })
        var options = ProbeOptions()
        options.timeout = 0.001
        let result = try ZipBundleReader.read(zip, options: options)
        #expect(result.facts["bundle.limit_hit"] == .flag(true))
        #expect(result.entries?.contains { $0.error?.kind == .limitExceeded } == true)
    }
}
