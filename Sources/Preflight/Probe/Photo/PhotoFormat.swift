import Foundation

/// Image formats recognised from their first bytes. IMAGE_PHOTO accepts jpeg, png and webp; the
/// others are named so the rule file can refuse them with a conversion command.
enum PhotoFormat: String, CaseIterable {
    /// JPEG / JFIF / EXIF (`FF D8 FF`).
    case jpeg
    /// PNG (`89 50 4E 47`, the rest of the signature checked by the reader).
    case png
    /// WebP (`RIFF` … `WEBP`).
    case webp
    /// GIF 87a or 89a.
    case gif
    /// Windows bitmap (`BM` with a known info-header size).
    case bmp
    /// TIFF, either byte order (camera raw files built on TIFF too).
    case tiff
    /// HEIF / HEIC (ISO base media `ftyp` with a HEIF brand), the iPhone default.
    case heic
    /// AVIF (ISO base media `ftyp` with an AV1 image brand).
    case avif
    /// JPEG XL, bare codestream or container.
    case jxl

    /// Whether IMAGE_PHOTO takes this format (docs/service-limits.md §3.4: jpg, jpeg, png, webp).
    var isAccepted: Bool { [.jpeg, .png, .webp].contains(self) }

    /// The photo format of a file from its first bytes, by ``ContentSniffer`` (the one detector);
    /// nil when the content is not an image.
    static func sniff(_ head: [UInt8]) -> PhotoFormat? {
        PhotoFormat(rawValue: ContentSniffer.detect(head))
    }
}
