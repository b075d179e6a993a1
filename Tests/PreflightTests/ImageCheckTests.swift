import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The image customization kinds judged end to end on real files.
@Suite struct ImageCheckTests {
    let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))
    let pdf = Fixture.url("pdf/one-page.pdf")
    static var headersOnly: ProbeOptions {
        var options = ProbeOptions()
        options.content = false
        return options
    }

    /// Headers only: these flat-colour takes have no face nor a keyable background (the content
    /// pass has its own suites, VideoContentTests and PhotoContentTests).
    func check(_ type: String, _ files: [String: URL], profile: String? = nil) async throws -> Report {
        let rules = try loader.load(type: type, profile: profile)
        return await Preflight.check(Submission(type: type, files: files), rules: rules, options: Self.headersOnly)
    }

    func failed(_ report: Report) -> Set<String> { Set(report.findings.filter { $0.severity == .error }.map(\.rule)) }

    @Test func ninetySecondTakePassesGeneralFailsImage() async throws {
        let files = ["material": Fixture.video("take-1080p25-90s.mp4"), "identity_pdf": pdf]
        let general = try await check("IMAGE_GENERAL", files)
        #expect(general.verdict == .pass, "\(general.findings.map(\.rule))")
        // Only files were given: the one finding says plainly that the request fields were not checked.
        #expect(general.findings.map(\.rule) == ["request.not_checked"])
        #expect(general.findings.first?.severity == .info)
        let image = try await check("IMAGE", files)
        #expect(image.verdict == .fail)
        #expect(failed(image) == ["material.duration"])
        let finding = try #require(image.findings.first { $0.rule == "material.duration" })
        #expect(finding.measured == .number(90))
        #expect(finding.limit == "≥ 2 min")
        #expect(finding.serviceError == 100002)
    }

    @Test(arguments: [
        ("fps24.mp4", "material.frame_rate"),
        ("fps61.mp4", "material.frame_rate_max"),
        ("res1440p.mp4", "material.resolution"),
        ("aspect4x3.mp4", "material.aspect"),
        ("dci4096.mp4", "material.resolution"),
        ("long-11min.mp4", "material.duration_max"),
        ("container.mkv", "material.container"),
        ("container.avi", "material.container"),
    ])
    func eachBadTakeFailsOnItsRule(file: String, rule: String) async throws {
        let report = try await check("IMAGE_GENERAL", ["material": Fixture.video(file), "identity_pdf": pdf])
        #expect(report.verdict == .fail)
        #expect(failed(report).contains(rule), "\(file): \(failed(report))")
        let finding = try #require(report.findings.first { $0.rule == rule })
        #expect(finding.fix != nil, "\(rule) has a fix")
        #expect(!finding.message.zh.isEmpty && !finding.message.en.isEmpty)
    }

    @Test func fourKRejectsFullHDAcceptsUHD() async throws {
        let hd = try await check("IMAGE_4K", ["material": Fixture.video("take-1080p25-90s.mp4"), "identity_pdf": pdf])
        #expect(failed(hd).contains("material.resolution"))
        let uhd = try await check("IMAGE_4K", ["material": Fixture.video("uhd-130s.mp4"), "identity_pdf": pdf])
        #expect(uhd.verdict == .pass, "\(uhd.findings.map(\.rule))")
        // The 4K size limit applies, not the 5 GB one.
        #expect(uhd.checks.contains { $0.rule == "material.size_4k" && $0.status == .pass })
        #expect(!uhd.checks.contains { $0.rule == "material.size" })
    }

    @Test func rotatedPhoneClipPassesAsPortrait() async throws {
        let report = try await check("IMAGE_GENERAL", ["material": Fixture.video("phone-portrait.mp4"), "identity_pdf": pdf])
        #expect(report.verdict == .pass, "\(report.findings.map(\.rule))")
        let rotation = try #require(report.findings.first { $0.rule == "material.rotation" })
        #expect(rotation.severity == .info)
        #expect(report.checks.contains { $0.rule == "material.aspect" && $0.status == .pass && $0.measured == .text("9:16") })
    }

    @Test func variableFrameRateWarns() async throws {
        let report = try await check("IMAGE_GENERAL", ["material": Fixture.video("vfr.mp4"), "identity_pdf": pdf])
        let vfr = try #require(report.findings.first { $0.rule == "material.frame_rate_mode" })
        #expect(vfr.severity == .warning)
        #expect(vfr.message.en.contains("10 fps") && vfr.message.en.contains("30 fps"))
    }

    @Test func movPassesAndMislabelledMp4Warns() async throws {
        let mov = try await check("IMAGE_GENERAL", ["material": Fixture.video("take.mov"), "identity_pdf": pdf])
        #expect(mov.verdict == .pass, "\(mov.findings.map(\.rule))")
        let named = try await check("IMAGE_GENERAL", ["material": Fixture.video("mp4-named.mov"), "identity_pdf": pdf])
        #expect(named.verdict == .pass)
        #expect(named.findings.map(\.rule) == ["request.not_checked", "material.extension_matches"])
    }

    @Test func unreadableInputsAreFindings() async throws {
        for (file, rule) in [("png-named.mp4", "material.container"), ("truncated.mp4", "input.unreadable"), ("empty.mp4", "input.empty")] {
            let report = try await check("IMAGE_GENERAL", ["material": Fixture.video(file), "identity_pdf": pdf])
            #expect(report.verdict == .fail)
            #expect(failed(report).contains(rule), "\(file): \(failed(report))")
        }
    }

    @Test func authorizationIsRequiredAndChecked() async throws {
        let none = try await check("IMAGE_GENERAL", ["material": Fixture.video("take-1080p25-90s.mp4")])
        #expect(failed(none) == ["slots.authorization"])
        let video = try await check("IMAGE_GENERAL", ["material": Fixture.video("take-1080p25-90s.mp4"),
                                                     "identity": Fixture.video("authorization.mp4")])
        #expect(video.verdict == .pass, "\(video.findings.map(\.rule))")
        let movAuth = try await check("IMAGE_GENERAL", ["material": Fixture.video("take-1080p25-90s.mp4"),
                                                       "identity": Fixture.video("take.mov")])
        #expect(failed(movAuth).isSuperset(of: ["identity.container", "identity.extension"]))
        let noMaterial = try await check("IMAGE", ["identity_pdf": pdf])
        #expect(failed(noMaterial) == ["slots.material"])
    }
}
