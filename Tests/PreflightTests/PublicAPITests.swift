import Foundation
import Preflight
import PreflightTestSupport
import Testing

/// Uses only the library's public API, as another Swift package would (no @testable import here).
@Suite struct PublicAPITests {
    @Test func checkASubmissionThroughThePublicEntryPoint() async throws {
        let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL")
        let take = Fixture.video("take-1080p25-90s.mp4")
        // Headers only: the flat-colour take has no face (the content pass is tested on its own).
        var headersOnly = ProbeOptions()
        headersOnly.content = false
        let report = await Preflight.check(
            Submission(type: "IMAGE_GENERAL", files: ["material": take, "identity_pdf": Fixture.url("pdf/one-page.pdf")]),
            rules: rules, options: headersOnly)
        #expect(report.verdict == .pass)
        #expect(report.rules.type == "IMAGE_GENERAL")
        #expect(report.inputs.first { $0.slot == "material" }?.facts["video.frame_rate"] == .number(25))

        let short = try RuleSetLoader().load(type: "IMAGE")
        let failing = await Preflight.check(Submission(type: "IMAGE", files: ["material": take]), rules: short, options: headersOnly)
        #expect(failing.verdict == .fail)
        #expect(Set(failing.findings.filter { $0.severity == .error }.map(\.rule)) == ["slots.authorization", "material.duration"])
        #expect(failing.findings.allSatisfy { !$0.message.zh.isEmpty && !$0.message.en.isEmpty })
    }

    /// The module's names can be qualified (`Preflight.Report` beside an app's own `Report`), and misuse
    /// is loud: a file under a slot the kind does not have, or rules of another kind, fail the check.
    @Test func qualifiedNamesAndLoudMisuse() async throws {
        struct Report { var verdict = "an app's own type" }
        let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL")
        let take = Fixture.video("take-1080p25-90s.mp4"), letter = Fixture.url("pdf/one-page.pdf")
        let typo: Preflight.Report = await Preflight.check(
            Submission(type: "IMAGE_GENERAL", files: ["materail": take, "identity_pdf": letter]), rules: rules)
        #expect(Report().verdict == "an app's own type")
        #expect(typo.verdict == .fail)
        let input = try #require(typo.inputs.first { $0.slot == "materail" })
        #expect(input.error?.message.en.contains("no 'materail' file slot") == true)
        #expect(input.error?.message.en.contains("material") == true)
        let other = await Preflight.check(
            Submission(type: "IMAGE", files: ["material": take, "identity_pdf": letter]), rules: rules)
        #expect(other.findings.contains { $0.rule == "submission.rules_mismatch" && $0.severity == .error })
        #expect(other.verdict == .fail)
    }

    @Test func batchThroughThePublicAPI() async throws {
        let loader = RuleSetLoader()
        let submissions = [
            Submission(type: "IMAGE_GENERAL", files: ["material": Fixture.video("take-1080p25-90s.mp4")], name: "a"),
            Submission(type: "IMAGE_GENERAL", files: ["material": Fixture.video("mp4-named.mov")], name: "b"),
        ]
        let batch = try await BatchCheck(jobs: 2).run(submissions) { try loader.load(type: $0) }
        #expect(batch.submissions.map(\.submission) == ["a", "b"])
        #expect(batch.filesMeasured == 1, "mp4-named.mov is a copy of the same take")
        #expect(batch.filesReused == 1)
        // The reused measurement keeps each file's own name and extension.
        #expect(batch.submissions[1].inputs.first?.facts["file.extension"] == .text("mov"))
        #expect(batch.verdict == .fail, "neither has an authorization")
    }
}
