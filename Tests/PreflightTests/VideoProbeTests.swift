import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Facts measured from real ffmpeg encodes (Fixtures/make-video-fixtures.sh).
@Suite struct VideoProbeTests {
    func facts(_ name: String) throws -> Facts {
        let (facts, error) = SlotProbe.measure(Fixture.video(name), kind: .video)
        #expect(error == nil, "\(name): \(String(describing: error))")
        return facts
    }

    @Test func landscapeTakeFacts() throws {
        let f = try facts("take-1080p25-90s.mp4")
        #expect(f["container.format"] == .text("mp4"))
        #expect(f["video.codec"] == .text("h264"))
        #expect(f["video.width"] == .number(1920))
        #expect(f["video.height"] == .number(1080))
        #expect(f["video.display_aspect"] == .text("16:9"))
        #expect(f["video.rotation"] == .number(0))
        #expect(f["video.frame_rate"] == .number(25))
        #expect(f["video.frame_rate_mode"] == .text("constant"))
        #expect(f["video.frame_count"] == .number(2250))
        #expect(f["video.frame_gaps"] == .number(0))
        #expect(f["video.frame_timing_source"] == .text("index"))
        #expect(f["video.has_audio"] == .flag(true))
        #expect(f["audio.sample_rate"] == .number(22050))
        #expect(f["audio.channels"] == .number(1))
        let duration = try #require(f["video.duration"]?.number)
        #expect(abs(duration - 90) < 0.05)
    }

    @Test func phoneRotationIsAppliedToDisplaySize() throws {
        // Stored 1920x1080; ffprobe reads the display matrix as rotation = -90 (counter-clockwise).
        let f = try facts("phone-portrait.mp4")
        #expect(f["video.width"] == .number(1920))
        #expect(f["video.height"] == .number(1080))
        #expect(f["video.rotation"] == .number(90))
        #expect(f["video.display_width"] == .number(1080))
        #expect(f["video.display_height"] == .number(1920))
        #expect(f["video.display_resolution"] == .text("1080x1920"))
        #expect(f["video.display_aspect"] == .text("9:16"))
    }

    @Test func variableFrameRateFromIndexTimestamps() throws {
        let f = try facts("vfr.mp4")
        #expect(f["video.frame_rate_mode"] == .text("variable"))
        let low = try #require(f["video.frame_rate_min"]?.number)
        let high = try #require(f["video.frame_rate_max"]?.number)
        #expect(abs(low - 10) < 0.01)
        #expect(abs(high - 30) < 0.01)
        let average = try #require(f["video.frame_rate"]?.number)
        #expect(average > 19 && average < 21, "1400 frames over 70 s: \(average)")
    }

    @Test func droppedFramesAreGapsNotVariableRate() throws {
        let f = try facts("gaps.mp4")
        #expect(f["video.frame_rate_mode"] == .text("constant"))
        #expect(f["video.frame_gaps"] == .number(2))
        #expect(f["video.frame_count"] == .number(1750 - 5 - 12))
        let longest = try #require(f["video.longest_gap"]?.number)
        #expect(abs(longest - 13.0 / 25) < 0.001, "12 frames dropped: a 13-frame step")
    }

    @Test func containersToldApartByContent() throws {
        #expect(try facts("take.mov")["container.format"] == .text("mov"))
        #expect(try facts("mp4-named.mov")["container.format"] == .text("mp4"))
        #expect(try facts("mp4-named.mov")["file.extension_matches_content"] == .flag(false))
        #expect(try facts("container.mkv")["container.format"] == .text("matroska"))
        #expect(try facts("container.avi")["container.format"] == .text("avi"))
        let mkv = try facts("container.mkv")
        #expect(mkv["video.frame_timing_source"] == .text("packets"))
        #expect(mkv["video.frame_count"] == .number(1750))
        #expect(mkv["video.frame_rate"] == .number(25))
    }

    @Test func frameRatesAndSizes() throws {
        #expect(try facts("fps24.mp4")["video.frame_rate"] == .number(24))
        #expect(try facts("fps61.mp4")["video.frame_rate"] == .number(61))
        #expect(try facts("res1440p.mp4")["video.display_resolution"] == .text("2560x1440"))
        #expect(try facts("aspect4x3.mp4")["video.display_aspect"] == .text("4:3"))
        #expect(try facts("dci4096.mp4")["video.display_aspect"] == .text("256:135"))
        #expect(try facts("uhd-130s.mp4")["video.display_resolution"] == .text("3840x2160"))
    }

    @Test func unreadableInputsAreErrorsNotCrashes() throws {
        let (_, truncated) = SlotProbe.measure(Fixture.video("truncated.mp4"), kind: .video)
        #expect(truncated?.kind == .unreadable)
        #expect(truncated?.detail?.isEmpty == false)
        let (_, empty) = SlotProbe.measure(Fixture.video("empty.mp4"), kind: .video)
        #expect(empty?.kind == .empty)
        let (_, missing) = SlotProbe.measure(Fixture.video("no-such-file.mp4"), kind: .video)
        #expect(missing?.kind == .missing)
        let (png, _) = SlotProbe.measure(Fixture.video("png-named.mp4"), kind: .video)
        #expect(png["file.detected_type"] == .text("png"))
        #expect(png["container.format"] == .text("png"))
    }

    @Test func timingAnalysisOnSyntheticTimestamps() {
        // 30 fps in a 1/1000 time base jitters between 33 and 34 ticks: still constant.
        var ts: [Int64] = []
        var t = 0.0
        for _ in 0..<300 { ts.append(Int64(t.rounded())); t += 1000.0 / 30 }
        let cfr = FrameTiming(timestamps: ts, timeBase: 0.001)
        #expect(!cfr.isVariable)
        #expect(cfr.gaps == 0)
        #expect(abs((cfr.averageRate ?? 0) - 30) < 0.2)
        // One long step is a gap, not a variable rate.
        var cut = ts
        for i in 150..<cut.count { cut[i] += 500 }
        let gap = FrameTiming(timestamps: cut, timeBase: 0.001)
        #expect(!gap.isVariable)
        #expect(gap.gaps == 1)
        #expect(FrameTiming(timestamps: [], timeBase: 0.001).frameCount == 0)
    }

    @Test func aspectNames() {
        #expect(AspectRatio.name(width: 1366, height: 768) == "16:9")
        #expect(AspectRatio.name(width: 1080, height: 1920) == "9:16")
        #expect(AspectRatio.name(width: 1000, height: 999) == "1:1")
        #expect(AspectRatio.name(width: 1000, height: 700) == "10:7")
    }
}
