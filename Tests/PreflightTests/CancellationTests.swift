import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Cancelling the task of a check stops its readers and says so in the report.
@Suite struct CancellationTests {
    static let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))

    @Test func aDeadlineCountsTheCheckCancelled() {
        let flag = CheckCancellation()
        CheckCancellation.$current.withValue(flag) {
            let deadline = ReadDeadline(seconds: 600)
            #expect(!deadline.passed)
            #expect(deadline.error.kind == .limitExceeded)
            flag.cancel()
            #expect(deadline.passed)
            #expect(deadline.error.kind == .cancelled)
        }
        // Made outside a check, a deadline is time alone.
        #expect(!ReadDeadline(seconds: 600).passed)
    }

    @Test(arguments: ["audio/take-24k16.wav", "video/authorization.mp4"])
    func readersStopWhenTheirCheckIsCancelled(_ path: String) {
        let flag = CheckCancellation()
        flag.cancel()
        let url = Fixture.url(path)
        let thrown = CheckCancellation.$current.withValue(flag) { () -> ProbeError? in
            do {
                _ = path.hasPrefix("audio") ? try AudioProbe.facts(of: url) : try VideoProbe.facts(of: url)
                return nil
            } catch { return error as? ProbeError }
        }
        #expect(thrown?.kind == .cancelled, "\(path): \(String(describing: thrown))")
        // The same file, in no cancelled check, reads.
        #expect((try? path.hasPrefix("audio") ? AudioProbe.facts(of: url) : VideoProbe.facts(of: url)) != nil)
    }

    @Test func aCancelledCheckFailsWithACancelledFindingPerFile() async throws {
        let rules = try Self.loader.load(type: "IMAGE_GENERAL")
        let submission = Submission(type: "IMAGE_GENERAL", files: ["material": Fixture.video("take-1080p25-90s.mp4"),
                                                                   "identity_pdf": Fixture.url("pdf/one-page.pdf")])
        let task = Task { () -> Report in
            withUnsafeCurrentTask { $0?.cancel() }
            return await check(submission, rules: rules)
        }
        let report = await task.value
        #expect(report.verdict == .fail)
        let cancelled = report.findings.filter { $0.rule == "input.cancelled" }
        #expect(Set(cancelled.compactMap(\.slot)) == ["material", "identity_pdf"])
        #expect(cancelled.allSatisfy { $0.message.zh.contains("取消") && $0.message.en.contains("cancelled") })
        // Not cancelled, the same submission is read.
        let read = await check(submission, rules: rules, options: { var o = ProbeOptions(); o.content = false; return o }())
        #expect(!read.findings.contains { $0.rule.hasPrefix("input.") })
    }

    @Test func aCancelledBatchThrows() async throws {
        let rules = try Self.loader.load(type: "IMAGE_GENERAL")
        let submission = Submission(type: "IMAGE_GENERAL", files: ["material": Fixture.video("take-1080p25-90s.mp4")])
        let task = Task { () -> Result<BatchReport, Error> in
            withUnsafeCurrentTask { $0?.cancel() }
            do { return .success(try await BatchCheck().run([submission]) { _ in rules }) } catch { return .failure(error) }
        }
        switch await task.value {
        case .success: Issue.record("a cancelled batch returned a report")
        case .failure(let error): #expect(error is CancellationError, "\(error)")
        }
    }
}
