import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Photo facts read from real files made by real encoders (Fixtures/make-photo-fixtures.sh).
@Suite struct PhotoProbeTests {
    func facts(_ name: String) throws -> Facts { try PhotoProbe.facts(of: Fixture.url("photo/\(name)")) }

    func error(_ name: String) -> ProbeError? {
        do { _ = try facts(name); return nil } catch { return error as? ProbeError }
    }

    @Test(arguments: [
        ("portrait_1080x1920.png", "png", 1080, 1920, "9:16"),
        ("张三_正面.jpg", "jpeg", 1024, 1024, "1:1"),
        ("landscape_1600x900.webp", "webp", 1600, 900, "16:9"),
        ("photo_1600x1200.jpg", "jpeg", 1600, 1200, "4:3"),
        ("portrait_1200x1600.jpg", "jpeg", 1200, 1600, "3:4"),
    ])
    func sizeAndShape(file: String, format: String, width: Int, height: Int, aspect: String) throws {
        let f = try facts(file)
        #expect(f["photo.format"] == .text(format))
        #expect(f["photo.width"] == .number(Double(width)))
        #expect(f["photo.height"] == .number(Double(height)))
        #expect(f["photo.display_width"] == .number(Double(width)))
        #expect(f["photo.display_height"] == .number(Double(height)))
        #expect(f["photo.orientation"] == .number(1))
        #expect(f["photo.aspect"] == .text(aspect))
        #expect(f["photo.aspect_error"] == .number(0))
        #expect(f["photo.color_space"] == .text("rgb"))
        #expect(f["photo.bit_depth"] == .number(8))
        #expect(f["photo.has_alpha"] == .flag(false))
        #expect(f["photo.animated"] == .flag(false))
    }

    @Test func phonePhotoStored43WithOrientation6IsPortrait() throws {
        let f = try facts("stored43_o6.jpg")  // little-endian EXIF
        #expect(f["photo.width"] == .number(4032))
        #expect(f["photo.height"] == .number(3024))
        #expect(f["photo.orientation"] == .number(6))
        #expect(f["photo.display_width"] == .number(3024))
        #expect(f["photo.display_height"] == .number(4032))
        #expect(f["photo.aspect"] == .text("3:4"))
        // 3:4 is as far from 9:16 as from 1:1; the portrait one wins. 4032/16 = 252 → 2268x4032.
        #expect(f["photo.nearest_allowed_aspect"] == .text("9:16"))
        #expect(f["photo.crop_to_allowed"] == .text("2268x4032+378+0"))
    }

    @Test func stored34WithOrientation8IsLandscape() throws {
        let f = try facts("stored34_o8.jpg")  // big-endian EXIF
        #expect(f["photo.orientation"] == .number(8))
        #expect(f["photo.width"] == .number(768))
        #expect(f["photo.display_width"] == .number(1024))
        #expect(f["photo.display_height"] == .number(768))
        #expect(f["photo.aspect"] == .text("4:3"))
    }

    @Test func orientationInWebPAndPNG() throws {
        let webp = try facts("rotated_o6.webp")  // EXIF chunk after the VP8 data, VP8X header
        #expect(webp["photo.orientation"] == .number(6))
        #expect(webp["photo.display_width"] == .number(900))
        #expect(webp["photo.display_height"] == .number(1600))
        #expect(webp["photo.aspect"] == .text("9:16"))
        let png = try facts("rotated_o6.png")  // eXIf chunk
        #expect(png["photo.orientation"] == .number(6))
        #expect(png["photo.display_width"] == .number(480))
        #expect(png["photo.display_height"] == .number(640))
    }

    @Test func jpegEncodings() throws {
        let progressive = try facts("progressive.jpg")
        #expect(progressive["photo.progressive"] == .flag(true))
        #expect(progressive["photo.width"] == .number(1024) && progressive["photo.height"] == .number(768))
        #expect(try facts("photo_1600x1200.jpg")["photo.progressive"] == .flag(false))
        #expect(try facts("cmyk.jpg")["photo.color_space"] == .text("cmyk"))
        #expect(try facts("ycck.jpg")["photo.color_space"] == .text("ycck"))
        #expect(try facts("gray.jpg")["photo.color_space"] == .text("gray"))
        // libjpeg-turbo's 8-bit build refuses 12-bit data; the frame header still tells.
        let twelve = try facts("bit12.jpg")
        #expect(twelve["photo.bit_depth"] == .number(12))
        #expect(twelve["photo.width"] == .number(1024) && twelve["photo.height"] == .number(768))
        #expect(twelve["photo.color_space"] == .text("rgb"))
        #expect(twelve["photo.progressive"] == .flag(false))
    }

    @Test func pngEncodings() throws {
        let deep = try facts("rgb16.png")
        #expect(deep["photo.bit_depth"] == .number(16))
        #expect(deep["photo.color_space"] == .text("rgb"))
        let palette = try facts("palette.png")
        #expect(palette["photo.color_space"] == .text("rgb"))
        #expect(palette["photo.bit_depth"] == .number(8))
        #expect(palette["photo.has_alpha"] == .flag(false))
        let transparent = try facts("palette_trns.png")
        #expect(transparent["photo.has_alpha"] == .flag(true))
        #expect(transparent["photo.width"] == .number(256))
        #expect(try facts("alpha.png")["photo.has_alpha"] == .flag(true))
        #expect(try facts("portrait_1080x1920.png")["photo.progressive"] == .flag(false))
    }

    @Test func animatedWebPAndPNG() throws {
        let f = try facts("animated.webp")
        #expect(f["photo.animated"] == .flag(true))
        #expect(f["photo.width"] == .number(1024))
        let apng = try facts("animated_apng.png")
        #expect(apng["photo.format"] == .text("png"))
        #expect(apng["photo.animated"] == .flag(true))
        #expect(try facts("landscape_1600x900.webp")["photo.animated"] == .flag(false))
    }

    @Test func pngContentNamedJpgIsPNG() throws {
        let f = try facts("png_content.jpg")
        #expect(f["photo.format"] == .text("png"))
        #expect(f["photo.width"] == .number(1024))
    }

    @Test(arguments: [
        ("animated.gif", "gif", 64, 48), ("sample.bmp", "bmp", 64, 48), ("sample.tiff", "tiff", 64, 48),
        ("sample.heic", "heic", 640, 480), ("sample.avif", "avif", 640, 480),
    ])
    func refusedFormatsAreNamedWithTheirSize(file: String, format: String, width: Int, height: Int) throws {
        let f = try facts(file)
        #expect(f["photo.format"] == .text(format))
        #expect(f["photo.width"] == .number(Double(width)))
        #expect(f["photo.height"] == .number(Double(height)))
        #expect(f["photo.aspect"] == .text("4:3"))
    }

    @Test func damagedFilesAreUnreadable() throws {
        let cut = try #require(error("truncated.jpg"))
        #expect(cut.kind == .unreadable)
        #expect(cut.message.en.contains("cut short"))
        let header = try #require(error("truncated_header.jpg"))
        #expect(header.kind == .unreadable)
        #expect(header.detail?.contains("past the end of the file") == true)
        let crc = try #require(error("bad_crc.png"))
        #expect(crc.kind == .unreadable)
        #expect(crc.detail == "IHDR: CRC error")
        #expect(error("empty.jpg")?.kind == .empty)
        let pdf = try #require(error("../pdf/one-page.pdf"))
        #expect(pdf.kind == .wrongKind)
        #expect(pdf.message.en.contains("pdf"))
    }
}
