import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCalibration
@testable import Preflight

/// The single-pass analysis on odd input (never crash), its definitions, bundles and the quality rules.
@Suite struct AudioQualityAnalysisTests {
    static func run(_ x: [Float], rate: Int, channels: Int = 1, block: Int = 4096) -> AudioAnalysisResult {
        var a = AudioAnalysis(sampleRate: rate, channels: channels)
        x.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let n = min(block, buf.count - i)
                a.consume(UnsafeBufferPointer(rebasing: buf[i..<(i + n)]))
                i += n
            }
        }
        return a.finish()
    }

    static func sine(_ seconds: Double, rate: Int, amplitude: Float, hz: Double = 220) -> [Float] {
        (0..<Int(seconds * Double(rate))).map { amplitude * Float(sin(2 * .pi * hz * Double($0) / Double(rate))) }
    }

    @Test func oddInputNeverCrashes() {
        for rate in [1, 8000, 11025, 16000, 44100, 96000, 192_000] {
            _ = Self.run([], rate: rate)
            _ = Self.run([0.5], rate: rate)
            _ = Self.run([Float](repeating: 0, count: 1000), rate: rate)
        }
        let wild: [Float] = [.nan, .infinity, -.infinity, 1e30, -1e30, .leastNonzeroMagnitude, 0, 1, -1] + Self.sine(0.3, rate: 8000, amplitude: 0.3)
        let r = Self.run(wild, rate: 8000)
        #expect(r.facts["audio.peak_dbfs"]?.number.map { $0.isFinite } == true)
        _ = Self.run(wild, rate: 8000, channels: 3, block: 7)
        _ = Self.run(wild, rate: 96000, channels: 2, block: 1)
        _ = Self.run(Self.sine(0.5, rate: 96000, amplitude: 0.5), rate: 96000, channels: 64, block: 64 * 3 + 5)
        _ = Self.run(Self.sine(0.1, rate: 8000, amplitude: 0.5), rate: 8000, channels: 100)
        _ = Self.run([0.1, 0.2], rate: 8000, channels: 1_000_000)
        _ = Self.run([0.1, 0.2], rate: -5, channels: -3)
    }

    @Test func digitalSilenceHasNoSpeechAndNoSNR() {
        let r = Self.run([Float](repeating: 0, count: 16000 * 3), rate: 16000)
        #expect(r.facts["audio.speech_duration"]?.number == 0)
        #expect(r.facts["audio.snr_db"] == nil)
        #expect(r.facts["audio.c50_db"] == nil)
        #expect(r.facts["audio.clipping_index"]?.number == 0)
        #expect(r.facts["audio.peak_dbfs"]?.number == -200)
        #expect(r.segments.isEmpty)
        #expect(r.details.gatedZeroSamples > 0)
    }

    @Test func finishTwiceAndDropUnfinished() {
        var a = AudioAnalysis(sampleRate: 24000, channels: 1)
        let x = Self.sine(1, rate: 24000, amplitude: 0.25)
        x.withUnsafeBufferPointer { a.consume($0) }
        let first = a.finish(), second = a.finish()
        #expect(first.facts == second.facts)
        for _ in 0..<20 {
            var dropped = AudioAnalysis(sampleRate: 48000, channels: 2)
            (x + x).withUnsafeBufferPointer { dropped.consume($0) }
        }
    }

    @Test func levelsAreSampleLevels() throws {
        let r = Self.run(Self.sine(1, rate: 16000, amplitude: 0.5), rate: 16000)
        let peak = try #require(r.facts["audio.peak_dbfs"]?.number)
        let rms = try #require(r.facts["audio.rms_dbfs"]?.number)
        #expect(abs(peak - 20 * log10(0.5)) < 0.01)
        #expect(abs(rms - 20 * log10(0.5 / 2.0.squareRoot())) < 0.05)
    }

    @Test func clippingIndexDefinition() throws {
        // A loud tone clipped at full scale in every fragment: index 100.
        let hard = Self.sine(2, rate: 16000, amplitude: 2).map { min(max($0, -1), 1) }
        let r = Self.run(hard, rate: 16000)
        #expect(r.facts["audio.clipping_index"]?.number == 100)
        #expect((r.facts["audio.clipped_samples"]?.number ?? 0) > 1000)
        #expect((r.facts["audio.longest_clipped_run"]?.number ?? 0) >= 3)
        // The same clipped at half scale (gain, then a limiter): still found.
        var limited = Self.sine(2, rate: 16000, amplitude: 2).map { min(max($0, -0.5), 0.5) }
        SignalSynthesis.quantize16(&limited)
        #expect(Self.run(limited, rate: 16000).facts["audio.clipping_index"]?.number == 100)
        // A clean tone touching full scale once per period is not clipped.
        var clean = Self.sine(2, rate: 16000, amplitude: 0.999_97, hz: 203.7)
        SignalSynthesis.quantize16(&clean)
        let c = Self.run(clean, rate: 16000)
        #expect(c.facts["audio.clipping_index"]?.number == 0)
        #expect(c.facts["audio.clipped_samples"]?.number == 0)
    }

    @Test func wadaTableMatchesKimAndStern() {
        #expect(abs(WADATable.snr(forG: 0.955825) - 20) < 0.01)
        #expect(WADATable.snr(forG: 0.1) == -20)
        #expect(WADATable.snr(forG: 5) == 100)
        #expect(WADATable.snr(forG: .nan) == -20)
        #expect(zip(WADATable.g, WADATable.g.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(WADATable.g.count == 121)
    }

    @Test func segmentsAreSentencesInJSON() throws {
        let speech = try #require(try? CalibrationSpeech.load(from: Fixture.url("speech")))
        let rate = speech.sampleRate
        let gap = [Float](repeating: 0, count: rate)
        let x = gap + speech.talks[0] + gap + gap + speech.talks[1] + gap
        let r = Self.run(x, rate: rate)
        #expect(r.segments.count >= 2)
        #expect(r.segments.first.map { $0.startMs >= 900 && $0.startMs <= 1100 } == true)
        #expect(zip(r.segments, r.segments.dropFirst()).allSatisfy { $0.endMs < $1.startMs })
        let json = String(decoding: try JSONEncoder().encode(r.segments.first!), as: UTF8.self)
        #expect(json.contains("\"start_ms\"") && json.contains("\"end_ms\""))
        let total = r.segments.reduce(0) { $0 + $1.endMs - $1.startMs }
        #expect(abs(Double(total) / 1000 - (r.facts["audio.speech_duration"]?.number ?? 0)) < 0.001)
    }

    @Test func bundleSumsDurationAndTakesWorst() {
        var a = Facts(), b = Facts()
        a.set("audio.speech_duration", 100.0); b.set("audio.speech_duration", 50.0)
        a.set("audio.snr_db", 40.0); b.set("audio.snr_db", 22.0)
        a.set("audio.c50_db", 35.0); b.set("audio.c50_db", 45.0)
        a.set("audio.clipping_index", 0.0); b.set("audio.clipping_index", 12.0)
        let r = AudioAnalysisResult.bundle([AudioAnalysisResult(facts: a), AudioAnalysisResult(facts: b)])
        #expect(r.facts["audio.speech_duration"]?.number == 150)
        #expect(r.facts["audio.snr_db"]?.number == 22)
        #expect(r.facts["audio.c50_db"]?.number == 35)
        #expect(r.facts["audio.clipping_index"]?.number == 12)
    }

    /// The quality rule files load under stand-in VOICE and ZERO_SHOT_VOICE files, with the strict profile.
    @Test func qualityRulesLoadWithStrictProfile() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shared = dir.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        for name in ["voice-quality.yaml", "zero-shot-voice-quality.yaml"] {
            try FileManager.default.copyItem(at: Fixture.root.appendingPathComponent("rules/shared/\(name)"), to: shared.appendingPathComponent(name))
        }
        func stub(_ type: String, kind: String, include: String) -> String {
            "schema: 1\ntype: \(type)\ninclude:\n  - shared/\(include)\nslots:\n  material:\n    kind: \(kind)\n"
        }
        try stub("VOICE", kind: "voice", include: "voice-quality.yaml").write(to: dir.appendingPathComponent("VOICE.yaml"), atomically: true, encoding: .utf8)
        try stub("ZERO_SHOT_VOICE", kind: "audio", include: "zero-shot-voice-quality.yaml").write(to: dir.appendingPathComponent("ZERO_SHOT_VOICE.yaml"), atomically: true, encoding: .utf8)
        let loader = RuleSetLoader(builtinDirectory: dir)
        func limit(_ set: RuleSet, _ id: String) -> Double? {
            set.rules.first { $0.id == id }.flatMap { ($0.constraint.min ?? $0.constraint.max)?.number }
        }
        let voice = try loader.load(type: "VOICE")
        #expect(limit(voice, "material.entry_snr") == 25)
        #expect(limit(voice, "material.entry_c50") == 30)
        #expect(limit(voice, "material.entry_clipping") == 10)
        #expect(limit(voice, "material.speech_duration") == 300)
        #expect(voice.rules.first { $0.id == "material.entry_snr" }?.scope == .entries)
        let strict = try loader.load(type: "VOICE", profile: "strict")
        #expect(limit(strict, "material.entry_snr") == 30)
        #expect(limit(strict, "material.entry_clipping") == 0)
        #expect(limit(strict, "material.speech_duration") == 600)
        let zero = try loader.load(type: "ZERO_SHOT_VOICE")
        #expect(limit(zero, "material.snr") == 20)
        #expect(limit(zero, "material.c50") == 20)
        #expect(limit(zero, "material.speech_duration") == 5)
    }

    /// Noise lowers the C50 reading, so a low C50 is reported with the take's SNR beside it.
    @Test func aLowC50IsToldWithItsSNR() throws {
        let set = try RuleSetLoader().load(type: "ZERO_SHOT_VOICE")
        var facts = Facts()
        facts.set("audio.c50_db", 11.5)
        facts.set("audio.snr_db", 17.6)
        let input = InputReport(slot: "material", path: "take.wav", facts: facts, error: nil)
        let finding = try #require(Evaluator.evaluate(set, inputs: [input]).first { $0.rule == "material.c50" })
        #expect(finding.status == .fail && finding.severity == .warning)
        #expect(finding.message.en.contains("the SNR is about 17.6 dB") && finding.message.zh.contains("信噪比约 17.6 dB"), "\(finding.message)")
    }
}
