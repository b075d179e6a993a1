import Foundation

/// Cheap header reads of the formats IMAGE_PHOTO refuses (GIF, BMP, TIFF, HEIC, AVIF, JPEG XL):
/// enough to name the format and, where a few bytes tell, the dimensions. They never throw for
/// damage: the format alone is already a finding.
enum RefusedPhotoFormats {
    /// What can be read cheaply of a refused format.
    static func read(_ file: PhotoFile, format: PhotoFormat) -> PhotoHeader {
        switch format {
        case .gif: return gif(file)
        case .bmp: return bmp(file)
        case .tiff: return tiff(file)
        case .heic, .avif: return HEIFPhoto.read(file, format: format)
        default: return PhotoHeader(format: format)
        }
    }

    /// Logical screen size (bytes 6–9, little-endian).
    static func gif(_ file: PhotoFile) -> PhotoHeader {
        var photo = PhotoHeader(format: .gif)
        if let w = ByteReader.u16(file.head, 6, bigEndian: false), let h = ByteReader.u16(file.head, 8, bigEndian: false), w > 0, h > 0 {
            photo.width = w; photo.height = h
        }
        photo.colorSpace = "rgb"
        photo.bitDepth = 8
        return photo
    }

    /// Size and bits per pixel from the info header (OS/2 12-byte or Windows 40+ byte); a negative height means top-down rows.
    static func bmp(_ file: PhotoFile) -> PhotoHeader {
        var photo = PhotoHeader(format: .bmp)
        let b = file.head
        guard let info = ByteReader.u32(b, 14, bigEndian: false) else { return photo }
        if info == 12 {
            photo.width = ByteReader.u16(b, 18, bigEndian: false)
            photo.height = ByteReader.u16(b, 20, bigEndian: false)
            photo.bitDepth = ByteReader.u16(b, 24, bigEndian: false)
        } else if let w = ByteReader.u32(b, 18, bigEndian: false), let h = ByteReader.u32(b, 22, bigEndian: false) {
            let signedHeight = Int(Int32(truncatingIfNeeded: UInt32(h)))
            photo.width = Int(Int32(truncatingIfNeeded: UInt32(w)))
            photo.height = signedHeight == Int(Int32.min) ? nil : abs(signedHeight)
            photo.bitDepth = ByteReader.u16(b, 28, bigEndian: false)
        }
        if let w = photo.width, let h = photo.height, w <= 0 || h <= 0 { photo.width = nil; photo.height = nil }
        return photo
    }

    /// Size, orientation and colour of the first full-resolution directory (NewSubfileType bit 0 clear).
    static func tiff(_ file: PhotoFile) -> PhotoHeader {
        var photo = PhotoHeader(format: .tiff)
        guard let (big, first) = TIFFDirectory.header(file.head) else { return photo }
        let read: (Int, Int) -> [UInt8] = { file.read($0, $1) }
        let directories = TIFFDirectory.chain(from: first, bigEndian: big, using: read)
        guard let d = directories.first(where: { ($0.integer(254, bigEndian: big, using: read) ?? 0) & 1 == 0 }) ?? directories.first else { return photo }
        if let w = d.integer(256, bigEndian: big, using: read), let h = d.integer(257, bigEndian: big, using: read), w > 0, h > 0 {
            photo.width = w; photo.height = h
        }
        if let o = d.integer(274, bigEndian: big, using: read), (1...8).contains(o) { photo.orientation = o }
        photo.bitDepth = d.integer(258, bigEndian: big, using: read) ?? 1
        switch d.integer(262, bigEndian: big, using: read) {
        case 0, 1: photo.colorSpace = "gray"
        case 2, 3, 6: photo.colorSpace = "rgb"
        case 5: photo.colorSpace = "cmyk"
        default: photo.colorSpace = "unknown"
        }
        photo.hasAlpha = d.entries[338] != nil
        return photo
    }
}
