import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The video content pass: a bounded sample of decoded frames, its background and faces, on the
/// takes of Fixtures/make-video-content-fixtures.sh (a face on a green screen, on a white wall, on a
/// cluttered scene, and a test pattern without a face).
@Suite struct VideoContentTests {
    func facts(_ name: String, content: Bool = true) throws -> Facts {
        var options = ProbeOptions()
        options.videoContent = content
        return try VideoProbe.facts(of: Fixture.url("video-content/\(name)"), options: options)
    }

    @Test func backgroundsAreToldApart() throws {
        let green = try facts("face-green.mp4"), white = try facts("face-white.mp4")
        let cluttered = try facts("face-cluttered.mp4"), pattern = try facts("pattern-no-face.mp4")
        #expect(green["video.background"] == .text("green"))
        #expect(white["video.background"] == .text("white"))
        #expect(cluttered["video.background"] == .text("other"))
        #expect(pattern["video.background"] == .text("other"))
        #expect(try #require(green["video.background_coverage"]?.number) > 0.9)
        #expect(try #require(green["video.background_uniformity"]?.number) > 0.8)
        #expect(try #require(cluttered["video.background_coverage"]?.number) < 0.2)
    }

    @Test func theSampleIsBoundedAndCoversTheStart() throws {
        let f = try facts("face-green.mp4")
        // 4 s at 25 fps: 15 samples over the first 3 s (every 0.2 s), not the 100 frames of the take.
        let sampled = try #require(f["video.sampled_frames"]?.number)
        #expect(sampled >= 14 && sampled <= 15 + Double(VideoFrameSampler.spreadCount))
        // A bare probe decodes nothing.
        let bare = try facts("face-green.mp4", content: false)
        #expect(bare["video.sampled_frames"] == nil && bare["video.background"] == nil)
        #expect(bare["video.width"] == .number(640))
    }

    @Test func facesAreFoundInTheTakesAndNotInThePattern() throws {
        for take in ["face-green.mp4", "face-white.mp4", "face-cluttered.mp4"] {
            let f = try facts(take)
            #expect(f["video.face_count_max"] == .number(1), "\(take)")
            #expect(try #require(f["video.face_frames_ratio"]?.number) >= 0.9, "\(take)")
        }
        let pattern = try facts("pattern-no-face.mp4")
        #expect(pattern["video.face_count_max"] == .number(0))
        #expect(pattern["video.face_missing_at"] == .text("0.0 s"))
    }

    @Test(.enabled(if: PhotoContentTests.landmarksInstalled)) func theMouthAtTheStartAndTheHeadAreMeasured() throws {
        let closed = try facts("face-green.mp4"), open = try facts("face-white.mp4")
        #expect(closed["video.mouth_closed_start"] == .flag(true))
        #expect(open["video.mouth_closed_start"] == .flag(false))
        #expect(open["video.mouth_open_at"]?.text?.hasSuffix(" s") == true)
        #expect(try #require(closed["video.head_roll_max"]?.number) < 10)
    }

    @Test func theBackgroundIsJudgedAgainstTheRequest() throws {
        let white = ["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video-content/face-white.mp4", "--format", "json"]
        let defaults = try ToolRun.run(white)
        // RemoveBackground defaults to 1 (green screen): a white wall is not what the service will key.
        #expect(defaults.stdout.contains("\"video.background_expected\" : \"green\""), "\(defaults.stdout.prefix(300))")
        #expect(defaults.stdout.contains("\"video.background_keyable\" : false"))
        let asWhite = try ToolRun.run(white + ["--remove-background", "2"])
        #expect(asWhite.stdout.contains("\"video.background_keyable\" : true"))
        let kept = try ToolRun.run(white + ["--is-have-background", "true"])
        #expect(kept.stdout.contains("\"video.background_expected\" : \"kept\""))
        let rules = try RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules")).load(type: "IMAGE_GENERAL")
        var f = try facts("face-cluttered.mp4")
        f.set("video.background_expected", "green")
        f.set("video.background_keyable", false)
        let input = InputReport(slot: "material", path: "face-cluttered.mp4", facts: f, error: nil)
        let finding = try #require(Evaluator.evaluate(rules, inputs: [input]).first { $0.rule == "material.background_keyable" })
        #expect(finding.severity == .warning && finding.status == .fail)
        #expect(finding.fix?.en.contains("IsHaveBackground=true") == true)
        // The colour words are the reader's language: no English word in the Chinese message.
        #expect(finding.message.en.contains("remove a green background"), "\(finding.message.en)")
        #expect(finding.message.zh.contains("去除绿色背景") && !finding.message.zh.contains("green"), "\(finding.message.zh)")
        #expect(finding.message.zh.contains("背景判定为") && !finding.message.zh.contains("other"), "\(finding.message.zh)")
        let strict = try RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules")).load(type: "IMAGE_GENERAL", profile: "strict")
        #expect(Evaluator.evaluate(strict, inputs: [input]).first { $0.rule == "material.background_keyable" }?.severity == .error)
    }

    @Test func noFaceIsAnErrorForTheTakeAndTheAuthorization() throws {
        let run = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video-content/pattern-no-face.mp4",
                                   "--identity", "Fixtures/video-content/pattern-no-face.mp4", "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("material.video_face_present"))
        #expect(run.stdout.contains("identity.face_present"))
    }
}
