import Foundation
import Testing
@testable import Preflight

/// The calibration targets of issue 4 on a small subset (one talk, short clips), so a broken estimator
/// fails CI; `make calibrate` (PREFLIGHT_CALIBRATE=1) runs the full table.
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
        let cases = Calibration.snrCases(speech, talks: 1, snrs: [10, 25])
        for c in cases { #expect(abs(c.error) <= 3, "\(c.condition): true \(c.truth) dB, estimated \(c.estimate) dB") }
    }

    @Test func c50WithinFiveDecibels() throws {
        let speech = try #require(Self.speech)
        let cases = Calibration.reverberationCases(speech, talks: 1, rt60s: [0.2, 0.8], drrs: [0, 15])
        #expect(!cases.isEmpty)
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
