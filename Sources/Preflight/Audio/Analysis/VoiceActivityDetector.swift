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

    // Per-band state in SIMD8 lanes 0–5 (lanes 6 and 7 unused): no allocation per frame.
    private typealias Bands = SIMD8<Float>
    private static let bandWeights = Bands(weights + [0, 0])
    private var noise = Bands(repeating: 0)
    private var blockMin = Bands(repeating: .infinity)
    /// The minima of the last 4 blocks, the oldest replaced in turn (`oldest`).
    private var pastMins = [Bands](repeating: Bands(repeating: .infinity), count: 8)
    private var oldest = 0
    private var blockPos = 0
    private var frames = 0
    private var loudest: Float = -200
    private var accum = Bands(repeating: 0)
    private var hopsInFrame = 0

    /// Adds one 5 ms hop; returns a decision when it completes a 20 ms frame.
    mutating func add(_ hop: ShortTimeSpectrum.Hop) -> Bool? {
        accum += Bands(hop.bands.0, hop.bands.1, hop.bands.2, hop.bands.3, hop.bands.4, hop.bands.5, 0, 0)
        hopsInFrame += 1
        guard hopsInFrame == 4 else { return nil }
        hopsInFrame = 0
        var level = Bands(repeating: 0)
        var total: Float = 0
        for b in 0..<Self.bandCount {
            let p = accum[b] / 4
            total += p
            level[b] = Decibels.power(Swift.max(p, 1e-13))
        }
        accum = Bands(repeating: 0)
        return decide(level, totalDB: Decibels.power(Swift.max(total, 1e-13)))
    }

    private mutating func decide(_ level: Bands, totalDB: Float) -> Bool {
        frames += 1
        // Running minimum over the last 1.6–2 s.
        blockMin = VectorKernels.vmin(blockMin, level)
        var windowMin = blockMin
        for past in pastMins { windowMin = VectorKernels.vmin(windowMin, past) }
        if frames == 1 { noise = level }
        noise = VectorKernels.vmin(VectorKernels.vmax(noise, windowMin), windowMin + 8)
        var weighted: Float = 0, localHits = 0
        var noiseTotal: Float = 0
        for b in 0..<Self.bandCount {
            let excess = level[b] - noise[b]
            weighted += Self.bandWeights[b] * Swift.max(0, excess - 3)
            if excess > Self.localThreshold { localHits += 1 }
            // 10^(dB/10) = 2^(dB·log2(10)/10)
            noiseTotal += exp2(noise[b] * 0.332_192_8)
        }
        loudest = Swift.max(loudest, totalDB)
        let gate = totalDB > Decibels.power(Swift.max(noiseTotal, 1e-13)) + 4 && totalDB > loudest - 50 && totalDB > -70
        let speech = gate && (weighted / Self.weightSum > Self.globalThreshold || localHits >= 2)
        if !speech { noise += 0.1 * (level - noise) }
        blockPos += 1
        if blockPos == Self.blockFrames {
            pastMins[oldest] = blockMin
            oldest = (oldest + 1) % pastMins.count
            blockMin = Bands(repeating: .infinity)
            blockPos = 0
        }
        return speech
    }

    private static let weightSum = weights.reduce(0, +)
}
