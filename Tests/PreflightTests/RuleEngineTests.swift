import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Units, rule files, includes, overrides and lint errors with their lines.
@Suite struct RuleEngineTests {
    let builtin = Fixture.root.appendingPathComponent("rules")

    @Test func quantitiesCarryUnits() {
        #expect(Quantity.parse("5 GiB").number == 5.0 * 1_073_741_824)
        #expect(Quantity.parse("5 GB").number == 5e9)
        #expect(Quantity.parse("10 min").number == 600)
        #expect(Quantity.parse("25fps").number == 25)
        #expect(Quantity.parse("24 kHz").number == 24_000)
        #expect(Quantity.parse("128 kbps").number == 128_000)
        #expect(Quantity.parse("16:9") == .text("16:9"))
        #expect(Quantity.parse("1920x1080") == .text("1920x1080"))
        #expect(Quantity.parse("true") == .flag(true))
        if case .number(_, let d, _) = Quantity.parse("90 s") { #expect(d == .seconds) } else { Issue.record("90 s is a number") }
    }

    @Test func constraintsCompareInBaseUnits() {
        let c = Constraint(min: .parse("1 min"), max: .parse("10 min"))
        #expect(c.holds(for: .number(60)))
        #expect(c.holds(for: .number(600)))
        #expect(!c.holds(for: .number(59.9)))
        #expect(!c.holds(for: .number(600.1)))
        #expect(!c.holds(for: .text("60")))
        let allowed = Constraint(oneOf: [.parse("mp4"), .parse("mov")])
        #expect(allowed.holds(for: .text("mov")))
        #expect(!allowed.holds(for: .text("MOV")), "texts compare exactly: MALE is not male")
        #expect(!allowed.holds(for: .text("mkv")))
        #expect(Constraint(pattern: "[a-z]+").holds(for: .text("abc")))
        #expect(!Constraint(pattern: "[a-z]+").holds(for: .text("abc1")))
    }

    @Test func builtinTypesLoadAndDiffer() throws {
        let loader = RuleSetLoader(builtinDirectory: builtin)
        #expect(Set(loader.availableTypes()).isSuperset(of: ["IMAGE", "IMAGE_GENERAL", "IMAGE_4K"]))
        let general = try loader.load(type: "IMAGE_GENERAL")
        let image = try loader.load(type: "IMAGE")
        func minimum(_ s: RuleSet) -> Double? { s.rules.first { $0.id == "material.duration" }?.constraint.min?.number }
        #expect(minimum(general) == 60)
        #expect(minimum(image) == 120)
        // The shared file is included, not copied: the same source for the frame rate rule.
        #expect(general.rules.first { $0.id == "material.frame_rate" }?.source?.file == "rules/shared/video-material.yaml")
        #expect(general.sources.contains("rules/shared/authorization.yaml"))
        #expect(general.digest != image.digest)
        #expect(general.version == "2025-12-19")
    }

    func write(_ text: String, name: String = "user.yaml", in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func userFileOverridesAndExtends() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let user = try write("""
            schema: 1
            rules:
              - id: material.frame_rate
                min: 30 fps
              - id: studio.needs_audio
                slot: material
                fact: video.has_audio
                equals: true
                severity: warning
                message: {zh: 素材没有声音, en: The take has no sound}
            """, in: dir)
        let set = try RuleSetLoader(builtinDirectory: builtin).load(type: "IMAGE_GENERAL", extraFiles: [user])
        let rate = try #require(set.rules.first { $0.id == "material.frame_rate" })
        #expect(rate.constraint.min?.number == 30)
        #expect(rate.severity == .error, "fields not overridden are kept")
        #expect(rate.message?.en.contains("{limit}") == true)
        #expect(set.rules.contains { $0.id == "studio.needs_audio" })
    }

    @Test func lintNamesFileLineAndProblem() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write("""
            schema: 1
            rules:
              - id: a
                slot: material
                fact: file.size
                max: 10 min
                severity: error
                message: {zh: 太大, en: too big}
              - id: b
                slot: material
                fact: video.frame_rat
                mn: 25 fps
                severity: fatal
            """, name: "bad.yaml", in: dir)
        let problems = RuleSetLoader(builtinDirectory: builtin).lint(bad).map(\.description)
        #expect(problems.contains { $0.contains("bad.yaml:3:") && $0.contains("'10 min' is a seconds value but file.size is measured as bytes") })
        #expect(problems.contains { $0.contains("bad.yaml:12:") && $0.contains("unknown key 'mn'") && $0.contains("did you mean 'min'") })
        #expect(problems.contains { $0.contains("bad.yaml:13:") && $0.contains("unknown severity 'fatal'") })
    }

    @Test func lintCatchesUnknownFactsAndBadYAML() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let unknown = try write("""
            rules:
              - id: b
                slot: material
                fact: video.frame_rat
                min: 25 fps
                severity: error
                message: {zh: x, en: x}
            """, name: "unknown.yaml", in: dir)
        let p1 = RuleSetLoader(builtinDirectory: builtin).lint(unknown).map(\.description)
        #expect(p1.contains { $0.contains("unknown.yaml:2:") && $0.contains("unknown fact 'video.frame_rat'") && $0.contains("video.frame_rate") })
        let broken = try write("rules:\n  - id: [unclosed\n", name: "broken.yaml", in: dir)
        let p2 = RuleSetLoader(builtinDirectory: builtin).lint(broken).map(\.description)
        #expect(p2.count == 1 && p2[0].contains("broken.yaml:") && p2[0].contains("not valid YAML"))
    }

    @Test func includeCyclesAreRefused() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write("include: [b.yaml]\n", name: "a.yaml", in: dir)
        let b = try write("include: [a.yaml]\n", name: "b.yaml", in: dir)
        let problems = RuleSetLoader(builtinDirectory: builtin).lint(b).map(\.description)
        #expect(problems.contains { $0.contains("include cycle") })
        let selfInclude = try write("include: [self.yaml]\n", name: "self.yaml", in: dir)
        #expect(RuleSetLoader(builtinDirectory: builtin).lint(selfInclude).contains { $0.problem.contains("include cycle") })
    }

    @Test func whenConditionsSelectTheSizeLimit() throws {
        let set = try RuleSetLoader(builtinDirectory: builtin).load(type: "IMAGE")
        var input = InputReport(slot: "material", path: "big.mp4", facts: Facts(), error: nil)
        input.facts.set("file.size", 7_000_000_000.0)
        input.facts.set("video.display_resolution", "3840x2160")
        var checks = Evaluator.evaluate(set, inputs: [input])
        #expect(checks.first { $0.rule == "material.size_4k" }?.status == .pass)
        #expect(!checks.contains { $0.rule == "material.size" })
        input.facts.set("video.display_resolution", "1920x1080")
        checks = Evaluator.evaluate(set, inputs: [input])
        #expect(checks.first { $0.rule == "material.size" }?.status == .fail)
    }

    /// The SNR rule's band: 3 dB from the rule file, wider where the measurement's own
    /// `audio.snr_uncertainty_db` says so. A miss within the band is a borderline warning, a miss beyond it
    /// an error; a pass by less than the file's own (wider) uncertainty is a warning that it could not be
    /// measured reliably; a pass by more, or within the rule's 3 dB, is a pass.
    @Test func theMeasurementsOwnUncertaintyWidensTheBand() throws {
        let set = try RuleSetLoader(builtinDirectory: builtin).load(type: "ZERO_SHOT_VOICE")
        func judge(_ snr: Double, _ uncertainty: Double) -> Finding? {
            var input = InputReport(slot: "material", path: "take.wav", facts: Facts(), error: nil)
            input.facts.set("audio.snr_db", snr)
            input.facts.set("audio.snr_uncertainty_db", uncertainty)
            input.facts.set("audio.snr_method", "pauses")
            return Evaluator.evaluate(set, inputs: [input]).first { $0.rule == "material.snr" }
        }
        let borderline = try #require(judge(18.5, 3))
        #expect(borderline.status == .fail && borderline.severity == .warning)
        #expect(borderline.message.en.contains("±3 dB"))
        let miss = try #require(judge(16, 3))
        #expect(miss.status == .fail && miss.severity == .error)
        let wide = try #require(judge(16, 6.5))
        #expect(wide.status == .fail && wide.severity == .warning)
        #expect(wide.message.en.contains("±6.5 dB"))
        let unsure = try #require(judge(24, 6.5))
        #expect(unsure.status == .fail && unsure.severity == .warning)
        #expect(unsure.message.en.contains("could not be measured reliably"))
        #expect(unsure.message.zh.contains("无法可靠测量"))
        #expect(unsure.fix != nil)
        #expect(judge(24, 3)?.status == .pass)
        #expect(judge(30, 6.5)?.status == .pass)
    }

    /// `uncertainty_fact` must name a fact of the vocabulary.
    @Test func uncertaintyFactIsLinted() throws {
        let yaml = """
        schema: 1
        rules:
          - id: material.snr
            uncertainty_fact: audio.snr_uncertainity_db
        """
        #expect {
            try RuleSetLoader(builtinDirectory: builtin).load(type: "ZERO_SHOT_VOICE", extraYAML: [yaml])
        } throws: { error in
            "\(error)".contains("'uncertainty_fact' names unknown fact 'audio.snr_uncertainity_db'")
        }
    }

    /// A `missing` message only shows for a `required` rule; elsewhere it is a lint error. Overriding a
    /// built-in rule keeps its own `missing` unless the override gives one.
    @Test func missingMessageNeedsRequired() throws {
        let orphan = """
        schema: 1
        rules:
          - id: material.snr
            missing: {zh: 缺少, en: not there}
        """
        #expect {
            try RuleSetLoader(builtinDirectory: builtin).load(type: "ZERO_SHOT_VOICE", extraYAML: [orphan])
        } throws: { error in
            "\(error)".contains("'missing' needs 'required: true'")
        }
        let stricter = """
        schema: 1
        rules:
          - id: request.anchor_name
            pattern: "[A-Za-z]{2,50}"
        """
        let set = try RuleSetLoader(builtinDirectory: builtin).load(type: "ZERO_SHOT_VOICE", extraYAML: [stricter])
        let rule = try #require(set.rules.first { $0.id == "request.anchor_name" })
        #expect(rule.missingMessage?.en.hasPrefix("AnchorName is missing") == true)
    }
}
