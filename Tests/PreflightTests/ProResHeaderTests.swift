import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// ProRes takes (what pro cameras and external recorders write) get their pixel format, profile and
/// scan from the frame header, as FFmpeg's decoder reads them, with no frame decoded.
@Suite struct ProResHeaderTests {
    /// Encodes 0.12 s of a test pattern with `arguments` into `url`.
    func encode(_ url: URL, _ arguments: [String]) throws {
        try VoiceFixture.run("/usr/bin/ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=s=160x120:d=0.12:r=25"]
                             + arguments + [url.path], in: url.deletingLastPathComponent())
    }

    /// Every profile of both encoders, 4:2:2 and 4:4:4 with and without alpha, progressive and
    /// interlaced: the facts are what ffprobe reports after decoding.
    @Test func factsAgreeWithFFprobe() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var cases: [(name: String, args: [String])] = []
        for profile in 0...5 {
            for format in ["yuv422p10le", "yuva444p10le"] {
                cases.append(("ks-\(profile)-\(format)", ["-pix_fmt", format, "-c:v", "prores_ks", "-profile:v", "\(profile)"]))
            }
        }
        cases.append(("ks-interlaced", ["-pix_fmt", "yuv422p10le", "-flags", "+ildct+ilme", "-top", "1", "-c:v", "prores_ks"]))
        cases.append(("aw-hq", ["-pix_fmt", "yuv422p10le", "-c:v", "prores_aw", "-profile:v", "3"]))
        var profiles = Set<String>(), formats = Set<String>()
        for c in cases {
            let url = dir.appendingPathComponent("\(c.name).mov")
            try encode(url, c.args)
            let probe = try ToolRun.run(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=pix_fmt,profile,field_order",
                                         "-of", "default=noprint_wrappers=1", url.path], executable: URL(fileURLWithPath: "/usr/bin/ffprobe"))
            try #require(probe.status == 0, "\(probe.stderr)")
            let truth = probe.stdout.split(separator: "\n").reduce(into: [String: String]()) { d, line in
                    let kv = line.split(separator: "=", maxSplits: 1).map(String.init)
                    if kv.count == 2 { d[kv[0]] = kv[1] }
                }
            let facts = try VideoProbe.facts(of: url)
            #expect(facts["video.pixel_format"]?.text == truth["pix_fmt"], "\(c.name): \(truth)")
            #expect(facts["video.profile"]?.text == truth["profile"], "\(c.name): \(truth)")
            #expect(facts["video.field_order"]?.text == truth["field_order"], "\(c.name): \(truth)")
            profiles.insert(truth["profile"] ?? ""); formats.insert(truth["pix_fmt"] ?? "")
        }
        #expect(profiles == ["Proxy", "LT", "Standard", "HQ", "4444", "XQ"])
        #expect(formats.isSuperset(of: ["yuv422p10le", "yuv444p10le", "yuva444p12le"]), "\(formats)")
    }

    /// A ProRes 422 HQ take is 10-bit 4:2:2: both take-quality notes apply, with their fix.
    @Test func aProRes422TakeGetsTheBitDepthAndChromaNotes() async throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("take.mov")
        try encode(url, ["-pix_fmt", "yuv422p10le", "-c:v", "prores_ks", "-profile:v", "3"])
        let facts = try VideoProbe.facts(of: url)
        #expect(facts["video.bit_depth"] == .number(10) && facts["video.chroma_subsampling"] == .text("4:2:2"))
        let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL")
        let findings = Evaluator.evaluate(rules, inputs: [InputReport(slot: "material", path: url.path, facts: facts, error: nil)])
        let failed = Set(findings.filter { $0.status == .fail }.map(\.rule))
        #expect(failed.isSuperset(of: ["material.bit_depth", "material.chroma_subsampling"]), "\(failed)")
    }

    /// Bytes that are not a ProRes frame, or a chroma format or scan ProRes does not have, give nothing.
    @Test func notAProResFrameIsNil() {
        var frame = [UInt8](repeating: 0, count: 32)
        frame.replaceSubrange(4..<8, with: Array("icpf".utf8))
        frame[20] = 0b1000_0100 // 4:2:2, top field first
        frame[25] = 1           // 8-bit alpha
        let tag = UInt32(ascii: "apch")
        let h = ProResHeader(frame: frame, codecTag: tag)
        #expect(h?.chroma444 == false && h?.alpha == true && h?.twelveBit == false && h?.interlaceMode == 1 && h?.profile == 3, "\(String(describing: h))")
        #expect(ProResHeader(frame: frame, codecTag: UInt32(ascii: "ap4x")).map { ($0.twelveBit, $0.profile) } ?? (false, nil) == (true, 5))
        var other = frame
        other[4] = UInt8(ascii: "x")
        #expect(ProResHeader(frame: other, codecTag: tag) == nil, "no icpf")
        other = frame
        other[20] = 0b0100_0000
        #expect(ProResHeader(frame: other, codecTag: tag) == nil, "chroma format 1")
        other = frame
        other[20] = 0b1000_1100
        #expect(ProResHeader(frame: other, codecTag: tag) == nil, "interlace mode 3")
        #expect(ProResHeader(frame: Array(frame.prefix(25)), codecTag: tag) == nil, "too short")
        #expect(ProResHeader(frame: frame, codecTag: UInt32(ascii: "xxxx"))?.profile == nil)
    }
}

extension UInt32 {
    /// A FourCC as libavformat stores it: the first character in the low byte.
    init(ascii fourCC: String) {
        self = fourCC.utf8.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }
}
