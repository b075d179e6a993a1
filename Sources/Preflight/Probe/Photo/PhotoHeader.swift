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
        f.set("photo.format", format.rawValue)
        f.set("photo.width", width)
        f.set("photo.height", height)
        f.set("photo.orientation", orientation)
        f.set("photo.color_space", colorSpace)
        f.set("photo.bit_depth", bitDepth)
        if let progressive { f.set("photo.progressive", progressive) }
        if let animated { f.set("photo.animated", animated) }
        if let hasAlpha { f.set("photo.has_alpha", hasAlpha) }
        if let width, let height, width > 0, height > 0 {
            let (w, h) = swapsSides ? (height, width) : (width, height)
            f.set("photo.display_width", w)
            f.set("photo.display_height", h)
            f.set("photo.short_side", min(w, h))
            let named = PhotoAspect.nearest(width: w, height: h, among: PhotoAspect.named)
            f.set("photo.aspect", named.ratio.name)
            f.set("photo.aspect_error", (named.error * 10_000).rounded() / 10_000)
            let allowed = PhotoAspect.nearest(width: w, height: h, among: PhotoAspect.allowed)
            f.set("photo.nearest_allowed_aspect", allowed.ratio.name)
            f.set("photo.crop_to_allowed", PhotoAspect.crop(width: w, height: h, to: allowed.ratio))
        }
        return f
    }
}
