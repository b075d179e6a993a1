import Foundation
import PreflightTestSupport
import Testing

/// The command-line tool names its flags where the library names a setting, in every language and
/// output, with the same words as before the library stopped naming them.
@Suite struct FlagAdviceTests {
    let take = "Fixtures/video/take-1080p25-90s.mp4"
    let pdf = "Fixtures/pdf/one-page.pdf"

    @Test func requestNoteNamesTheRequestFlags() throws {
        for lang in ["en", "zh"] {
            let run = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", take, "--identity-pdf", pdf, "--format", "json",
                                       "--no-content", "--lang", lang])
            let findings = try #require(run.json["findings"] as? [[String: Any]])
            let note = try #require(findings.first { $0["rule"] as? String == "request.not_checked" })
            let message = try #require(note["message"] as? [String: String])
            #expect(message["en"] == "Only the files were checked: no request fields (AnchorName, SexType …) were given, so they were not checked. "
                + "Give them with --anchor-name/--sex-type or a manifest.")
            #expect(message["zh"] == "只检查了文件：未提供请求字段（AnchorName、SexType 等），因此没有检查它们。用 --anchor-name/--sex-type 或清单文件提供。")
        }
    }

    @Test func zipEntryLimitNamesItsFlag() throws {
        let zip = "Fuzz/corpus/zip/stored.zip"
        let json = try ToolRun.run(["check", "--type", "VOICE", "--material", zip, "--max-zip-entries", "1", "--format", "json"])
        let inputs = try #require(json.json["inputs"] as? [[String: Any]])
        let message = try #require((inputs.first?["error"] as? [String: Any])?["message"] as? [String: String])
        #expect(message["en"]?.hasSuffix("over the safety limit of 1; not read (raise --max-zip-entries to allow more).") == true, "\(message)")
        #expect(message["zh"]?.hasSuffix("超过安全上限 1，未读取；可用 --max-zip-entries 放宽。") == true, "\(message)")
        let findings = try #require(json.json["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["rule"] as? String == "input.limit_exceeded" })
        #expect((finding["message"] as? [String: String])?["en"]?.contains("raise --max-zip-entries to allow more") == true)
        for format in ["text", "junit", "sarif"] {
            let run = try ToolRun.run(["check", "--type", "VOICE", "--material", zip, "--max-zip-entries", "1", "--format", format, "--lang", "zh"])
            #expect(run.stdout.contains("可用 --max-zip-entries 放宽"), "\(format): \(run.stdout.prefix(600))")
            #expect(!run.stdout.contains("可放宽压缩包条目数上限"), "\(format): the library's words are replaced")
        }
        let probe = try ToolRun.run(["probe", zip, "--max-zip-entries", "1", "--format", "json"])
        #expect(probe.stdout.contains("raise --max-zip-entries to allow more"), "\(probe.stdout.prefix(600))")
    }

    @Test func lintNamesTheFactsCommand() throws {
        let root = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("r.yaml")
        try "rules:\n  - id: a\n    fact: video.frame_ratx\n    slot: material\n    severity: error\n    min: 1 fps\n    message: {zh: 甲, en: a}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let en = try ToolRun.run(["rules", "lint", file.path, "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("rule 'a': unknown fact 'video.frame_ratx' (did you mean 'video.frame_rate'?); `preflight facts` lists them"), "\(en.stderr)")
        let zh = try ToolRun.run(["rules", "lint", file.path, "--lang", "zh"])
        #expect(zh.stderr.contains("规则 'a'：未知的事实 'video.frame_ratx'（是不是 'video.frame_rate'？）；`preflight facts` 列出全部事实"), "\(zh.stderr)")
    }

    @Test func gateFolderWithoutTypeNamesTypeFlag() throws {
        let root = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let video = root.appendingPathComponent("s1/video")
        try FileManager.default.createDirectory(at: video, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.root.appendingPathComponent(take), to: video.appendingPathComponent("take.mp4"))
        let run = try ToolRun.run(["gate", root.path, "--format", "json", "--no-content"])
        #expect(run.status == 1, "\(run.stderr)")
        let submissions = try #require(run.json["submissions"] as? [[String: Any]])
        let findings = try #require(submissions.first?["findings"] as? [[String: Any]])
        let invalid = try #require(findings.first { $0["rule"] as? String == "submission.invalid" })
        let message = try #require(invalid["message"] as? [String: String])
        #expect(message["en"] == "This submission was not checked: no submission.yaml with MakeType, and no --type given", "\(message)")
        #expect(message["zh"] == "这个提交没有被检查：没有写明 MakeType 的 submission.yaml，也没有给出 --type", "\(message)")
        let fix = try #require(invalid["fix"] as? [String: Any])
        #expect(fix["en"] as? String == "Put a submission.yaml with its MakeType in this folder, or give --type.")
        #expect(fix["zh"] as? String == "在这个文件夹里放一个写明 MakeType 的 submission.yaml，或用 --type 指定。")
    }
}
