@_spi(Calibration) import Preflight
import CSndFile
import Foundation

/// Reads a sound file (WAV, FLAC …) with libsndfile for the calibration harness and tests.
/// The product's own decoding lives in `Audio/Decoding`; this reader exists so calibration does not
/// depend on it.
public enum SoundFileReader {
    /// Decoded audio: interleaved float samples in [-1, 1].
    public struct Audio: Sendable {
        /// Interleaved samples.
        public var samples: [Float]
        /// Samples per second.
        public var sampleRate: Int
        /// Channels.
        public var channels: Int
    }

    /// Errors of reading.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Reads the whole file.
    public static func read(_ url: URL) throws -> Audio {
        var samples: [Float] = []
        let (rate, channels) = try stream(url) { block in samples.append(contentsOf: block) }
        return Audio(samples: samples, sampleRate: rate, channels: channels)
    }

    /// Streams the file in blocks of 4096 frames; returns the rate and channel count.
    @discardableResult
    public static func stream(_ url: URL, _ body: (UnsafeBufferPointer<Float>) -> Void) throws -> (Int, Int) {
        var info = SF_INFO()
        guard let file = sf_open(url.path, Int32(SFM_READ), &info) else {
            throw Failure(description: "cannot open \(url.path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(file) }
        let channels = Int(info.channels)
        guard channels > 0 else { throw Failure(description: "\(url.path): no channels") }
        var block = [Float](repeating: 0, count: 4096 * channels)
        while true {
            let got = block.withUnsafeMutableBufferPointer { sf_readf_float(file, $0.baseAddress, 4096) }
            if got <= 0 { break }
            block.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<(Int(got) * channels)])) }
        }
        return (Int(info.samplerate), channels)
    }

    /// Runs the full analysis over a file, streaming.
    public static func analyse(_ url: URL) throws -> AudioAnalysisResult {
        var analysis: AudioAnalysis?
        var info = SF_INFO()
        if let f = sf_open(url.path, Int32(SFM_READ), &info) { sf_close(f) }
        analysis = AudioAnalysis(sampleRate: Int(info.samplerate), channels: Int(max(1, info.channels)))
        try stream(url) { analysis!.consume($0) }
        return analysis!.finish()
    }
}
