import Foundation

extension FactDefinition {
    /// Facts of a photo, read from headers and metadata only (no pixel decoding).
    static let photoFacts: [FactDefinition] = [
        .init(name: "photo.format", dimension: .text, summary: "Image format from the content: jpeg, png, webp, or the refused heic, avif, gif, bmp, tiff, jxl."),
        .init(name: "photo.width", dimension: .pixels, summary: "Stored width."),
        .init(name: "photo.height", dimension: .pixels, summary: "Stored height."),
        .init(name: "photo.orientation", dimension: .count, summary: "EXIF orientation 1–8 (1 when absent)."),
        .init(name: "photo.display_width", dimension: .pixels, summary: "Width after the EXIF orientation (orientations 5–8 swap the sides)."),
        .init(name: "photo.display_height", dimension: .pixels, summary: "Height after the EXIF orientation."),
        .init(name: "photo.aspect", dimension: .text, summary: "Nearest named ratio (1:1, 9:16, 16:9, 4:3, 3:4 …) of the displayed photo."),
        .init(name: "photo.aspect_error", dimension: .count, summary: "Relative difference between the photo's ratio and photo.aspect (0.01 = 1 %)."),
        .init(name: "photo.short_side", dimension: .pixels, summary: "The shorter displayed side."),
        .init(name: "photo.nearest_allowed_aspect", dimension: .text, summary: "The IMAGE_PHOTO ratio (1:1, 9:16, 16:9, 4:3) nearest to the displayed photo's; a tie goes to the same orientation."),
        .init(name: "photo.crop_to_allowed", dimension: .text, summary: "Largest centred crop of exactly photo.nearest_allowed_aspect, in displayed pixels, as ImageMagick geometry WxH+X+Y."),
        .init(name: "photo.color_space", dimension: .text, summary: "gray, rgb, cmyk, ycck or unknown (palette images are rgb)."),
        .init(name: "photo.bit_depth", dimension: .count, summary: "Bits per sample."),
        .init(name: "photo.progressive", dimension: .flag, summary: "Progressive (JPEG) or interlaced (PNG) encoding."),
        .init(name: "photo.animated", dimension: .flag, summary: "Whether the image is animated (WebP)."),
        .init(name: "photo.has_alpha", dimension: .flag, summary: "Whether the image has an alpha channel."),
    ]
}
