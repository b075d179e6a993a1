import Foundation

/// Voice activity per 20 ms frame, after the design of the WebRTC VAD (the GMM detector in
/// `webrtc/common_audio/vad`, as packaged by libfvad): log energies in six sub-bands of 80 Hz–4 kHz
/// at 8 kHz, a noise model per band that adapts only on non-speech frames and is bounded by a running
/// minimum (minimum statistics, R. Martin 2001), a per-band ("local") and a spectrally weighted
/// ("global") speech test, and an energy gate.
///
/// The trained Gaussian mixtures of WebRTC are replaced by a Gaussian noise model with a fixed speech
/// offset: a band counts as speech when it stands `localThreshold` dB above its noise mean, a frame when
/// the weighted mean excess exceeds `globalThreshold` dB or two bands pass the local test. The energy
/// gate demands the 80 Hz–4 kHz frame power be 4 dB above the summed noise means and within 50 dB of
/// the loudest frame so far, and above −70 dBFS. Hangover and pause bridging are left to
/// ``SpeechSegmenter``.
struct VoiceActivityDetector {
    static let bandCount = 6
    static let weights: [Float] = [0.7, 1.0, 1.0, 1.0, 0.9, 0.7]
    static let localThreshold: Float = 7
    static let globalThreshold: Float = 3.5
    /// Frames per minimum-statistics block (0.4 s); the minimum spans the last 4 blocks.
    static let blockFrames = 20

    private var noise = [Float](repeating: 0, count: bandCount)
    private var blockMin = [Float](repeating: .infinity, count: bandCount)
    private var pastMins = [[Float]](repeating: [Float](repeating: .infinity, count: bandCount), count: 4)
    private var blockPos = 0
    private var frames = 0
    private var loudest: Float = -200
    private var accum = [Float](repeating: 0, count: bandCount)
    private var hopsInFrame = 0

    /// Adds one 5 ms hop; returns a decision when it completes a 20 ms frame.
    mutating func add(_ hop: ShortTimeSpectrum.Hop) -> Bool? {
        accum[0] += hop.bands.0; accum[1] += hop.bands.1; accum[2] += hop.bands.2
        accum[3] += hop.bands.3; accum[4] += hop.bands.4; accum[5] += hop.bands.5
        hopsInFrame += 1
        guard hopsInFrame == 4 else { return nil }
        hopsInFrame = 0
        var level = [Float](repeating: 0, count: Self.bandCount)
        var total: Float = 0
        for b in 0..<Self.bandCount {
            let p = accum[b] / 4
            total += p
            level[b] = 10 * log10(Swift.max(p, 1e-13))
            accum[b] = 0
        }
        let totalDB = 10 * log10(Swift.max(total, 1e-13))
        return decide(level, totalDB: totalDB)
    }

    private mutating func decide(_ level: [Float], totalDB: Float) -> Bool {
        frames += 1
        // Running minimum over the last 1.6–2 s.
        var windowMin = [Float](repeating: .infinity, count: Self.bandCount)
        for b in 0..<Self.bandCount {
            blockMin[b] = Swift.min(blockMin[b], level[b])
            var m = blockMin[b]
            for past in pastMins { m = Swift.min(m, past[b]) }
            windowMin[b] = m
        }
        if frames == 1 { noise = level }
        for b in 0..<Self.bandCount {
            noise[b] = Swift.min(Swift.max(noise[b], windowMin[b]), windowMin[b] + 8)
        }
        var weighted: Float = 0, weightSum: Float = 0, localHits = 0
        var noiseTotal: Float = 0
        for b in 0..<Self.bandCount {
            let excess = level[b] - noise[b]
            weighted += Self.weights[b] * Swift.max(0, excess - 3)
            weightSum += Self.weights[b]
            if excess > Self.localThreshold { localHits += 1 }
            noiseTotal += pow(10, noise[b] / 10)
        }
        loudest = Swift.max(loudest, totalDB)
        let gate = totalDB > 10 * log10(Swift.max(noiseTotal, 1e-13)) + 4 && totalDB > loudest - 50 && totalDB > -70
        let speech = gate && (weighted / weightSum > Self.globalThreshold || localHits >= 2)
        if !speech {
            for b in 0..<Self.bandCount { noise[b] += 0.1 * (level[b] - noise[b]) }
        }
        blockPos += 1
        if blockPos == Self.blockFrames {
            pastMins.removeFirst()
            pastMins.append(blockMin)
            blockMin = [Float](repeating: .infinity, count: Self.bandCount)
            blockPos = 0
        }
        return speech
    }
}
