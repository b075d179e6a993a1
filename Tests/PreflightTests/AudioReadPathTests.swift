import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCalibration
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
/// The resampler's filter bank is sized to the ratio's exact phase count, not libswresample's default.
struct ResamplerPhaseTests {
    @Test func phaseShiftHoldsTheExactPhaseCount() {
        let expected = [8_000: 0, 16_000: 0, 24_000: 0, 48_000: 0, 44_100: 7, 22_050: 8, 11_025: 9, 32_000: 0, 12_000: 1, 96_000: 0]
        for (rate, shift) in expected { #expect(Resampler.phaseShift(from: rate, to: 8_000) == shift, "\(rate) Hz") }
        // 7 919 Hz → 8 000 Hz needs 8 000 phases: more than the default bank, which it keeps.
        #expect(Resampler.phaseShift(from: 7_919, to: 8_000) == 10)
    }

    @Test(arguments: [24_000, 44_100, 22_050, 11_025, 48_000])
    func sameOutputAsTheDefaultBank(rate: Int) throws {
        var generator = SplitMix(state: UInt64(rate))
        let input = (0..<(rate / 2)).map { _ in Float.random(in: -0.5..<0.5, using: &generator) }
        func run(_ shift: Int?) throws -> [Float] {
            let resampler = try #require(Resampler(from: rate, to: 8_000, phaseShift: shift))
            var out: [Float] = []
            input.withUnsafeBufferPointer { x in
                for start in stride(from: 0, to: x.count, by: 4_096) {
                    resampler.convert(x.baseAddress! + start, count: min(4_096, x.count - start)) { p, n in out += UnsafeBufferPointer(start: p, count: n) }
                }
            }
            resampler.convert(nil, count: 0) { p, n in out += UnsafeBufferPointer(start: p, count: n) }
            return out
        }
        let chosen = try run(nil), standard = try run(10)
        #expect(chosen.count == standard.count && chosen.count > rate / 2 * 8_000 / rate - 64)
        #expect(chosen == standard, "bit for bit")
        // A bank too small for the ratio would not be: one phase for 44.1 kHz.
        if rate == 44_100 { #expect(try run(0) != standard) }
    }
}

/// Two windows share one complex FFT: each hop's band powers must still be its own.
struct ShortTimeSpectrumPairTests {
    @Test func eachWindowOfAPairKeepsItsOwnBands() throws {
        let spectrum = try #require(ShortTimeSpectrum())
        // 0.5 s of a 750 Hz sine, then 0.5 s of 3.75 kHz, amplitude 0.5 (mean square 0.125), then 0.2 s
        // of silence; 9 601 samples make 239 windows: an odd count, the last reported by `flush`.
        let rate = Double(ShortTimeSpectrum.rate)
        var x = (0..<4_000).map { Float(0.5 * sin(2 * Double.pi * 750 * Double($0) / rate)) }
        x += (0..<4_000).map { Float(0.5 * sin(2 * Double.pi * 3_750 * Double($0) / rate)) }
        x += [Float](repeating: 0, count: 1_601)
        var hops: [ShortTimeSpectrum.Hop] = []
        x.withUnsafeBufferPointer { p in
            // In uneven pieces, as the resampler hands them over.
            var i = 0, piece = 1
            while i < p.count {
                let n = min(piece, p.count - i)
                spectrum.add(p.baseAddress! + i, count: n) { hops.append($0) }
                i += n; piece = piece * 3 % 997 + 1
            }
        }
        spectrum.flush { hops.append($0) }
        #expect(hops.count == 9_601 / ShortTimeSpectrum.hop - 1)
        func bands(_ h: ShortTimeSpectrum.Hop) -> [Float] { [h.bands.0, h.bands.1, h.bands.2, h.bands.3, h.bands.4, h.bands.5] }
        // Windows wholly inside each tone (hop i covers samples 40 i ..< 40 i + 80): the tone's band holds
        // its mean square, the others little. Hops 98 and 99 share a transform, and only 99 reaches
        // into the second tone.
        for (index, band) in (0...98).map({ ($0, 2) }) + (100...198).map({ ($0, 5) }) {
            let b = bands(hops[index])
            #expect(abs(b[band] - 0.125) < 0.02, "hop \(index): \(b)")
            #expect(b.enumerated().filter { $0.offset != band }.allSatisfy { $0.element < 0.01 }, "hop \(index): \(b)")
        }
        #expect(hops[99].bands.5 > 0.01 && hops[99].bands.2 > 0.01)
        #expect(hops[50].speech > 0.1 && hops[150].speech < 0.01, "speech band 250–3500 Hz")
        // The last window (silence, reported alone) is silent.
        #expect(bands(hops[hops.count - 1]).allSatisfy { $0 == 0 })
    }
}

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
