import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCalibration
@testable import Preflight

/// The calibration targets on a small subset (one talk, short clips, and for C50 one dry room
/// on the slowest voice), so a broken estimator fails CI; `make calibrate` (PREFLIGHT_CALIBRATE=1) runs
/// the full table.
@Suite struct AudioQualityCalibrationTests {
    static let speech: CalibrationSpeech? = try? CalibrationSpeech.load(from: Fixture.url("speech"))

    @Test func speechFixturesLoad() throws {
        let speech = try #require(Self.speech)
        #expect(speech.talks.count >= 3)
        #expect(speech.babble.count >= 3)
        #expect(speech.sampleRate == 16000)
    }

    @Test func snrWithinThreeDecibels() throws {
        let speech = try #require(Self.speech)
        let cases = Calibration.snrCases(speech, talks: 1, noises: [.white, .pink, .babble], snrs: [10, 25])
        for c in cases { #expect(abs(c.error) <= 3, "\(c.condition): true \(c.truth) dB, estimated \(c.estimate) dB") }
    }

    /// Continuous reading (sentences 40–120 ms apart): clean reads at least 40 dB, and white noise at a true
    /// 30 dB reads within 3 dB and never more than 3 dB high. The estimate that saturated near 20 dB on
    /// such reading fails both.
    @Test func continuousReadingReadsCleanAndTrue() throws {
        let speech = try #require(Self.speech)
        let voices = CalibrationVoices(voices: [.init(name: "fixture-talks", sentences: speech.talks + speech.talks)], sampleRate: speech.sampleRate)
        let cases = voices.snrCases(readings: [.continuous], noises: [.white], snrs: [30], seconds: 30)
        let clean = try #require(cases.first { $0.truth == nil })
        #expect((clean.estimate ?? 0) >= 40, "clean continuous reading read \(clean.estimate ?? .nan) dB")
        let noisy = try #require(cases.first { $0.truth == 30 })
        #expect(abs((noisy.estimate ?? .nan) - 30) <= 3, "30 dB continuous reading read \(noisy.estimate ?? .nan) dB (\(noisy.method))")
        #expect(noisy.method != "insufficient-speech")
    }

    /// Continuous reading under noise that rises and falls (music, babble, clicks): the estimate may be
    /// off by more than 3 dB there, but never by more than the uncertainty it reports.
    @Test func continuousReadingStaysWithinItsOwnUncertainty() throws {
        let speech = try #require(Self.speech)
        let voices = CalibrationVoices(voices: [.init(name: "fixture-talks", sentences: speech.talks + speech.talks)], sampleRate: speech.sampleRate)
        let cases = voices.snrCases(readings: [.continuous], noises: [.music, .babble, .clicks], snrs: [5, 20, 25, 30], seconds: 30)
        for c in cases where c.truth != nil {
            let estimate = try #require(c.estimate), u = try #require(c.uncertainty)
            #expect(abs(estimate - c.truth!) <= u, "\(c.noise.rawValue) at \(c.truth!) dB read \(estimate) dB ± \(u) (\(c.method))")
        }
    }

    /// Run-on reading (every pause cut out): the gaps between words hold the voice's own quiet sounds and
    /// the estimate reads low, but never by more than the uncertainty it reports, and never high by more
    /// than 3 dB under steady noise.
    @Test func runOnReadingStaysWithinItsOwnUncertainty() throws {
        let speech = try #require(Self.speech)
        // The talks with every stretch of 40 ms or more that lies 40 dB under their loudest 10 ms cut out.
        let cut = (speech.talks + speech.talks).map { Self.cutPauses($0, sampleRate: speech.sampleRate) }
        let voices = CalibrationVoices(voices: [.init(name: "fixture-talks", sentences: cut)], sampleRate: speech.sampleRate)
        let cases = voices.snrCases(readings: [.runOn], noises: [.white, .pink, .music], snrs: [0, 10, 25, 40], seconds: 30)
        for c in cases where c.truth != nil {
            let estimate = try #require(c.estimate), u = try #require(c.uncertainty)
            #expect(abs(estimate - c.truth!) <= u, "\(c.noise.rawValue) at \(c.truth!) dB read \(estimate) dB ± \(u) (\(c.method))")
            if c.noise != .music { #expect(estimate - c.truth! <= 3, "\(c.noise.rawValue) at \(c.truth!) dB read \(estimate) dB (\(c.method))") }
        }
    }

    /// `x` without its pauses: runs of at least four 10 ms windows 40 dB under the loudest window.
    static func cutPauses(_ x: [Float], sampleRate: Int) -> [Float] {
        let w = sampleRate / 100
        let powers = stride(from: 0, to: x.count - w + 1, by: w).map { i in x[i..<i + w].reduce(Float(0)) { $0 + $1 * $1 } }
        let quiet = (powers.max() ?? 0) * 1e-4
        var out: [Float] = [], run: [Float] = []
        for (k, p) in powers.enumerated() {
            let window = x[k * w..<k * w + w]
            if p < quiet { run += window; continue }
            if run.count < 4 * w { out += run }
            run = []
            out += window
        }
        return out
    }

    @Test func c50WithinFiveDecibels() throws {
        let speech = try #require(Self.speech)
        var cases = Calibration.reverberationCases(speech, talks: 1, rt60s: [0.2, 0.8], drrs: [0, 15])
        #expect(!cases.isEmpty)
        // A dry room above 30 dB (RT60 0.1 s, DRR 5 dB: the room decays as quickly as a slow voice's own
        // release) on talk-en-2, whose offsets are the slowest of the three voices. The single
        // 250–3500 Hz band estimate read this case 10 dB low.
        let slow = try #require(speech.names.firstIndex(of: "talk-en-2"))
        let dry = Calibration.reverberationCases(speech.only(slow), rt60s: [0.1], drrs: [5], seed: 2002)
        #expect(dry.count == 1 && dry.allSatisfy { $0.truth > 30 })
        cases += dry
        for c in cases { #expect(abs(c.error) <= 5, "\(c.condition): true \(c.truth) dB, estimated \(c.estimate) dB") }
    }

    @Test func speechDurationWithinFivePercent() throws {
        let speech = try #require(Self.speech)
        let cases = Calibration.durationCases(speech, talks: 1, conditions: [(nil, 0), (.white, 20)])
        for c in cases { #expect(abs(c.error) <= 5, "\(c.condition): \(c.estimate) % of the true duration") }
    }

    @Test func everyClippedStretchFoundNoneInvented() throws {
        let speech = try #require(Self.speech)
        let outcomes = Calibration.clippingCases(speech, talks: 1, stretches: 3)
        for o in outcomes {
            #expect(o.found == o.inserted, "\(o.condition): \(o.found) of \(o.inserted) found")
            #expect(o.invented == 0, "\(o.condition): \(o.invented) runs invented")
            if o.inserted == 0 { #expect(o.index == 0, "\(o.condition): index \(o.index)") } else { #expect(o.index > 0) }
        }
    }

    /// The wider SNR calibration over the voices of `Fixtures/make-calibration-voices.sh`
    /// (PREFLIGHT_CALIBRATION_VOICES names their folder; `make calibrate` sets it).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_VOICES"] != nil))
    func voiceCalibration() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_VOICES"]!)
        let voices = try CalibrationVoices.load(from: folder)
        // PREFLIGHT_CALIBRATION_ONLY, _READINGS and _NOISES (comma-separated names) pick a subset for iteration.
        let env = ProcessInfo.processInfo.environment
        func list(_ key: String) -> [String]? { env[key].map { $0.split(separator: ",").map(String.init) } }
        let readings = list("PREFLIGHT_CALIBRATION_READINGS")?.compactMap(CalibrationVoices.Reading.init(rawValue:)) ?? CalibrationVoices.Reading.allCases
        let noises = list("PREFLIGHT_CALIBRATION_NOISES")?.compactMap(SignalSynthesis.Noise.init(rawValue:)) ?? SignalSynthesis.everyNoise
        let cases = voices.snrCases(voices: list("PREFLIGHT_CALIBRATION_ONLY"), readings: readings, noises: noises)
        let report = CalibrationVoices.snrReport(cases)
        print(report)
        if let list = ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_CASES_OUT"] {
            let rows = cases.map { "\($0.voice)\t\($0.reading.rawValue)\t\($0.noise.rawValue)\t\($0.truth.map { String($0) } ?? "clean")\t\($0.estimate.map { String(format: "%.2f", $0) } ?? "nil")\t\($0.method)\t\($0.uncertainty.map { String($0) } ?? "nil")" }
            try rows.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
        }
        if let out = ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_VOICES_OUT"] {
            try report.write(toFile: out, atomically: true, encoding: .utf8)
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATE"] == "1"))
    func fullCalibration() throws {
        let speech = try #require(Self.speech)
        let report = Calibration.report(speech)
        print(report)
        if let out = ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_OUT"] {
            try report.write(toFile: out, atomically: true, encoding: .utf8)
        }
    }
}
