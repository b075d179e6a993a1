import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// One manifest, three kinds: a good IMAGE_GENERAL, a VOICE without authorization, an IMAGE_PHOTO at 3:4
/// (headers only, `--no-content`: the take is flat colour, without a face).
@Suite(.serialized) struct ManifestAcceptanceTests {
    func studio() throws -> URL {
        let dir = try Fixture.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("voice"), withIntermediateDirectories: true)
        // Three takes of real (espeak-ng) speech, 9.5 minutes in all: more than VOICE's 5-minute effective duration.
        let speech = ["talk-en-1.flac", "talk-cmn-1.flac", "talk-en-2.flac"].map { Fixture.url("speech/\($0)").path }
        for i in 1...3 {
            let sox = Process()
            sox.executableURL = URL(fileURLWithPath: "/usr/bin/sox")
            sox.arguments = speech + ["-r", "24000", "-b", "16", dir.appendingPathComponent("voice/take\(i).wav").path, "repeat", "6"]
            try sox.run()
            sox.waitUntilExit()
        }
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        zip.currentDirectoryURL = dir.appendingPathComponent("voice")
        zip.arguments = ["-q", "../takes.zip", "take1.wav", "take2.wav", "take3.wav"]
        try zip.run()
        zip.waitUntilExit()
        try """
            defaults: {SexType: FEMALE}
            submissions:
              - MakeType: IMAGE_GENERAL
                AnchorName: 张三蓝西服
                files:
                  material: \(Fixture.video("take-1080p25-90s.mp4").path)
                  identity_pdf: \(Fixture.url("pdf/one-page.pdf").path)
              - MakeType: VOICE
                AnchorName: 张三声音
                files: {material: takes.zip}
              - MakeType: IMAGE_PHOTO
                AnchorName: 张三照片
                files: {material: \(Fixture.url("faces/hopper_3x4.jpg").path)}
            """.write(to: dir.appendingPathComponent("studio.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// 9.5 minutes of audio in one zip, analysed by an unoptimised debug build while the rest of the
    /// suite runs: the 60 s per-file default can pass before the last take is decoded, and this test is
    /// about the report formats, not about speed.
    static let slowBuildTimeout = ["--timeout", "600"]

    @Test func exactlyTheTwoFailuresInJUnitAndGitHub() throws {
        let dir = try studio()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junit = try ToolRun.run(["check", "studio.yaml", "--format", "junit", "--no-content"] + Self.slowBuildTimeout, in: dir)
        #expect(junit.status == 1, "\(junit.stderr)")
        let failures = junit.stdout.components(separatedBy: "<testcase ").dropFirst().filter { $0.contains("<failure") }
        #expect(failures.count == 2, "\(failures)")
        // The classname keeps no dots (Jenkins splits it at the last one); the path is in `file`.
        #expect(failures.contains { $0.contains("name=\"slots.authorization\"") && $0.contains("classname=\"张三声音: studio_yaml\"") && $0.contains("file=\"studio.yaml\"") })
        #expect(failures.contains { $0.contains("name=\"material.aspect\"") && $0.contains("hopper_3x4.jpg") })
        #expect(junit.stdout.contains("<testsuites name=\"preflight\"") && junit.stdout.contains("failures=\"2\""))

        let github = try ToolRun.run(["check", "studio.yaml", "--format", "github", "--no-content"] + Self.slowBuildTimeout, in: dir)
        #expect(github.status == 1)
        let errors = github.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.contains("file=studio.yaml") && $0.contains("slots.authorization") })
        #expect(errors.contains { $0.contains("hopper_3x4.jpg") && $0.contains("material.aspect") })
        // In Chinese the measured value and the limit are labelled in Chinese too.
        let githubZh = try ToolRun.run(["check", "studio.yaml", "--format", "github", "--no-content", "--lang", "zh"] + Self.slowBuildTimeout, in: dir)
        let aspect = try #require(githubZh.stdout.split(separator: "\n").first { $0.hasPrefix("::error ") && $0.contains("material.aspect") })
        #expect(aspect.contains("；要求 ") && !aspect.contains("; limit "), "\(aspect)")

        let json = try ToolRun.run(["check", "studio.yaml", "--format", "json", "--no-content"] + Self.slowBuildTimeout, in: dir)
        let subs = try #require(json.json["submissions"] as? [[String: Any]])
        #expect(subs.map { $0["verdict"] as? String } == ["pass", "fail", "fail"])
    }
}
