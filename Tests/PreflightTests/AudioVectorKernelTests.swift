import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The 256-bit kernels of the audio pass (`CAudioKernels`) give the same bits as the portable Swift
/// loops they stand in for, on real speech and on made signals, and the pass without the take-quality
/// analysers (what the benchmark measures them against) changes none of the other facts.
@Suite struct AudioVectorKernelTests {
    /// Speech of two fixtures at their own rates, plus noise with a DC offset and a loud burst.
    static func signals() throws -> [(name: String, rate: Int, x: [Float])] {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var out: [(String, Int, [Float])] = []
        for path in ["speech/talk-en-1.flac", "audio/take-24k16.wav"] {
            let (rate, x) = try TruePeakScreenTests.samples(path, dir: dir)
            out.append((path, rate, x))
        }
        var seed: UInt64 = 7
        let noise: [Float] = (0..<96_000).map { i in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let v = Float(Int64(bitPattern: seed) >> 40) / Float(1 << 23)
            return (i / 4800 == 7 ? 0.95 : 0.05) * v + 0.01
        }
        out.append(("noise", 48000, noise))
        return out
    }

    @Test func kWeightingLanesAreThePortableLanesBitForBit() throws {
        for (name, rate, x) in try Self.signals() {
            let step = rate / 10
            let meter = KWeightedEnergy(sampleRate: rate, blockLength: step)
            var vector = meter, portable = meter, paired = meter
            var blocks = 0
            x.withUnsafeBufferPointer { b in
                var i = 0
                while i + 2 * step <= b.count {
                    let p = b.baseAddress! + i
                    if VectorKernels.wide {
                        #expect(meter.vectorLanes(p).sameBits(as: meter.portableLanes(p)), "\(name) block at \(i)")
                    }
                    let one = vector.energy(p), two = vector.energy(p + step)
                    let a = portable.energy(p, portable: true), b2 = portable.energy(p + step, portable: true)
                    let (c, d) = paired.energies(p, p + step)
                    #expect(one.bitPattern == a.bitPattern && two.bitPattern == b2.bitPattern, "\(name) at \(i): \(one) \(two) vs \(a) \(b2)")
                    #expect(c.bitPattern == a.bitPattern && d.bitPattern == b2.bitPattern, "\(name) pair at \(i): \(c) \(d) vs \(a) \(b2)")
                    i += 2 * step
                    blocks += 2
                }
            }
            #expect(blocks >= 20, "\(name): \(blocks) blocks")
        }
    }

    @Test func truePeakKernelsAreThePortableLoopsBitForBit() throws {
        for (name, rate, x) in try Self.signals() {
            for chunk in [4096, 1000] {
                for exhaustive in [false, true] {
                    var vector = TruePeakMeter(sampleRate: rate, channels: 1, chunk: chunk, exhaustive: exhaustive)
                    var portable = TruePeakMeter(sampleRate: rate, channels: 1, chunk: chunk, exhaustive: exhaustive, portable: true)
                    TruePeakScreenTests.feed(x, chunk: chunk, to: &vector, &portable)
                    #expect(vector.peak.bitPattern == portable.peak.bitPattern, "\(name) chunk \(chunk) exhaustive \(exhaustive): \(vector.peak) vs \(portable.peak)")
                    #expect(vector.peak > 0.1, "\(name): peak \(vector.peak)")
                }
            }
        }
    }

    /// The vector kernel's windows are the portable loop's, and a window cut by a block boundary has the
    /// levels it has whole: every block size gives the levels of the signal fed at once.
    @Test func edgeWindowsAreThePortableWindowsBitForBit() throws {
        for (name, rate, x) in try Self.signals() {
            var whole = EdgeLevels(sampleRate: rate)
            x.withUnsafeBufferPointer { whole.add($0.baseAddress!, count: $0.count) }
            for chunk in [4096, 1000, 77] {
                var vector = EdgeLevels(sampleRate: rate), portable = EdgeLevels(sampleRate: rate, portable: true)
                x.withUnsafeBufferPointer { b in
                    var i = 0
                    while i < b.count {
                        let m = min(chunk, b.count - i)
                        vector.add(b.baseAddress! + i, count: m)
                        portable.add(b.baseAddress! + i, count: m)
                        i += m
                    }
                }
                let duration = Double(x.count) / Double(rate)
                for (start, end) in [(0.3, duration - 0.3), (1.0, duration - 1.2), (0.05, duration)] {
                    let a = vector.silenceLevels(start: start, end: end), b = portable.silenceLevels(start: start, end: end)
                    #expect(a.before?.bitPattern == b.before?.bitPattern && a.after?.bitPattern == b.after?.bitPattern, "\(name) chunk \(chunk): \(a) vs \(b)")
                    let w = whole.silenceLevels(start: start, end: end)
                    #expect(a.before?.bitPattern == w.before?.bitPattern && a.after?.bitPattern == w.after?.bitPattern, "\(name) chunk \(chunk): \(a) vs fed at once \(w)")
                    let ms = (Int(start * 1000), Int(end * 1000))
                    let r1 = vector.refine(startMs: ms.0, endMs: ms.1, noiseFloor: -60, peak: 0.5)
                    let r2 = portable.refine(startMs: ms.0, endMs: ms.1, noiseFloor: -60, peak: 0.5)
                    #expect(r1 == r2, "\(name) chunk \(chunk): \(r1) vs \(r2)")
                }
                #expect(vector.silenceLevels(start: 0.3, end: duration - 0.3).before != nil, "\(name)")
            }
        }
    }

    @Test func oneStatsPassHasTheSumsOfTheSeparatePasses() throws {
        for (name, _, x) in try Self.signals() {
            x.withUnsafeBufferPointer { b in
                for (start, n) in [(0, 4096), (17, 4095), (100, 7), (0, 0), (3, 1)] where start + n <= b.count {
                    let p = b.baseAddress! + start
                    let three = VectorKernels.stats(p, n, portable: true)
                    let (sum, squares) = VectorKernels.sumAndSquares(p, n)
                    let step = VectorKernels.stepMax(p, n, portable: true)
                    // The vector kernels (where the CPU has them) and the portable loops alike.
                    for portable in [false, true] {
                        let all = VectorKernels.statsAndSum(p, n, portable: portable), own = VectorKernels.stats(p, n, portable: portable)
                        #expect(all.peak.bitPattern == three.peak.bitPattern && all.sumAbs.bitPattern == three.sumAbs.bitPattern, "\(name) \(start) \(n)")
                        #expect(all.sumSquares.bitPattern == three.sumSquares.bitPattern && all.sumSquares.bitPattern == squares.bitPattern, "\(name) \(start) \(n)")
                        #expect(all.sum.bitPattern == sum.bitPattern, "\(name) \(start) \(n): \(all.sum) vs \(sum)")
                        #expect(own.peak.bitPattern == three.peak.bitPattern && own.sumAbs.bitPattern == three.sumAbs.bitPattern
                                && own.sumSquares.bitPattern == three.sumSquares.bitPattern, "\(name) \(start) \(n)")
                        #expect(all.step == step && VectorKernels.stepMax(p, n) == step, "\(name) \(start) \(n): step \(all.step) vs \(step)")
                    }
                }
            }
        }
    }

    /// The largest step is found wherever it lies: first, last, or where the vectors hand over to the
    /// scalar tail, in the vector kernels and in the portable loops.
    @Test func largestStepIsFoundAnywhere() {
        for n in [2, 7, 8, 9, 15, 16, 17, 24, 25, 4096] {
            for at in Set([0, n / 2, n - 9, n - 8, n - 2].filter { $0 >= 0 && $0 + 1 < n }) {
                var x = [Float](repeating: 0.01, count: n)
                for i in stride(from: 0, to: n, by: 2) { x[i] = -0.01 }
                x[at + 1] = x[at] + 0.5
                let expected = abs(x[at + 1] - x[at])
                x.withUnsafeBufferPointer { b in
                    for portable in [false, true] {
                        #expect(VectorKernels.statsAndSum(b.baseAddress!, n, portable: portable).step == expected, "\(n) at \(at) portable \(portable)")
                        #expect(VectorKernels.stepMax(b.baseAddress!, n, portable: portable) == expected, "\(n) at \(at) portable \(portable)")
                    }
                }
            }
        }
    }

    /// Two frames' sums taken side by side are each frame's own sums, bit for bit.
    @Test func twoFramesSumsAreEachFramesSums() throws {
        for (name, _, x) in try Self.signals() {
            x.withUnsafeBufferPointer { b in
                for (start, n) in [(0, 480), (13, 960), (100, 7), (5, 0), (3, 1), (1, 441)] where start + 2 * n <= b.count {
                    let p = b.baseAddress! + start
                    let (first, second) = VectorKernels.sumAndSquaresOfTwo(p, n)
                    let a = VectorKernels.sumAndSquares(p, n), c = VectorKernels.sumAndSquares(p + n, n)
                    #expect(first.0.bitPattern == a.0.bitPattern && first.1.bitPattern == a.1.bitPattern, "\(name) \(start) \(n)")
                    #expect(second.0.bitPattern == c.0.bitPattern && second.1.bitPattern == c.1.bitPattern, "\(name) \(start) \(n)")
                }
            }
        }
    }

    /// A mono loudness meter measures the steps that lie whole in a block where they lie, the others
    /// through its step buffers: the loudness and the range are the same bits whatever the blocks.
    @Test func loudnessIsTheSameWhateverTheBlocks() throws {
        for (name, rate, x) in try Self.signals() {
            var results: [(Double?, Double?)] = []
            for chunk in [x.count, 48_000, 4096, 2400, 1000, 1] {
                var meter = LoudnessMeter(sampleRate: rate, channels: 1)
                x.withUnsafeBufferPointer { b in
                    var i = 0
                    while i < b.count { let m = min(chunk, b.count - i); meter.add(b.baseAddress! + i, frames: m); i += m }
                }
                meter.finish()
                results.append((meter.integrated, meter.range))
            }
            #expect(results[0].0 != nil, "\(name)")
            for r in results.dropFirst() {
                #expect(r.0?.bitPattern == results[0].0?.bitPattern && r.1?.bitPattern == results[0].1?.bitPattern, "\(name): \(r) vs \(results[0])")
            }
        }
    }

    /// Stereo speech made to clip, the two channels from different moments of the take so that one can
    /// clip where the other is quiet: the left channel driven into the rail, the right one flattened into
    /// plateaus below it (and quantised to 16 bits, so some neighbours are equal), interleaved.
    static func clippedStereo() throws -> [Float] {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (rate, x) = try TruePeakScreenTests.samples("audio/take-24k16.wav", dir: dir)
        let shift = rate * 7 / 10
        var out = [Float](repeating: 0, count: 2 * x.count)
        for i in x.indices {
            out[2 * i] = min(max(x[i] * 8, -1), 1)
            let r = x[(i + shift) % x.count]
            out[2 * i + 1] = (min(max(r * 6, -0.5), 0.5) * 32768).rounded() / 32768
        }
        return out
    }

    /// The stereo paths (the downmix and the channel copies eight frames at a time, the clipping detector's
    /// fast path on each channel's samples taken out of the frames) give what the sample-by-sample loops
    /// give: the same bits, the same runs.
    @Test func stereoPathsAreTheSampleLoops() throws {
        let stereo = try Self.clippedStereo()
        let frames = stereo.count / 2
        try stereo.withUnsafeBufferPointer { s in
            let x = s.baseAddress!
            // Downmix and channel copies of an odd number of frames (a tail after the vectors).
            let n = 4095
            let interleaved = UnsafeMutablePointer<Float>.allocate(capacity: 2 * n), mono = UnsafeMutablePointer<Float>.allocate(capacity: n)
            let channel = UnsafeMutablePointer<Float>.allocate(capacity: n)
            defer { interleaved.deallocate(); mono.deallocate(); channel.deallocate() }
            Downmix.run(x + 2 * 1000, frames: n, channels: 2, interleaved: interleaved, mono: mono)
            for i in 0..<n {
                var sum: Float = 0
                sum += interleaved[2 * i]; sum += interleaved[2 * i + 1]
                #expect((sum * 0.5).bitPattern == mono[i].bitPattern, "frame \(i)")
            }
            for c in 0..<2 {
                VectorKernels.copyChannel(of: x + 2 * 1000, channels: 2, c, frames: n, to: channel)
                #expect((0..<n).allSatisfy { channel[$0].bitPattern == x[2 * (1000 + $0) + c].bitPattern }, "channel \(c)")
            }
            // The detector with and without its eight-sample skip, in blocks of 4096, 1000 and 7 frames: the
            // same runs every way (the plateau test reads the extremes of both channels up to the frame where
            // a run ends, whatever the blocks).
            func detect(_ block: Int, skipping: Bool) -> ClippingDetector {
                var d = ClippingDetector(sampleRate: 24_000, channels: 2, skipsPlainStretches: skipping)
                let mix = UnsafeMutablePointer<Float>.allocate(capacity: block), copy = UnsafeMutablePointer<Float>.allocate(capacity: 2 * block)
                defer { mix.deallocate(); copy.deallocate() }
                var i = 0
                while i < frames {
                    let m = min(block, frames - i, d.roomInFragment)
                    Downmix.run(x + 2 * i, frames: m, channels: 2, interleaved: copy, mono: mix)
                    let st = VectorKernels.stats(mix, m)
                    d.add(interleaved: copy, mono: mix, frames: m, monoPeak: st.peak, monoSumAbs: st.sumAbs)
                    i += m
                }
                d.finish()
                return d
            }
            let reference = detect(4096, skipping: false)
            for block in [4096, 1000, 7] {
                let fast = detect(block, skipping: true), slow = detect(block, skipping: false)
                #expect(slow.clippedSamples == reference.clippedSamples && slow.runStarts == reference.runStarts, "blocks of \(block) against 4096")
                #expect(slow.clippedFragments == reference.clippedFragments, "blocks of \(block) against 4096")
                #expect(slow.clippedSamples > 0 && slow.runStarts.count > 10, "the signal clips: \(slow.clippedSamples)")
                #expect(fast.clippedSamples == slow.clippedSamples && fast.longestRun == slow.longestRun, "blocks of \(block)")
                #expect(fast.runStarts == slow.runStarts, "blocks of \(block)")
                #expect(fast.activeFragments == slow.activeFragments && fast.clippedFragments == slow.clippedFragments, "blocks of \(block)")
                #expect(fast.histogramFlagged == slow.histogramFlagged, "blocks of \(block)")
            }
        }
    }

    /// The facts the take-quality analysers add, which the benchmark's pass without them leaves out.
    static let takeQualityFacts: Set<String> = [
        "audio.loudness_lufs", "audio.loudness_range_lu", "audio.true_peak_dbtp", "audio.leading_silence",
        "audio.trailing_silence", "audio.leading_silence_dbfs", "audio.trailing_silence_dbfs", "audio.dc_offset",
        "audio.channel_correlation", "audio.silent_channel",
    ]

    @Test func thePassWithoutTakeQualityKeepsEveryOtherFact() throws {
        for (name, rate, x) in try Self.signals() {
            func run(_ takeQuality: Bool) -> Facts {
                var a = AudioAnalysis(sampleRate: rate, channels: 1, threads: 2, takeQuality: takeQuality)
                x.withUnsafeBufferPointer { a.consume($0) }
                return a.finish().facts
            }
            let with = run(true), without = run(false)
            let withKeys = Set(with.values.keys), withoutKeys = Set(without.values.keys)
            #expect(withKeys.isSuperset(of: ["audio.loudness_lufs", "audio.true_peak_dbtp", "audio.dc_offset"]), "\(name): \(withKeys.sorted())")
            #expect(withoutKeys.isDisjoint(with: Self.takeQualityFacts), "\(name): \(withoutKeys.sorted())")
            #expect(withKeys.subtracting(Self.takeQualityFacts) == withoutKeys, "\(name)")
            for (key, value) in without.values {
                #expect(with.values[key] == value, "\(name): \(key) \(String(describing: with.values[key])) vs \(value)")
            }
        }
    }
}
