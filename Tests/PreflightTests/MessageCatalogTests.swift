import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Every user-facing text lives in a message catalog (`Sources/Preflight/Messages/`,
/// `Sources/PreflightCLI/Messages/`) with both languages, and the library's texts name settings,
/// never command-line flags.
@Suite struct MessageCatalogTests {
    static let sources = Fixture.root.appendingPathComponent("Sources")
    static let catalogFolders = ["Preflight/Messages/", "PreflightCLI/Messages/"]

    /// Every Swift file under `Sources/`, by its path under `Sources/`.
    static func swiftFiles() throws -> [(path: String, text: String)] {
        let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let path = String(url.standardizedFileURL.path.dropFirst(sources.standardizedFileURL.path.count + 1))
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static func inCatalog(_ path: String) -> Bool { catalogFolders.contains { path.hasPrefix($0) } }

    /// Chinese characters, CJK punctuation and full-width forms (`，`, `：`, `（`).
    static func hasChinese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    @Test func noTextOutsideTheCatalogs() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 100)
        var offenders: [String] = []
        for (path, text) in files where !Self.inCatalog(path) {
            let scan = SwiftScan(text)
            for literal in scan.literals where Self.hasChinese(literal.body) {
                offenders.append("\(path):\(literal.line): Chinese text \"\(literal.body.prefix(40))\"")
            }
            for line in scan.zhLiteralLines { offenders.append("\(path):\(line): a zh: literal") }
        }
        #expect(offenders.isEmpty, "texts belong in the catalog:\n\(offenders.joined(separator: "\n"))")
    }

    /// The scanner itself: literals in comments are not code, `zh: "…"` is found, nested literals in
    /// interpolations do not end the outer one.
    @Test func chineseMessagesWriteFactWordsInChineseButCommandsDoNot() {
        var facts = Facts()
        facts.set("video.background", "green")
        facts.set("file.detected_type", "unknown")
        let p = Placeholders(path: "my take.mp4", facts: facts, entry: nil, measured: "no", limit: "= yes")
        let text = "{measured} {limit} {video.background} {file.detected_type}"
        let message = p.fill(LocalizedText(zh: text, en: text))
        #expect(message.zh == "否 = 是 绿色 未知")
        #expect(message.en == "no = yes green unknown")
        // A fix may carry a command: its values stay as the tools spell them.
        let fix = p.fill(LocalizedText(zh: "{file.detected_type} {file}", en: "{file.detected_type} {file}"), shell: true)
        #expect(fix.zh == "unknown 'my take.mp4'" && fix.en == fix.zh)
        #expect(p.command("x {video.background}") == "x green")
    }

    @Test func scannerReadsSwiftLiterals() {
        let scan = SwiftScan("""
            // LocalizedText(zh: "注释", en: "comment")
            /* zh: "块" */ let a = LocalizedText(zh: "文件 \\(n == 1 ? "一" : "多") 个", en: "file\\(n == 1 ? "" : "s")")
            let b = #"raw "quoted" \\(x)"#
            """)
        #expect(scan.literals.map(\.body) == ["文件 \\(n == 1 ? \"一\" : \"多\") 个", "file\\(n == 1 ? \"\" : \"s\")", "raw \"quoted\" \\(x)"])
        #expect(scan.zhLiteralLines == [2])
        #expect(scan.literals[1].interpolations == ["n == 1 ? \"\" : \"s\""])
        #expect(scan.literals[2].interpolations.isEmpty, "raw strings do not interpolate")
        let entries = scan.entries
        #expect(entries.count == 1 && entries.first?.zh.line == 2)
    }

    @Test func everyEntryHasBothLanguagesAndTheSameValues() throws {
        var count = 0
        var problems: [String] = []
        for (path, text) in try Self.swiftFiles() where Self.inCatalog(path) {
            let scan = SwiftScan(text)
            #expect(scan.unparsedEntries.isEmpty, "\(path): LocalizedText(zh: \"…\" without a literal en: at lines \(scan.unparsedEntries)")
            for (zh, en) in scan.entries {
                count += 1
                let at = "\(path):\(zh.line)"
                if zh.body.isEmpty || en.body.isEmpty { problems.append("\(at): an empty translation") }
                if zh.body == en.body { problems.append("\(at): the Chinese is the English") }
                if !Self.hasChinese(zh.body) { problems.append("\(at): no Chinese in the zh text") }
                // Each value the English names, the Chinese names too (an English-only detail says so by its name).
                let zhNames = Set(zh.interpolations.flatMap(SwiftScan.identifiers))
                for expression in en.interpolations {
                    guard let root = SwiftScan.identifiers(expression).first, root != "englishDetail" else { continue }
                    if !zhNames.contains(root) { problems.append("\(at): the English names '\(root)', the Chinese does not") }
                }
            }
        }
        #expect(count > 200, "the scanner finds the catalog's entries (found \(count))")
        print("catalog entries: \(count)")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The library's texts name what a library user sets; only the command-line tool names its flags.
    @Test func libraryTextsNameNoFlag() throws {
        // A flag (`--timeout`) or a command of the tool (`preflight facts`).
        let flag = try NSRegularExpression(pattern: "(^|[\\s(（“'`/、])--[a-z][a-z-]*|`preflight [a-z]")
        var offenders: [String] = []
        for (path, text) in try Self.swiftFiles() where path.hasPrefix("Preflight/Messages/") || path.hasPrefix("Preflight/Render/") {
            for literal in SwiftScan(text).literals {
                let body = literal.body
                if flag.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil {
                    offenders.append("\(path):\(literal.line): \(body.prefix(60))")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
        for advice in SettingAdvice.all + [SettingAdvice.fullReport] {
            #expect(!advice.zh.contains("--") && !advice.en.contains("--"))
        }
    }

    /// Each setting phrase can be replaced whole (none holds another) and the command-line tool has
    /// its flag for every one.
    @Test func everySettingHasItsFlagInTheTool() throws {
        let all = SettingAdvice.all
        for a in all {
            for b in all where a != b {
                #expect(!a.zh.contains(b.zh) && !a.en.contains(b.en), "'\(a.en)' holds '\(b.en)'")
            }
        }
        let advice = try String(contentsOf: Self.sources.appendingPathComponent("Preflight/Messages/SettingAdvice.swift"), encoding: .utf8)
        let names = try NSRegularExpression(pattern: "public static let (\\w+) = LocalizedText").matches(in: advice, range: NSRange(advice.startIndex..., in: advice))
            .map { String(advice[Range($0.range(at: 1), in: advice)!]) }
        let flags = try String(contentsOf: Self.sources.appendingPathComponent("PreflightCLI/Messages/FlagAdvice.swift"), encoding: .utf8)
        #expect(names.count == all.count + 1, "every phrase but fullReport is in SettingAdvice.all")
        for name in names where name != "fullReport" {
            #expect(flags.contains("(SettingAdvice.\(name), "), "FlagAdvice has no flag for SettingAdvice.\(name)")
        }
    }

    /// Rule file problems have their Chinese, and the library's advice names no command.
    @Test func ruleFileProblemsAreBilingual() throws {
        let file = try RuleFile.parse("schema: 2\nrules:\n  - id: a\n    fact: video.frame_ratx\n    slot: material\n    severity: fatal\n", path: "r.yaml")
        let messages = file.problems.map(\.message)
        #expect(messages.contains { $0.zh.hasPrefix("不支持的 schema '2'") && $0.en.hasPrefix("unsupported schema '2'") }, "\(messages)")
        #expect(messages.contains { $0.zh.hasPrefix("未知的 severity 'fatal'") }, "\(messages)")
        let set = try RuleSetLoader().load(type: "IMAGE")
        var broken = set
        broken.rules[0].fact = "video.frame_ratx"
        let lint = RuleLint.check(broken).map(\.message)
        let unknown = try #require(lint.first { $0.en.contains("unknown fact 'video.frame_ratx'") })
        #expect(unknown.en.hasSuffix(SettingAdvice.factList.en) && unknown.zh.hasSuffix(SettingAdvice.factList.zh), "\(unknown)")
        #expect(!unknown.en.contains("preflight facts"))
    }

    /// A limit hit in the library names the setting; the flag is the tool's to add.
    @Test func limitMessagesNameTheSetting() throws {
        var options = ProbeOptions()
        options.zipEntryLimit = 1
        let zip = Fixture.root.appendingPathComponent("Fuzz/corpus/zip/stored.zip")
        let error = try #require(throws: ProbeError.self) { try VoiceMaterialProbe.probe(zip, detectedType: nil, options: options) }
        #expect(error.message.en.contains("over the safety limit of 1; not read (raise the zip entry limit to allow more)"), "\(error.message.en)")
        #expect(error.message.zh.contains("超过安全上限 1，未读取；可放宽压缩包条目数上限。"), "\(error.message.zh)")
        let swapped = error.message.replacing(SettingAdvice.zipEntries, with: LocalizedText(zh: "可用 X 放宽", en: "raise X"))
        #expect(swapped.en.hasSuffix("(raise X to allow more).") && swapped.zh.hasSuffix("可用 X 放宽。"), "\(swapped)")
    }
}

/// A small reader of Swift source: its string literals (outside comments), each with its line and the
/// expressions it interpolates, and the `LocalizedText(zh: "…", en: "…")` entries among them.
struct SwiftScan {
    struct Literal: Equatable {
        /// The text between the quotes, escapes and interpolations as written.
        var body: String
        /// The expressions inside `\( … )`, as written.
        var interpolations: [String]
        /// The 1-based line of the opening quote.
        var line: Int
        /// The offset of the opening quote (of its `#`, for a raw string) and just past the closing quote.
        var start: Int, end: Int
    }

    private(set) var literals: [Literal] = []
    /// Lines with `zh:` followed by a string literal.
    private(set) var zhLiteralLines: [Int] = []
    /// `LocalizedText(zh: "…", en: "…")` with both texts literal.
    private(set) var entries: [(zh: Literal, en: Literal)] = []
    /// Lines of `LocalizedText(zh: "…"` not followed by a literal `en:`.
    private(set) var unparsedEntries: [Int] = []

    private let s: [Character]
    /// The offset of each line's first character.
    private let lineStarts: [Int]

    init(_ source: String) {
        let characters = Array(source)
        s = characters
        lineStarts = [0] + characters.indices.filter { characters[$0] == "\n" }.map { $0 + 1 }
        var i = 0
        var code: [(offset: Int, char: Character)] = []
        while i < s.count {
            if at(i, "//") { while i < s.count && s[i] != "\n" { i += 1 }; continue }
            if at(i, "/*") { i += 2; while i < s.count && !at(i, "*/") { i += 1 }; i += 2; continue }
            if s[i] == "\"" || (s[i] == "#" && rawQuote(i) != nil) {
                let literal = readLiteral(&i)
                literals.append(literal)
                code.append((literal.start, "\""))
                continue
            }
            code.append((i, s[i]))
            i += 1
        }
        // `zh:` then a literal, and `LocalizedText(zh: "…", en: "…")`, in the code with comments gone.
        let starts = Dictionary(uniqueKeysWithValues: literals.map { ($0.start, $0) })
        let codeIndex = Dictionary(uniqueKeysWithValues: code.enumerated().map { ($0.element.offset, $0.offset) })
        func literal(afterCodeIndex k: Int) -> Literal? {
            var j = k
            while j < code.count && code[j].char.isWhitespace { j += 1 }
            guard j < code.count, code[j].char == "\"" else { return nil }
            return starts[code[j].offset]
        }
        let chars = code.map(\.char)
        func matches(_ word: String, at k: Int) -> Bool {
            let w = Array(word)
            return k + w.count <= chars.count && Array(chars[k..<(k + w.count)]) == w
        }
        var k = 0
        while k < chars.count {
            let boundary = k == 0 || !(chars[k - 1].isLetter || chars[k - 1].isNumber || chars[k - 1] == "_")
            if boundary && matches("zh:", at: k), let zh = literal(afterCodeIndex: k + 3) {
                zhLiteralLines.append(zh.line)
                let isEntry = chars[..<k].reversed().drop { $0.isWhitespace }.starts(with: "(txeTdezilacoL")
                if isEntry {
                    // After the zh literal: `,` `en:` and a literal.
                    var j = codeIndex[zh.start]! + 1
                    while j < code.count && code[j].char.isWhitespace { j += 1 }
                    if j < code.count, code[j].char == "," { j += 1 }
                    while j < code.count && code[j].char.isWhitespace { j += 1 }
                    if matches("en:", at: j), let en = literal(afterCodeIndex: j + 3) { entries.append((zh, en)) } else { unparsedEntries.append(zh.line) }
                }
            }
            k += 1
        }
    }

    private func at(_ i: Int, _ token: String) -> Bool {
        let t = Array(token)
        return i + t.count <= s.count && Array(s[i..<(i + t.count)]) == t
    }

    private func line(of i: Int) -> Int {
        var low = 0, high = lineStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if lineStarts[mid] <= i { low = mid } else { high = mid }
        }
        return low + 1
    }

    /// The number of `#` before a raw string's quote at `i`, or nil.
    private func rawQuote(_ i: Int) -> Int? {
        var j = i
        while j < s.count && s[j] == "#" { j += 1 }
        return j > i && j < s.count && s[j] == "\"" ? j - i : nil
    }

    /// Reads the literal starting at `i` (a quote or a raw string's `#`) and moves `i` past it.
    private func readLiteral(_ i: inout Int) -> Literal {
        let start = i
        let hashes = rawQuote(i) ?? 0
        i += hashes
        let multiline = at(i, "\"\"\"")
        i += multiline ? 3 : 1
        let close = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
        var body = "", interpolations: [String] = []
        while i < s.count && !at(i, close) {
            if s[i] == "\\" && hashes == 0 {
                if i + 1 < s.count && s[i + 1] == "(" {
                    i += 2
                    var depth = 1, expression = ""
                    while i < s.count {
                        if s[i] == "\"" {
                            let nested = readLiteral(&i)
                            expression += String(s[nested.start..<nested.end])
                            continue
                        }
                        if s[i] == "(" { depth += 1 }
                        if s[i] == ")" { depth -= 1; if depth == 0 { i += 1; break } }
                        expression.append(s[i])
                        i += 1
                    }
                    interpolations.append(expression)
                    body += "\\(" + expression + ")"
                    continue
                }
                body.append(s[i])
                if i + 1 < s.count { body.append(s[i + 1]) }
                i += 2
                continue
            }
            body.append(s[i])
            i += 1
        }
        i = min(s.count, i + close.count)
        return Literal(body: body, interpolations: interpolations, line: line(of: start), start: start, end: i)
    }

    /// The identifiers of an expression, in order (text inside its string literals excluded).
    static func identifiers(_ expression: String) -> [String] {
        var out: [String] = [], current = "", inString = false
        for c in expression {
            if c == "\"" { inString.toggle(); if !current.isEmpty { out.append(current); current = "" }; continue }
            if inString { continue }
            if c.isLetter || c == "_" || (c.isNumber && !current.isEmpty) { current.append(c) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
