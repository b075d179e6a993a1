import Foundation
import CJPEGErrorTrap
#if canImport(Glibc)
import Glibc
#endif

/// Reads a JPEG's header with libjpeg (through the setjmp trap, so libjpeg never exits the
/// process), its EXIF orientation, and checks that the file reaches its end-of-image marker.
enum JPEGPhoto {
    /// The header facts. Throws ``ProbeError`` for damaged, cut-short or oversized files.
    static func read(_ file: PhotoFile, options: ProbeOptions) throws -> PhotoHeader {
        let markers = try JPEGMarkers.walk(file, options: options)  // refuses oversized frames as soon as it reads them
        var photo = PhotoHeader(format: .jpeg)
        let lib = libjpegHeader(markers.compactHeader)
        if lib.ok {
            photo.width = lib.width
            photo.height = lib.height
            photo.colorSpace = colorSpaceName(lib.colorSpace)
            photo.bitDepth = lib.precision
            photo.progressive = lib.progressive
        } else if lib.unsupportedPrecision, markers.width > 0, markers.height > 0 {
            // libjpeg-turbo's 8-bit build stops at "Unsupported JPEG data precision 12": the frame
            // header read by the marker walk is well-formed, so report it.
            photo.width = markers.width
            photo.height = markers.height
            photo.colorSpace = colorSpaceName(components: markers.components, adobeTransform: markers.adobeTransform)
            photo.bitDepth = markers.precision
            photo.progressive = markers.progressive
        } else {
            throw PhotoError.damaged(.jpeg, lib.message.isEmpty ? "libjpeg could not read the header" : lib.message)
        }
        photo.orientation = markers.exif.flatMap(ExifOrientation.read) ?? 1
        photo.animated = false
        photo.hasAlpha = false
        try checkEnd(file, scanStart: markers.scanStart)
        return photo
    }

    /// What libjpeg's `jpeg_read_header` said about a JPEG header in memory.
    struct LibJPEGHeader: Equatable {
        /// Whether the header was read.
        var ok: Bool
        /// libjpeg's message when it was not ("JPEG datastream contains no image" …).
        var message: String
        /// The error was only the sample precision this libjpeg build cannot decode.
        var unsupportedPrecision: Bool
        /// Image width.
        var width: Int
        /// Image height.
        var height: Int
        /// `jpeg_color_space` (J_COLOR_SPACE).
        var colorSpace: Int
        /// Sample precision in bits.
        var precision: Int
        /// Progressive mode.
        var progressive: Bool
    }

    /// Runs libjpeg's header reader through the setjmp trap: an error comes back as a message, and
    /// the process is never exited (libjpeg's default handler calls `exit`).
    static func libjpegHeader(_ bytes: [UInt8]) -> LibJPEGHeader {
        var header = pf_jpeg_header()
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { input in
            pf_jpeg_read_header(input.baseAddress, UInt(input.count), &header, &message, message.count)
        }
        pf_jpeg_header_free(&header)
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return LibJPEGHeader(ok: status == 0, message: text, unsupportedPrecision: header.unsupported_precision != 0,
                             width: Int(header.width), height: Int(header.height), colorSpace: Int(header.color_space),
                             precision: Int(header.bits_per_sample), progressive: header.progressive != 0)
    }

    /// `gray`, `rgb`, `cmyk` or `ycck` from libjpeg's `jpeg_color_space`.
    static func colorSpaceName(_ space: Int) -> String {
        switch space {
        case 1: return "gray"
        case 2, 3: return "rgb"
        case 4: return "cmyk"
        case 5: return "ycck"
        default: return "unknown"
        }
    }

    /// The colour space from the component count and the Adobe transform (libjpeg's own rule).
    static func colorSpaceName(components: Int, adobeTransform: Int?) -> String {
        switch components {
        case 1: return "gray"
        case 3: return "rgb"
        case 4: return adobeTransform == 2 ? "ycck" : "cmyk"
        default: return "unknown"
        }
    }

    /// Throws when the file has no end-of-image marker (FF D9) after its scans: it was cut short.
    ///
    /// The last two bytes are read first; only when they are not FF D9 (data appended after the
    /// image, or a truncated file) is the entropy-coded data walked, marker by marker, from `scanStart`.
    static func checkEnd(_ file: PhotoFile, scanStart: Int) throws {
        if file.read(file.size - 2, 2) == [0xFF, 0xD9] { return }
        // Data after the end-of-image marker (a maker trailer, a motion-photo video) is not the photo's.
        if findEnd(file, from: scanStart) != nil { return }
        throw PhotoError.cutShort(.jpeg, "no end-of-image marker after the image data (file size \(file.size) bytes)")
    }

    /// The offset after the first EOI marker at or after `start`, skipping stuffed bytes, restart
    /// markers and the segments between progressive scans; nil when the file ends first.
    static func findEnd(_ file: PhotoFile, from start: Int) -> Int? {
        let chunk = 1 << 20
        var pos = start
        while pos < file.size {
            let buffer = file.read(pos, chunk + 1)
            guard buffer.count >= 2 else { return nil }
            var i = 0
            var jumped = false
            while i < buffer.count - 1 {
                let found: Int? = buffer.withUnsafeBufferPointer { b in
                    guard let base = b.baseAddress, let hit = memchr(base + i, 0xFF, buffer.count - 1 - i) else { return nil }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                guard let at = found else { i = buffer.count - 1; break }
                let code = buffer[at + 1]
                switch code {
                case 0x00, 0x01, 0xD0...0xD7, 0xFF:
                    i = at + 1
                case 0xD9:
                    return pos + at + 2
                default:
                    // A segment between scans (DHT, SOS …): skip it by its length.
                    guard let length = ByteReader.u16(file.read(pos + at + 2, 2), 0, bigEndian: true), length >= 2 else { return nil }
                    pos = pos + at + 2 + length
                    jumped = true
                }
                if jumped { break }
            }
            if !jumped { pos += i }
        }
        return nil
    }
}
