import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightTestSupport
import Testing
@testable import Preflight

/// What a person at a terminal, or a CI reader, sees: the verdict first, every word in their language,
/// one clear line for each usage mistake, and reports that CI servers read right.
@Suite(.serialized) struct TerminalMessageTests {
    let take = "Fixtures/video/take-1080p25-90s.mp4"
    let pdf = "Fixtures/pdf/one-page.pdf"

    @Test func chineseTextHasNoEnglishTags() throws {
        let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE", "--material", take, "--lang", "zh"])
        #expect(run.status == 1)
        for english in ["ERROR", "WARNING", "INFO", "required:", "one of:", "missing:", " yes ", "(yes)", "limit"] {
            #expect(!run.stdout.contains(english), "'\(english)' in: \(run.stdout)")
        }
        #expect(run.stdout.contains("错误") && run.stdout.contains("提示") && run.stdout.contains("必需："))
        #expect(run.stdout.contains(" 是 "), "flags read 是/否")
        let english = try ToolRun.run(["check", "--no-content", "--type", "IMAGE", "--material", take])
        #expect(english.stdout.contains("ERROR") && english.stdout.contains("required: material"))
    }

    @Test func unknownTypeSuggestsTheClosestInBothLanguages() throws {
        let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE_GENRAL", "--material", take])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean IMAGE_GENERAL?"), "\(run.stderr)")
        #expect(!run.stderr.contains("rules/IMAGE_GENRAL.yaml"), "no rule file that does not exist")
        #expect(run.stderr.split(separator: "\n").count == 1)
        let zh = try ToolRun.run(["check", "--no-content", "--type", "IMAGE_GENRAL", "--material", take, "--lang", "zh"])
        #expect(zh.status == 2 && zh.stderr.contains("未知的定制类型") && zh.stderr.contains("是不是 IMAGE_GENERAL"), "\(zh.stderr)")
        let gate = try ToolRun.run(["gate", "--no-content", "Fixtures", "--type", "image_genral"])
        #expect(gate.status == 2 && gate.stderr.contains("did you mean IMAGE_GENERAL?"), "\(gate.stderr)")
    }

    @Test func ruleFileErrorsHaveAChineseHeading() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try "rules:\n  - id: x\n    slott: material\n".write(to: bad, atomically: true, encoding: .utf8)
        let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE_GENERAL", "--material", take, "--rules", bad.path, "--lang", "zh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("规则或清单文件有误") && run.stderr.contains("bad.yaml:3:5") && run.stderr.contains("未知的键“slott”"), "\(run.stderr)")
    }

    @Test func aFolderGivenAsAFileIsAUsageErrorLikeAMissingFile() throws {
        for path in ["Fixtures/video", "Fixtures/video/no-such.mp4"] {
            let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE", "--material", path])
            #expect(run.status == 2, "\(path)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(path): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(try ToolRun.run(["check", "--no-content", "--type", "IMAGE", "--material", "Fixtures/video"]).stderr.contains("is a folder"))
        let gate = try ToolRun.run(["gate", "--no-content", take])
        #expect(gate.status == 2 && gate.stderr.contains("is a file"), "\(gate.stderr)")
    }

    /// A safety limit out of range is a usage error in the reader's language.
    @Test func limitsOutOfRangeAreUsageErrorsInBothLanguages() throws {
        let zh = try ToolRun.run(["probe", take, "--max-streams", "0", "--lang", "zh"])
        #expect(zh.status == 2 && zh.stderr.contains("--max-streams 至少为 1"), "\(zh.stderr)")
        let en = try ToolRun.run(["probe", take, "--timeout=-1", "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("--timeout must be a positive number of seconds"), "\(en.stderr)")
        #expect(try ToolRun.run(["probe", take, "--timeout=0", "--lang", "zh"]).stderr.contains("--timeout 必须是正的秒数"))
    }

    @Test func anUnwritableOutputIsNamedBeforeAnythingIsMeasured() throws {
        let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE_GENERAL", "--material", take, "--output", "junit=/nonexistent/o.xml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "nothing measured or printed")
        #expect(run.stderr == "error: cannot write the junit report to /nonexistent/o.xml: the folder /nonexistent does not exist\n", "\(run.stderr)")
        let zh = try ToolRun.run(["gate", "--no-content", "Fixtures", "--type", "IMAGE", "--output", "sarif=/nonexistent/o.sarif", "--lang", "zh"])
        #expect(zh.status == 2 && zh.stdout.isEmpty && zh.stderr.hasPrefix("错误：无法写入 sarif 报告"), "\(zh.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        let malformed = try ToolRun.run(["check", "--no-content", "--type", "IMAGE_GENERAL", "--material", take, "--output", "xml=o.xml"])
        #expect(malformed.status == 2 && malformed.stderr.contains("sarif, codequality"))
    }

    @Test func githubAnnotationsHaveLinesAndJUnitReadsRightInJenkins() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("s1/video"), withIntermediateDirectories: true)
        try fm.copyItem(at: Fixture.video("fps24.mp4"), to: dir.appendingPathComponent("s1/video/take.mp4"))
        try "MakeType: IMAGE_GENERAL\nAnchorName: 张三\nSexType: UNKNOWN\n".write(to: dir.appendingPathComponent("s1/submission.yaml"), atomically: true, encoding: .utf8)
        let junit = dir.appendingPathComponent("r.xml")
        // Content on: the take's frames are sampled, so its measuring time is whole milliseconds even where
        // its headers alone are read in under one (JUnit times have three decimals).
        let run = try ToolRun.run(["gate", ".", "--format", "github", "--output", "junit=\(junit.path)"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=s1/submission.yaml,line=3,col=10,title=s1%3A request.sex_type::"), "\(run.stdout)")
        let doc = try XMLDocument(data: Data(contentsOf: junit))
        let cases = try doc.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(!cases.isEmpty)
        for c in cases { #expect(c.attribute(forName: "classname")?.stringValue?.contains(".") == false) }
        #expect(cases.contains { $0.attribute(forName: "file")?.stringValue == "s1/video/take.mp4" })
        let times = cases.compactMap { $0.attribute(forName: "time")?.stringValue.flatMap(Double.init) }
        #expect(times.count == cases.count && times.contains { $0 > 0 }, "the take's measuring time is reported")
        let total = doc.rootElement()?.attribute(forName: "time")?.stringValue.flatMap(Double.init) ?? 0
        #expect(total >= times.reduce(0, +) - 0.01 && total > 0)
    }

    @Test func theVerdictLeadsAndNotesFollowFailures() throws {
        let run = try ToolRun.run(["check", "--no-content", "--type", "IMAGE", "--material", take, "--identity-pdf", pdf])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("FAIL: 1 error") == true, "\(lines.first ?? "")")
        let failure = try #require(lines.firstIndex { $0.contains("✘") })
        let note = try #require(lines.firstIndex { $0.contains("request.not_checked") })
        #expect(failure < note)
        let passing = try ToolRun.run(["check", "--no-content", "--type", "IMAGE_GENERAL", "--material", take, "--identity-pdf", pdf])
        #expect(passing.stdout.hasPrefix("PASS: 0 errors"))
        let gate = try ToolRun.run(["gate", "--no-content", "Fixtures", "--type", "IMAGE_GENERAL", "--failures-only"])
        #expect(gate.stdout.hasPrefix("== "), "the batch summary leads: \(gate.stdout.prefix(80))")
    }

    @Test func naturalOrder() {
        let names = ["s10", "s2", "s1", "s01", "a", "s1b", "S3"]
        #expect(names.sorted(by: NaturalOrder.precedes) == ["S3", "a", "s01", "s1", "s1b", "s2", "s10"])
    }

    @Test func versionNamesTheRuleSet() throws {
        let run = try ToolRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("preflight \(PreflightVersion.current)\n"))
        let version = try RuleSetLoader().load(type: "IMAGE_GENERAL").version
        #expect(run.stdout.contains("rules \(version) (") && run.stdout.contains("IMAGE_GENERAL"), "\(run.stdout)")
    }

    @Test func makeInstallPutsTheManPageAndCompletionsUnderPrefix() throws {
        let prefix = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "-s", "-C", Fixture.root.path, "install-files", "PREFIX=\(prefix.path)", "INSTALL_BIN=\(Fixture.tool.path)"]
        make.standardInput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let installed = Process()
        installed.executableURL = prefix.appendingPathComponent("bin/preflight")
        installed.arguments = ["--version"]
        installed.standardOutput = FileHandle.nullDevice
        try installed.run()
        installed.waitUntilExit()
        #expect(installed.terminationStatus == 0)
        let man = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/preflight.1"), encoding: .utf8)
        #expect(man.hasPrefix(".TH PREFLIGHT 1") && man.contains("preflight \(PreflightVersion.current)"))
        for option in ["\\-\\-shard", "\\-\\-baseline", "\\-\\-output", "preflight gate", "preflight rules lint"] {
            #expect(man.contains(option), "\(option)")
        }
        let bash = prefix.appendingPathComponent("share/bash-completion/completions/preflight")
        #expect(try String(contentsOf: bash, encoding: .utf8).contains("--shard"))
        let syntax = Process()
        syntax.executableURL = URL(fileURLWithPath: "/bin/bash")
        syntax.arguments = ["-n", bash.path]
        try syntax.run()
        syntax.waitUntilExit()
        #expect(syntax.terminationStatus == 0)
        for file in ["share/zsh/site-functions/_preflight", "share/fish/vendor_completions.d/preflight.fish"] {
            #expect((try? String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8))?.contains("gate") == true, "\(file)")
        }
    }

    /// Rule-file lint problems are in the user's language: every problem of a broken file in Chinese.
    @Test func lintProblemsInChinese() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try "schema: 1\nrules:\n  - id: x\n    slot: material\n    fact: video.frame_rat\n    min: 10 min\n    severity: error\n  - id: y\n    slot: material\n    fact: file.size\n    min: 10 min\n    severity: error\n    message: {zh: 大, en: big}\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let zh = try ToolRun.run(["rules", "lint", bad.path, "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("未知的事实 'video.frame_rat'") && zh.stderr.contains("是 seconds 的值"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("unknown fact") && !zh.stderr.contains("is measured as"), "\(zh.stderr)")
        let en = try ToolRun.run(["rules", "lint", bad.path, "--lang", "en"])
        #expect(en.stderr.contains("unknown fact 'video.frame_rat' (did you mean 'video.frame_rate'?)"), "\(en.stderr)")
    }
}
