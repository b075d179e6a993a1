import Foundation

/// The segments of a JPEG before its first scan, walked by their lengths without decoding.
///
/// The walk gives the frame header (SOF) even where libjpeg refuses it (12-bit data), the EXIF
/// block, where the scan starts, and a compact copy of the header for libjpeg: SOI, the tables,
/// SOF, JFIF APP0, Adobe APP14 and SOS, without the large APPn blocks it does not need.
struct JPEGMarkers {
    /// The SOF marker byte (0xC0 baseline, 0xC1 extended, 0xC2 progressive …).
    var frameMarker: UInt8 = 0
    /// Sample precision in bits (8, 12, 16).
    var precision = 0
    /// Stored width.
    var width = 0
    /// Stored height.
    var height = 0
    /// Component count (1 gray, 3 colour, 4 CMYK/YCCK).
    var components = 0
    /// The Adobe APP14 transform (0 none, 1 YCbCr, 2 YCCK), when there is one.
    var adobeTransform: Int?
    /// The first EXIF block (after `Exif\0\0`).
    var exif: [UInt8]?
    /// The offset just after the SOS segment, where entropy-coded data begins.
    var scanStart = 0
    /// SOI + the segments libjpeg needs to read the header + SOS.
    var compactHeader: [UInt8] = [0xFF, 0xD8]

    /// Whether the frame is progressive (SOF2, SOF6, SOF10, SOF14).
    var progressive: Bool { [0xC2, 0xC6, 0xCA, 0xCE].contains(frameMarker) }

    /// The most segments walked before the first scan.
    static let maxSegments = 4096
    /// The most garbage bytes skipped between two segments (libjpeg tolerates some, with a warning).
    static let maxGarbage = 4096

    /// Walks from SOI to the first SOS. Throws ``ProbeError`` (`unreadable`) when the file is cut
    /// short or the structure is broken.
    static func walk(_ file: PhotoFile, options: ProbeOptions) throws -> JPEGMarkers {
        var m = JPEGMarkers()
        var pos = 2
        var sawFrame = false
        for _ in 0..<maxSegments {
            // Find the next marker: 0xFF, any fill bytes 0xFF, then the marker code.
            var garbage = 0
            var b = file.read(pos, 2)
            while b.count == 2, b[0] != 0xFF || b[1] == 0x00, garbage < maxGarbage {
                pos += 1; garbage += 1
                b = file.read(pos, 2)
            }
            guard b.count == 2 else { throw PhotoError.cutShort(.jpeg, "the file ends inside its header, at byte \(pos), before the image data") }
            guard b[0] == 0xFF, b[1] != 0x00 else { throw PhotoError.damaged(.jpeg, "no marker found near byte \(pos)") }
            var code = b[1]
            pos += 2
            while code == 0xFF {
                guard garbage < maxGarbage else { throw PhotoError.damaged(.jpeg, "a run of fill bytes near byte \(pos)") }
                guard let next = file.read(pos, 1).first else { throw PhotoError.cutShort(.jpeg, "the file ends inside its header") }
                code = next; pos += 1; garbage += 1
            }
            switch code {
            case 0x01, 0xD0...0xD7: continue
            case 0xD8: throw PhotoError.damaged(.jpeg, "a second start-of-image marker at byte \(pos - 2)")
            case 0xD9: throw PhotoError.damaged(.jpeg, "the end-of-image marker comes before any image data (JPEG datastream contains no image)")
            default: break
            }
            let lengthBytes = file.read(pos, 2)
            guard let length = ByteReader.u16(lengthBytes, 0, bigEndian: true) else {
                throw PhotoError.cutShort(.jpeg, "the file ends inside its header, at byte \(pos)")
            }
            guard length >= 2 else { throw PhotoError.damaged(.jpeg, String(format: "marker 0x%02X at byte %d has an invalid length %d", code, pos - 2, length)) }
            guard pos + length <= file.size else {
                throw PhotoError.cutShort(.jpeg, String(format: "segment 0x%02X at byte %d runs past the end of the file", code, pos - 2))
            }
            let start = pos + 2, count = length - 2
            func keep(_ data: [UInt8]) { m.compactHeader += [0xFF, code] + lengthBytes + data }
            switch code {
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                let data = file.read(start, count)
                guard !sawFrame else { throw PhotoError.damaged(.jpeg, "more than one frame header (SOF)") }
                guard data.count >= 6, let h = ByteReader.u16(data, 1, bigEndian: true), let w = ByteReader.u16(data, 3, bigEndian: true) else {
                    throw PhotoError.damaged(.jpeg, "the frame header (SOF) is too short")
                }
                try PhotoError.checkLimits(width: w, height: h, options: options)  // before anything is sized from them
                sawFrame = true
                m.frameMarker = code; m.precision = Int(data[0]); m.height = h; m.width = w; m.components = Int(data[5])
                keep(data)
            case 0xC4, 0xCC, 0xDB, 0xDD:
                keep(file.read(start, count))
            case 0xE0:
                let data = file.read(start, min(count, 16))
                if ByteReader.matches(data, 0, "JFIF\0") { keep(file.read(start, count)) }
            case 0xE1 where m.exif == nil:
                if ByteReader.matches(file.read(start, 6), 0, "Exif\0\0") { m.exif = file.read(start + 6, count - 6) }
            case 0xEE:
                let data = file.read(start, count)
                if ByteReader.matches(data, 0, "Adobe"), data.count >= 12 {
                    m.adobeTransform = Int(data[11])
                    keep(data)
                }
            case 0xDA:
                guard sawFrame else { throw PhotoError.damaged(.jpeg, "the scan starts before the frame header (SOF)") }
                keep(file.read(start, count))
                m.scanStart = pos + length
                return m
            default:
                break  // other APPn, COM and rare markers: not needed for the header
            }
            pos += length
        }
        throw PhotoError.damaged(.jpeg, "more than \(maxSegments) segments before the image data")
    }
}
