import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The work of a batch outside its measurements: JSON written directly (byte for byte what
/// JSONEncoder writes), files identified and ordered lazily, submissions judged as they complete.
@Suite struct GateSerialWorkTests {
    static func encoderJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static let awkward = "quote \" back \\ slash / tab\t nl\n cr\r bell\u{7} nul\u{0} us\u{1F} del\u{7F} 张三 😀 é"

    /// A report with every optional member present, awkward strings, and numbers of every shape.
    static func fullReport(submission: String? = "s1") throws -> Report {
        let set = try RuleSetLoader().load(type: "IMAGE_GENERAL")
        var facts = Facts()
        facts["a.int"] = .number(25)
        facts["a.negative"] = .number(-3)
        facts["a.zero"] = .number(-0.0)
        facts["a.fraction"] = .number(29.97002997002997)
        facts["a.tiny"] = .number(1.5e-7)
        facts["a.large"] = .number(9.5e15)
        facts["a.huge"] = .number(1.0e300)
        facts["a.edge"] = .number(9_000_000_000_000_001)
        facts["a.nan"] = .number(.nan)
        facts["a.inf"] = .number(-.infinity)
        facts["b.text"] = .text(awkward)
        facts["b.flag"] = .flag(false)
        facts["b.list"] = .list(["x", awkward])
        facts["b.empty_list"] = .list([])
        facts["B.upper"] = .flag(true)
        facts["b_under"] = .text("")
        facts["é.key"] = .text("non-ASCII key")
        let error = ProbeError(.unreadable, LocalizedText(zh: "坏了", en: awkward), detail: "detail \"x\"")
        let input = InputReport(slot: "material", path: "dir/a \"b\".mp4", facts: facts,
                                entries: [EntryReport(name: "take.wav", facts: facts, error: error), EntryReport(name: "empty", facts: Facts())],
                                error: error)
        let bare = InputReport(slot: "identity", path: "x.mp4", facts: Facts(), error: nil)
        var finding = Finding(rule: "material.frame_rate", slot: "material", file: "dir/a.mp4", entry: "take.wav", severity: .warning,
                              status: .fail, fact: "video.frame_rate", measured: .number(24.5), measuredText: "24.5 fps",
                              limit: "≥ 25 fps", message: LocalizedText(zh: "帧率", en: awkward), fix: LocalizedText(zh: "修", en: "fix it"),
                              serviceError: 100_003, source: "rules/x.yaml:1:2")
        finding.waived = true
        finding.line = 3
        finding.column = 7
        finding.fixCommand = "ffmpeg -i 'dir/a \"b\".mp4' out.mp4"
        let plain = Finding(rule: "slots.material", severity: .info, status: .pass, message: LocalizedText(zh: "", en: ""))
        var report = Report(rules: set, inputs: [input, bare], checks: [finding, plain, finding], strict: true)
        report.submission = submission
        report.rules.profile = "legacy"
        report.uploads = [
            PlannedUpload(slot: "material", path: "dir/a.mp4", key: "video/a.mp4", bucketKey: "prefix/video/a.mp4",
                          url: "https://b.cos.ap-guangzhou.myqcloud.com/prefix/video/a.mp4", requestField: "MaterialCosUrl"),
            PlannedUpload(slot: "identity", path: "x.mp4", key: "idcard/x.mp4", bucketKey: nil, url: nil, requestField: nil),
        ]
        return report
    }

    @Test func prettyJSONMatchesJSONEncoderByteForByte() throws {
        let full = try Self.fullReport()
        #expect(JSONRenderer.render(full) == (try Self.encoderJSON(full)))
        let set = try RuleSetLoader().load(type: "VOICE")
        let empty = Report(rules: set, inputs: [], checks: [], strict: false)
        #expect(JSONRenderer.render(empty) == (try Self.encoderJSON(empty)))
        let batch = BatchReport(submissions: [full, try Self.fullReport(submission: nil), empty], strict: true, filesMeasured: 3, filesReused: 1)
        #expect(JSONRenderer.render(batch) == (try Self.encoderJSON(batch)))
        let none = BatchReport(submissions: [], strict: false, filesMeasured: 0, filesReused: 0)
        #expect(JSONRenderer.render(none) == (try Self.encoderJSON(none)))
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 1, -1, 0.1, 1e-5, 1e-7, 123456.789, 1e15, 8.99e15, 9e15, 1e16, 1e21, 1e22, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<2000 {
            values.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1))
            values.append(Double.random(in: -1e6...1e6))
        }
        for v in values {
            var facts = Facts()
            facts["n"] = .number(v)
            var json = PrettyJSON()
            json.value(facts)
            #expect(json.finish() == (try Self.encoderJSON(facts)), "\(v)")
        }
    }

    /// Every stored property of the report types is written: the full report sets them all, so its
    /// members count equals the stored properties. A new member must be added to ReportJSON.swift.
    @Test func everyStoredPropertyIsWritten() throws {
        let report = try Self.fullReport()
        let finding = report.checks[0]
        let input = report.inputs[0]
        let samples: [(Any, Encodable)] = [
            (report, report), (report.rules, report.rules), (report.tool, report.tool), (finding, finding), (input, input),
            (input.entries![0], input.entries![0]), (input.error!, input.error!), (report.uploads[0], report.uploads[0]),
            (finding.message, finding.message),
        ]
        for (value, encodable) in samples {
            let object = try JSONSerialization.jsonObject(with: Data(try Self.encoderJSON(encodable).utf8)) as? [String: Any]
            // A finding's fixCommand is written inside its `fix` object, as `fix.command`.
            let nested = value is Finding ? 1 : 0
            if value is Finding { #expect((object?["fix"] as? [String: Any])?["command"] as? String == finding.fixCommand) }
            let stored = Mirror(reflecting: value).children.count - nested
            #expect(object?.count == stored, "\(type(of: value)): \(object?.keys.sorted() ?? []) against \(stored) stored properties")
        }
        let batch = BatchReport(submissions: [report], strict: true, filesMeasured: 1, filesReused: 0)
        #expect((try JSONSerialization.jsonObject(with: Data(JSONRenderer.render(batch).utf8)) as? [String: Any])?.count == Mirror(reflecting: batch).children.count)
    }

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

            // Found one at a time, measured while finding, each report written as JSON when judged.
            let parts = SubmissionJSON()
            let seen = PathLog()
            var found = BatchCheck(jobs: jobs)
            found.judged = { index, report in
                parts.add(report, at: index)
                seen.append(index, 0, report.submission ?? "")
            }
            var rest = submissions[...]
            let batch = try await found.run(discovering: { rest.popFirst() }) { try loader.load(type: $0) }
            #expect(batch == reports[0])
            #expect(seen.dones.sorted() == Array(submissions.indices), "each submission judged once")
            #expect(JSONRenderer.render(batch, parts: parts) == JSONRenderer.render(batch))
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
            #expect(batch.submissions[i].inputs.first { $0.slot == "request" }?.facts["request.anchor_name_unique"] == .flag(false))
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

    @Test func partsOfAChangedReportAreWrittenAgain() async throws {
        let photo = Fixture.url("photo/portrait_1200x1600.jpg")
        let submissions = (1...3).map { Submission(type: "IMAGE_PHOTO", files: ["material": photo], name: "s\($0)") }
        let loader = RuleSetLoader()
        let parts = SubmissionJSON()
        var check = BatchCheck(jobs: 2)
        check.judged = { index, report in parts.add(report, at: index) }
        var batch = try await check.run(submissions) { try loader.load(type: $0) }
        #expect(JSONRenderer.render(batch, parts: parts) == JSONRenderer.render(batch))
        // A baseline waives a failure: the counts change, so the parts are not used.
        Baseline(from: batch).apply(to: &batch)
        #expect(batch.submissions.contains { $0.checks.contains { $0.waived == true } })
        #expect(JSONRenderer.render(batch, parts: parts) == JSONRenderer.render(batch))
        #expect(JSONRenderer.render(batch) == (try Self.encoderJSON(batch)))
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
