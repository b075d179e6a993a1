import Foundation

/// The default safety limits of the photo probe (``ProbeOptions/photoMaxSide`` and
/// ``ProbeOptions/photoMaxPixels``): a photo declaring more pixels is refused before anything is
/// sized from its dimensions.
public enum PhotoLimits {
    /// The longest side read, in pixels (JPEG allows 65 535, PNG 2^31 − 1).
    public static let maxSide = 30_000
    /// The most pixels read (400 megapixels, about 20 000 × 20 000).
    public static let maxPixels = 400_000_000
}

/// The probe errors of photos, with their messages in both languages.
enum PhotoError {
    /// The content is not a photo at all (`type` is what the content sniffer saw).
    static func notAPhoto(_ type: String) -> ProbeError {
        ProbeError(.wrongKind, LocalizedText(
            zh: "文件内容是 \(type)，不是照片（jpg、png 或 webp）。",
            en: "The file's content is \(type), not a photo (jpg, png or webp)."))
    }

    /// The file has no bytes.
    static func empty(_ name: String) -> ProbeError {
        ProbeError(.empty, LocalizedText(zh: "文件是空的（0 字节）：\(name)", en: "The file is empty (0 bytes): \(name)"))
    }

    /// The structure is broken; `detail` says where (the library's own message when there is one).
    static func damaged(_ format: PhotoFormat, _ detail: String) -> ProbeError {
        ProbeError(.unreadable, LocalizedText(
            zh: "\(format.rawValue.uppercased()) 文件已损坏，无法读取。",
            en: "The \(format.rawValue.uppercased()) file is damaged and cannot be read."), detail: detail)
    }

    /// The file ends before its image does (an interrupted copy or download).
    static func cutShort(_ format: PhotoFormat, _ detail: String) -> ProbeError {
        ProbeError(.unreadable, LocalizedText(
            zh: "\(format.rawValue.uppercased()) 文件不完整（在结尾之前被截断），可能未完整拷贝或下载。",
            en: "The \(format.rawValue.uppercased()) file is cut short before its end (an incomplete copy or download)."), detail: detail)
    }

    /// Declared dimensions beyond the limits of `options`.
    static func tooLarge(width: Int, height: Int, options: ProbeOptions) -> ProbeError {
        let megapixels = FactFormatting.trim(Double(options.photoMaxPixels) / 1_000_000, digits: 1)
        return ProbeError(.limitExceeded, LocalizedText(
            zh: "照片声明的尺寸为 \(width)x\(height)，超过安全上限（每边 \(options.photoMaxSide) 像素、共 \(megapixels) 百万像素），未继续读取；可用 --max-image-side、--max-image-pixels 放宽。",
            en: "The photo declares \(width)x\(height) pixels, beyond the safety limit (\(options.photoMaxSide) px per side, \(megapixels) megapixels); it was not read further (raise --max-image-side or --max-image-pixels to allow more)."))
    }

    /// Throws ``tooLarge(width:height:options:)`` when the declared size is over the limits.
    static func checkLimits(width: Int, height: Int, options: ProbeOptions) throws {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if width > options.photoMaxSide || height > options.photoMaxSide || overflow || pixels > options.photoMaxPixels {
            throw tooLarge(width: width, height: height, options: options)
        }
    }
}
