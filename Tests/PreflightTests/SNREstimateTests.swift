import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The SNR's noise estimate on frame powers with a known truth: where the detector misses soft voice at
/// a low SNR, one long "pause" holds it, and the noise must still come from the noise alone.
@Suite struct SNREstimateTests {
    /// Frame powers around `power` with a deterministic level spread of about `spreadDB` (dB).
    static func frames(_ count: Int, power: Double, spreadDB: Double, seed: inout UInt64) -> [Double] {
        (0..<count).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(seed >> 11) / Double(1 << 53) - 0.5
            return power * pow(10, spreadDB * 2 * u / 10)
        }
    }

    /// Steady noise 20 dB under the speech; a 0.3 s lead-in of noise alone, then speech, a 4 s stretch the
    /// detector called a pause but that holds voice as loud as the noise (+2 dB together), and speech.
    /// Taken whole, that "pause" passes the 6 dB test and reads the noise 1.9 dB high, the SNR 2 dB low.
    @Test func steadyNoiseIgnoresMissedVoiceInALongPause() {
        let noise = 1e-5, speech = 1e-3
        var seed: UInt64 = 7
        var s = SpeechSegmenter()
        for p in Self.frames(15, power: noise, spreadDB: 0.6, seed: &seed) { s.add(power: p, speech: false) }
        for p in Self.frames(100, power: speech + noise, spreadDB: 6, seed: &seed) { s.add(power: p, speech: true) }
        for p in Self.frames(200, power: noise * pow(10, 0.2), spreadDB: 2, seed: &seed) { s.add(power: p, speech: false) }
        for p in Self.frames(100, power: speech + noise, spreadDB: 6, seed: &seed) { s.add(power: p, speech: true) }
        s.finish()
        let r = SNREstimate.estimate(s)
        #expect(r.method == .pauses)
        let snr = r.snr ?? .nan
        // The speech frames' own mean, less the noise, over the noise.
        let active = s.speechPower / Double(s.speechFrames)
        let truth = 10 * log10((active - noise) / noise)
        #expect(abs(snr - truth) <= 0.5, "read \(snr) dB, true \(truth) dB")
        #expect(abs(10 * log10((r.noisePower ?? .nan) / noise)) <= 0.3)
    }

    /// Fluctuating noise (a click every few frames) is measured as the mean of whole pauses, clicks
    /// included: the quiet pieces between clicks alone would read the noise 6 dB low.
    @Test func fluctuatingNoiseKeepsItsClicks() {
        let floor = 1e-6, click = 4e-5, speech = 1e-3
        var pause: [Double] = []
        for i in 0..<60 { pause.append(i % 6 == 3 ? click : floor) }
        let mean = pause.reduce(0, +) / Double(pause.count)
        var seed: UInt64 = 11
        var s = SpeechSegmenter()
        for p in pause { s.add(power: p, speech: false) }
        for p in Self.frames(150, power: speech + mean, spreadDB: 6, seed: &seed) { s.add(power: p, speech: true) }
        for p in pause { s.add(power: p, speech: false) }
        for p in Self.frames(150, power: speech + mean, spreadDB: 6, seed: &seed) { s.add(power: p, speech: true) }
        s.finish()
        let r = SNREstimate.estimate(s)
        #expect(r.method == .pauses)
        #expect(abs(10 * log10((r.noisePower ?? .nan) / mean)) <= 1, "noise \(r.noisePower ?? .nan), mean \(mean)")
    }

    /// Continuous reading: the noise is seen only in a 0.3 s lead-in, which caught a quiet moment of a
    /// noise that is louder elsewhere (music between chords): a later pause stands 6.5 dB above it. The
    /// estimate cannot tell which is the noise, so its uncertainty is at least that distance, not 3 dB.
    @Test func aShortSampleUnderALouderPauseWidensTheUncertainty() {
        let quiet = 1e-6, loud = 1e-6 * pow(10, 0.65), speech = 1e-3
        var seed: UInt64 = 5
        var s = SpeechSegmenter()
        for p in Self.frames(15, power: quiet, spreadDB: 0.5, seed: &seed) { s.add(power: p, speech: false) }
        for p in Self.frames(1500, power: speech, spreadDB: 6, seed: &seed) { s.add(power: p, speech: true) }
        for p in Self.frames(10, power: loud, spreadDB: 0.5, seed: &seed) { s.add(power: p, speech: false) }
        s.finish()
        let r = SNREstimate.estimate(s)
        #expect(r.method == .pauses)
        #expect(abs(10 * log10((r.noisePower ?? .nan) / quiet)) <= 0.5)
        #expect((r.uncertainty ?? 0) >= 6.4, "uncertainty \(r.uncertainty ?? .nan)")
    }

    /// The same take with the noise steady everywhere keeps the pauses' 3 dB; with noise that rises and
    /// falls by several dB from frame to frame in the short lead-in, the sampling error widens it.
    @Test func theSampleItselfSetsTheUncertainty() {
        func estimate(spreadDB: Double) -> SNREstimate.Result {
            var seed: UInt64 = 9
            var s = SpeechSegmenter()
            for p in Self.frames(15, power: 1e-6, spreadDB: spreadDB, seed: &seed) { s.add(power: p, speech: false) }
            for p in Self.frames(1500, power: 1e-3, spreadDB: 6, seed: &seed) { s.add(power: p, speech: true) }
            s.finish()
            return SNREstimate.estimate(s)
        }
        let steady = estimate(spreadDB: 0.5), fluctuating = estimate(spreadDB: 8)
        #expect(steady.method == .pauses && fluctuating.method == .pauses)
        #expect(steady.uncertainty == 3)
        // Frame levels uniform over ±8 dB: a spread of about 4.6 dB over 1.2 pieces of 200 ms.
        #expect((fluctuating.uncertainty ?? 0) >= 8, "uncertainty \(fluctuating.uncertainty ?? .nan)")
    }

    /// Noise about as loud as the voice: the detector keeps only the louder speech, and the estimate is
    /// good to 7 dB, not 3.
    @Test func aLowReadingCarriesTheLowSNRUncertainty() {
        var seed: UInt64 = 3
        var s = SpeechSegmenter()
        for p in Self.frames(100, power: 1e-4, spreadDB: 0.5, seed: &seed) { s.add(power: p, speech: false) }
        for p in Self.frames(500, power: 5e-4, spreadDB: 2, seed: &seed) { s.add(power: p, speech: true) }
        for p in Self.frames(100, power: 1e-4, spreadDB: 0.5, seed: &seed) { s.add(power: p, speech: false) }
        s.finish()
        let r = SNREstimate.estimate(s)
        #expect((r.snr ?? 99) < SNREstimate.lowSNR)
        #expect(r.uncertainty == SNREstimate.lowSNRUncertainty)
    }
}
