import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The `studio` profile: peers' recording numbers over the service's rules, each with its basis,
/// combinable with the other profiles, and each warning on the take it belongs to.
@Suite struct StudioProfileTests {
    typealias F = VoiceFixture
    static let studioRules: Set<String> = ["studio.rms", "studio.true_peak", "studio.peak_floor", "studio.leading_silence",
        "studio.trailing_silence", "studio.floor_before_speech", "studio.floor_after_speech", "studio.snr", "studio.mono",
        "studio.silent_channel", "studio.identical_channels"]

    @Test(arguments: ["VOICE", "ZERO_SHOT_VOICE"])
    func everyStudioRuleSaysWhereItsNumberComesFrom(type: String) throws {
        let base = try F.loader.load(type: type)
        #expect(!base.rules.contains { $0.id.hasPrefix("studio.") }, "the profile's rules apply only when it is chosen")
        let studio = try F.loader.load(type: type, profile: "studio")
        let ids = Set(studio.rules.map(\.id).filter { $0.hasPrefix("studio.") })
        #expect(ids == Self.studioRules)
        for rule in studio.rules where rule.id.hasPrefix("studio.") {
            #expect(rule.severity != .error, "\(rule.id): the service documents none of this")
            let basis = try #require(rule.basis, "\(rule.id) has a basis")
            #expect(!basis.zh.isEmpty && !basis.en.isEmpty)
            #expect(rule.message != nil && rule.fix != nil, "\(rule.id)")
        }
        // The service's own rules stay.
        #expect(Set(base.rules.map(\.id)).isSubset(of: Set(studio.rules.map(\.id))))
    }

    @Test func rulesShowPrintsEachBasis() throws {
        let run = try ToolRun.run(["rules", "show", "VOICE", "--profile", "studio"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for id in Self.studioRules {
            let at = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(id + " ") }, "\(id) listed")
            #expect(lines[at + 1].contains("basis: "), "\(id): \(lines[at + 1])")
        }
        #expect(run.stdout.contains("ElevenLabs") && run.stdout.contains("Azure"))
    }

    @Test func combinesWithTheOtherProfiles() throws {
        let both = try F.loader.load(type: "VOICE", profile: "strict,studio")
        #expect(both.profile == "strict,studio")
        #expect(both.rules.first { $0.id == "material.entry_snr" }?.constraint.min?.number == 30, "strict's override applies")
        #expect(both.rules.contains { $0.id == "studio.true_peak" })
        #expect(throws: RuleFileErrors.self) { try F.loader.load(type: "VOICE", profile: "studio,nonesuch") }
    }

    static func sox(_ arguments: [String]) throws { try TakeLoudnessTests.tool("sox", arguments) }

    /// Takes made from one sentence: a well-made one (edges of 200 ms, level in the window, true peak
    /// under −3 dBTP), and stereo copies with a silent right channel, a silent left one, the same
    /// signal twice and two different voices.
    @Test func eachStudioWarningWhereItBelongs() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let speech = Fixture.url("speech/talk-en-1.flac").path
        try Self.sox([speech, "-r", "48000", "-b", "16", path("trimmed.wav"), "silence", "1", "0.005", "-50d", "reverse", "silence", "1", "0.005", "-50d", "reverse"])
        try Self.sox([path("trimmed.wav"), path("good.wav"), "gain", "-n", "-4", "pad", "0.2", "0.2"])
        try Self.sox([path("good.wav"), path("right-silent.wav"), "remix", "1", "0"])
        try Self.sox([path("good.wav"), path("left-silent.wav"), "remix", "0", "1"])
        try Self.sox([path("good.wav"), path("same.wav"), "remix", "1", "1"])
        try Self.sox(["-M", path("good.wav"), "|sox \(Fixture.url("speech/talk-en-2.flac").path) -r 48000 -p gain -n -4", path("two-voices.wav"), "trim", "0", "8"])
        try Self.sox([path("trimmed.wav"), path("loud-tight.wav"), "gain", "-n", "-0.5"])
        let expected: [(String, Set<String>)] = [
            ("good.wav", []),
            // Over both channels the level is 3 dB under the voice's: under the window too.
            ("right-silent.wav", ["studio.mono", "studio.silent_channel", "studio.rms"]),
            ("left-silent.wav", ["studio.mono", "studio.silent_channel", "studio.rms"]),
            ("same.wav", ["studio.mono", "studio.identical_channels"]),
            // The second voice starts at once and is cut off at 8 s: no edge silence is left.
            ("two-voices.wav", ["studio.mono", "studio.leading_silence", "studio.trailing_silence"]),
            ("loud-tight.wav", ["studio.true_peak", "studio.leading_silence", "studio.trailing_silence"]),
        ]
        for (file, rules) in expected {
            let report = try F.check("VOICE", ["material": URL(fileURLWithPath: path(file)), "identity": F.authorization], profile: "studio")
            let raised = Set(report.findings.map(\.rule)).intersection(Self.studioRules)
            #expect(raised == rules, "\(file): \(report.findings.filter { Self.studioRules.contains($0.rule) }.map { "\($0.rule) \($0.measured.map { "\($0)" } ?? "")" })")
            if file.hasSuffix("-silent.wav") {
                let finding = try #require(report.findings.first { $0.rule == "studio.silent_channel" })
                let side = file.hasPrefix("right") ? "right" : "left"
                #expect(finding.measured == .text(side))
                #expect(finding.message.en.contains(side) && finding.message.zh.contains(side), "\(finding.message)")
            }
            if file == "same.wav" {
                let finding = try #require(report.findings.first { $0.rule == "studio.identical_channels" })
                #expect(finding.message.en.contains("stored as stereo"))
            }
        }
    }
}
