import Foundation

/// The container-brand rule for ISO base media files (mp4, mov, m4a, 3gp, HEIF, AVIF share one
/// box layout and one libavformat demuxer): what the `ftyp` brands say the file is.
///
/// The one place that tells mp4 from mov: the content detector, the video probe's
/// `container.format` and the audio probe's `audio.format` all ask it.
struct ISOBrand {
    /// The major brand, trimmed of its padding spaces (`qt`, `isom`, `M4A`, `heic` …); nil without an `ftyp` box.
    let major: String?
    /// The compatible brands, trimmed.
    let compatible: [String]

    /// Brands of AVIF images and image sequences.
    static let avifBrands: Set<String> = ["avif", "avis"]
    /// Brands of HEIF images and sequences (HEVC-coded or generic).
    static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "mif2"]

    /// Brands as libavformat reports them: the `major_brand` and `compatible_brands` tags.
    init(major: String?, compatible: String? = nil) {
        self.major = major?.trimmingCharacters(in: .whitespaces)
        var brands: [String] = []
        let bytes = Array((compatible ?? "").utf8)
        var i = 0
        while i + 4 <= bytes.count {
            brands.append(String(decoding: bytes[i..<i + 4], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            i += 4
        }
        self.compatible = brands
    }

    /// Brands from a file's first bytes, which start with an `ftyp` box; compatible brands past
    /// the end of `head` are not seen.
    init(ftyp head: [UInt8]) {
        guard ByteReader.matches(head, 4, "ftyp"), head.count >= 12 else { major = nil; compatible = []; return }
        major = ByteReader.fourCC(head, 8).trimmingCharacters(in: .whitespaces)
        let boxSize = ByteReader.u32(head, 0, bigEndian: true) ?? 0
        var brands: [String] = []
        var i = 16
        while i + 4 <= min(boxSize, head.count) {
            brands.append(ByteReader.fourCC(head, i).trimmingCharacters(in: .whitespaces))
            i += 4
        }
        compatible = brands
    }

    /// Whether a brand marks an image format: AVIF or HEIF, the image kind.
    var imageType: String? {
        let all = [major].compactMap { $0 } + compatible
        if all.contains(where: Self.avifBrands.contains) { return "avif" }
        if all.contains(where: Self.heifBrands.contains) { return "heic" }
        return nil
    }

    /// The detected type of a file with these brands: `mov` for QuickTime (`qt`) or no brand,
    /// `m4a` for the iTunes audio brands, `3gp` for 3GPP, `avif` / `heic` for image brands
    /// (major or compatible), else `mp4`.
    var detectedType: String {
        switch major {
        case nil, "", "qt": return "mov"
        case "M4A", "M4B", "M4P": return "m4a"
        case let b? where b.hasPrefix("3g"): return "3gp"
        default: return imageType ?? "mp4"
        }
    }
}
