import Foundation
import CZlib

/// Reads a PNG's chunks up to the image data (IHDR, PLTE, tRNS, eXIf, acTL), checking their CRCs,
/// and checks that the file reaches its IEND chunk. Pixel data is never inflated.
enum PNGPhoto {
    /// The 8-byte PNG signature.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The 12 bytes of a well-formed IEND chunk.
    static let iend: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
    /// The largest chunk whose CRC is checked before the image data (larger ones are skipped).
    static let crcCheckLimit = 4 << 20
    /// The most chunks walked.
    static let maxChunks = 1 << 20

    /// One chunk header: where it starts, its data length and type.
    struct Chunk {
        /// Offset of the length field.
        let offset: Int
        /// Data length.
        let length: Int
        /// Type, e.g. `IHDR`.
        let type: String
        /// Offset after the CRC.
        var end: Int { offset + 12 + length }
    }

    /// The header facts. Throws ``ProbeError`` for damaged, cut-short or oversized files.
    static func read(_ file: PhotoFile, options: ProbeOptions) throws -> PhotoHeader {
        guard file.head.count >= 8, Array(file.head.prefix(8)) == signature else {
            throw PhotoError.damaged(.png, "Not a PNG file: the 8-byte signature is damaged (converted line endings?)")
        }
        guard let ihdr = try chunk(file, at: 8), ihdr.type == "IHDR", ihdr.length == 13 else {
            throw PhotoError.damaged(.png, "the first chunk is not a 13-byte IHDR")
        }
        let data = try checkedData(file, ihdr)
        guard let width = ByteReader.u32(data, 0, bigEndian: true), let height = ByteReader.u32(data, 4, bigEndian: true),
              width > 0, height > 0, width < 0x8000_0000, height < 0x8000_0000 else {
            throw PhotoError.damaged(.png, "IHDR: invalid image dimensions")
        }
        try PhotoError.checkLimits(width: width, height: height, options: options)
        let depth = Int(data[8]), colorType = Int(data[9])
        let allowedDepths: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard allowedDepths[colorType]?.contains(depth) == true else {
            throw PhotoError.damaged(.png, "IHDR: invalid colour type \(colorType) with bit depth \(depth)")
        }
        guard data[10] == 0, data[11] == 0, data[12] <= 1 else { throw PhotoError.damaged(.png, "IHDR: unknown compression, filter or interlace method") }
        var photo = PhotoHeader(format: .png, width: width, height: height)
        photo.bitDepth = depth
        photo.colorSpace = colorType == 0 || colorType == 4 ? "gray" : "rgb"
        photo.progressive = data[12] == 1
        photo.hasAlpha = colorType == 4 || colorType == 6
        photo.animated = false
        var sawPalette = false
        var pos = ihdr.end
        for _ in 0..<maxChunks {
            guard let c = try chunk(file, at: pos) else { throw PhotoError.cutShort(.png, "the file ends before the image data (IDAT)") }
            switch c.type {
            case "IDAT":
                if colorType == 3 && !sawPalette { throw PhotoError.damaged(.png, "Missing PLTE before IDAT") }
                try checkEnd(file, from: c.offset)
                return photo
            case "IEND":
                throw PhotoError.damaged(.png, "IEND before any image data (IDAT)")
            case "PLTE":
                _ = try checkedData(file, c)
                sawPalette = true
            case "tRNS", "eXIf", "acTL":
                // Ancillary chunks with a bad CRC are ignored, as libpng does.
                guard let body = try? checkedData(file, c) else { break }
                if c.type == "tRNS" { photo.hasAlpha = true }
                if c.type == "eXIf" { photo.orientation = ExifOrientation.read(body) ?? 1 }
                if c.type == "acTL" { photo.animated = (ByteReader.u32(body, 0, bigEndian: true) ?? 0) > 1 }
            default:
                // Other critical chunks (upper-case first letter) must be intact; ancillary ones are not read.
                if c.type.first?.isUppercase == true, c.length <= crcCheckLimit { _ = try checkedData(file, c) }
            }
            pos = c.end
        }
        throw PhotoError.damaged(.png, "more than \(maxChunks) chunks before the image data")
    }

    /// The chunk header at `offset`; nil at the end of the file. Throws when the header is not a
    /// chunk or the chunk runs past the end of the file.
    static func chunk(_ file: PhotoFile, at offset: Int) throws -> Chunk? {
        let b = file.read(offset, 8)
        if b.isEmpty { return nil }
        guard b.count == 8, let length = ByteReader.u32(b, 0, bigEndian: true) else {
            throw PhotoError.cutShort(.png, "the file ends inside a chunk header at byte \(offset)")
        }
        let type = ByteReader.fourCC(b, 4)
        guard length < 0x8000_0000, b[4...7].allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw PhotoError.damaged(.png, "damaged chunk header at byte \(offset) (type \"\(type)\", length \(length))")
        }
        let c = Chunk(offset: offset, length: length, type: type)
        guard c.end <= file.size else { throw PhotoError.cutShort(.png, "\(type) chunk at byte \(offset) runs past the end of the file") }
        return c
    }

    /// A chunk's data after checking its CRC (over type and data); throws "TYPE: CRC error" like libpng.
    static func checkedData(_ file: PhotoFile, _ c: Chunk) throws -> [UInt8] {
        let bytes = file.read(c.offset + 4, c.length + 8)
        guard bytes.count == c.length + 8, let stored = ByteReader.u32(bytes, c.length + 4, bigEndian: true) else {
            throw PhotoError.cutShort(.png, "\(c.type) chunk is cut short")
        }
        let computed = bytes.withUnsafeBufferPointer { b in crc32(0, b.baseAddress, uInt(c.length + 4)) }
        guard Int(computed) == stored else { throw PhotoError.damaged(.png, "\(c.type): CRC error") }
        return Array(bytes[4..<4 + c.length])
    }

    /// Throws when the file does not reach an IEND chunk: the last 12 bytes are checked first, and
    /// only when they are not IEND are the remaining chunk headers walked (data skipped, not read).
    static func checkEnd(_ file: PhotoFile, from offset: Int) throws {
        if file.read(file.size - 12, 12) == iend { return }
        var pos = offset
        for _ in 0..<maxChunks {
            guard let c = try chunk(file, at: pos) else { throw PhotoError.cutShort(.png, "no IEND chunk: the file ends after the image data began") }
            if c.type == "IEND" { return }
            pos = c.end
        }
        throw PhotoError.damaged(.png, "more than \(maxChunks) chunks")
    }
}
