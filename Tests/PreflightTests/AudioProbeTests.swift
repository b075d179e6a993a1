import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Audio files on disk: format by content, stream parameters, bit rate and decoded duration.
@Suite struct AudioProbeTests {
    func facts(_ name: String) throws -> Facts { try AudioProbe.facts(of: VoiceFixture.audio(name)) }

    struct Expected: Sendable, CustomStringConvertible {
        let file: String, format: String, codec: String, rate: Double, channels: Double, bitDepth: Double?, duration: Double
        var description: String { file }
    }

    @Test(arguments: [
        Expected(file: "take-24k16.wav", format: "wav", codec: "pcm_s16le", rate: 24_000, channels: 1, bitDepth: 16, duration: 3),
        Expected(file: "pcm-u8.wav", format: "wav", codec: "pcm_u8", rate: 24_000, channels: 1, bitDepth: 8, duration: 0.5),
        Expected(file: "pcm-s16-stereo.wav", format: "wav", codec: "pcm_s16le", rate: 24_000, channels: 2, bitDepth: 16, duration: 0.5),
        Expected(file: "pcm-s24-extensible.wav", format: "wav", codec: "pcm_s24le", rate: 24_000, channels: 1, bitDepth: 24, duration: 0.5),
        Expected(file: "pcm-s32.wav", format: "wav", codec: "pcm_s32le", rate: 24_000, channels: 1, bitDepth: 32, duration: 0.5),
        Expected(file: "float32.wav", format: "wav", codec: "pcm_f32le", rate: 24_000, channels: 1, bitDepth: 32, duration: 0.5),
        Expected(file: "take-44k.mp3", format: "mp3", codec: "mp3", rate: 44_100, channels: 1, bitDepth: nil, duration: 3),
        Expected(file: "clip-48k-128k.m4a", format: "m4a", codec: "aac", rate: 48_000, channels: 1, bitDepth: nil, duration: 15),
        Expected(file: "clip-8k.m4a", format: "m4a", codec: "aac", rate: 8_000, channels: 1, bitDepth: nil, duration: 15),
        Expected(file: "tone.aac", format: "aac", codec: "aac", rate: 24_000, channels: 1, bitDepth: nil, duration: 0.55),
        Expected(file: "tone.wma", format: "wma", codec: "wmav2", rate: 24_000, channels: 1, bitDepth: nil, duration: 0.511),
        Expected(file: "tone.flac", format: "flac", codec: "flac", rate: 24_000, channels: 1, bitDepth: 16, duration: 0.5),
        Expected(file: "tone.ogg", format: "ogg", codec: "vorbis", rate: 24_000, channels: 1, bitDepth: nil, duration: 0.5),
    ])
    func eachFormatIsRecognisedByContent(_ e: Expected) throws {
        let f = try facts(e.file)
        #expect(f["audio.format"] == .text(e.format))
        #expect(f["audio.codec"] == .text(e.codec))
        #expect(f["audio.sample_rate"] == .number(e.rate))
        #expect(f["audio.channels"] == .number(e.channels))
        #expect(f["audio.bit_depth"] == e.bitDepth.map { .number($0) })
        #expect(abs((f["audio.duration"]?.number ?? 0) - e.duration) < 0.02, "\(f["audio.duration"]!)")
        #expect(f["audio.complete"] == .flag(true))
        #expect(f["audio.peak_dbfs"] != nil, "decoded once through AudioAnalysis")
        // Bit rate: compressed formats only.
        #expect((f["audio.bit_rate"] != nil) == (e.bitDepth == nil || e.format == "flac"))
    }

    @Test func bitRatesOfCompressedAudio() throws {
        #expect((try facts("clip-48k-128k.m4a")["audio.bit_rate"]?.number ?? 0) >= 128_000)
        let low = try facts("clip-48k-64k.m4a")["audio.bit_rate"]?.number ?? 0
        #expect(low > 60_000 && low < 80_000)
        #expect(try facts("take-44k.mp3")["audio.bit_rate"] == .number(64_000))
    }

    @Test func decodersAreChosenByContent() throws {
        #expect(try facts("take-24k16.wav")["audio.decoder"] == .text("libsndfile"))
        #expect(try facts("clip-48k-128k.m4a")["audio.decoder"] == .text("libavcodec"))
        // An m4a named .wav is still an m4a.
        let dir = try VoiceFixture.folder()
        let renamed = dir.appendingPathComponent("clip.wav")
        try FileManager.default.copyItem(at: VoiceFixture.audio("clip-48k-128k.m4a"), to: renamed)
        #expect(try AudioProbe.facts(of: renamed)["audio.format"] == .text("m4a"))
    }

    @Test func notAudioIsTheWrongKind() throws {
        for url in [VoiceFixture.audio("notes.txt"), Fixture.video("png-named.mp4"), Fixture.url("pdf/one-page.pdf")] {
            do { _ = try AudioProbe.facts(of: url); Issue.record("\(url.lastPathComponent) is not audio") } catch let e as ProbeError {
                #expect(e.kind == .wrongKind, "\(url.lastPathComponent)")
            }
        }
        let zip = try VoiceFixture.zip([("take_01.wav", "take-24k16.wav")])
        #expect(throws: ProbeError(.wrongKind, LocalizedText(zh: "这是一个 zip 压缩包；此处需要单个音频文件。", en: "This is a zip bundle; this slot takes one audio file."))) {
            try AudioProbe.facts(of: zip)
        }
    }

    @Test func damagedAudioIsUnreadable() throws {
        do { _ = try facts("truncated-header.wav"); Issue.record("a 30-byte wav has no data") } catch let e as ProbeError {
            #expect(e.kind == .unreadable)
            #expect(e.detail != nil)
        }
        // An m4a cut in half loses its moov box (written last).
        let dir = try VoiceFixture.folder()
        let data = try Data(contentsOf: VoiceFixture.audio("clip-48k-128k.m4a"))
        let cut = dir.appendingPathComponent("cut.m4a")
        try data.prefix(data.count / 2).write(to: cut)
        do { _ = try AudioProbe.facts(of: cut); Issue.record("no moov, no audio") } catch let e as ProbeError {
            #expect(e.kind == .unreadable)
        }
        let empty = dir.appendingPathComponent("empty.wav")
        try Data().write(to: empty)
        #expect(throws: ProbeError.self) { try AudioProbe.facts(of: empty) }
    }

    @Test func aCutWavStillGivesWhatItHolds() throws {
        let dir = try VoiceFixture.folder()
        let data = try Data(contentsOf: VoiceFixture.audio("take-24k16.wav"))
        let cut = dir.appendingPathComponent("cut.wav")
        try data.prefix(44 + 48_000).write(to: cut)
        let f = try AudioProbe.facts(of: cut)
        #expect(f["audio.duration"] == .number(1))
    }

    @Test func timeoutStopsDecoding() throws {
        var options = ProbeOptions()
        options.timeout = 0.000_001
        do { _ = try AudioProbe.facts(of: VoiceFixture.audio("clip-48k-128k.m4a"), options: options); Issue.record("no time at all") } catch let e as ProbeError {
            #expect(e.kind == .limitExceeded)
        }
    }
}
