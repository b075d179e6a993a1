import Foundation
import Testing
@testable import Preflight

/// The fast paths under the audio analysis give the same numbers as the slow ones they replace: the
/// read-ahead window of ``FileByteSource``, 16-bit PCM read raw, and the inline decibel conversion.
struct AudioReadPathTests {
    /// Small reads, odd sizes, reads across the window's end, a jump back and reads past the end of
    /// the file return exactly the file's bytes.
    @Test func readAheadWindowReturnsTheFileBytes() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(FileByteSource.readAhead * 3 + 1234)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let url = dir.appendingPathComponent("bytes.bin")
        try Data(bytes).write(to: url)
        let source = try FileByteSource(url: url)
        var buffer = [UInt8](repeating: 0, count: FileByteSource.readAhead)

        func read(_ count: Int) -> [UInt8] {
            let n = buffer.withUnsafeMutableBytes { source.read(into: $0.baseAddress!, count: count) }
            return n > 0 ? Array(buffer[0..<n]) : []
        }
        // Sequential reads of the sizes libsndfile and libavformat ask for, then odd ones.
        var expected = 0
        for size in [12, 8, 8192, 8192, 32768, 8191, 1, 65535, 65536, 100_000, 7, 8192] {
            let got = read(size)
            #expect(got == Array(bytes[expected..<min(expected + size, bytes.count)]), "read of \(size) at \(expected)")
            expected += got.count
        }
        // Back to an offset inside the window, then to one before it.
        for offset in [Int64(expected - 5000), 3, Int64(FileByteSource.readAhead - 10)] {
            source.position = offset
            let got = read(20_000)
            #expect(got == Array(bytes[Int(offset)..<Int(offset) + 20_000]), "read after a seek to \(offset)")
        }
        // Sequential 8 KiB reads to the end never come back short before it.
        source.position = 0
        var all: [UInt8] = []
        while true {
            let got = read(8192)
            if got.isEmpty { break }
            if all.count + got.count < bytes.count { #expect(got.count == 8192) }
            all += got
        }
        #expect(all == bytes)
        #expect(source.failure == nil)
    }

    /// A 16-bit WAV, mono and stereo, decodes through the raw path to exactly the floats libsndfile's
    /// own conversion gives.
    @Test(arguments: ["audio/take-24k16.wav", "audio/pcm-s16-stereo.wav"])
    func rawPCM16MatchesLibsndfile(_ name: String) throws {
        let url = Fixture.url(name)
        let reference = try SoundFileReader.read(url)
        let decoder = try SndFileAudioDecoder(source: FileByteSource(url: url))
        var decoded: [Float] = []
        let progress = decoder.decode({ decoded.append(contentsOf: $0) }, shouldStop: { false })
        #expect(progress.complete)
        #expect(decoded.count == reference.samples.count)
        #expect(decoded == reference.samples)
        #expect(decoded.contains { $0 != 0 })
    }

    /// The inline 10·log10 agrees with the double-precision logarithm within 1e-4 dB from −200 to
    /// +40 dB, and keeps the −200 dB floor.
    @Test func inlineDecibelsAgreeWithLog10() {
        var worst = 0.0
        var p = 1e-20
        while p < 1e4 {
            for x in [p, p * 1.000_1, p * 1.37, p * 1.999] {
                let f = Float(x)
                let error = abs(Double(Decibels.power(f)) - 10 * log10(Double(f)))
                worst = max(worst, error)
            }
            p *= 1.07
        }
        #expect(worst < 1e-4, "worst error \(worst) dB")
        #expect(Decibels.power(Float(0)) == Decibels.power(Float(1e-20)))
        #expect(abs(Decibels.power(Float(0)) + 200) < 1e-3)
        #expect(Decibels.power(Float(1)) == 0)
        #expect(Decibels.power(Float.infinity) == .infinity)
    }
}

/// The 16-bit pair counts of ``OffsetDecay`` carry on past 65 535 without losing a hop.
struct OffsetDecayCountTests {
    @Test func pairCountsPassSixteenBits() {
        var decay = OffsetDecay(delayHops: ReverberationEstimator.delayHops)
        let hops = 70_000
        for _ in 0..<hops { decay.add(1e-3) }  // −30 dB: bin (−30 + 130) / 0.5 = 200, before and after
        let window = OffsetDecay.beforeHops + ReverberationEstimator.delayHops + OffsetDecay.afterHops
        #expect(decay.pairCount(before: 200, after: 200) == hops - window + 1)
        #expect(decay.pairCount(before: 199, after: 200) == 0)
    }
}
