import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Photo content: every pixel decoded (damaged data is an error finding with the library's message)
/// and the faces dlib finds, judged by rules/shared/photo-content.yaml, on the pictures of
/// Fixtures/make-face-fixtures.sh (scikit-image's astronaut, Debian facedetect's Grace Hopper).
@Suite struct PhotoContentTests {
    let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))

    func facts(_ name: String) throws -> Facts {
        var facts = try FileFacts.read(Fixture.url("faces/\(name)"))
        facts.merge(try PhotoProbe.facts(of: Fixture.url("faces/\(name)")))
        return facts
    }

    func check(_ name: String) throws -> Report {
        let rules = try loader.load(type: "IMAGE_PHOTO")
        let input = InputReport(slot: "material", path: Fixture.url("faces/\(name)").path, facts: try facts(name), error: nil)
        return Report(rules: rules, inputs: [input], checks: Evaluator.evaluate(rules, inputs: [input]), strict: false, libraries: [:])
    }

    func failed(_ report: Report, _ severity: Severity) -> Set<String> {
        Set(report.findings.filter { $0.severity == severity && $0.status == .fail }.map(\.rule))
    }

    static var landmarksInstalled: Bool { FaceDetector.landmarkModel != nil }

    @Test(arguments: [("bad_idat_crc.png", "IDAT: CRC error"), ("bad_adler.png", "IDAT: incorrect data check"),
                      ("empty_ancillary_chunks.png", "gAMA: invalid"),
                      ("corrupt_scan.jpg", "Corrupt JPEG data")])
    func damagedPixelDataIsAnErrorWithTheLibrarysMessage(file: String, message: String) throws {
        let f = try facts(file)
        #expect(f["photo.decodes"] == .flag(false))
        #expect(f["photo.decode_error"]?.text?.contains(message) == true, "\(String(describing: f["photo.decode_error"]))")
        // The headers alone look intact: the size is read.
        #expect(f["photo.width"] != nil)
        let report = try check(file)
        let finding = try #require(report.findings.first { $0.rule == "material.decodes" })
        #expect(finding.severity == .error)
        #expect(finding.message.en.contains(message))
        #expect(finding.message.zh.contains("损坏"))
        #expect(report.verdict == .fail)
    }

    @Test(arguments: ["hopper.jpg", "astronaut.jpg", "astronaut_256.png", "astronaut_256.webp"])
    func onePortraitHasOneFaceInRange(file: String) throws {
        let f = try facts(file)
        #expect(f["photo.decodes"] == .flag(true))
        #expect(f["photo.face_count"] == .number(1))
        let ratio = try #require(f["photo.face_area_ratio"]?.number)
        #expect(ratio > 0.02 && ratio < 0.3, "\(ratio)")
        #expect(f["photo.face_box"]?.text?.contains("x") == true)
        let report = try check(file)
        #expect(failed(report, .error).isEmpty, "\(failed(report, .error))")
    }

    @Test func facesAreCountedPlacedAndSized() throws {
        #expect(failed(try check("no_face.jpg"), .error) == ["material.face_present"])
        let two = try check("two_faces.jpg")
        #expect(failed(two, .error) == ["material.face_single"])
        #expect(two.findings.first { $0.rule == "material.face_single" }?.serviceError == 300002)
        let small = try check("small_face.jpg")
        #expect(failed(small, .error) == ["material.face_not_small"])
        #expect(small.findings.first { $0.rule == "material.face_not_small" }?.serviceError == 300003)
        let off = try check("off_centre.jpg")
        #expect(failed(off, .error).isEmpty)
        let centred = try #require(off.findings.first { $0.rule == "material.face_centered" })
        #expect(centred.severity == .warning)
        // The crop centres the face: for the face at the left of a 1024x576 picture it starts at x = 0.
        let crop = try #require(try facts("off_centre.jpg")["photo.face_centered_crop"]?.text)
        #expect(crop.hasSuffix("+0") || crop.contains("+0+"), "\(crop)")
        #expect(centred.fix?.en.contains("-crop \(crop)") == true)
        #expect(try facts("hopper.jpg")["photo.face_center_offset"].flatMap(\.number).map { $0 < 0.3 } == true)
    }

    @Test func blurAndDarknessAreWarnings() throws {
        #expect(failed(try check("blurry.jpg"), .warning).contains("material.face_sharp"))
        #expect(failed(try check("dark.jpg"), .warning).contains("material.face_exposure"))
        let sharp = try #require(try facts("hopper.jpg")["photo.face_sharpness"]?.number)
        let blurred = try #require(try facts("blurry.jpg")["photo.face_sharpness"]?.number)
        #expect(sharp > 20 * blurred)
    }

    @Test(.enabled(if: PhotoContentTests.landmarksInstalled)) func landmarksTellTiltAndMouth() throws {
        let hopper = try facts("hopper.jpg"), tilted = try facts("tilted.jpg"), astronaut = try facts("astronaut.jpg")
        let upright = try #require(hopper["photo.face_roll"]?.number), turned = try #require(tilted["photo.face_roll"]?.number)
        #expect(abs(upright) < 5)
        #expect(abs(turned - upright - 20) < 4, "\(turned) vs \(upright)")
        #expect(try #require(hopper["photo.mouth_open"]?.number) < 0.05)
        #expect(try #require(astronaut["photo.mouth_open"]?.number) > 0.1)
        #expect(abs(try #require(hopper["photo.face_yaw"]?.number)) < 10)
        #expect(failed(try check("tilted.jpg"), .warning).contains("material.face_upright"))
        #expect(failed(try check("astronaut.jpg"), .warning).contains("material.mouth_closed"))
        #expect(failed(try check("hopper.jpg"), .warning).isEmpty)
    }

    @Test func withoutTheLandmarkModelTiltIsNotMeasuredAndSaysWhatToInstall() throws {
        let picture = try #require({ () -> GrayPicture? in
            if case .decoded(let p) = PhotoPixels.decode(try PhotoFile(Fixture.url("faces/hopper.jpg")), format: .jpeg) { return p }
            return nil
        }())
        let search = try FaceDetector.search(picture, upsample: 0, threshold: PhotoContent.threshold, landmarks: nil)
        #expect(search.count == 1)
        #expect(search.faces.first?.landmarks == nil)
        let rules = try loader.load(type: "IMAGE_PHOTO")
        var f = try facts("hopper.jpg")
        for name in ["photo.face_roll", "photo.face_yaw", "photo.mouth_open"] { f[name] = nil }
        f["photo.landmarks_measured"] = .flag(false)
        let input = InputReport(slot: "material", path: "hopper.jpg", facts: f, error: nil)
        let report = Report(rules: rules, inputs: [input], checks: Evaluator.evaluate(rules, inputs: [input]), strict: false, libraries: [:])
        let note = try #require(report.findings.first { $0.rule == "material.landmarks" })
        #expect(note.severity == .info)
        #expect(note.fix?.en.contains("libdlib-data") == true)
        #expect(note.message.en.contains("iBUG 300-W"))
        #expect(!report.checks.contains { $0.rule == "material.face_upright" })
    }

    @Test func theDecodedPictureIsBoundedAndOriented() throws {
        guard case .decoded(let picture) = PhotoPixels.decode(try PhotoFile(Fixture.url("photo/stored43_o6.jpg")), format: .jpeg) else {
            Issue.record("not decoded"); return
        }
        // Stored 4032x3024: libjpeg's 1/2 scaling, then a box reduction, to at most 1024 across.
        #expect(max(picture.width, picture.height) <= PhotoPixels.maxSide)
        #expect(picture.width > picture.height)
        let shown = picture.oriented(6)
        #expect(shown.width == picture.height && shown.height == picture.width)
        // Orientation 6 turns the stored picture a quarter clockwise: its bottom-left corner becomes the top-left.
        let marked = GrayPicture(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])
        #expect(marked.oriented(6).pixels == [4, 1, 5, 2, 6, 3])
        #expect(marked.oriented(8).pixels == [3, 6, 2, 5, 1, 4])
    }

    /// dlib's libraries, mapped by the loader; nothing else opens them.
    func dlibLoaded(_ arguments: [String]) throws -> Bool {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try ToolRun.run(arguments, environment: ["LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": dir.appendingPathComponent("ld").path])
        var log = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            log += try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(log.contains("calling init:"), "no loader log for \(arguments)")
        return log.split(separator: "\n").contains { $0.contains("calling init:") && ($0.contains("libdlib") || $0.contains("libPreflightFaces")) }
    }

    @Test func onlyAFaceSearchMapsDlib() throws {
        #expect(try dlibLoaded(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/faces/hopper.jpg"]))
        #expect(try !dlibLoaded(["--version"]))
        #expect(try !dlibLoaded(["probe", "Fixtures/video/take-1080p25-90s.mp4", "--format", "json"]))
        #expect(try !dlibLoaded(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/faces/hopper.jpg", "--no-content"]))
    }

    @Test func withoutTheFaceLibraryTheFindingNamesThePackage() throws {
        let run = try ToolRun.run(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/faces/hopper.jpg", "--format", "json"],
                                  environment: ["PREFLIGHT_DISABLE_FACES": "1"])
        #expect(run.stdout.contains("material.faces_measured"), "\(run.stdout.prefix(400))")
        #expect(run.stdout.contains("libdlib19.1"))
        #expect(!run.stdout.contains("material.face_present"))
        // Each language reads the reason in its own words; the detail (the loader's text) is in both.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = (report["findings"] as? [[String: Any]]) ?? []
        let finding = try #require(findings.first { $0["rule"] as? String == "material.faces_measured" })
        let message = try #require(finding["message"] as? [String: String])
        #expect(message["zh"]?.contains("无法加载人脸检测库（dlib）") == true, "\(message)")
        #expect(message["zh"]?.contains("cannot be loaded") == false, "\(message)")
        #expect(message["zh"]?.contains("（disabled by PREFLIGHT_DISABLE_FACES=1）") == true, "\(message)")
        #expect(message["en"]?.contains("The face detection library (dlib) cannot be loaded") == true, "\(message)")
        #expect(message["en"]?.contains("(disabled by PREFLIGHT_DISABLE_FACES=1)") == true, "\(message)")
    }
}
