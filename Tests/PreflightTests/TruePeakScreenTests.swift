import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The true-peak meter's skips (a block's or a tile's bound by its largest sample and by its largest
/// step, and the central-tap screen) change no result: the
/// meter reads exactly what oversampling every position reads, on real speech and on signals made to
/// have inter-sample peaks.
@Suite struct TruePeakScreenTests {
    /// Mono samples of a fixture as 32-bit floats, decoded by sox, and its sample rate.
    static func samples(_ path: String, dir: URL) throws -> (rate: Int, x: [Float]) {
        let url = Fixture.url(path)
        let raw = dir.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".f32")
        try TakeLoudnessTests.tool("sox", [url.path, "-t", "f32", "-c", "1", raw.path])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["soxi", "-r", url.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let rate = try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), "soxi -r \(path): \(text)")
        let data = try Data(contentsOf: raw)
        let x = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        return (rate, x)
    }

    /// Feeds `x` in blocks of `chunk` frames to a screened and to an exhaustive meter.
    static func peaks(_ x: [Float], rate: Int, chunk: Int = 4096) -> (screened: Float, exhaustive: Float) {
        var screened = TruePeakMeter(sampleRate: rate, channels: 1, chunk: chunk)
        var exhaustive = TruePeakMeter(sampleRate: rate, channels: 1, chunk: chunk, exhaustive: true)
        feed(x, chunk: chunk, to: &screened, &exhaustive)
        return (screened.peak, exhaustive.peak)
    }

    /// Feeds `x` in blocks of `chunk` frames, each with its sample peak and largest step, to two meters alike.
    static func feed(_ x: [Float], chunk: Int, to a: inout TruePeakMeter, _ b: inout TruePeakMeter) {
        x.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let m = min(chunk, buffer.count - i)
                let s = VectorKernels.statsAndSum(buffer.baseAddress! + i, m)
                a.add(buffer.baseAddress! + i, frames: m, framePeak: s.peak, frameStep: s.step)
                b.add(buffer.baseAddress! + i, frames: m, framePeak: s.peak, frameStep: s.step)
                i += m
            }
        }
    }

    @Test func screenedPeakEqualsOversamplingEverything() throws {
        var signals: [(String, Int, [Float])] = []
        // Tones between the samples (a quarter and near half the rate, off phase), louder at the end
        // than at the start, so the running maximum keeps rising; noise bursts; a single spike.
        for (rate, f) in [(24000, 6000.0), (24000, 11_000.0), (48000, 12_000.0), (16000, 7_900.0)] {
            let x: [Float] = (0..<(rate * 2)).map { i in
                let t = Double(i) / Double(rate)
                return Float((0.1 + 0.4 * t) * sin(2 * .pi * f * t + .pi / 4))
            }
            signals.append(("tone \(f) Hz at \(rate)", rate, x))
        }
        var seed: UInt64 = 99
        let noise: [Float] = (0..<48000).map { i in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let v = Float(Int64(bitPattern: seed) >> 40) / Float(1 << 23)
            return v * (i / 4000 % 2 == 0 ? 0.9 : 0.05)
        }
        signals.append(("noise bursts", 24000, noise))
        var spike = [Float](repeating: 0, count: 24000)
        spike[12_345] = 0.5; spike[12_346] = -0.5
        signals.append(("spike pair", 24000, spike))
        // A flat stretch with smooth edges sets the peak at 0.55; a sample pair of ±0.53 ending a block of
        // 20 (and of 1000) rings to 0.57 between samples that only later, silent blocks' positions reach:
        // their own steps are nil, their history's are not (with blocks of 7, kept over several blocks).
        var flat = [Float](repeating: 0, count: 24000)
        for i in 0..<400 {
            let rise = Float(0.55 * (0.5 - 0.5 * cos(Double.pi * Double(i) / 399)))
            flat[1000 + i] = rise; flat[2399 - i] = rise
        }
        for i in 1400..<2000 { flat[i] = 0.55 }
        flat[4998] = 0.53; flat[4999] = -0.53
        // Then a flat ±0.53 whose one step lies on a block boundary: its ringing (0.6) is reached by the
        // positions of a block whose own steps and whose history's are nil; only the step between them is not.
        for i in 0..<400 {
            let rise = Float(0.53 * (0.5 - 0.5 * cos(Double.pi * Double(i) / 399)))
            flat[7000 + i] = rise; flat[8999 - i] = -rise
        }
        for i in 7400..<8000 { flat[i] = 0.53 }
        for i in 8000..<8600 { flat[i] = -0.53 }
        signals.append(("flat, then a pair ending a block", 24000, flat))
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for path in ["audio/take-24k16.wav", "speech/talk-en-1.flac", "speech/talk-cmn-1.flac"] {
            let (rate, x) = try Self.samples(path, dir: dir)
            #expect(x.count > rate, "\(path) decoded")
            signals.append((path, rate, x))
        }
        for (name, rate, x) in signals {
            for chunk in [4096, 1000, 20, 7] {
                let (screened, exhaustive) = Self.peaks(x, rate: rate, chunk: chunk)
                #expect(screened == exhaustive, "\(name), blocks of \(chunk): screened \(screened), every position \(exhaustive)")
                #expect(exhaustive > 0, "\(name)")
            }
        }
    }

    /// A mono block is read where it lies (only the positions that reach back into the previous block
    /// go through the history buffer); the meter of several channels copies every block. Both must
    /// oversample the same positions: a mono meter reads what a two-channel meter reads of the same
    /// signal beside a silent channel, with blocks longer and shorter than the filter.
    @Test func monoInPlaceCoversThePositionsOfTheCopiedBlocks() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (rate, speech) = try Self.samples("speech/talk-en-1.flac", dir: dir)
        let x = Array(speech.prefix(3 * rate))
        var stereo = [Float](repeating: 0, count: 2 * x.count)
        for i in x.indices { stereo[2 * i] = x[i] }
        for chunk in [16_384, 4096, 1000, 33, 32, 31, 7, 1] {
            var reference = TruePeakMeter(sampleRate: rate, channels: 2, chunk: chunk, exhaustive: true)
            stereo.withUnsafeBufferPointer { b in
                var i = 0
                while i < x.count {
                    let m = min(chunk, x.count - i)
                    reference.add(b.baseAddress! + 2 * i, frames: m, framePeak: 1)
                    i += m
                }
            }
            let (screened, exhaustive) = Self.peaks(x, rate: rate, chunk: chunk)
            #expect(exhaustive == reference.peak, "blocks of \(chunk): mono \(exhaustive), two channels \(reference.peak)")
            #expect(screened == reference.peak, "blocks of \(chunk) screened: mono \(screened), two channels \(reference.peak)")
        }
    }
}
