import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Loudness, true peak, edge silences, DC offset and the stereo facts of the audio pass, against
/// ffmpeg's EBU R128 meter and against what was put into the files (made here by sox and espeak-ng).
@Suite struct TakeLoudnessTests {
    @discardableResult
    static func tool(_ name: String, _ arguments: [String], in dir: URL? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [name] + arguments
        if let dir { p.currentDirectoryURL = dir }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(name) \(arguments): \(text.suffix(500))")
        return text
    }

    /// ffmpeg's integrated loudness (three decimals, from the meter's last frame metadata) and true
    /// peak (its summary, one decimal) of a file.
    static func ffmpegR128(_ url: URL, dir: URL) throws -> (lufs: Double, truePeak: Double) {
        let log = dir.appendingPathComponent("r128-\(UUID().uuidString).txt")
        let summary = try tool("ffmpeg", ["-nostdin", "-hide_banner", "-nostats", "-i", url.path, "-af",
                                          "ebur128=peak=true:metadata=1,ametadata=mode=print:file=\(log.path)", "-f", "null", "-"])
        let meta = try String(contentsOf: log, encoding: .utf8)
        let lufs = try #require(meta.split(separator: "\n").last { $0.hasPrefix("lavfi.r128.I=") }.flatMap { Double($0.dropFirst(13)) })
        let tail = try #require(summary.range(of: "True peak:")).upperBound
        let peakLine = try #require(summary[tail...].split(separator: "\n").first { $0.contains("Peak:") })
        let peak = try #require(peakLine.split(separator: " ").compactMap { Double($0) }.first)
        return (lufs, peak)
    }

    static func facts(_ url: URL) throws -> Facts { try AudioProbe.facts(of: url) }

    @Test func blockParallelKWeightingEqualsTheDirectCascade() {
        for rate in [8000, 16000, 22050, 24000, 44100, 48000, 96000] {
            let step = rate / 10
            var fast = KWeightedEnergy(sampleRate: rate, blockLength: step)
            var direct = KWeightedEnergy(sampleRate: rate, blockLength: step)
            var seed: UInt64 = 12345
            for block in 0..<12 {
                // Noise with a DC offset and a low hum, a loud block after quiet ones, then silence.
                let gain: Float = block == 5 ? 0.9 : (block > 8 ? 0 : 0.05)
                let x: [Float] = (0..<step).map { i in
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    let noise = Float(Int64(bitPattern: seed) >> 40) / Float(1 << 23)
                    return gain * (noise + 0.3 + 0.5 * Float(sin(Double(block * step + i) * 2 * .pi * 50 / Double(rate))))
                }
                let e1 = x.withUnsafeBufferPointer { fast.energy($0.baseAddress!) }
                let e2 = x.withUnsafeBufferPointer { direct.directEnergy($0.baseAddress!) }
                // Single-precision lanes: within 0.1 % (0.004 dB), or 0.1 % of a −30 dBFS block for the decaying tail.
                #expect(abs(e1 - e2) <= 1e-3 * max(e2, 1e-3 * Double(step)), "rate \(rate) block \(block): \(e1) vs \(e2)")
            }
        }
    }

    /// Speech, tones (one with inter-sample peaks 3 dB over its samples), a 44.1 kHz mp3 and a stereo
    /// pair of different voices: integrated loudness within 0.1 LU and true peak within 0.2 dB of ffmpeg.
    @Test func loudnessAndTruePeakAgreeWithFFmpeg() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        try Self.tool("sox", ["-n", "-r", "48000", "-b", "24", path("tone-997.wav"), "synth", "6", "sine", "997", "gain", "-20", "fade", "0.1", "6", "0.1"])
        try Self.tool("sox", ["-n", "-r", "24000", "-b", "16", path("tone-isp-24k.wav"), "synth", "4", "sine", "6000", "0", "12.5", "gain", "-6", "fade", "0.2", "4", "0.2"])
        try Self.tool("sox", ["-n", "-r", "48000", "-b", "24", path("tone-isp-48k.wav"), "synth", "4", "sine", "12000", "0", "12.5", "gain", "-3", "fade", "0.2", "4", "0.2"])
        try Self.tool("sox", ["-n", "-r", "16000", "-b", "16", path("low-tone.wav"), "synth", "5", "sine", "100", "sine", "3000", "remix", "1,2", "gain", "-15", "fade", "0.1", "5", "0.1"])
        try Self.tool("sox", ["-M", Fixture.url("speech/talk-en-1.flac").path, Fixture.url("speech/talk-en-2.flac").path, path("stereo.wav"), "trim", "0", "9"])
        try Self.tool("ffmpeg", ["-nostdin", "-v", "error", "-i", Fixture.url("speech/talk-cmn-1.flac").path, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "96k", path("speech-44k.mp3")])
        let files = [Fixture.url("speech/talk-en-1.flac"), Fixture.url("speech/talk-cmn-1.flac"), Fixture.url("audio/take-24k16.wav"),
                     URL(fileURLWithPath: path("speech-44k.mp3")), URL(fileURLWithPath: path("stereo.wav"))]
            + ["tone-997.wav", "tone-isp-24k.wav", "tone-isp-48k.wav", "low-tone.wav"].map { URL(fileURLWithPath: path($0)) }
        for file in files {
            let ours = try Self.facts(file)
            let theirs = try Self.ffmpegR128(file, dir: dir)
            let lufs = try #require(ours["audio.loudness_lufs"]?.number, "\(file.lastPathComponent)")
            let tp = try #require(ours["audio.true_peak_dbtp"]?.number, "\(file.lastPathComponent)")
            #expect(abs(lufs - theirs.lufs) <= 0.1, "\(file.lastPathComponent): \(lufs) LUFS, ffmpeg \(theirs.lufs)")
            #expect(abs(tp - theirs.truePeak) <= 0.2, "\(file.lastPathComponent): \(tp) dBTP, ffmpeg \(theirs.truePeak)")
        }
        // The inter-sample peaks are found: 3 dB over the sample peak for a tone at a quarter of the rate, 45° off.
        let isp = try Self.facts(URL(fileURLWithPath: path("tone-isp-24k.wav")))
        let over = try #require(isp["audio.true_peak_dbtp"]?.number) - (try #require(isp["audio.peak_dbfs"]?.number))
        #expect(abs(over - 3.01) < 0.1, "true peak over sample peak: \(over) dB")
    }

    @Test func loudnessRangeOfSpeechAgreesWithFFmpeg() throws {
        // ffmpeg's range counts short-term windows before the first 3 s are full; on speech of 6 s and
        // more the two meters read the same within half a LU.
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["talk-en-1.flac", "talk-cmn-1.flac"] {
            let url = Fixture.url("speech/\(name)")
            let summary = try Self.tool("ffmpeg", ["-nostdin", "-hide_banner", "-nostats", "-i", url.path, "-af", "ebur128", "-f", "null", "-"])
            let line = try #require(summary.split(separator: "\n").last { $0.contains("LRA:") })
            let theirs = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
            let ours = try #require(try Self.facts(url)["audio.loudness_range_lu"]?.number)
            #expect(abs(ours - theirs) <= 0.5, "\(name): \(ours) LU, ffmpeg \(theirs)")
        }
    }

    /// Speech trimmed to its first and last sound, then padded with known silence (clean, and under
    /// pink noise at −60 dBFS): the edges are found within 20 ms.
    @Test func edgeSilencesAreWhatWasPutThere() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let sentences = [("en", "The quick brown fox jumps over the lazy dog. Then it rests for a while."),
                         ("cmn", "今天天气很好，我们去公园散步吧。")]
        for (voice, text) in sentences {
            try Self.tool("espeak-ng", ["-v", voice, "-s", "150", "-w", path("raw-\(voice).wav"), text])
            try Self.tool("sox", [path("raw-\(voice).wav"), "-r", "24000", "-b", "16", path("trim-\(voice).wav"),
                                  "silence", "1", "0.005", "-50d", "reverse", "silence", "1", "0.005", "-50d", "reverse"])
            for (lead, trail) in [(0.13, 0.11), (0.27, 0.45), (1.0, 0.2), (0.5, 1.3)] {
                let padded = path("pad-\(voice)-\(lead).wav")
                try Self.tool("sox", [path("trim-\(voice).wav"), padded, "pad", "\(lead)", "\(trail)"])
                let length = try #require(try Self.facts(URL(fileURLWithPath: padded))["audio.duration"]?.number)
                try Self.tool("sox", ["-n", "-r", "24000", "-b", "16", path("noise.wav"), "synth", "\(length)", "pinknoise", "gain", "-60"])
                let noisy = path("noisy-\(voice)-\(lead).wav")
                try Self.tool("sox", ["-m", padded, path("noise.wav"), noisy])
                for file in [padded, noisy] {
                    let f = try Self.facts(URL(fileURLWithPath: file))
                    let leading = try #require(f["audio.leading_silence"]?.number), trailing = try #require(f["audio.trailing_silence"]?.number)
                    #expect(abs(leading - lead) <= 0.02, "\(file): leading \(leading) s, put \(lead) s")
                    #expect(abs(trailing - trail) <= 0.02, "\(file): trailing \(trailing) s, put \(trail) s")
                }
            }
        }
    }

    @Test func stereoChannelsAreNamedAndOffsetMeasured() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func url(_ name: String) -> URL { dir.appendingPathComponent(name) }
        let speech = Fixture.url("speech/talk-en-1.flac").path
        try Self.tool("sox", [speech, url("right-silent.wav").path, "remix", "1", "0"])
        try Self.tool("sox", [speech, url("left-silent.wav").path, "remix", "0", "1"])
        try Self.tool("sox", [speech, url("same.wav").path, "remix", "1", "1"])
        try Self.tool("sox", ["-M", speech, Fixture.url("speech/talk-en-2.flac").path, url("two-voices.wav").path, "trim", "0", "9"])
        try Self.tool("sox", [speech, url("offset.wav").path, "dcshift", "0.05"])
        let right = try Self.facts(url("right-silent.wav")), left = try Self.facts(url("left-silent.wav"))
        #expect(right["audio.silent_channel"] == .text("right"))
        #expect(left["audio.silent_channel"] == .text("left"))
        let same = try Self.facts(url("same.wav"))
        #expect(same["audio.silent_channel"] == .text("none"))
        #expect((same["audio.channel_correlation"]?.number ?? 0) > 0.999)
        let two = try Self.facts(url("two-voices.wav"))
        #expect(two["audio.silent_channel"] == .text("none"))
        #expect(abs(two["audio.channel_correlation"]?.number ?? 1) < 0.3)
        let mono = try Self.facts(Fixture.url("speech/talk-en-1.flac"))
        #expect(mono["audio.channel_correlation"] == nil && mono["audio.silent_channel"] == nil)
        let base = try #require(mono["audio.dc_offset"]?.number)
        let shifted = try #require(try Self.facts(url("offset.wav"))["audio.dc_offset"]?.number)
        #expect(abs(shifted - base - 0.05) < 0.002, "DC offset \(shifted), before the shift \(base)")
    }
}
