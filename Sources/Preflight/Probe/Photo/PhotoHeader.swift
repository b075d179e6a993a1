import Foundation

/// What a format reader learned from a photo's headers and metadata, before it becomes facts.
struct PhotoHeader: Equatable {
    /// The format found from the content (`jpeg`, `png`, `webp`, or a refused one).
    var format: PhotoFormat
    /// Stored width in pixels, when known.
    var width: Int?
    /// Stored height in pixels, when known.
    var height: Int?
    /// EXIF orientation 1–8 (1 when absent or invalid).
    var orientation = 1
    /// `gray`, `rgb`, `cmyk`, `ycck` or `unknown`.
    var colorSpace: String?
    /// Bits per sample.
    var bitDepth: Int?
    /// Progressive JPEG or interlaced PNG.
    var progressive: Bool?
    /// Animated (WebP, APNG).
    var animated: Bool?
    /// Has an alpha channel (or a transparent palette entry).
    var hasAlpha: Bool?

    /// Whether the orientation swaps width and height (EXIF 5–8 turn the picture by 90°).
    var swapsSides: Bool { (5...8).contains(orientation) }

    /// The `photo.*` facts.
    var facts: Facts {
        var f = Facts()
        f.set(.photoFormat, format.rawValue)
        f.set(.photoWidth, width)
        f.set(.photoHeight, height)
        f.set(.photoOrientation, orientation)
        f.set(.photoColorSpace, colorSpace)
        f.set(.photoBitDepth, bitDepth)
        if let progressive { f.set(.photoProgressive, progressive) }
        if let animated { f.set(.photoAnimated, animated) }
        if let hasAlpha { f.set(.photoHasAlpha, hasAlpha) }
        if let width, let height, width > 0, height > 0 {
            let (w, h) = swapsSides ? (height, width) : (width, height)
            f.set(.photoDisplayWidth, w)
            f.set(.photoDisplayHeight, h)
            f.set(.photoShortSide, min(w, h))
            let named = PhotoAspect.nearest(width: w, height: h, among: PhotoAspect.named)
            f.set(.photoAspect, named.ratio.name)
            f.set(.photoAspectError, (named.error * 10_000).rounded() / 10_000)
            let allowed = PhotoAspect.nearest(width: w, height: h, among: PhotoAspect.allowed)
            f.set(.photoNearestAllowedAspect, allowed.ratio.name)
            f.set(.photoCropToAllowed, PhotoAspect.crop(width: w, height: h, to: allowed.ratio))
        }
        return f
    }
}
