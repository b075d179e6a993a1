import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Judging voice material in the library, as `preflight check` does.
extension VoiceFixture {
    /// Measures a file as its slot's kind does in `preflight check`, with a per-file time limit far above
    /// the default: these suites judge what is measured, not how fast, and a loaded or sanitized run can
    /// take longer than 60 s for the largest generated files (the limit has suites of its own).
    static func input(_ slot: String, _ url: URL, kind: SlotKind) -> InputReport {
        var options = ProbeOptions()
        options.timeout = 900
        let (measured, error) = SlotProbe.probe(url, kind: kind, options: options)
        return InputReport(slot: slot, path: url.path, facts: measured.facts, entries: measured.entries?.map(EntryReport.init), error: error)
    }

    /// The rule files of the checkout.
    static let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))

    /// Checks files against a kind's rules, as `check` does.
    static func check(_ type: String, _ files: [String: URL], profile: String? = nil) throws -> Report {
        let rules = try loader.load(type: type, profile: profile)
        let inputs = files.sorted { $0.key < $1.key }.map { input($0.key, $0.value, kind: rules.slot($0.key)?.kind ?? .video) }
        return Report(rules: rules, inputs: inputs, checks: Evaluator.evaluate(rules, inputs: inputs), strict: false, libraries: [:])
    }

    /// The ids of failed checks of at least `severity`.
    /// Failed format checks (docs/service-limits.md §3.3): the audio-quality rules of voice-quality.yaml are judged by
    /// the AudioQuality suites (these short fixture takes are far under the 5-minute effective duration).
    static func failed(_ report: Report, atLeast severity: Severity = .error) -> Set<String> {
        Set(report.findings.filter { $0.severity >= severity && !($0.source ?? "").contains("voice-quality.yaml") }.map(\.rule))
    }

    /// The authorization every VOICE check needs.
    static let authorization = Fixture.video("authorization.mp4")
}

/// Zip bundles of real takes judged against VOICE (docs/service-limits.md §3.3), read entry by entry from the stream.
@Suite struct BundleProbeTests {
    typealias F = VoiceFixture

    func voice(_ material: URL, profile: String? = nil) throws -> Report {
        try F.check("VOICE", ["material": material, "identity": F.authorization], profile: profile)
    }

    func takes(_ count: Int, _ fixture: String = "take-24k16.wav") -> [(name: String, fixture: String)] {
        (1...count).map { (String(format: "take_%02d.wav", $0), fixture) }
    }

    @Test func threeTwentyFourKilohertzTakesPass() throws {
        let zip = try F.zip(takes(3))
        let result = try VoiceMaterialProbe.probe(zip, detectedType: "zip")
        #expect(result.facts["bundle.file_count"] == .number(3))
        #expect(result.facts["bundle.audio_count"] == .number(3))
        #expect(result.facts["bundle.formats"] == .text("wav"))
        #expect(result.facts["bundle.lowest_sample_rate"] == .number(24_000))
        #expect(result.facts["bundle.has_folders"] == .flag(false))
        #expect(result.facts["bundle.total_uncompressed_size"] == .number(3 * 144_044))
        #expect(result.facts["bundle.name_encoding"] == .text("ascii"))
        let entries = try #require(result.entries)
        #expect(entries.map(\.name) == ["take_01.wav", "take_02.wav", "take_03.wav"])
        for entry in entries {
            #expect(entry.error == nil)
            #expect(entry.facts["file.name"] == .text(entry.name))
            #expect(entry.facts["file.detected_type"] == .text("wav"))
            #expect(entry.facts["audio.format"] == .text("wav"))
            #expect(entry.facts["audio.bit_depth"] == .number(16))
            #expect(entry.facts["audio.sample_rate"] == .number(24_000))
            #expect(entry.facts["audio.duration"] == .number(3))
            #expect(entry.facts["audio.complete"] == .flag(true))
            #expect(entry.facts["entry.size_matches"] == .flag(true))
            #expect(entry.facts["entry.compression"] == .text("deflate"))
            #expect(entry.facts["audio.peak_dbfs"] != nil, "quality facts are merged")
        }
        let report = try voice(zip)
        #expect(F.failed(report, atLeast: .info).isEmpty, "\(report.findings.map { "\($0.rule) \($0.entry ?? "") \($0.message.en)" })")
        #expect(report.checks.contains { $0.rule == "material.entry_sample_rate" && $0.entry == "take_02.wav" && $0.status == .pass })
    }

    @Test func sixteenKilohertzTakesFail() throws {
        let report = try voice(try F.zip(takes(3, "take-16k.wav")))
        #expect(F.failed(report) == ["material.entry_sample_rate"])
        let finding = try #require(report.findings.first { $0.rule == "material.entry_sample_rate" })
        #expect(finding.entry == "take_01.wav")
        #expect(finding.measured == .number(16_000))
        #expect(finding.limit == "≥ 24 kHz")
        #expect(report.findings.filter { $0.rule == "material.entry_sample_rate" }.count == 3)
    }

    @Test func twelveTakesWarnAndFailUnderLegacy() throws {
        let zip = try F.zip(takes(12))
        let report = try voice(zip)
        #expect(F.failed(report).isEmpty, "only warnings among the format checks")
        #expect(F.failed(report, atLeast: .warning) == ["material.audio_count"])
        #expect(report.findings.first { $0.rule == "material.audio_count" }?.severity == .warning)
        let legacy = try voice(zip, profile: "legacy")
        #expect(legacy.verdict == .fail)
        #expect(F.failed(legacy) == ["material.audio_count"])
    }

    @Test func folderInsideWarnsAndFailsUnderLegacy() throws {
        let zip = try F.zip([("takes/take_01.wav", "take-24k16.wav"), ("takes/take_02.wav", "take-24k16.wav")])
        let result = try VoiceMaterialProbe.probe(zip, detectedType: "zip")
        #expect(result.facts["bundle.has_folders"] == .flag(true))
        #expect(result.entries?.first?.facts["entry.in_folder"] == .flag(true))
        #expect(result.entries?.first?.facts["file.name"] == .text("take_01.wav"))
        let report = try voice(zip)
        #expect(F.failed(report).isEmpty, "only warnings among the format checks")
        #expect(F.failed(report, atLeast: .warning) == ["material.folders"])
        let legacy = try voice(zip, profile: "legacy")
        #expect(F.failed(legacy) == ["material.folders"])
    }

    @Test func explicitFolderEntryCounts() throws {
        let dir = try F.folder(with: ["take-24k16.wav"])
        try F.python("""
            with zipfile.ZipFile('f.zip', 'w') as z:
                z.writestr(zipfile.ZipInfo('takes/'), b'')
                z.write('take-24k16.wav', 'take_01.wav')
            """, in: dir)
        let result = try VoiceMaterialProbe.probe(dir.appendingPathComponent("f.zip"), detectedType: "zip")
        #expect(result.facts["bundle.entry_count"] == .number(2))
        #expect(result.facts["bundle.file_count"] == .number(1))
        #expect(result.facts["bundle.has_folders"] == .flag(true))
        #expect(result.entries?.count == 1)
    }

    @Test func mp3AndM4aInsidePassButNotUnderLegacy() throws {
        let zip = try F.zip([("take_01.wav", "take-24k16.wav"), ("take_02.mp3", "take-44k.mp3"), ("take_03.m4a", "clip-48k-128k.m4a")])
        let result = try VoiceMaterialProbe.probe(zip, detectedType: "zip")
        #expect(result.facts["bundle.formats"] == .text("m4a, mp3, wav"))
        #expect(result.facts["bundle.lowest_sample_rate"] == .number(24_000))
        let mp3 = try #require(result.entries?.first { $0.name == "take_02.mp3" })
        #expect(mp3.facts["audio.sample_rate"] == .number(44_100))
        #expect(mp3.facts["audio.codec"] == .text("mp3"))
        let m4a = try #require(result.entries?.first { $0.name == "take_03.m4a" })
        #expect(m4a.facts["audio.format"] == .text("m4a"))
        #expect(abs((m4a.facts["audio.duration"]?.number ?? 0) - 15) < 0.05)
        let report = try voice(zip)
        #expect(F.failed(report, atLeast: .info).isEmpty, "\(report.findings.map(\.rule))")
        let legacy = try voice(zip, profile: "legacy")
        #expect(F.failed(legacy) == ["material.entry_format"])
        #expect(legacy.findings.filter { $0.rule == "material.entry_format" }.compactMap(\.entry).sorted() == ["take_02.mp3", "take_03.m4a"])
    }

    @Test func unsupportedFormatsAndNonAudioEntries() throws {
        let zip = try F.zip([("take_01.wav", "take-24k16.wav"), ("take_02.flac", "tone.flac"), ("take_03.ogg", "tone.ogg"),
                             ("notes.txt", "notes.txt")])
        let result = try VoiceMaterialProbe.probe(zip, detectedType: "zip")
        #expect(result.facts["bundle.audio_count"] == .number(3))
        #expect(result.facts["bundle.non_audio_count"] == .number(1))
        let report = try voice(zip)
        #expect(F.failed(report) == ["material.entry_format"])
        #expect(Set(report.findings.filter { $0.rule == "material.entry_format" }.compactMap(\.entry)) == ["take_02.flac", "take_03.ogg"])
        let notAudio = try #require(report.findings.first { $0.rule == "material.entry_audio" })
        #expect(notAudio.entry == "notes.txt")
        #expect(notAudio.severity == .warning)
        #expect(notAudio.fix?.en.contains("zip -d") == true)
    }

    @Test func namesWithSpacesFail() throws {
        let report = try voice(try F.zip([("take 01.wav", "take-24k16.wav"), ("take#2.wav", "take-24k16.wav"), ("张三_03.wav", "take-24k16.wav")]))
        #expect(F.failed(report) == ["material.entry_name"])
        #expect(Set(report.findings.filter { $0.rule == "material.entry_name" && $0.status == .fail }.compactMap(\.entry)) == ["take 01.wav", "take#2.wav"])
    }

    @Test func singleAudioFileIsItsOwnEntry() throws {
        let wav = F.audio("take-24k16.wav")
        let result = try VoiceMaterialProbe.probe(wav, detectedType: "wav")
        #expect(result.facts["audio.sample_rate"] == .number(24_000))
        #expect(result.entries?.count == 1)
        #expect(result.entries?.first?.name == "take-24k16.wav")
        #expect(result.entries?.first?.facts["file.name"] == .text("take-24k16.wav"))
        #expect(result.entries?.first?.facts["audio.sample_rate"] == .number(24_000))
        let report = try voice(wav)
        #expect(F.failed(report, atLeast: .info).isEmpty, "\(report.findings.map(\.rule))")
        let legacy = try voice(wav, profile: "legacy")
        #expect(F.failed(legacy) == ["material.zip_only"])
        let low = try voice(F.audio("take-16k.wav"))
        #expect(F.failed(low) == ["material.entry_sample_rate"])
    }

    @Test func voiceNeedsAuthorizationAndTakesDriverAudio() throws {
        let zip = try F.zip(takes(2))
        let alone = try F.check("VOICE", ["material": zip])
        #expect(F.failed(alone) == ["slots.authorization"])
        let withDriver = try F.check("VOICE", ["material": zip, "identity": F.authorization, "driver_audio": F.audio("tone.flac")])
        #expect(F.failed(withDriver) == ["driver_audio.format", "driver_audio.extension"])
        let good = try F.check("VOICE", ["material": zip, "identity": F.authorization, "driver_audio": F.audio("take-44k.mp3")])
        #expect(F.failed(good).isEmpty)
    }

    @Test func aPictureIsNeitherAudioNorZip() throws {
        let report = try voice(Fixture.video("png-named.mp4"))
        #expect(F.failed(report).contains("input.wrong_kind"))
    }
}
