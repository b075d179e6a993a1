import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// ZERO_SHOT_VOICE samples (docs/service-limits.md §3.5) and the demo driver audio (3.6) judged on real encodes.
@Suite struct AudioZeroShotTests {
    typealias F = VoiceFixture

    /// The format rules of this issue (quality rules belong elsewhere and are left out here).
    static let formatRules: Set<String> = ["slots.material", "material.format", "material.extension", "material.size",
                                           "material.sample_rate", "material.bit_rate", "material.duration", "material.complete", "material.name"]

    func zeroShot(_ url: URL, name: String? = nil) throws -> Report {
        var material = url
        if let name {
            material = try F.folder().appendingPathComponent(name)
            try FileManager.default.copyItem(at: url, to: material)
        }
        return try F.check("ZERO_SHOT_VOICE", ["material": material])
    }

    func failed(_ report: Report, atLeast severity: Severity) -> Set<String> {
        F.failed(report, atLeast: severity).intersection(Self.formatRules.union(["input.wrong_kind", "input.unreadable"]))
    }

    @Test func phoneClipAt128kbpsPasses() throws {
        let report = try zeroShot(F.audio("clip-48k-128k.m4a"), name: "张三_sample.m4a")
        #expect(failed(report, atLeast: .info).isEmpty, "\(report.findings.map(\.rule))")
        #expect(report.checks.contains { $0.rule == "material.bit_rate" && $0.status == .pass })
        #expect(report.checks.contains { $0.rule == "material.duration" && $0.status == .pass })
        // The authorization is optional here: at most an info.
        #expect(report.findings.filter { $0.rule == "slots.authorization" }.allSatisfy { $0.severity == .info })
    }

    @Test func sixtyFourKilobitsWarns() throws {
        let report = try zeroShot(F.audio("clip-48k-64k.m4a"), name: "clip_64k.m4a")
        #expect(failed(report, atLeast: .warning) == ["material.bit_rate"])
        #expect(failed(report, atLeast: .error).isEmpty)
        let finding = try #require(report.findings.first { $0.rule == "material.bit_rate" })
        #expect(finding.limit == "≥ 128 kbps")
    }

    @Test func eightKilohertzFails() throws {
        let report = try zeroShot(F.audio("clip-8k.m4a"), name: "clip_8k.m4a")
        #expect(failed(report, atLeast: .error) == ["material.sample_rate"])
        #expect(report.findings.first { $0.rule == "material.sample_rate" }?.measured == .number(8_000))
    }

    @Test func twentyFiveMegabyteWavFailsOnSize() throws {
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try F.run("/usr/bin/sox", ["-n", "-r", "48000", "-b", "32", "-c", "2", "big_take.wav", "synth", "66", "sine", "300", "vol", "0.3"], in: dir)
        let report = try zeroShot(dir.appendingPathComponent("big_take.wav"))
        #expect(failed(report, atLeast: .error) == ["material.size"])
        #expect((report.findings.first { $0.rule == "material.size" }?.measured?.number ?? 0) > 25_000_000)
        #expect(failed(report, atLeast: .warning).contains("material.duration"))
        #expect(!report.checks.contains { $0.rule == "material.bit_rate" }, "no bit-rate rule for wav")
    }

    /// The trim the duration warning suggests works on a wav (a stream copy into .m4a would not) and
    /// leaves a sample the rule passes.
    @Test func theDurationFixMakesATwentySecondSample() throws {
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try F.run("/usr/bin/sox", ["-n", "-r", "24000", "-b", "16", "long_take.wav", "synth", "31", "sine", "300", "vol", "0.3"], in: dir)
        let report = try zeroShot(dir.appendingPathComponent("long_take.wav"))
        let fix = try #require(report.findings.first { $0.rule == "material.duration" }?.fix)
        #expect(fix.zh.contains("10 s") && fix.en.contains("shorter than 10 s"), "a short sample is told to record again")
        let command = try #require(fix.en.firstMatch(of: #/ffmpeg [^;]*/#)).output
        try F.run("/bin/sh", ["-c", "ffmpeg -nostdin -v error -y " + command.dropFirst("ffmpeg ".count)], in: dir)
        let trimmed = dir.appendingPathComponent("long_take_20s.wav")
        let facts = try AudioProbe.facts(of: trimmed)
        #expect(abs((facts["audio.duration"]?.number ?? 0) - 20) < 0.05, "\(facts["audio.duration"] as Any)")
        #expect(failed(try zeroShot(trimmed), atLeast: .warning).isEmpty)
    }

    @Test func oneCharacterNameFails() throws {
        let report = try zeroShot(F.audio("clip-48k-128k.m4a"), name: "a.m4a")
        #expect(failed(report, atLeast: .error) == ["material.name"])
        let spaced = try zeroShot(F.audio("clip-48k-128k.m4a"), name: "my clip.m4a")
        #expect(failed(spaced, atLeast: .error) == ["material.name"])
        let long = try zeroShot(F.audio("clip-48k-128k.m4a"), name: String(repeating: "录", count: 51) + ".m4a")
        #expect(failed(long, atLeast: .error) == ["material.name"])
    }

    @Test func unsupportedFormatsAndBundlesAreRefused() throws {
        let flac = try zeroShot(F.audio("tone.flac"), name: "tone_sample.flac")
        #expect(failed(flac, atLeast: .error) == ["material.format", "material.extension"])
        let zip = try zeroShot(try F.zip([("take_01.wav", "take-24k16.wav")]))
        #expect(failed(zip, atLeast: .error) == ["input.wrong_kind", "material.extension"])
    }

    @Test func driverAudioBelongsToImageRequestsToo() throws {
        let files = ["material": Fixture.video("take-1080p25-90s.mp4"), "identity_pdf": Fixture.url("pdf/one-page.pdf"),
                     "driver_audio": F.audio("tone.ogg")]
        let report = try F.check("IMAGE_GENERAL", files)
        #expect(F.failed(report) == ["driver_audio.format", "driver_audio.extension"])
        let dir = try F.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try F.run("/usr/bin/sox", ["-n", "-r", "48000", "-b", "32", "-c", "2", "demo.wav", "synth", "30", "sine", "300"], in: dir)
        let big = try F.check("IMAGE_GENERAL", files.merging(["driver_audio": dir.appendingPathComponent("demo.wav")]) { $1 })
        #expect(F.failed(big) == ["driver_audio.size"])
        let fine = try F.check("IMAGE_GENERAL", files.merging(["driver_audio": F.audio("take-44k.mp3")]) { $1 })
        #expect(fine.verdict == .pass, "\(fine.findings.map(\.rule))")
    }
}
