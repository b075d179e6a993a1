import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The command-line contract other tools and CI depend on: exit codes, JSON shapes, no writes.
@Suite(.serialized) struct CommandLineTests {
    let take = "Fixtures/video/take-1080p25-90s.mp4"
    let pdf = "Fixtures/pdf/one-page.pdf"

    @Test func passingCheckExitsZeroWithVersionsInJSON() throws {
        // --no-content: the flat-colour take has no face (the content pass has its own suites).
        let run = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", take, "--identity-pdf", pdf, "--format", "json", "--no-content"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = run.json
        #expect(json["verdict"] as? String == "pass")
        #expect((json["tool"] as? [String: Any])?["version"] as? String == PreflightVersion.current)
        #expect((json["rules"] as? [String: Any])?["version"] as? String == "2025-12-19")
        #expect(((json["libraries"] as? [String: Any])?["libavformat"] as? String)?.hasPrefix("59.") == true)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["request.not_checked"])
    }

    @Test func failingCheckExitsOneWithFindingShape() throws {
        let run = try ToolRun.run(["check", "--type", "IMAGE", "--material", take, "--identity-pdf", pdf, "--format", "json"])
        #expect(run.status == 1)
        #expect(run.json["verdict"] as? String == "fail")
        let findings = try #require(run.json["findings"] as? [[String: Any]])
        let f = try #require(findings.first { $0["rule"] as? String == "material.duration" })
        #expect(f["slot"] as? String == "material")
        #expect(f["severity"] as? String == "error")
        #expect(f["fact"] as? String == "video.duration")
        #expect((f["measured"] as? Double).map { abs($0 - 90) < 0.05 } == true)
        #expect(f["limit"] as? String == "≥ 2 min")
        let message = try #require(f["message"] as? [String: String])
        #expect(message["zh"]?.contains("视频时长") == true)
        #expect(message["en"]?.contains("shorter than") == true)
        #expect(f["fix"] != nil)
    }

    @Test func textOutputFollowsLanguage() throws {
        let zh = try ToolRun.run(["check", "--type", "IMAGE", "--material", take, "--identity-pdf", pdf, "--lang", "zh"])
        #expect(zh.stdout.contains("不通过") && zh.stdout.contains("视频时长"))
        #expect(!zh.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let en = try ToolRun.run(["check", "--type", "IMAGE", "--material", take, "--identity-pdf", pdf], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(en.stdout.contains("不通过"), "language from LANG")
    }

    @Test func probePrintsFactsInSIUnits() throws {
        let run = try ToolRun.run(["probe", take, "--format", "json"])
        #expect(run.status == 0)
        let facts = try #require(run.json["facts"] as? [String: Any])
        #expect((facts["video.duration"] as? Double).map { abs($0 - 90) < 0.05 } == true)
        #expect(facts["video.display_width"] as? Int == 1920)
        #expect(facts["file.size"] as? Int == 315_043 || (facts["file.size"] as? Int ?? 0) > 100_000)
        #expect(facts["container.format"] as? String == "mp4")
    }

    /// `probe FILE [--kind K] [--format F]` is read without the full argument parser (it costs more than
    /// a photo's header); every such run must print, byte for byte, what the full parser's path prints.
    /// `--color never` changes nothing in `probe` but sends the same request through the full parser.
    @Test func shortProbeFormMatchesTheFullParser() throws {
        let files = ["Fixtures/photo/photo_1600x1200.jpg", "Fixtures/photo/png_content.jpg", "Fixtures/photo/bad_crc.png",
                     "Fixtures/photo/empty.jpg", "Fixtures/audio/take-16k.wav", "Fixtures/audio/truncated-header.wav", take, pdf,
                     "Fixtures/no-such-file.jpg"]
        let forms: [[String]] = [[], ["--format=json"], ["--kind", "photo", "--format", "json"], ["--kind=audio", "--format", "text"]]
        for file in files {
            for form in forms {
                for language in ["en_US.UTF-8", "zh_CN.UTF-8"] {
                    let short = try ToolRun.run(["probe", file] + form, environment: ["LANG": language])
                    let full = try ToolRun.run(["probe"] + form + [file, "--color", "never"], environment: ["LANG": language])
                    let what = "probe \(file) \(form.joined(separator: " ")) LANG=\(language)"
                    #expect(short.status == full.status, "\(what)")
                    #expect(short.stdout == full.stdout, "\(what)")
                    #expect(short.stderr == full.stderr, "\(what)")
                }
            }
        }
        // What the short form does not take goes to the full parser, with its messages and exit status 2.
        for arguments in [["probe", "--kind", "nope", take], ["probe", take, "--format"], ["probe", take, take], ["probe", "--kind", "photo"],
                          ["probe", take, "--format", "yaml"], ["probe", take, "--kind="]] {
            let run = try ToolRun.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty && run.stderr.contains("Usage: preflight probe"), "\(arguments): \(run.stderr)")
        }
        // A repeated option: the full parser takes the last.
        let repeated = try ToolRun.run(["probe", take, "--kind", "video", "--kind", "pdf", "--format", "json"])
        let last = try ToolRun.run(["probe", take, "--kind", "pdf", "--format", "json"])
        #expect(repeated.status == 1 && repeated.stdout == last.stdout && repeated.stderr == last.stderr)
    }

    @Test func usageAndInputErrorsUseTheirExitCodes() throws {
        #expect(try ToolRun.run(["check", "--type", "IMAGE", "--material", "Fixtures/video/no-such.mp4"]).status == 2)
        #expect(try ToolRun.run(["check", "--type", "NOPE", "--material", take]).status == 2)
        #expect(try ToolRun.run(["check", "--material", take]).status == 2)
        #expect(try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video/empty.mp4", "--identity-pdf", pdf]).status == 1)
        let truncated = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video/truncated.mp4", "--identity-pdf", pdf])
        #expect(truncated.status == 1)
        #expect(truncated.stdout.contains("input.unreadable"))
        let png = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video/png-named.mp4", "--identity-pdf", pdf])
        #expect(png.status == 1)
        #expect(png.stdout.contains("png"))
    }

    @Test func rulesSubcommands() throws {
        let list = try ToolRun.run(["rules", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("IMAGE_GENERAL") && list.stdout.contains("IMAGE_4K"))
        let show = try ToolRun.run(["rules", "show", "IMAGE"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("material.duration") && show.stdout.contains("≥ 2 min"))
        // In Chinese every heading and connective is Chinese, and the slot table's columns line up.
        let zh = try ToolRun.run(["rules", "show", "VOICE", "--lang", "zh"])
        for word in ["版本 ", "摘要 ", "方案：", "文件位置：", "必需的文件：", "任选其一：identity, identity_pdf", "规则：", "适用条件：file.detected_type = zip"] {
            #expect(zh.stdout.contains(word), "\(word)")
        }
        for word in ["· version", "digest ", "slots:", "requirements:", "one of ", "  when "] { #expect(!zh.stdout.contains(word), "\(word)") }
        let slotLines = zh.stdout.split(separator: "\n").drop { !$0.hasPrefix("文件位置") }.dropFirst().prefix { !$0.isEmpty }
        #expect(slotLines.count >= 4 && Set(slotLines.compactMap { $0.firstMatch(of: #/[A-Za-z]+Cos(Url|File)/#)?.range.lowerBound.utf16Offset(in: $0) }).count == 1,
                "request fields start in one column: \(slotLines)")
        #expect(try ToolRun.run(["rules", "list", "--lang", "zh"]).stdout.contains("条规则"))
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try "rules:\n  - id: x\n    slot: material\n    fact: file.size\n    max: 3 fps\n    severity: error\n    message: {zh: a, en: b}\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let lint = try ToolRun.run(["rules", "lint", bad.path])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("bad.yaml:2:") && lint.stderr.contains("'3 fps'"))
        let good = dir.appendingPathComponent("good.yaml")
        try "rules:\n  - id: material.frame_rate\n    min: 30 fps\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try ToolRun.run(["rules", "lint", good.path]).status == 0)
        let stricter = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", take, "--identity-pdf", pdf, "--rules", good.path])
        #expect(stricter.status == 1, "a user rule file raises the frame rate floor to 30 fps")
        #expect(try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", take, "--rules", bad.path]).status == 2)
    }

    @Test func neverWritesNextToInputs() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["take-1080p25-90s.mp4", "truncated.mp4", "png-named.mp4", "vfr.mp4", "empty.mp4", "container.mkv"]
        for n in names { try FileManager.default.copyItem(at: Fixture.video(n), to: dir.appendingPathComponent(n)) }
        try FileManager.default.copyItem(at: Fixture.url("pdf/one-page.pdf"), to: dir.appendingPathComponent("auth.pdf"))
        func snapshot() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map { name in
                let a = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)
                return "\(name) \(a[.size] ?? 0) \((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            }
        }
        let before = try snapshot()
        for n in names {
            _ = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", n, "--identity-pdf", "auth.pdf"], in: dir)
            _ = try ToolRun.run(["probe", n, "--format", "json"], in: dir)
        }
        #expect(try snapshot() == before)
    }
}
