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

    /// The format of a file from its first bytes (at least 32 are needed for HEIF brands), or nil.
    static func sniff(_ head: [UInt8]) -> PhotoFormat? {
        func starts(_ bytes: [UInt8]) -> Bool { head.count >= bytes.count && Array(head.prefix(bytes.count)) == bytes }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return .png }
        if PhotoBytes.matches(head, 0, "RIFF") && PhotoBytes.matches(head, 8, "WEBP") { return .webp }
        if PhotoBytes.matches(head, 0, "GIF87a") || PhotoBytes.matches(head, 0, "GIF89a") { return .gif }
        if PhotoBytes.matches(head, 0, "BM"), let info = PhotoBytes.u32(head, 14, bigEndian: false),
           [12, 16, 40, 52, 56, 64, 108, 124].contains(info) { return .bmp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B]) { return .tiff }
        if starts([0xFF, 0x0A]) || starts([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]) { return .jxl }
        if PhotoBytes.matches(head, 4, "ftyp") { return isoBrand(head) }
        return nil
    }

    /// HEIC or AVIF from the major and compatible brands of an `ftyp` box; nil for video brands.
    private static func isoBrand(_ head: [UInt8]) -> PhotoFormat? {
        guard let boxSize = PhotoBytes.u32(head, 0, bigEndian: true), boxSize >= 16 else { return nil }
        var brands: [String] = [PhotoBytes.fourCC(head, 8)]
        var i = 16
        while i + 4 <= min(boxSize, head.count) {
            brands.append(PhotoBytes.fourCC(head, i))
            i += 4
        }
        if brands.contains(where: { ["avif", "avis"].contains($0) }) { return .avif }
        let heif: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "mif2"]
        if brands.contains(where: heif.contains) { return .heic }
        return nil
    }
}
