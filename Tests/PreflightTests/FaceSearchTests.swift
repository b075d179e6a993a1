import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The face search's reach and bounds: a second, smaller person in a take is seen (frames searched
/// at twice their sampled size), the per-file deadline stops dlib's search between pyramid levels
/// (a finding, never a hang), and the landmark model's quick reader gives dlib's own predictor.
@Suite struct FaceSearchTests {
    func videoFacts(_ name: String) throws -> Facts {
        var options = ProbeOptions()
        options.videoContent = true
        return try VideoProbe.facts(of: Fixture.url("video-content/\(name)"), options: options)
    }

    /// A picture with detail everywhere (no face in it): the search has real work at every level.
    func noise(width: Int, height: Int) -> GrayPicture {
        var state: UInt32 = 12345
        let pixels = (0..<(width * height)).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        return GrayPicture(width: width, height: height, pixels: pixels)
    }

    @Test func twoPeopleSideBySideAreSeenInATake() throws {
        // 1280x720: the smaller face's box is about 52 px in a frame sampled at 640 px, under the
        // detector's reach at that size; the frames searched at twice the size find it.
        let f = try videoFacts("two-people.mp4")
        #expect(f["video.face_count_max"] == .number(2), "\(f)")
        let at = try #require(f["video.face_count_max_at"]?.text)
        #expect(at.hasSuffix(" s"))
        let seconds = try #require(Double(at.dropLast(2)))
        #expect(seconds >= 0 && seconds <= 4)
        let run = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video-content/two-people.mp4", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = (report?["findings"] as? [[String: Any]]) ?? []
        let onePerson = try #require(findings.first { $0["rule"] as? String == "material.video_one_person" }, "\(run.stdout.prefix(600))")
        #expect(onePerson["severity"] as? String == "warning")
        let message = try #require(onePerson["message"] as? [String: Any])
        #expect((message["en"] as? String)?.contains("2 faces were found at \(at)") == true, "\(message)")
        #expect((message["zh"] as? String)?.contains(at) == true)
    }

    @Test func theFineSearchesAreBoundedAndSpread() {
        #expect(VideoContent.fineSearchIndices(count: 3) == [0, 1, 2])
        let spread = VideoContent.fineSearchIndices(count: 27)
        #expect(spread.count == VideoContent.fineSearches)
        #expect(spread.min()! > 0 && spread.max()! < 26)
    }

    @Test func aSearchStopsAtTheDeadline() throws {
        // 1024x1024 doubled: a pyramid of over twenty levels of at most 4 megapixels each.
        let picture = noise(width: 1024, height: 1024)
        let deadline = ReadDeadline(seconds: 0.02)
        do {
            _ = try FaceDetector.search(picture, upsample: 1, threshold: PhotoContent.threshold, landmarks: nil, deadline: deadline)
            Issue.record("the search ran past its deadline")
        } catch let e as ProbeError {
            #expect(e.kind == .limitExceeded)
            #expect(e.message.en.contains("not measured in time"))
            #expect(e.message.zh.contains("时限"))
            // Stopped part way: fewer levels searched than the picture has.
            let detail = try #require(e.detail)
            let numbers = detail.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(numbers.count == 2 && numbers[0] < numbers[1], "\(detail)")
        }
        // The same picture with time to spare is searched to the end.
        let whole = try FaceDetector.search(noise(width: 320, height: 240), upsample: 0, threshold: PhotoContent.threshold, landmarks: nil,
                                            deadline: ReadDeadline(seconds: 60))
        #expect(whole.count == 0)
    }

    @Test func aPhotoOutOfTimeIsAWarningFindingAndKeepsItsHeader() throws {
        let run = try ToolRun.run(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/faces/hopper.jpg", "--timeout", "0.001", "--format", "json"])
        #expect(run.stdout.contains("\"photo.faces_in_time\" : false"), "\(run.stdout.prefix(800))")
        #expect(run.stdout.contains("\"photo.width\" : 512"))
        #expect(run.stdout.contains("material.faces_in_time"))
        #expect(!run.stdout.contains("\"photo.face_count\""))
        var options = ProbeOptions()
        options.timeout = 0.001
        let f = try PhotoProbe.facts(of: Fixture.url("faces/hopper.jpg"), options: options)
        #expect(f["photo.faces_in_time"] == .flag(false))
        #expect(f["photo.faces_measured"] == nil)
        let rules = try RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules")).load(type: "IMAGE_PHOTO")
        let input = InputReport(slot: "material", path: "hopper.jpg", facts: f, error: nil)
        let findings = Evaluator.evaluate(rules, inputs: [input])
        let late = try #require(findings.first { $0.rule == "material.faces_in_time" })
        #expect(late.severity == .warning && late.status == .fail)
        #expect(late.fix?.en.contains("--timeout") == true && late.fix?.zh.contains("--timeout") == true)
        // With its default time the same photo is measured, and the rule does not apply.
        let measured = try PhotoProbe.facts(of: Fixture.url("faces/hopper.jpg"))
        #expect(measured["photo.faces_in_time"] == nil && measured["photo.face_count"] == .number(1))
    }

    @Test func aTakeOutOfTimeHasNoFaceCounts() throws {
        let frames = (0..<3).map { SampledFrame(time: Double($0), luma: noise(width: 640, height: 360), border: nil) }
        let late = VideoContent.faces(frames, deadline: ReadDeadline(seconds: 0.001))
        #expect(late["video.faces_in_time"] == .flag(false))
        #expect(late["video.face_count_max"] == nil && late["video.face_frames_ratio"] == nil)
        #expect(late["video.faces_problem"]?.text?.contains("not measured in time") == true)
        #expect(late["video.faces_problem_zh"]?.text?.hasPrefix("人脸未能在每个文件的时限") == true)
        let rules = try RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules")).load(type: "IMAGE_GENERAL")
        let input = InputReport(slot: "material", path: "take.mp4", facts: late, error: nil)
        let finding = try #require(Evaluator.evaluate(rules, inputs: [input]).first { $0.rule == "material.video_faces_in_time" })
        #expect(finding.severity == .warning && finding.status == .fail)
        let inTime = VideoContent.faces(frames, deadline: ReadDeadline(seconds: 60))
        #expect(inTime["video.faces_in_time"] == nil && inTime["video.face_count_max"] == .number(0))
    }

    @Test(.enabled(if: PhotoContentTests.landmarksInstalled)) func theQuickModelReaderGivesDlibsPredictor() throws {
        let model = try #require(FaceDetector.landmarkModel)
        #expect(FaceDetector.modelReaderDifference(model) == nil)
    }

    @Test func aModelFileThatIsNotOneIsRefusedWithAMessage() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bogus = dir.appendingPathComponent("model.dat")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: bogus)
        let difference = try #require(FaceDetector.modelReaderDifference(bogus.path))
        #expect(difference.contains("refused"), "\(difference)")
    }
}
