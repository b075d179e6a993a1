import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Progress reported by the readers, and the `threads` budget that `--jobs` divides among files.
@Suite struct ProgressAndThreadsTests {
    @Test func audioReportsBytesOfTheFile() throws {
        let url = VoiceFixture.audio("take-24k16.wav")
        var options = ProbeOptions()
        let progress = ProbeProgress()
        options.progress = progress
        let (result, error) = SlotProbe.probe(url, kind: .audio, options: options)
        #expect(error == nil)
        #expect(result.facts["audio.snr_db"] != nil)
        #expect(progress.snapshot().isEmpty)
        let file = try #require(progress.finished().last)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(file.path == url.displayPath)
        #expect(file.total == Int64(size))
        #expect(file.done > Int64(size) * 9 / 10)
    }

    @Test func bundleReportsCompressedBytesOfItsEntries() throws {
        let zip = try VoiceFixture.zip([("a.wav", "take-24k16.wav"), ("b.wav", "pcm-s16-stereo.wav"), ("c.wav", "float32.wav")])
        var options = ProbeOptions()
        let progress = ProbeProgress()
        options.progress = progress
        _ = SlotProbe.probe(zip, kind: .voice, options: options)
        let file = try #require(progress.finished().last)
        // The central directory's compressed sizes, read independently with Python.
        let dir = zip.deletingLastPathComponent()
        let out = dir.appendingPathComponent("sizes.txt")
        try VoiceFixture.python("open('sizes.txt', 'w').write(str(sum(i.compress_size for i in zipfile.ZipFile('takes.zip').infolist())))", in: dir)
        let expected = try #require(Int64(try String(contentsOf: out, encoding: .utf8)))
        #expect(file.total == expected)
        #expect(file.done == expected)
    }

    @Test(arguments: [1, 2, 6])
    func oneThreadGivesTheSameMeasurementsAsTwo(channels: Int) throws {
        var url = VoiceFixture.audio("take-24k16.wav")
        if channels > 1 {
            // The take in every channel at a different gain (the last one inverted), so that each channel's
            // loudness and true peak count.
            let dir = try Fixture.temporaryDirectory()
            let gains = (0..<channels).map { $0 == channels - 1 ? "1v-0.6" : "1v\(1 - 0.15 * Double($0))" }
            _ = try TakeLoudnessTests.tool("sox", [url.path, "-c", "\(channels)", "multi.wav", "remix"] + gains, in: dir)
            url = dir.appendingPathComponent("multi.wav")
        }
        var one = ProbeOptions(), two = ProbeOptions()
        one.threads = 1
        two.threads = 2
        let a = SlotProbe.probe(url, kind: .audio, options: one).0.facts
        let b = SlotProbe.probe(url, kind: .audio, options: two).0.facts
        // With two threads, a multichannel input's loudness and true peak are measured on the 8 kHz thread
        // from batches of 16 384 frames; with one, inline, block by block (a mono input's, always inline).
        var names = ["audio.snr_db", "audio.c50_db", "audio.speech_duration", "audio.clipping_index", "audio.noise_floor_dbfs",
                     "audio.true_peak_dbtp", "audio.loudness_lufs", "audio.loudness_range_lu", "audio.leading_silence", "audio.dc_offset"]
        if channels == 2 { names += ["audio.channel_correlation", "audio.silent_channel"] }
        for name in names {
            #expect(a[name] != nil, "\(name)")
            #expect(a[name] == b[name], "\(name)")
        }
        // Each channel counts: the first channel at full gain alone is louder than the mean over channels.
        if channels > 1 {
            let mono = SlotProbe.probe(VoiceFixture.audio("take-24k16.wav"), kind: .audio, options: two).0.facts
            let multi = try #require(b["audio.loudness_lufs"]?.number), single = try #require(mono["audio.loudness_lufs"]?.number)
            #expect(multi > single + 1)
        }
    }

    @Test func singleThreadedAnalysisStartsNoThread() {
        // A pipeline told to stay on the caller's thread runs its 8 kHz half inline: decisions are
        // ready as soon as the samples are pushed, without waiting for a worker.
        guard let spectrum = ShortTimeSpectrum(), let resampler = Resampler(from: 16_000, to: ShortTimeSpectrum.rate) else {
            Issue.record("no FFT or resampler")
            return
        }
        let pipeline = FixedRatePipeline(resampler: resampler, spectrum: spectrum, threaded: false)
        let samples = (0..<16_000).map { Float(sin(Double($0) * 0.3) * 0.3) }
        samples.withUnsafeBufferPointer { pipeline.push($0.baseAddress!, count: $0.count, peak: 0.3) }
        #expect(!pipeline.takeDecisions().isEmpty)
    }
}
