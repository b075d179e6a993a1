import Foundation
import CPixelDecode

/// A picture reduced to 8-bit luma for looking at its content: faces, sharpness, exposure.
struct GrayPicture: Equatable {
    /// Width in pixels.
    var width: Int
    /// Height in pixels.
    var height: Int
    /// `width * height` luma values, row after row.
    var pixels: [UInt8]

    /// The luma at (`x`, `y`); the caller keeps both inside the picture.
    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The picture as displayed after an EXIF orientation (1–8): turned and mirrored as the tag says.
    func oriented(_ orientation: Int) -> GrayPicture {
        guard (2...8).contains(orientation) else { return self }
        let swaps = orientation >= 5
        let (w, h) = swaps ? (height, width) : (width, height)
        var out = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                // (x, y) in the displayed picture comes from (sx, sy) in the stored one (EXIF 2.3, table of orientations).
                let (sx, sy): (Int, Int)
                switch orientation {
                case 2: (sx, sy) = (width - 1 - x, y)
                case 3: (sx, sy) = (width - 1 - x, height - 1 - y)
                case 4: (sx, sy) = (x, height - 1 - y)
                case 5: (sx, sy) = (y, x)
                case 6: (sx, sy) = (y, height - 1 - x)
                case 7: (sx, sy) = (width - 1 - y, height - 1 - x)
                default: (sx, sy) = (width - 1 - y, x)
                }
                out[y * w + x] = pixels[sy * width + sx]
            }
        }
        return GrayPicture(width: w, height: h, pixels: out)
    }
}

/// Decodes every pixel of a JPEG, PNG or WebP photo (so damaged image data is found, as the service's
/// decoder would find it) into a ``GrayPicture`` of at most ``maxSide`` pixels on its long side.
///
/// Memory stays bounded: the file is read into memory only up to ``maxFileBytes``; PNG rows are
/// reduced one at a time; JPEG uses libjpeg's DCT scaling and then the same row reduction; WebP is
/// scaled by libwebp as it decodes.
enum PhotoPixels {
    /// The long side of the decoded picture: large enough that a face box of 1.5 % of a 4:3
    /// picture (the smallest the rules accept) still spans about 110 px.
    static let maxSide = 1024
    /// The largest file decoded; larger ones (far over the service's 16 MB) are not decoded.
    static let maxFileBytes = 64 << 20

    /// What decoding gave: the picture, or the library's message when the data is damaged.
    enum Outcome: Equatable {
        /// Every pixel decoded.
        case decoded(GrayPicture)
        /// The library refused the pixel data, with its message.
        case damaged(String)
        /// Not decoded (an animated WebP, a file over ``maxFileBytes``, a precision this build cannot read), with why.
        case skipped(String)
    }

    /// Decodes `file` of `format`.
    static func decode(_ file: PhotoFile, format: PhotoFormat, maxSide: Int = maxSide) -> Outcome {
        guard file.size <= maxFileBytes else { return .skipped("larger than \(maxFileBytes >> 20) MiB") }
        let bytes = file.read(0, file.size)
        guard bytes.count == file.size else { return .damaged("the file could not be read whole") }
        var picture = pf_gray_picture()
        var message = [CChar](repeating: 0, count: 512)
        let status: Int32 = bytes.withUnsafeBufferPointer { b in
            switch format {
            case .jpeg: return pf_jpeg_decode_gray(b.baseAddress, b.count, Int32(maxSide), &picture, &message, message.count)
            case .png: return pf_png_decode_gray(b.baseAddress, b.count, Int32(maxSide), &picture, &message, message.count)
            case .webp: return pf_webp_decode_gray(b.baseAddress, b.count, Int32(maxSide), &picture, &message, message.count)
            default: return 2
            }
        }
        defer { pf_gray_picture_free(&picture) }
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch status {
        case 0:
            let count = Int(picture.width) * Int(picture.height)
            guard count > 0, let base = picture.pixels else { return .damaged("no pixels") }
            return .decoded(GrayPicture(width: Int(picture.width), height: Int(picture.height),
                                        pixels: Array(UnsafeBufferPointer(start: base, count: count))))
        case 1: return .skipped("animated WebP")
        case 2: return .skipped("\(format.rawValue) is not decoded")
        default: return .damaged(text.isEmpty ? "\(format.rawValue) decoder error" : text)
        }
    }
}
