import Foundation
import PreflightTestSupport
import Testing

/// `--help` is shown in the reader's language: `--lang` on the command line first, then the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), English otherwise; the man page's source stays English.
@Suite struct HelpLanguageTests {
    /// The locale variables cleared, so only the ones a test names decide.
    func locale(_ lang: String) -> [String: String] { ["LC_ALL": "", "LC_MESSAGES": "", "LANG": lang] }

    let materialZh = "素材（MaterialCosUrl）：按类型为视频、照片或声音。"
    let materialEn = "Material (MaterialCosUrl): video, photo or voice, by kind."

    /// The `--material` entry's text in `help`, joined across the wrapped lines.
    func flattened(_ help: String) -> String {
        help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test func chineseLocaleShowsChineseHelp() throws {
        let run = try ToolRun.run(["check", "--help"], environment: locale("zh_CN.UTF-8"))
        #expect(run.status == 0)
        let help = flattened(run.stdout).replacingOccurrences(of: " ", with: "")
        #expect(help.contains(materialZh.replacingOccurrences(of: " ", with: "")), "\(run.stdout)")
        #expect(help.contains("口述授权视频"), "\(run.stdout)")
        #expect(!run.stdout.contains("by kind"), "\(run.stdout)")
        #expect(run.stdout.contains("请求字段（给出任一项时，全部都会检查）"), "option group titles too: \(run.stdout)")
    }

    @Test func plainLocaleShowsEnglishHelp() throws {
        let run = try ToolRun.run(["check", "--help"], environment: locale("C"))
        #expect(run.status == 0)
        #expect(flattened(run.stdout).contains(materialEn), "\(run.stdout)")
        #expect(!run.stdout.contains("素材"), "\(run.stdout)")
        #expect(run.stdout.contains("REQUEST FIELDS (ONCE ANY IS GIVEN, ALL ARE CHECKED)"), "\(run.stdout)")
    }

    @Test func langFlagWinsOverTheLocale() throws {
        let zh = try ToolRun.run(["check", "--lang", "zh", "--help"], environment: locale("C"))
        #expect(flattened(zh.stdout).replacingOccurrences(of: " ", with: "").contains(materialZh.replacingOccurrences(of: " ", with: "")), "\(zh.stdout)")
        let en = try ToolRun.run(["check", "--lang=en", "--help"], environment: locale("zh_CN.UTF-8"))
        #expect(flattened(en.stdout).contains(materialEn), "\(en.stdout)")
        let lcAll = try ToolRun.run(["gate", "--help"], environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"])
        #expect(lcAll.stdout.contains("交付文件夹"), "LC_ALL comes before LANG: \(lcAll.stdout)")
    }

    @Test func rootAndSubcommandAbstractsFollowTheLanguage() throws {
        let zh = try ToolRun.run(["--help"], environment: locale("zh_CN.UTF-8"))
        #expect(zh.stdout.contains("在上传定制之前，先在本地检查数字人素材。"), "\(zh.stdout)")
        #expect(zh.stdout.contains("列出、显示和检查规则文件。"), "\(zh.stdout)")
        let en = try ToolRun.run(["--help"], environment: locale("C"))
        #expect(flattened(en.stdout).contains("Check digital-human materials locally before uploading them for customization."), "\(en.stdout)")
        #expect(en.stdout.contains("List, show and lint rule files."), "\(en.stdout)")
    }

    /// What the man page and the completions are made from (`make install` runs it with `LC_ALL=C`)
    /// is English even when the caller's locale is Chinese.
    @Test func manPageSourceIsEnglishUnderCLocale() throws {
        let dump = try ToolRun.run(["--experimental-dump-help"], environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"])
        #expect(dump.status == 0)
        #expect(dump.stdout.contains(materialEn))
        #expect(!dump.stdout.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) })
        let bash = try ToolRun.run(["--generate-completion-script", "bash"], environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"])
        #expect(!bash.stdout.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }
}
