import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightTestSupport
import Testing
@testable import Preflight

/// The gate as a studio's CI uses it: a delivery folder of several submissions where one bad file
/// never hides the rest, every report format listing every submission, shards, baselines that hold
/// wherever the delivery is checked out, and messages in the operator's language.
@Suite(.serialized) struct GateDeliveryTests {
    let take = Fixture.video("take-1080p25-90s.mp4"), letter = Fixture.url("pdf/one-page.pdf")

    /// Copies `fixture` to `path` under `dir`.
    func put(_ fixture: URL, _ path: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: url)
    }

    func write(_ text: String, _ path: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A passing IMAGE_GENERAL submission in `dir/name`.
    func good(_ name: String, anchor: String, in dir: URL) throws {
        try put(take, "\(name)/video/take.mp4", in: dir)
        try put(letter, "\(name)/idcard/letter.pdf", in: dir)
        try write("MakeType: IMAGE_GENERAL\nAnchorName: \(anchor)\nSexType: MALE\n", "\(name)/submission.yaml", in: dir)
    }

    /// `delivery/` with s1, s2, s4, s10 passing and s3 whose submission.yaml misspells AnchorName.
    func delivery() throws -> (URL, URL) {
        let dir = try Fixture.temporaryDirectory()
        let root = dir.appendingPathComponent("delivery")
        for (name, anchor) in [("s1", "张一"), ("s2", "张二"), ("s4", "张四"), ("s10", "张十")] { try good(name, anchor: anchor, in: root) }
        try put(take, "s3/video/take.mp4", in: root)
        try put(letter, "s3/idcard/letter.pdf", in: root)
        try write("MakeType: IMAGE_GENERAL\nAnchroName: 张三\nSexType: MALE\n", "s3/submission.yaml", in: root)
        return (dir, root)
    }

    func json(_ path: URL) throws -> Any { try JSONSerialization.jsonObject(with: Data(contentsOf: path)) }

    @Test func oneBrokenSubmissionYamlIsOneFailedSubmissionInEveryFormat() throws {
        let (dir, _) = try delivery()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let formats = ["junit": "xml", "github": "txt", "markdown": "md", "json": "json", "sarif": "sarif", "codequality": "cq.json"]
        let outputs = formats.sorted { $0.key < $1.key }.flatMap { ["--output", "\($0.key)=out/report.\($0.value)"] }
        let run = try ToolRun.run(["gate", "--no-content", "delivery"] + outputs, in: dir)
        #expect(run.status == 1, "a bad submission is a failed submission, not a usage error: \(run.stderr)")
        let names = ["s1", "s2", "s3", "s4", "s10"]
        let place = "delivery/s3/submission.yaml:2:1"

        // JSON: five submissions in natural order, four judged by their rules, s3 failed at its line.
        let report = try #require(try json(out.appendingPathComponent("report.json")) as? [String: Any])
        let submissions = try #require(report["submissions"] as? [[String: Any]])
        #expect(submissions.map { $0["submission"] as? String } == names)
        let judged = submissions.filter { ($0["checks"] as? [Any])?.count ?? 0 > 1 }
        #expect(judged.count == 4 && judged.allSatisfy { $0["verdict"] as? String == "pass" })
        let broken = try #require(submissions.first { $0["submission"] as? String == "s3" })
        let finding = try #require((broken["findings"] as? [[String: Any]])?.first)
        #expect(broken["verdict"] as? String == "fail" && finding["rule"] as? String == "submission.invalid")
        #expect(finding["file"] as? String == "delivery/s3/submission.yaml" && finding["line"] as? Int == 2 && finding["column"] as? Int == 1)
        #expect((finding["message"] as? [String: String])?["en"]?.contains("did you mean 'AnchorName'") == true)

        // JUnit: five suites, one failure in s3's that names the place.
        let doc = try XMLDocument(data: Data(contentsOf: out.appendingPathComponent("report.xml")))
        let suites = try doc.nodes(forXPath: "//testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue?.split(separator: " ").first.map(String.init) } == names)
        #expect(doc.rootElement()?.attribute(forName: "failures")?.stringValue == "1")
        let failure = try #require(try doc.nodes(forXPath: "//testcase/failure").first as? XMLElement)
        #expect(failure.stringValue?.contains(place) == true)

        // GitHub: the annotation has the file, line and column; the summary counts five.
        let github = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(github.contains("::error file=delivery/s3/submission.yaml,line=2,col=1,title=s3%3A submission.invalid::"))
        #expect(github.contains("1 of 5 submission(s) fail"))
        let group = github.components(separatedBy: "::group::").last?.components(separatedBy: "::endgroup::").first ?? ""
        #expect(group.split(separator: "\n").dropFirst().map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "" } == names, "\(group)")
        #expect(group.contains("fail  s3 (?): 1 error(s)") && group.contains("pass  s10 (IMAGE_GENERAL)"))

        // Markdown: one table row per submission.
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        for name in names { #expect(markdown.contains("| \(name) |"), "\(name)") }
        #expect(markdown.contains("| s3 | ? | ❌ |"))

        // SARIF: every submission in the run's properties, the result at its region.
        let sarif = try #require(try json(out.appendingPathComponent("report.sarif")) as? [String: Any])
        let sarifRun = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect(((sarifRun["properties"] as? [String: Any])?["submissions"] as? [[String: Any]])?.map { $0["name"] as? String } == names)
        let result = try #require((sarifRun["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "submission.invalid" })
        let location = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "delivery/s3/submission.yaml")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 2 && (location["region"] as? [String: Any])?["startColumn"] as? Int == 1)

        // Code Quality: a verdict per submission, the issue at its line.
        let issues = try #require(try json(out.appendingPathComponent("report.cq.json")) as? [[String: Any]])
        #expect(issues.filter { $0["check_name"] as? String == "preflight.verdict" }.count == 5)
        let issue = try #require(issues.first { $0["check_name"] as? String == "submission.invalid" })
        #expect((issue["location"] as? [String: Any])?["path"] as? String == "delivery/s3/submission.yaml")
        #expect(((issue["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 2)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == issues.count)
        for key in ["description", "check_name", "fingerprint", "severity"] { #expect(issue[key] is String, "\(key)") }
    }

    @Test func anUnknownMakeTypeNamesTheSubmissionAndTheClosestType() throws {
        let (dir, root) = try delivery()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("MakeType: IMAGE_FOTO\nAnchorName: 张三\n", "s3/submission.yaml", in: root)
        let run = try ToolRun.run(["gate", "--no-content", "delivery", "--format", "json"], in: dir)
        #expect(run.status == 1)
        let s3 = try #require((run.json["submissions"] as? [[String: Any]])?.first { $0["submission"] as? String == "s3" })
        let f = try #require((s3["findings"] as? [[String: Any]])?.first)
        #expect(f["file"] as? String == "delivery/s3/submission.yaml" && f["line"] as? Int == 1 && f["column"] as? Int == 11)
        let message = (f["message"] as? [String: String])?["en"] ?? ""
        #expect(message.contains("IMAGE_FOTO") && message.contains("did you mean IMAGE_PHOTO"))
        #expect(!message.contains("rules/IMAGE_FOTO.yaml"), "no rule file that does not exist")
        #expect((run.json["submissions"] as? [[String: Any]])?.count == 5)
    }

    @Test func aFixedTakeLeftBesideTheOriginalIsAFinding() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try good("s1", anchor: "张一", in: dir)
        try put(Fixture.video("fps24.mp4"), "s1/video/take_fixed.mp4", in: dir)
        try write("shot on day 2", "s1/notes.txt", in: dir)
        let junit = dir.appendingPathComponent("report.xml").path
        let run = try ToolRun.run(["gate", "--no-content", ".", "--format", "github", "--output", "junit=\(junit)"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=s1/video/take_fixed.mp4,title=s1%3A submission.unassigned_file::"), "\(run.stdout)")
        #expect(run.stdout.contains("::warning file=s1/notes.txt,title=s1%3A submission.unassigned_file::"), "outside the COS folders: \(run.stdout)")
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("name=\"submission.unassigned_file\" file=\"s1/video/take_fixed.mp4\""))
        let text = try ToolRun.run(["gate", "--no-content", "."], in: dir)
        #expect(text.stdout.contains("submission.unassigned_file") && text.stdout.contains("video/take_fixed.mp4"))
        #expect(text.stdout.contains("more files in video/ than IMAGE_GENERAL has slots for"), "\(text.stdout)")
    }

    /// A zero-shot sample put in audio/ (where only the demo driver audio goes) is told where it belongs.
    @Test func aSampleInTheDriverAudioFolderIsToldWhereItGoes() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try put(Fixture.url("audio/take-24k16.wav"), "z1/audio/take.wav", in: dir)
        try write("MakeType: ZERO_SHOT_VOICE\nAnchorName: 张一\nSexType: MALE\nZeroshortLang: chi\n", "z1/submission.yaml", in: dir)
        let run = try ToolRun.run(["gate", "--no-content", ".", "--format", "json"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("ZERO_SHOT_VOICE takes only the demo driver audio (a name starting with driver or example) in audio/: "
                                    + "this file was not checked. The zero-shot voice sample goes in zeroshot/."), "\(run.stdout)")
        #expect(run.stdout.contains("ZERO_SHOT_VOICE 在 audio/ 中只接受驱动 demo 的音频（文件名以 driver 或 example 开头）"), "\(run.stdout)")
        // Named as the driver audio, the same file is taken as one.
        try FileManager.default.moveItem(at: dir.appendingPathComponent("z1/audio/take.wav"), to: dir.appendingPathComponent("z1/audio/driver.wav"))
        let driver = try ToolRun.run(["gate", "--no-content", ".", "--format", "json"], in: dir)
        #expect(!driver.stdout.contains("submission.unassigned_file") && driver.stdout.contains("driver_audio.format"), "\(driver.stdout)")
        // A second driver-named file is one too many, not a file of the wrong name.
        try put(Fixture.url("audio/take-24k16.wav"), "z1/audio/driver-2.wav", in: dir)
        let two = try ToolRun.run(["gate", "--no-content", ".", "--format", "json"], in: dir)
        #expect(two.stdout.contains("more files in audio/ than ZERO_SHOT_VOICE has slots for"), "\(two.stdout)")
    }

    @Test func submissionFoldersNamedLikeCOSFoldersAreSubmissions() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try good("video", anchor: "张一", in: dir)
        try put(Fixture.url("photo/portrait_1080x1920.png"), "photo/photo/zhang.png", in: dir)
        try write("MakeType: IMAGE_PHOTO\nAnchorName: 张二\n", "photo/submission.yaml", in: dir)
        let run = try ToolRun.run(["gate", "--no-content", ".", "--format", "json"], in: dir)
        #expect(run.status != 2, "\(run.stderr)")
        let submissions = try #require(run.json["submissions"] as? [[String: Any]])
        #expect(submissions.map { $0["submission"] as? String } == ["photo", "video"])
        #expect(submissions.map { ($0["rules"] as? [String: Any])?["type"] as? String } == ["IMAGE_PHOTO", "IMAGE_GENERAL"])
    }

    @Test func aBaselineHoldsForTheAbsolutePathAndARenamedRoot() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = dir.appendingPathComponent("delivery")
        try good("s1", anchor: "张一", in: root)
        try put(Fixture.video("fps24.mp4"), "s2/video/take.mp4", in: root)
        try write("MakeType: IMAGE_GENERAL\nAnchorName: 张二\nSexType: MALE\n", "s2/submission.yaml", in: root)
        let base = dir.appendingPathComponent("baseline.json").path
        #expect(try ToolRun.run(["gate", "--no-content", "./delivery", "--write-baseline", base], in: dir).status == 1)
        #expect(try ToolRun.run(["gate", "--no-content", "./delivery", "--baseline", base], in: dir).status == 0)
        #expect(try ToolRun.run(["gate", "--no-content", root.path, "--baseline", base], in: Fixture.root).status == 0, "absolute path")
        let renamed = dir.appendingPathComponent("checkout-2")
        try FileManager.default.moveItem(at: root, to: renamed)
        #expect(try ToolRun.run(["gate", "--no-content", "checkout-2", "--baseline", base], in: dir).status == 0, "renamed root")
        // The waived take replaced by another with the same failure: judged again.
        try FileManager.default.removeItem(at: renamed.appendingPathComponent("s2/video/take.mp4"))
        try put(Fixture.video("fps61.mp4"), "s2/video/take.mp4", in: renamed)
        #expect(try ToolRun.run(["gate", "--no-content", "checkout-2", "--baseline", base], in: dir).status == 1, "new content")
    }

    @Test func waivedFindingsAreMarkedInText() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try put(Fixture.video("fps24.mp4"), "s1/video/take.mp4", in: dir)
        try write("MakeType: IMAGE_GENERAL\nAnchorName: 张一\nSexType: MALE\n", "s1/submission.yaml", in: dir)
        let base = dir.appendingPathComponent("b.json").path
        _ = try ToolRun.run(["gate", "--no-content", ".", "--write-baseline", base], in: dir)
        let run = try ToolRun.run(["gate", "--no-content", ".", "--baseline", base], in: dir)
        #expect(run.status == 0)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("material.frame_rate ") })
        #expect(line.contains("WAIVED") && !line.contains("ERROR") && !line.contains("✘"), "\(line)")
        let zh = try ToolRun.run(["gate", "--no-content", ".", "--baseline", base, "--lang", "zh"], in: dir)
        #expect(zh.stdout.split(separator: "\n").first { $0.contains("material.frame_rate ") }?.contains("已豁免") == true)
    }

    @Test func shardsTogetherJudgeEachSubmissionOnce() throws {
        let (dir, _) = try delivery()
        defer { try? FileManager.default.removeItem(at: dir) }
        var seen: [String] = []
        for k in 1...2 {
            let run = try ToolRun.run(["gate", "--no-content", "delivery", "--shard", "\(k)/2", "--format", "json"], in: dir)
            seen += (run.json["submissions"] as? [[String: Any]] ?? []).compactMap { $0["submission"] as? String }
        }
        #expect(seen.sorted() == ["s1", "s10", "s2", "s3", "s4"], "\(seen)")
        #expect(Set(seen).count == seen.count)
        let three = try (1...3).flatMap { k in
            try ToolRun.run(["gate", "--no-content", "delivery", "--shard", "\(k)/3", "--format", "json"], in: dir).json["submissions"] as? [[String: Any]] ?? []
        }
        #expect(three.count == 5)
        for bad in ["0/2", "3/2", "1/0", "a/b", "1"] {
            #expect(try ToolRun.run(["gate", "--no-content", "delivery", "--shard", bad], in: dir).status == 2, "\(bad)")
        }
    }

    @Test func fixCommandIsRunnableAndKeepsTheFileInItsCOSFolder() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try put(Fixture.url("photo/a.png"), "my delivery/s 1/photo/a.png", in: dir)
        try write("MakeType: IMAGE_PHOTO\nAnchorName: 张一\n", "my delivery/s 1/submission.yaml", in: dir)
        let run = try ToolRun.run(["gate", "--no-content", "my delivery", "--format", "json"], in: dir)
        let findings = (run.json["submissions"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        let name = try #require(findings.first { $0["rule"] as? String == "material.name" })
        let fix = try #require(name["fix"] as? [String: Any])
        let command = try #require(fix["command"] as? String)
        #expect(command == "mv 'my delivery/s 1/photo/a.png' 'my delivery/s 1/photo/'ZhangSan_front.png", "\(command)")
        #expect((fix["en"] as? String)?.hasPrefix("Rename it") == true, "the advice stays apart")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command]
        shell.currentDirectoryURL = dir
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("my delivery/s 1/photo/ZhangSan_front.png").path))
        let again = try ToolRun.run(["gate", "--no-content", "my delivery", "--format", "json"], in: dir)
        let after = (again.json["submissions"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        #expect(!after.contains { $0["rule"] as? String == "material.name" }, "the renamed file passes")
        #expect(!after.contains { $0["rule"] as? String == "submission.unassigned_file" })
    }

    @Test func adviceAndCommandAreApartInJSON() throws {
        let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE", "--material", "Fixtures/video/fps24.mp4", "--format", "json"])
        let findings = run.json["findings"] as? [[String: Any]] ?? []
        let rate = try #require(findings.first { $0["rule"] as? String == "material.frame_rate" }?["fix"] as? [String: Any])
        #expect(rate["command"] as? String == "ffmpeg -i Fixtures/video/fps24.mp4 -r 25 -c:v libx264 -crf 18 -c:a copy Fixtures/video/fps24_25fps.mp4")
        #expect((rate["en"] as? String)?.hasPrefix("Best re-record at 25 or 30 fps") == true)
        // Advice with nothing to run has no command.
        let duration = try #require(findings.first { $0["rule"] as? String == "material.duration" }?["fix"] as? [String: Any])
        #expect(duration["command"] == nil && duration["en"] is String)
    }
}
