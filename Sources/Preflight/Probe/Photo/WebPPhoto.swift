import Foundation
import CWebP

/// Reads a WebP's features with libwebp's header API (`WebPGetFeatures`, no decoding) and its
/// EXIF orientation by walking the RIFF chunk headers; checks the RIFF size against the file.
enum WebPPhoto {
    /// The most RIFF chunks walked looking for EXIF (animations have one per frame).
    static let maxChunks = 1 << 16
    /// The most EXIF bytes read (IFD0 sits at the start).
    static let exifReadLimit = 256 * 1024

    /// The header facts. Throws ``ProbeError`` for damaged, cut-short or oversized files.
    static func read(_ file: PhotoFile, options: ProbeOptions) throws -> PhotoHeader {
        let head = file.head
        guard let riffSize = ByteReader.u32(head, 4, bigEndian: false), riffSize >= 4 else {
            throw PhotoError.damaged(.webp, "invalid RIFF header")
        }
        if 8 + riffSize > file.size {
            throw PhotoError.cutShort(.webp, "the RIFF header declares \(8 + riffSize) bytes, the file has \(file.size)")
        }
        var features = WebPBitstreamFeatures()
        let status = head.withUnsafeBufferPointer { b in WebPGetFeatures(b.baseAddress, b.count, &features) }
        guard status == VP8_STATUS_OK else { throw PhotoError.damaged(.webp, "WebPGetFeatures: \(statusName(status))") }
        let width = Int(features.width), height = Int(features.height)
        guard width > 0, height > 0 else { throw PhotoError.damaged(.webp, "zero image dimensions") }
        try PhotoError.checkLimits(width: width, height: height, options: options)
        var photo = PhotoHeader(format: .webp, width: width, height: height)
        photo.colorSpace = "rgb"
        photo.bitDepth = 8
        photo.progressive = false
        photo.animated = features.has_animation != 0
        photo.hasAlpha = features.has_alpha != 0
        if ByteReader.matches(head, 12, "VP8X"), let exif = exifChunk(file, riffEnd: min(8 + riffSize, file.size)) {
            photo.orientation = ExifOrientation.read(exif) ?? 1
        }
        return photo
    }

    /// The data of the EXIF chunk of an extended (VP8X) file, found by walking the chunk headers.
    static func exifChunk(_ file: PhotoFile, riffEnd: Int) -> [UInt8]? {
        var pos = 12
        for _ in 0..<maxChunks {
            let header = file.read(pos, 8)
            guard header.count == 8, let size = ByteReader.u32(header, 4, bigEndian: false) else { return nil }
            if ByteReader.matches(header, 0, "EXIF") { return file.read(pos + 8, min(size, exifReadLimit)) }
            pos += 8 + size + (size & 1)
            if pos >= riffEnd { return nil }
        }
        return nil
    }

    /// libwebp's status code by name.
    static func statusName(_ status: VP8StatusCode) -> String {
        switch status {
        case VP8_STATUS_OUT_OF_MEMORY: return "out of memory"
        case VP8_STATUS_INVALID_PARAM: return "invalid parameter"
        case VP8_STATUS_BITSTREAM_ERROR: return "bitstream error"
        case VP8_STATUS_UNSUPPORTED_FEATURE: return "unsupported feature"
        case VP8_STATUS_SUSPENDED: return "suspended"
        case VP8_STATUS_USER_ABORT: return "user abort"
        case VP8_STATUS_NOT_ENOUGH_DATA: return "not enough data (the file is cut short)"
        default: return "status \(status.rawValue)"
        }
    }
}
