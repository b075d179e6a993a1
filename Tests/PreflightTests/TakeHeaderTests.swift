import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Header facts of takes any phone or broadcast camera makes (Fixtures/make-take-fixtures.sh), and the
/// warnings they raise: each where it belongs and nowhere else.
@Suite struct TakeHeaderTests {
    struct Take: Sendable, CustomStringConvertible {
        let file: String
        let facts: [String: FactValue]
        let findings: Set<String>
        var description: String { file }
    }

    static let takes: [Take] = [
        Take(file: "hlg.mp4", facts: [
            "video.codec": .text("hevc"), "video.profile": .text("Main 10"), "video.pixel_format": .text("yuv420p10le"),
            "video.bit_depth": .number(10), "video.chroma_subsampling": .text("4:2:0"),
            "video.color_primaries": .text("bt2020"), "video.color_transfer": .text("arib-std-b67"), "video.color_range": .text("limited"),
            "video.hdr": .text("hlg"), "video.field_order": .text("progressive"), "video.interlaced": .flag(false),
            "video.audio_codec": .text("aac"), "video.audio_sample_rate": .number(48000), "video.audio_channels": .number(2),
        ], findings: ["material.hdr", "material.bit_depth"]),
        Take(file: "pq.mp4", facts: [
            "video.profile": .text("Main 10"), "video.pixel_format": .text("yuv420p10le"), "video.bit_depth": .number(10),
            "video.color_primaries": .text("bt2020"), "video.color_transfer": .text("smpte2084"), "video.hdr": .text("pq"),
            "video.interlaced": .flag(false), "video.audio_sample_rate": .number(44100), "video.audio_channels": .number(1),
        ], findings: ["material.hdr", "material.bit_depth"]),
        Take(file: "dolby-vision.mp4", facts: [
            "video.profile": .text("Main 10"), "video.color_transfer": .text("smpte2084"), "video.hdr": .text("dolby-vision"),
        ], findings: ["material.hdr", "material.bit_depth"]),
        Take(file: "interlaced-1080i.mp4", facts: [
            "video.codec": .text("h264"), "video.pixel_format": .text("yuv420p"), "video.bit_depth": .number(8),
            "video.chroma_subsampling": .text("4:2:0"), "video.color_transfer": .text("bt709"), "video.hdr": .text("none"),
            "video.field_order": .text("tt"), "video.interlaced": .flag(true), "video.has_audio": .flag(false),
        ], findings: ["material.interlaced"]),
        Take(file: "h264-422-10bit.mov", facts: [
            "container.format": .text("mov"), "video.profile": .text("High 4:2:2"), "video.pixel_format": .text("yuv422p10le"),
            "video.bit_depth": .number(10), "video.chroma_subsampling": .text("4:2:2"), "video.color_primaries": .text("bt709"),
            "video.hdr": .text("none"), "video.interlaced": .flag(false), "video.audio_channels": .number(2),
        ], findings: ["material.bit_depth", "material.chroma_subsampling"]),
        Take(file: "sdr.mp4", facts: [
            "video.pixel_format": .text("yuv420p"), "video.bit_depth": .number(8), "video.chroma_subsampling": .text("4:2:0"),
            "video.color_primaries": .text("bt709"), "video.color_transfer": .text("bt709"), "video.color_range": .text("limited"),
            "video.hdr": .text("none"), "video.field_order": .text("progressive"), "video.interlaced": .flag(false),
            "video.audio_codec": .text("aac"), "video.audio_sample_rate": .number(16000), "video.audio_channels": .number(1),
        ], findings: []),
    ]

    /// The rules this issue added; the others (duration, resolution of a tiny fixture) are not judged here.
    static let takeRules: Set<String> = ["material.hdr", "material.interlaced", "material.bit_depth", "material.chroma_subsampling"]

    @Test(arguments: takes)
    func headerFactsAreRight(take: Take) throws {
        let facts = try VideoProbe.facts(of: Fixture.video("takes/\(take.file)"))
        for (name, value) in take.facts {
            #expect(facts[name] == value, "\(take.file): \(name) is \(String(describing: facts[name])), not \(value)")
        }
    }

    @Test(arguments: takes)
    func eachWarningWhereItBelongs(take: Take) async throws {
        let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))
        let rules = try loader.load(type: "IMAGE_GENERAL", profile: nil)
        let report = await Preflight.check(Submission(type: "IMAGE_GENERAL", files: ["material": Fixture.video("takes/\(take.file)")]), rules: rules)
        let raised = Set(report.findings.map(\.rule)).intersection(Self.takeRules)
        #expect(raised == take.findings, "\(take.file)")
        for finding in report.findings where Self.takeRules.contains(finding.rule) {
            #expect(finding.severity == (["material.hdr", "material.interlaced"].contains(finding.rule) ? .warning : .info))
            let fix = try #require(finding.fix, "\(finding.rule) has a fix")
            #expect(fix.en.contains("ffmpeg -i"), "\(finding.rule): \(fix.en)")
            #expect(!finding.message.zh.isEmpty && !finding.message.en.isEmpty)
        }
        if let hdr = report.findings.first(where: { $0.rule == "material.hdr" }) { #expect(hdr.fix?.en.contains("tonemap") == true) }
        if let i = report.findings.first(where: { $0.rule == "material.interlaced" }) { #expect(i.fix?.en.contains("bwdif") == true) }
    }

    /// An alpha video in a VP9 webm: the container fix re-encodes into a mov that still has its alpha
    /// (a stream copy into mp4 would have dropped it) and passes the container rule.
    @Test func alphaContainerFixKeepsTheAlpha() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let webm = dir.appendingPathComponent("logo.webm")
        try VoiceFixture.run("/usr/bin/ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red@0.5:s=64x64:r=25:d=0.2,format=yuva420p",
                                                 "-c:v", "libvpx-vp9", webm.path], in: dir)
        let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL")
        let input = InputReport(slot: "alpha", path: webm.path, facts: try VideoProbe.facts(of: webm), error: nil)
        let fix = try #require(Evaluator.evaluate(rules, inputs: [input]).first { $0.rule == "alpha.container" && $0.status == .fail }?.fix)
        let command = try #require(fix.en.firstMatch(of: #/ffmpeg -c:v libvpx-vp9 [^;]*/#)).output
        try VoiceFixture.run("/bin/sh", ["-c", "ffmpeg -nostdin -v error -y " + command.dropFirst("ffmpeg ".count)], in: dir)
        let mov = try VideoProbe.facts(of: dir.appendingPathComponent("logo_alpha.mov"))
        #expect(mov["container.format"] == .text("mov"))
        #expect(mov["video.pixel_format"]?.text?.hasPrefix("yuva") == true, "\(mov["video.pixel_format"] as Any)")
    }

    /// The suggested commands work with the ffmpeg here: each output probes clean of the warning it fixes.
    @Test func fixCommandsClearTheirWarnings() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, (Facts) -> Bool)] = [
            ("hlg.mp4", "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p",
             { $0["video.hdr"] == .text("none") && $0["video.bit_depth"] == .number(8) }),
            ("interlaced-1080i.mp4", "bwdif=mode=send_frame", { $0["video.interlaced"] == .flag(false) }),
            ("h264-422-10bit.mov", "format=yuv420p", { $0["video.chroma_subsampling"] == .text("4:2:0") && $0["video.bit_depth"] == .number(8) }),
        ]
        for (file, filter, ok) in cases {
            let out = dir.appendingPathComponent(file + ".mp4")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", Fixture.video("takes/\(file)").path, "-vf", filter,
                           "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-c:a", "copy", out.path]
            try p.run(); p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(file)")
            #expect(ok(try VideoProbe.facts(of: out)), "\(file) after \(filter)")
        }
    }
}
