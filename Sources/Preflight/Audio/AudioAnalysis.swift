import Foundation

/// A stretch of speech found by the voice-activity detector, in milliseconds from the start.
public struct SpeechSegment: Sendable, Equatable, Codable {
    /// Start, in milliseconds.
    public var startMs: Int
    /// End, in milliseconds.
    public var endMs: Int

    /// Creates a segment.
    public init(startMs: Int, endMs: Int) { self.startMs = startMs; self.endMs = endMs }

    enum CodingKeys: String, CodingKey {
        case startMs = "start_ms"
        case endMs = "end_ms"
    }
}

/// What one pass over decoded audio measured: `audio.*` quality facts and speech segments.
public struct AudioAnalysisResult: Sendable, Equatable {
    /// Quality facts (`audio.peak_dbfs`, `audio.rms_dbfs`, …).
    public var facts: Facts
    /// Sentence-like stretches of speech.
    public var segments: [SpeechSegment]

    /// Creates a result.
    public init(facts: Facts, segments: [SpeechSegment] = []) { self.facts = facts; self.segments = segments }
}

/// Measures audio quality in one streaming pass over decoded PCM, in blocks of any length.
///
/// Feed it interleaved float samples scaled to [-1, 1], block after block, then call ``finish()``.
/// Memory stays bounded whatever the length of the audio.
public struct AudioAnalysis {
    /// Samples per second of the input.
    public let sampleRate: Int
    /// Interleaved channels of the input.
    public let channels: Int

    private var peak: Float = 0
    private var sumSquares: Double = 0
    private var frames: Int = 0

    /// Starts an analysis of audio at `sampleRate` with `channels` interleaved channels.
    public init(sampleRate: Int, channels: Int) {
        self.sampleRate = max(1, sampleRate)
        self.channels = max(1, channels)
    }

    /// Consumes the next block of interleaved samples (a partial last frame is ignored).
    public mutating func consume(_ interleaved: UnsafeBufferPointer<Float>) {
        let n = interleaved.count / channels
        guard n > 0 else { return }
        for i in 0..<n {
            var mono: Float = 0
            for c in 0..<channels {
                let s = interleaved[i * channels + c]
                peak = max(peak, abs(s))
                mono += s
            }
            mono /= Float(channels)
            sumSquares += Double(mono) * Double(mono)
        }
        frames += n
    }

    /// The measurements so far.
    public func finish() -> AudioAnalysisResult {
        var facts = Facts()
        func dbfs(_ x: Double) -> Double { 20 * log10(max(x, 1e-10)) }
        facts.set("audio.peak_dbfs", dbfs(Double(peak)))
        if frames > 0 { facts.set("audio.rms_dbfs", dbfs((sumSquares / Double(frames)).squareRoot())) }
        return AudioAnalysisResult(facts: facts)
    }
}
