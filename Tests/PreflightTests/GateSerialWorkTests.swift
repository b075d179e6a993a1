import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The work of a batch outside its measurements: files identified and ordered lazily, submissions
/// judged as they complete.
@Suite struct GateSerialWorkTests {
    // MARK: Measuring order and judging

    func folder(_ files: [(String, URL)]) throws -> URL {
        let dir = try Fixture.temporaryDirectory()
        for (name, source) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        }
        return dir
    }

    @Test func largestFilesFirstAndTheFirstOfIdenticalFilesIsMeasured() throws {
        let small = Fixture.url("photo/small_320.jpg"), big = Fixture.url("photo/photo_1600x1200.jpg")
        let dir = try folder([("a.jpg", small), ("b.jpg", big), ("c.jpg", small), ("d.jpg", big)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = { dir.appendingPathComponent($0) }
        let set = try RuleSetLoader().load(type: "IMAGE_PHOTO")
        let submissions = ["a.jpg", "b.jpg", "c.jpg", "d.jpg", "missing.jpg"].map {
            Submission(type: "IMAGE_PHOTO", files: ["material": url($0)], name: $0)
        }
        var queue = MeasureQueue(submissions, sets: ["IMAGE_PHOTO": set])
        #expect(queue.files.map(\.url.lastPathComponent) == ["b.jpg", "d.jpg", "a.jpg", "c.jpg", "missing.jpg"])
        var firsts: [String] = []
        while let (index, _, isFirst) = queue.identifyNext() { if isFirst { firsts.append(queue.files[index].url.lastPathComponent) } }
        #expect(firsts == ["b.jpg", "a.jpg", "missing.jpg"])
        #expect(queue.isExhausted && queue.uniqueCount == 3)
    }

    @Test func submissionsAreJudgedAsBeforeWhateverTheJobs() async throws {
        let take = Fixture.url("audio/take-16k.wav"), photo = Fixture.url("photo/portrait_1200x1600.jpg")
        let dir = try folder([("take.wav", take), ("copy.WAV", take), ("photo.jpg", photo), ("photo-copy.png", photo)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = { dir.appendingPathComponent($0) }
        var named = MakeRequest()
        named.anchorName = "twice"
        let submissions = [
            Submission(type: "ZERO_SHOT_VOICE", files: ["material": url("take.wav")], request: named, name: "voice"),
            Submission(type: "ZERO_SHOT_VOICE", files: ["material": url("copy.WAV"), "nonsense": url("take.wav")], request: named, name: "copy"),
            Submission(type: "IMAGE_PHOTO", files: [:], name: "nothing"),
            Submission(type: "IMAGE_PHOTO", files: ["material": url("photo.jpg")], name: "photo"),
            Submission(type: "IMAGE_PHOTO", files: ["material": url("photo-copy.png")], name: "photo-copy"),
            Submission(type: "IMAGE_PHOTO", files: ["material": url("gone.jpg")], name: "gone"),
        ]
        let loader = RuleSetLoader()
        var reports: [BatchReport] = []
        for jobs in [1, 2, 5] {
            let paths = PathLog()
            var check = BatchCheck(jobs: jobs)
            check.progress = { done, total, path in paths.append(done, total, path) }
            reports.append(try await check.run(submissions) { try loader.load(type: $0) })
            #expect(paths.totals == Array(repeating: 4, count: 4), "each unique file once, with the final total")

            // Found one at a time, measured while finding, each report handed over when judged.
            let seen = PathLog()
            var found = BatchCheck(jobs: jobs)
            found.judged = { index, report in seen.append(index, 0, report.submission ?? "") }
            var rest = submissions[...]
            let batch = try await found.run(discovering: { rest.popFirst() }) { try loader.load(type: $0) }
            #expect(batch == reports[0])
            #expect(seen.dones.sorted() == Array(submissions.indices), "each submission judged once")
        }
        #expect(reports[0] == reports[1] && reports[1] == reports[2])
        let batch = reports[0]
        #expect(batch.submissions.map(\.submission) == submissions.map(\.name))
        #expect(batch.filesMeasured == 4 && batch.filesReused == 2, "take.wav twice plus copy.WAV, the photo and its copy, gone.jpg")
        let copy = batch.submissions[1].inputs
        #expect(copy.first { $0.slot == "material" }?.facts["file.name"] == .text("copy.WAV"))
        #expect(copy.first { $0.slot == "material" }?.facts["file.extension"] == .text("wav"))
        #expect(copy.first { $0.slot == "nonsense" }?.error?.kind == .wrongKind)
        #expect(batch.submissions[4].inputs.first?.facts["file.extension_matches_content"] == .flag(false))
        #expect(batch.submissions[4].inputs.first?.facts["file.name"] == .text("photo-copy.png"))
        #expect(batch.submissions[5].inputs.first?.error?.kind == .missing)
        #expect(batch.submissions[2].findings.contains { $0.rule == "slots.material" })
        for i in 0..<2 {
            #expect(batch.submissions[i].request?.facts["request.anchor_name_unique"] == .flag(false))
        }
    }

    @Test func aGateFolderReadWhileMeasuringGivesTheSameReport() async throws {
        let take = Fixture.url("audio/take-16k.wav"), photo = Fixture.url("photo/portrait_1200x1600.jpg")
        let dir = try folder([("a/zeroshot/z.wav", take), ("b/photo/p.jpg", photo), ("b/photo/extra.jpg", photo),
                              ("c/zeroshot/copy.wav", take), ("d/photo/q.jpg", photo)])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (folder, type) in [("a", "ZERO_SHOT_VOICE"), ("b", "IMAGE_PHOTO"), ("c", "ZERO_SHOT_VOICE")] {
            try "MakeType: \(type)\n".write(to: dir.appendingPathComponent("\(folder)/submission.yaml"), atomically: true, encoding: .utf8)
        }
        let loader = RuleSetLoader()
        let rules = { (type: String) in try loader.load(type: type) }
        let (submissions, strays) = try GateFolder.discover(dir, defaultType: nil, rules: rules)
        // d has COS folders but no MakeType: a failed submission, no longer left out.
        #expect(submissions.map(\.name) == ["a", "b", "c", "d"])
        #expect(submissions.last?.isJudgeable == false)
        #expect(strays.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["p.jpg", "d"])
        let expected = try await BatchCheck(jobs: 2).run(submissions, rules: rules)
        for jobs in [1, 2, 3] {
            var reader = GateFolder.Reader(dir, defaultType: nil)
            let batch = try await BatchCheck(jobs: jobs).run(discovering: { try reader.next(rules: rules) }, rules: rules)
            #expect(batch == expected)
            #expect(reader.strays == strays)
        }

        // A submission.yaml that cannot be read is that submission's failure, with its line and column;
        // the others are judged as before.
        try "MakeType: [".write(to: dir.appendingPathComponent("d/submission.yaml"), atomically: true, encoding: .utf8)
        var reader = GateFolder.Reader(dir, defaultType: nil)
        let broken = try await BatchCheck(jobs: 2).run(discovering: { try reader.next(rules: rules) }, rules: rules)
        #expect(Array(broken.submissions.prefix(3)) == Array(expected.submissions.prefix(3)))
        let d = try #require(broken.submissions.last)
        #expect(d.verdict == .fail && d.findings.map(\.rule) == ["submission.invalid"])
        #expect(d.findings.first?.file?.hasSuffix("d/submission.yaml") == true && d.findings.first?.line == 2 && d.findings.first?.column == 1)
    }
}

/// Callbacks seen by a batch, from any thread.
final class PathLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(Int, Int, String)] = []

    func append(_ done: Int, _ total: Int, _ path: String) { lock.withLock { calls.append((done, total, path)) } }

    var totals: [Int] { lock.withLock { calls.map(\.1) } }

    var dones: [Int] { lock.withLock { calls.map(\.0) } }
}
