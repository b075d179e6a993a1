import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// IMAGE_PHOTO judged end to end: the photo probe's facts against rules/IMAGE_PHOTO.yaml.
@Suite struct PhotoCheckTests {
    let loader = RuleSetLoader(builtinDirectory: Fixture.root.appendingPathComponent("rules"))

    /// Measures like SlotProbe does for a photo slot (file facts, then photo facts) and evaluates.
    /// The header rules are judged alone here: these flat-colour pictures have no face, and the
    /// content rules (decoding, faces) have their own suite, PhotoContentTests.
    func check(_ url: URL) throws -> Report {
        let rules = try loader.load(type: "IMAGE_PHOTO")
        var facts = Facts()
        var problem: ProbeError?
        do {
            facts = try FileFacts.read(url)
            var headersOnly = ProbeOptions()
            headersOnly.content = false
            facts.merge(try PhotoProbe.facts(of: url, options: headersOnly))
        } catch let e as ProbeError {
            problem = e
        }
        let input = InputReport(slot: "material", path: url.path, facts: facts, error: problem)
        return Report(rules: rules, inputs: [input], checks: Evaluator.evaluate(rules, inputs: [input]), strict: false, libraries: [:])
    }

    func check(_ name: String) throws -> Report { try check(Fixture.url("photo/\(name)")) }

    func failed(_ report: Report, _ severity: Severity = .error) -> Set<String> {
        Set(report.findings.filter { $0.severity == severity }.map(\.rule))
    }

    @Test(arguments: ["portrait_1080x1920.png", "张三_正面.jpg", "landscape_1600x900.webp", "photo_1600x1200.jpg"])
    func acceptedPhotosPassWithoutFindings(file: String) throws {
        let report = try check(file)
        #expect(report.verdict == .pass)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.rule))")
        #expect(report.checks.contains { $0.rule == "material.aspect" && $0.status == .pass })
        #expect(!report.checks.contains { $0.status == .skipped }, "\(report.checks.filter { $0.status == .skipped }.map(\.rule))")
    }

    @Test func threeByFourFailsWithCropToNineBySixteen() throws {
        let report = try check("portrait_1200x1600.jpg")
        #expect(report.verdict == .fail)
        #expect(failed(report) == ["material.aspect"])
        let finding = try #require(report.findings.first { $0.rule == "material.aspect" })
        #expect(finding.measured == .text("3:4"))
        #expect(finding.serviceError == 100005)
        let fix = try #require(finding.fix)
        #expect(fix.en.contains("nearest accepted ratio is 9:16"))
        #expect(fix.en.contains("-auto-orient -crop 900x1600+150+0 +repage"))
        #expect(fix.en.contains("portrait_1200x1600_crop.jpg"))
    }

    @Test func orientationDecidesTheShape() throws {
        let portrait = try check("stored43_o6.jpg")  // stored 4:3, shown 3:4
        #expect(failed(portrait) == ["material.aspect"])
        let aspect = try #require(portrait.findings.first { $0.rule == "material.aspect" })
        #expect(aspect.message.en.contains("3024 px wide and 4032 px high"))
        #expect(aspect.fix?.en.contains("-crop 2268x4032+378+0") == true)
        let landscape = try check("stored34_o8.jpg")  // stored 3:4, shown 4:3
        #expect(landscape.verdict == .pass, "\(landscape.findings.map(\.rule))")
        let note = try #require(landscape.findings.first { $0.rule == "material.orientation" })
        #expect(note.severity == .info)
        #expect(note.measured == .number(8))
    }

    @Test func seventeenMegabytePNGFailsOnSize() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("大图_noise.png")
        try PhotoTestFiles.writeNoisePNG(to: url, width: 2400, height: 2400)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size > 17_000_000 && size < 18_000_000)
        let report = try check(url)
        #expect(failed(report) == ["material.size"])
        let finding = try #require(report.findings.first)
        #expect(finding.measured == .number(Double(size)))
        #expect(finding.limit == "≤ 16 MB")
        #expect(finding.serviceError == 100004)
        #expect(report.inputs.first?.facts["photo.width"] == .number(2400))
    }

    @Test func oneCharacterNameFails() throws {
        let report = try check("a.png")
        #expect(failed(report) == ["material.name"])
        let finding = try #require(report.findings.first)
        #expect(finding.measured == .text("a"))
        #expect(finding.message.zh.contains("至少 2 个字符"))
    }

    @Test(arguments: [("张三_正面", true), ("ab", true), ("Zhang-San_01", true), ("a", false), ("张 三", false),
                      ("photo(1)", false), ("张三.正面", false), ("été", false)])
    func namePattern(stem: String, ok: Bool) throws {
        let rules = try loader.load(type: "IMAGE_PHOTO")
        let rule = try #require(rules.rules.first { $0.id == "material.name" })
        #expect(rule.constraint.holds(for: .text(stem)) == ok)
    }

    @Test func pngNamedJpgPassesWithAWarning() throws {
        let report = try check("png_content.jpg")
        #expect(report.verdict == .pass)
        #expect(report.findings.map(\.rule) == ["material.extension_matches"])
        #expect(report.findings.first?.severity == .warning)
        #expect(report.findings.first?.message.en.contains("which is png") == true)
        #expect(report.inputs.first?.facts["photo.format"] == .text("png"))
    }

    @Test func damagedAndWrongFilesGiveClearFindings() throws {
        let truncated = try check("truncated.jpg")
        #expect(failed(truncated) == ["input.unreadable"])
        #expect(truncated.findings.first?.message.en.contains("cut short") == true)
        let crc = try check("bad_crc.png")
        #expect(failed(crc) == ["input.unreadable"])
        #expect(crc.findings.first?.message.en.contains("IHDR: CRC error") == true)
        let empty = try check("empty.jpg")
        #expect(empty.findings.map(\.rule) == ["input.empty"])
        let gif = try check("animated.gif")
        #expect(failed(gif) == ["material.format", "material.extension"])
        let format = try #require(gif.findings.first { $0.rule == "material.format" })
        #expect(format.measured == .text("gif"))
        #expect(format.serviceError == 100003)
        #expect(format.fix?.en.contains("convert") == true && format.fix?.en.contains("animated.jpg") == true)
        let heic = try check("sample.heic")
        #expect(failed(heic) == ["material.format", "material.extension"])
    }

    @Test(arguments: [
        ("small_320.jpg", "material.small"), ("gray.jpg", "material.grayscale"), ("cmyk.jpg", "material.cmyk"),
        ("ycck.jpg", "material.cmyk"), ("alpha.png", "material.alpha"), ("animated.webp", "material.animated"),
    ])
    func faceDetectorRisksWarn(file: String, rule: String) throws {
        let report = try check(file)
        #expect(report.verdict == .pass)
        #expect(failed(report, .warning) == [rule])
        #expect(report.findings.first?.fix != nil)
    }

    @Test func twelveBitJPEGIsRefused() throws {
        let report = try check("bit12.jpg")
        #expect(failed(report) == ["material.bit_depth"])
        #expect(report.findings.first?.measured == .number(12))
    }

    @Test func noAuthorizationIsNeeded() throws {
        let rules = try loader.load(type: "IMAGE_PHOTO")
        #expect(rules.requirements.map(\.id) == ["slots.material"])
        #expect(rules.slots.filter { $0.kind != .request }.map(\.name) == ["driver_audio", "material"])
        #expect(rules.slot("material")?.kind == .photo)
        #expect(rules.slot("material")?.cosFolder == "photo/")
    }
}

/// Photos written at test time (too large to commit).
enum PhotoTestFiles {
    /// A valid RGB PNG of random noise, stored without compression (zlib stored blocks), so the file
    /// is a little over width × height × 3 bytes.
    static func writeNoisePNG(to url: URL, width: Int, height: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let row = 1 + width * 3
        var raw = [UInt8](repeating: 0, count: row * height)
        raw.withUnsafeMutableBytes { buffer in
            guard let start = buffer.baseAddress else { return }
            let words = buffer.count / 8
            let base = start.assumingMemoryBound(to: UInt64.self)
            for i in 0..<words { base[i] = generator.next() }
        }
        for y in 0..<height { raw[y * row] = 0 }  // filter type None
        var zlib: [UInt8] = [0x78, 0x01]
        zlib.reserveCapacity(raw.count + raw.count / 65535 * 5 + 16)
        var offset = 0
        while offset < raw.count {
            let n = min(65535, raw.count - offset)
            let final: UInt8 = offset + n == raw.count ? 1 : 0
            zlib += [final, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            zlib += raw[offset..<offset + n]
            offset += n
        }
        zlib += bigEndian(adler32(raw))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0])
        png += chunk("IDAT", zlib)
        png += chunk("IEND", [])
        try Data(png).write(to: url)
    }

    /// A PNG chunk with its CRC.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 as PNG defines it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBufferPointer { b in
            crcTable.withUnsafeBufferPointer { t in
                for byte in b { c = t[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }

    /// Adler-32 as zlib defines it.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let end = min(i + 5552, p.count)
                while i < end { a &+= UInt32(p[i]); b &+= a; i += 1 }
                a %= 65521; b %= 65521
            }
        }
        return b << 16 | a
    }
}
