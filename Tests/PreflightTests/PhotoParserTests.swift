import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The photo probe's parsers on hand-made bytes: EXIF both byte orders, IFD loops, limits, the
/// libjpeg trap, HEIF boxes, ratio naming and crops, and damaged files that must never crash.
@Suite struct PhotoParserTests {
    /// A TIFF/EXIF block with IFD0 holding one orientation entry.
    func exif(bigEndian: Bool, orientation: Int, type: Int = 3, next: Int = 0) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
        let value = type == 3 ? u16(orientation) + [0, 0] : u32(orientation)
        return (bigEndian ? Array("MM".utf8) + u16(42) : Array("II".utf8) + u16(42)) + u32(8)
            + u16(1) + u16(0x0112) + u16(type) + u32(1) + value + u32(next)
    }

    @Test func exifOrientationInBothByteOrders() {
        #expect(ExifOrientation.read(exif(bigEndian: false, orientation: 6)) == 6)
        #expect(ExifOrientation.read(exif(bigEndian: true, orientation: 8)) == 8)
        #expect(ExifOrientation.read(Array("Exif\0\0".utf8) + exif(bigEndian: true, orientation: 3)) == 3)
        #expect(ExifOrientation.read(exif(bigEndian: false, orientation: 5, type: 4)) == 5)  // LONG instead of SHORT
        #expect(ExifOrientation.read(exif(bigEndian: false, orientation: 9)) == nil)        // out of range
        #expect(ExifOrientation.read(exif(bigEndian: true, orientation: 0)) == nil)
    }

    @Test func exifDamageGivesNoOrientation() {
        let good = exif(bigEndian: false, orientation: 6)
        for n in 0..<22 { #expect(ExifOrientation.read(Array(good.prefix(n))) == nil) }  // header 8 + count 2 + entry 12
        #expect(ExifOrientation.read(Array(good.prefix(22))) == 6)
        var farIFD = good
        farIFD[4] = 0xFF; farIFD[5] = 0xFF  // IFD0 offset beyond the data
        #expect(ExifOrientation.read(farIFD) == nil)
        var manyEntries = good
        manyEntries[8] = 0xFF; manyEntries[9] = 0xFF  // 65535 entries declared, one present
        #expect(ExifOrientation.read(manyEntries) == 6)
        #expect(ExifOrientation.read(Array("XX*\0\u{8}\0\0\0".utf8)) == nil)
    }

    @Test func ifdChainStopsAtLoops() {
        let selfLoop = exif(bigEndian: false, orientation: 1, next: 8)  // IFD0's next is IFD0
        let read: (Int, Int) -> [UInt8] = { o, c in o < selfLoop.count ? Array(selfLoop[o..<min(selfLoop.count, o + c)]) : [] }
        #expect(TIFFDirectory.chain(from: 8, bigEndian: false, using: read).count == 1)
    }

    @Test func libjpegErrorsComeBackInsteadOfExiting() {
        // libjpeg's default handler printed this message and called exit(1).
        let noImage = JPEGPhoto.libjpegHeader([0xFF, 0xD8, 0xFF, 0xD9])
        #expect(!noImage.ok)
        #expect(noImage.message == "JPEG datastream contains no image")
        let notJPEG = JPEGPhoto.libjpegHeader([0x00, 0x01, 0x02, 0x03])
        #expect(!notJPEG.ok)
        #expect(notJPEG.message.hasPrefix("Not a JPEG file"))
        #expect(!JPEGPhoto.libjpegHeader([]).ok)
    }

    @Test func declaredDimensionsBeyondTheLimitAreRefused() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // PNG declaring 40000 x 100 (valid CRC; no pixel data needed to refuse it).
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + PhotoTestFiles.chunk("IHDR",
            PhotoTestFiles.bigEndian(40_000) + PhotoTestFiles.bigEndian(100) + [8, 2, 0, 0, 0]) + PhotoTestFiles.chunk("IEND", [])
        let pngURL = dir.appendingPathComponent("wide.png")
        try Data(png).write(to: pngURL)
        #expect(throws: ProbeError.self) { try PhotoProbe.facts(of: pngURL) }
        do { _ = try PhotoProbe.facts(of: pngURL) } catch let e as ProbeError { #expect(e.kind == .limitExceeded) }
        // JPEG whose frame header declares 65000 x 65000: refused before libjpeg sees it.
        let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 8, 0xFD, 0xE8, 0xFD, 0xE8, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        let jpegURL = dir.appendingPathComponent("huge.jpg")
        try Data([0xFF, 0xD8] + sof + [0xFF, 0xD9]).write(to: jpegURL)
        do { _ = try PhotoProbe.facts(of: jpegURL); Issue.record("no error") } catch let e as ProbeError {
            #expect(e.kind == .limitExceeded)
            #expect(e.message.en.contains("65000x65000"))
        }
    }

    @Test func heifPrimaryItemSizeAndRotation() throws {
        func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { PhotoTestFiles.bigEndian(UInt32(payload.count + 8)) + Array(type.utf8) + payload }
        let full: [UInt8] = [0, 0, 0, 0]
        let ipco = box("ipco", box("ispe", full + PhotoTestFiles.bigEndian(256) + PhotoTestFiles.bigEndian(256))   // 1: thumbnail
            + box("ispe", full + PhotoTestFiles.bigEndian(4032) + PhotoTestFiles.bigEndian(3024))                 // 2: primary
            + box("irot", [3]))                                                                                     // 3: 270° anticlockwise
        let ipma = box("ipma", full + PhotoTestFiles.bigEndian(2) + [0, 2, 1, 0x81] + [0, 1, 2, 0x82, 0x03])
        let meta = box("meta", full + box("hdlr", full + [0, 0, 0, 0] + Array("pict".utf8) + [UInt8](repeating: 0, count: 13))
            + box("pitm", full + [0, 1]) + box("iprp", ipco + ipma))
        let ftyp = box("ftyp", Array("mif1".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8))
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("phone.heic")
        try Data(ftyp + meta + box("mdat", [1, 2, 3])).write(to: url)
        let f = try PhotoProbe.facts(of: url)
        #expect(f["photo.format"] == .text("heic"))
        #expect(f["photo.width"] == .number(4032) && f["photo.height"] == .number(3024))
        #expect(f["photo.orientation"] == .number(6))
        #expect(f["photo.display_width"] == .number(3024))
    }

    @Test func ratioNamesAndCrops() {
        let hd = PhotoAspect.nearest(width: 1366, height: 768, among: PhotoAspect.named)
        #expect(hd.ratio.name == "16:9")
        #expect(hd.error > 0.0004 && hd.error < 0.0005)
        #expect(PhotoAspect.nearest(width: 1000, height: 999, among: PhotoAspect.named).ratio.name == "1:1")
        #expect(PhotoAspect.nearest(width: 1200, height: 1600, among: PhotoAspect.allowed).ratio.name == "9:16")
        #expect(PhotoAspect.nearest(width: 1600, height: 1200, among: PhotoAspect.allowed).ratio.name == "4:3")
        #expect(PhotoAspect.nearest(width: 3000, height: 2000, among: PhotoAspect.named).ratio.name == "3:2")
        #expect(PhotoAspect.nearest(width: 3000, height: 2000, among: PhotoAspect.allowed).ratio.name == "4:3")
        let sixteenNine = PhotoAspect.allowed[2]
        #expect(PhotoAspect.crop(width: 1200, height: 1600, to: PhotoAspect.allowed[1]) == "900x1600+150+0")
        #expect(PhotoAspect.crop(width: 2000, height: 1000, to: sixteenNine) == "1776x999+112+0")
        #expect(PhotoAspect.crop(width: 10, height: 5, to: sixteenNine) == nil)
    }

    @Test func sniffingByContent() {
        #expect(PhotoFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(PhotoFormat.sniff(Array("GIF89a".utf8)) == .gif)
        #expect(PhotoFormat.sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(PhotoFormat.sniff(Array("RIFF\0\0\0\0WAVEfmt ".utf8)) == nil)
        #expect(PhotoFormat.sniff([0, 0, 0, 0x1C] + Array("ftypavif".utf8) + [0, 0, 0, 0] + Array("avifmif1miaf".utf8)) == .avif)
        #expect(PhotoFormat.sniff([0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 0, 0] + Array("isommp41".utf8)) == nil)
        #expect(PhotoFormat.sniff(Array("BM".utf8)) == nil)
        #expect(PhotoFormat.sniff([]) == nil)
    }

    /// Every fixture cut short at many lengths and with header bytes flipped: the probe answers
    /// with facts or a ProbeError, never a crash or a hang.
    @Test func damagedVariantsNeverCrash() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = Fixture.url("photo")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var probes = 0
        // The header readers on every variant; the pixel decoders and the face search meet damaged input in
        // the photo fuzz corpus (FuzzRegressionTests) and PhotoContentTests.
        var headers = ProbeOptions()
        headers.content = false
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            guard !bytes.isEmpty else { continue }
            var variants: [[UInt8]] = [1, 2, 3, 8, 12, 20, 33, 50, 100, 200, 400, bytes.count / 3, bytes.count / 2, bytes.count - 1]
                .filter { $0 > 0 && $0 < bytes.count }.map { Array(bytes.prefix($0)) }
            for position in stride(from: 0, to: min(bytes.count, 600), by: 5) {
                var flipped = bytes
                flipped[position] ^= 0xFF
                variants.append(flipped)
            }
            for (i, variant) in variants.enumerated() {
                let url = dir.appendingPathComponent("v\(i)-\(name)")
                try Data(variant).write(to: url)
                do { _ = try PhotoProbe.facts(of: url, options: headers) } catch is ProbeError {} catch { Issue.record("\(name) #\(i): \(error)") }
                try FileManager.default.removeItem(at: url)
                probes += 1
            }
        }
        #expect(probes > 1000)
    }
}
