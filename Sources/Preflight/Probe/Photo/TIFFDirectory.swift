import Foundation

/// Reads TIFF image file directories (IFDs): the structure of a TIFF file and of an EXIF block.
///
/// Every offset is bounds-checked; the chain of directories is followed at most ``maxDirectories``
/// steps and never back to a directory already read, so a looping file cannot hang the probe.
struct TIFFDirectory {
    /// The most directories followed along the next-IFD chain.
    static let maxDirectories = 16
    /// The most entries read from one directory.
    static let maxEntries = 1024

    /// One 12-byte entry: tag, type, count and the 4-byte value-or-offset field.
    struct Entry: Equatable {
        /// The tag (0x0112 orientation …).
        let tag: Int
        /// The field type (3 SHORT, 4 LONG …).
        let type: Int
        /// How many values.
        let count: Int
        /// The value when it fits in 4 bytes, else the offset of the values.
        let field: [UInt8]
    }

    /// Entries by tag.
    let entries: [Int: Entry]
    /// Offset of the next directory (0 when none).
    let next: Int

    /// The byte order and the first directory's offset, from the 8-byte header (`II*\0` or `MM\0*`).
    static func header(_ b: [UInt8]) -> (bigEndian: Bool, first: Int)? {
        guard b.count >= 8 else { return nil }
        let big: Bool
        if b[0] == 0x49, b[1] == 0x49 { big = false } else if b[0] == 0x4D, b[1] == 0x4D { big = true } else { return nil }
        guard ByteReader.u16(b, 2, bigEndian: big) == 42, let first = ByteReader.u32(b, 4, bigEndian: big) else { return nil }
        return (big, first)
    }

    /// The directory at `offset`, reading through `read(offset, count)`; nil when it lies outside the data.
    static func read(at offset: Int, bigEndian big: Bool, using read: (Int, Int) -> [UInt8]) -> TIFFDirectory? {
        guard offset >= 8, let count = ByteReader.u16(read(offset, 2), 0, bigEndian: big), count > 0 else { return nil }
        let n = min(count, maxEntries)
        let body = read(offset + 2, n * 12 + 4)
        var entries: [Int: Entry] = [:]
        for k in 0..<n {
            let at = k * 12
            guard at + 12 <= body.count, let tag = ByteReader.u16(body, at, bigEndian: big), let type = ByteReader.u16(body, at + 2, bigEndian: big),
                  let c = ByteReader.u32(body, at + 4, bigEndian: big) else { break }
            if entries[tag] == nil { entries[tag] = Entry(tag: tag, type: type, count: c, field: Array(body[at + 8..<at + 12])) }
        }
        let next = n == count ? ByteReader.u32(body, n * 12, bigEndian: big) ?? 0 : 0
        return TIFFDirectory(entries: entries, next: next)
    }

    /// The directories along the next-IFD chain from `first`, stopping at a loop or after ``maxDirectories``.
    static func chain(from first: Int, bigEndian big: Bool, using read: (Int, Int) -> [UInt8]) -> [TIFFDirectory] {
        var out: [TIFFDirectory] = []
        var seen = Set<Int>()
        var offset = first
        while offset != 0, out.count < maxDirectories, seen.insert(offset).inserted,
              let directory = Self.read(at: offset, bigEndian: big, using: read) {
            out.append(directory)
            offset = directory.next
        }
        return out
    }

    /// The first value of an integer entry (BYTE, SHORT or LONG), read from its offset when it does not fit inline.
    func integer(_ tag: Int, bigEndian big: Bool, using read: (Int, Int) -> [UInt8]) -> Int? {
        guard let e = entries[tag], e.count >= 1 else { return nil }
        let width: Int
        switch e.type {
        case 1: width = 1
        case 3: width = 2
        case 4: width = 4
        default: return nil
        }
        let bytes = e.count * width <= 4 ? e.field : (ByteReader.u32(e.field, 0, bigEndian: big).map { read($0, width) } ?? [])
        switch width {
        case 1: return bytes.first.map(Int.init)
        case 2: return ByteReader.u16(bytes, 0, bigEndian: big)
        default: return ByteReader.u32(bytes, 0, bigEndian: big)
        }
    }
}

/// The EXIF orientation (tag 0x0112 of IFD0) of an EXIF block.
enum ExifOrientation {
    /// Orientation 1–8 from a TIFF-structured EXIF block (with or without the `Exif\0\0` prefix);
    /// nil when absent, out of range or unreadable.
    static func read(_ exif: [UInt8]) -> Int? {
        let data = ByteReader.matches(exif, 0, "Exif\0\0") ? Array(exif.dropFirst(6)) : exif
        guard let (big, first) = TIFFDirectory.header(data) else { return nil }
        let read: (Int, Int) -> [UInt8] = { offset, count in
            guard offset >= 0, offset < data.count, count > 0 else { return [] }
            return Array(data[offset..<min(data.count, offset + count)])
        }
        guard let ifd0 = TIFFDirectory.read(at: first, bigEndian: big, using: read),
              let value = ifd0.integer(0x0112, bigEndian: big, using: read), (1...8).contains(value) else { return nil }
        return value
    }
}
