import Foundation

/// What a decoder learned about an audio stream from its headers, before decoding it.
struct AudioStreamDescription: Sendable, Equatable {
    /// The file format by content: wav, mp3, m4a, aac, wma, asf, flac, ogg …
    var format: String
    /// The codec, in libavcodec's naming (pcm_s16le, mp3, aac, wmav2 …).
    var codec: String
    /// The PCM sample encoding, or the codec for compressed audio.
    var sampleFormat: String
    /// Samples per second.
    var sampleRate: Int
    /// Interleaved channels.
    var channels: Int
    /// Bits per sample of PCM audio.
    var bitDepth: Int?
    /// Bit rate of compressed audio, when the container or stream says.
    var bitRate: Double?
    /// Duration from the headers, in seconds.
    var headerDuration: Double?
    /// Which library decodes it.
    var decoder: String
    /// Whether the stream is compressed (not PCM).
    var compressed: Bool

    /// The highest channel count accepted; more is treated as damaged.
    static let channelLimit = 64
    /// The accepted sample rates, in hertz.
    static let sampleRateRange = 1...1_536_000

    /// The stream's facts (without the decoded duration).
    var facts: Facts {
        var f = Facts()
        f.set(.audioFormat, format)
        f.set(.audioCodec, codec)
        f.set(.audioSampleFormat, sampleFormat)
        f.set(.audioSampleRate, sampleRate)
        f.set(.audioChannels, channels)
        f.set(.audioBitDepth, bitDepth)
        if compressed { f.set(.audioBitRate, bitRate) }
        f.set(.audioDecoder, decoder)
        return f
    }

    /// Whether rate and channels are within what a real recording can have.
    var isPlausible: Bool {
        Self.sampleRateRange.contains(sampleRate) && (1...Self.channelLimit).contains(channels)
    }
}

/// How far decoding got.
struct AudioDecodeProgress: Sendable, Equatable {
    /// Sample frames decoded.
    var frames: Int = 0
    /// Whether the stream was read to its end without a failure.
    var complete = false
    /// Packets or blocks that failed to decode and were skipped.
    var errors = 0
}

/// A reusable buffer of interleaved float samples; grows, never shrinks, never allocates per sample.
final class SampleBlock {
    private(set) var samples: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        samples = .allocate(capacity: self.capacity)
    }

    deinit { samples.deallocate() }

    /// Makes room for at least `count` samples.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        samples.deallocate()
        capacity = count
        samples = .allocate(capacity: count)
    }

    /// The first `count` samples.
    func prefix(_ count: Int) -> UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: samples, count: min(count, capacity)) }
}
