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
        ProbeError(.wrongKind, MediaText.notAPhoto(type))
    }

    /// The file has no bytes.
    static func empty(_ name: String) -> ProbeError {
        ProbeError(.empty, FileText.empty(name))
    }

    /// The structure is broken; `detail` says where (the library's own message when there is one).
    static func damaged(_ format: PhotoFormat, _ detail: String) -> ProbeError {
        ProbeError(.unreadable, MediaText.photoDamaged(format.rawValue.uppercased()), detail: detail)
    }

    /// The file ends before its image does (an interrupted copy or download).
    static func cutShort(_ format: PhotoFormat, _ detail: String) -> ProbeError {
        ProbeError(.unreadable, MediaText.photoCutShort(format.rawValue.uppercased()), detail: detail)
    }

    /// Declared dimensions beyond the limits of `options`.
    static func tooLarge(width: Int, height: Int, options: ProbeOptions) -> ProbeError {
        let megapixels = FactFormatting.trim(Double(options.photoMaxPixels) / 1_000_000, digits: 1)
        return ProbeError(.limitExceeded, MediaText.photoTooLarge(width: width, height: height, maxSide: options.photoMaxSide, megapixels: megapixels))
    }

    /// Throws ``tooLarge(width:height:options:)`` when the declared size is over the limits.
    static func checkLimits(width: Int, height: Int, options: ProbeOptions) throws {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if width > options.photoMaxSide || height > options.photoMaxSide || overflow || pixels > options.photoMaxPixels {
            throw tooLarge(width: width, height: height, options: options)
        }
    }
}
