import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// One media-type detector: `file.detected_type`, the photo probe, the container-brand rule of the
/// video and audio probes and the slot guess give one answer for the same real file.
@Suite struct MediaIdentificationTests {
    /// Runs ffmpeg (quiet, overwriting) and fails the test when it fails.
    static func ffmpeg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg", "-nostdin", "-v", "error", "-y"] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ffmpeg \(arguments)")
    }

    /// A short clip of test pattern and tone in `name`, made by ffmpeg's native encoders.
    static func clip(_ name: String, in dir: URL, extra: [String] = []) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=s=176x144:r=10:d=0.5", "-f", "lavfi", "-i", "sine=d=0.5:r=8000",
                    "-c:v", "mpeg4", "-c:a", "aac", "-ac", "1"] + extra + [url.path])
        return url
    }

    /// Options that read headers only (the fixtures have no faces).
    static var headersOnly: ProbeOptions {
        var options = ProbeOptions()
        options.content = false
        return options
    }

    static func head(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url).prefix(4096)) }

    /// The detected type, the photo format and the slot guess of a file.
    static func identify(_ url: URL) throws -> (type: String?, photo: PhotoFormat?, guess: SlotKind) {
        let facts = try FileFacts.read(url)
        return (facts[.fileDetectedType]?.text, PhotoFormat.sniff(try head(url)), SlotKind.guess(for: facts))
    }

    @Test func bigTIFFIsATIFFEverywhere() throws {
        let id = try Self.identify(Fixture.url("photo/bigtiff.tif"))
        #expect(id.type == "tiff")
        #expect(id.photo == .tiff)
        #expect(id.guess == .photo)
        let facts = try FileFacts.read(Fixture.url("photo/bigtiff.tif"))
        #expect(facts[.fileExtensionMatchesContent] == .flag(true))
    }

    @Test func jpegXLIsNamedAndGuessedAPhoto() throws {
        let id = try Self.identify(Fixture.url("photo/sample.jxl"))
        #expect(id.type == "jxl")
        #expect(id.photo == .jxl)
        #expect(id.guess == .photo)
        let (_, error) = SlotProbe.measure(Fixture.url("photo/sample.jxl"), kind: .photo, options: Self.headersOnly)
        #expect(error?.kind != .unreadable)
    }

    @Test func bitmapNeedsItsInfoHeader() throws {
        let real = try Self.identify(Fixture.url("photo/sample.bmp"))
        #expect(real.type == "bmp")
        #expect(real.photo == .bmp)
        // Text that merely starts with "BM" is no bitmap for any reader.
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.bmp")
        try Data("BM notes: the take of Monday, shot twice, both kept for the edit.\n".utf8).write(to: text)
        let fake = try Self.identify(text)
        #expect(fake.type == "unknown")
        #expect(fake.photo == nil)
    }

    @Test func heifBrandsAreReadFromCompatibleBrandsToo() throws {
        // libheif writes major brand "heic" / "avif"; other encoders write "mif1" major with the
        // image brand only among the compatible ones. Both must be an image for every reader.
        for (name, expected) in [("sample.heic", PhotoFormat.heic), ("sample.avif", .avif)] {
            var bytes = [UInt8](try Data(contentsOf: Fixture.url("photo/\(name)")))
            #expect(try Self.identify(Fixture.url("photo/\(name)")).type == expected.rawValue)
            bytes.replaceSubrange(8..<12, with: Array("mif1".utf8))
            #expect(ContentSniffer.detect(bytes) == expected.rawValue, "\(name) with major brand mif1")
            #expect(PhotoFormat.sniff(bytes) == expected)
        }
    }

    @Test func isoBrandRuleIsSharedByDetectorVideoAndAudio() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, expected) in [("a.mp4", "mp4"), ("a.mov", "mov"), ("a.3gp", "3gp")] {
            let url = try Self.clip(name, in: dir)
            let facts = try FileFacts.read(url)
            #expect(facts[.fileDetectedType] == .text(expected), "\(name)")
            #expect(SlotKind.guess(for: facts) == .video)
            let options = Self.headersOnly
            let video = try VideoProbe.facts(of: url, options: options, detectedType: expected)
            #expect(video[.containerFormat] == .text(expected), "\(name)")
            let audio = try AudioProbe.facts(of: url, options: options)
            #expect(audio[.audioFormat] == .text(expected), "\(name): the audio probe names the container as the video probe does")
        }
        let m4a = dir.appendingPathComponent("a.m4a")
        try Self.ffmpeg(["-f", "lavfi", "-i", "sine=d=0.5:r=8000", "-c:a", "aac", m4a.path])
        let facts = try FileFacts.read(m4a)
        #expect(facts[.fileDetectedType] == .text("m4a"))
        #expect(SlotKind.guess(for: facts) == .audio)
        #expect(try AudioProbe.facts(of: m4a)[.audioFormat] == .text("m4a"))
    }

    @Test func transportStreamIsFoundByItsSecondSyncByte() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ts = try Self.clip("a.ts", in: dir)
        let facts = try FileFacts.read(ts)
        #expect(facts[.fileDetectedType] == .text("mpegts"))
        #expect(facts[.fileExtensionMatchesContent] == .flag(true))
        // A text starting with "G" is not a transport stream.
        let text = dir.appendingPathComponent("g.txt")
        try Data(String(repeating: "Good take, keep it. ", count: 20).utf8).write(to: text)
        #expect(try FileFacts.read(text)[.fileDetectedType] == .text("unknown"))
    }

    @Test func wrongKindHintUsesTheSameVideoTypes() throws {
        // A PNG given as a PDF, a PDF given as a video: the hint names the content instead of calling it damaged.
        let (_, asPDF) = SlotProbe.measure(Fixture.url("photo/a.png"), kind: .pdf, options: Self.headersOnly)
        #expect(asPDF?.kind == .wrongKind)
        let pdf = try #require(try FileManager.default.contentsOfDirectory(at: Fixture.url("pdf"), includingPropertiesForKeys: nil)
            .first { $0.pathExtension == "pdf" && (try? FileFacts.read($0))?[.fileDetectedType] == .text("pdf") })
        let (_, asVideo) = SlotProbe.measure(pdf, kind: .video, options: Self.headersOnly)
        #expect(asVideo?.kind == .wrongKind)
        #expect(asVideo?.message.en.contains("pdf") == true)
        #expect(SlotKind.video.takes(detectedType: "mov") == true)
        #expect(SlotKind.pdf.takes(detectedType: "png") == false)
    }

    @Test func gateFolderPlacesAPDFByItsContentToo() throws {
        let slots = [SlotDefinition(name: "material", kind: .video, cosFolder: "video/"),
                     SlotDefinition(name: "authorization", kind: .pdf, cosFolder: "video/")]
        let pdf = try #require(try FileManager.default.contentsOfDirectory(at: Fixture.url("pdf"), includingPropertiesForKeys: nil)
            .first { $0.lastPathComponent == "one-page.pdf" })
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let renamed = dir.appendingPathComponent("consent-scan")
        try FileManager.default.copyItem(at: pdf, to: renamed)
        let type = ContentSniffer.detect(fileAt: renamed)
        #expect(type == "pdf")
        #expect(GateFolder.pick("consent-scan", detectedType: type, from: slots, taken: []) == "authorization")
        #expect(GateFolder.pick("take.mp4", detectedType: "mp4", from: slots, taken: []) == "material")
        #expect(ContentSniffer.detect(fileAt: dir) == nil)
    }

    @Test func everyFactKeyIsInTheVocabulary() {
        #expect(!FactKey.all.isEmpty)
        for key in FactKey.all { #expect(key.definition != nil, "\(key.name)") }
        #expect(Set(FactKey.all.map(\.name)).count == FactKey.all.count)
    }
}
