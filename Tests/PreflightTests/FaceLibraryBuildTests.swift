import Foundation
import PreflightTestSupport
import Testing

/// The two builds of the face detector, `libPreflightFaces.so` and `libPreflightFacesAVX2.so` (the same
/// sources compiled for AVX2 and FMA, which the loader prefers on a processor with both), find the same
/// faces with the same numbers: every photo of `Fixtures/faces` and every take of
/// `Fixtures/video-content` gives the same report, byte for byte, through either library (landmarks
/// included when the model is installed).
@Suite struct FaceLibraryBuildTests {
    static var folder: URL { Fixture.tool.deletingLastPathComponent() }
    static var baseline: URL { folder.appendingPathComponent("libPreflightFaces.so") }
    static var avx2: URL { folder.appendingPathComponent("libPreflightFacesAVX2.so") }

    /// Whether this processor runs the AVX2 build (its flags in /proc/cpuinfo) and the build made it.
    static var bothBuildsRun: Bool {
        guard FileManager.default.fileExists(atPath: avx2.path), FileManager.default.fileExists(atPath: baseline.path),
              let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        let set = Set(flags.split(separator: " ").map(String.init))
        return set.contains("avx2") && set.contains("fma")
    }

    static func files(_ folder: String, extensions: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Fixture.root.appendingPathComponent("Fixtures/\(folder)").path)
            .filter { extensions.contains(($0 as NSString).pathExtension) }.sorted().map { "Fixtures/\(folder)/\($0)" }
    }

    func reports(_ arguments: [String]) throws -> (baseline: String, avx2: String) {
        let a = try ToolRun.run(arguments, environment: ["PREFLIGHT_FACES_LIBRARY": Self.baseline.path])
        let b = try ToolRun.run(arguments, environment: ["PREFLIGHT_FACES_LIBRARY": Self.avx2.path])
        return (a.stdout, b.stdout)
    }

    @Test(.enabled(if: FaceLibraryBuildTests.bothBuildsRun)) func photosGiveTheSameFacesThroughEitherBuild() throws {
        let photos = try Self.files("faces", extensions: ["jpg", "png", "webp"])
        #expect(photos.count >= 10)
        var faces = 0
        for photo in photos {
            let (baseline, avx2) = try reports(["probe", photo, "--kind", "photo", "--format", "json"])
            #expect(baseline == avx2, "\(photo)")
            #expect(baseline.contains("\"photo.faces_measured\" : true") || !baseline.contains("photo.decodes\" : true"), "\(photo): \(baseline.prefix(300))")
            if baseline.contains("\"photo.face_box\"") { faces += 1 }
        }
        // Most of them have a face, so boxes, scores and landmarks are compared, not only "no face".
        #expect(faces >= 8)
    }

    @Test(.enabled(if: FaceLibraryBuildTests.bothBuildsRun)) func takesGiveTheSameFacesThroughEitherBuild() throws {
        for take in try Self.files("video-content", extensions: ["mp4"]) {
            let (baseline, avx2) = try reports(["check", "--type", "IMAGE_GENERAL", "--material", take, "--format", "json"])
            #expect(baseline == avx2, "\(take)")
            #expect(baseline.contains("video.face_frames_ratio"), "\(take): \(baseline.prefix(300))")
        }
    }
}
