import Foundation

/// Reads the size and rotation of a HEIC or AVIF image from its `meta` box: the primary item
/// (`pitm`), its properties (`iprp`/`ipco`, associated by `ipma`): `ispe` (size) and `irot` (rotation).
/// Nothing is decoded; a file whose boxes cannot be followed still gives its format.
enum HEIFPhoto {
    /// The largest `meta` box read.
    static let metaReadLimit = 4 << 20
    /// The most boxes looked at on one level.
    static let maxBoxes = 4096

    /// A box in a buffer: its type and the range of its payload.
    struct Box {
        /// Four-character type.
        let type: String
        /// Payload start.
        let start: Int
        /// Payload end.
        let end: Int
    }

    /// The header facts, as far as the boxes allow.
    static func read(_ file: PhotoFile, format: PhotoFormat) -> PhotoHeader {
        var photo = PhotoHeader(format: format)
        guard let meta = topLevelMeta(file) else { return photo }
        let b = file.read(meta.offset, meta.size)
        guard b.count == meta.size else { return photo }
        let children = boxes(b, from: meta.payload + 4, to: b.count)  // meta is a full box
        var primary: Int?
        if let pitm = children.first(where: { $0.type == "pitm" }), pitm.start < b.count {
            primary = b[pitm.start] == 0 ? ByteReader.u16(b, pitm.start + 4, bigEndian: true) : ByteReader.u32(b, pitm.start + 4, bigEndian: true)
        }
        guard let iprp = children.first(where: { $0.type == "iprp" }) else { return photo }
        let iprpChildren = boxes(b, from: iprp.start, to: iprp.end)
        guard let ipco = iprpChildren.first(where: { $0.type == "ipco" }) else { return photo }
        let properties = boxes(b, from: ipco.start, to: ipco.end)
        let ispes = properties.enumerated().compactMap { (i, p) -> (index: Int, w: Int, h: Int)? in
            guard p.type == "ispe", let w = ByteReader.u32(b, p.start + 4, bigEndian: true),
                  let h = ByteReader.u32(b, p.start + 8, bigEndian: true), p.start + 12 <= p.end else { return nil }
            return (i + 1, w, h)
        }
        var associated: Set<Int> = []
        if let primary, let ipma = iprpChildren.first(where: { $0.type == "ipma" }) {
            associated = associations(b, ipma, item: primary)
        }
        let size = ispes.first(where: { associated.contains($0.index) }) ?? ispes.max(by: { $0.w * $0.h < $1.w * $1.h })
        if let size, size.w > 0, size.h > 0 {
            photo.width = size.w
            photo.height = size.h
        }
        for (i, p) in properties.enumerated() where p.type == "irot" && associated.contains(i + 1) && p.start < p.end {
            // irot turns anticlockwise by 90° steps; EXIF 8, 3, 6 name the same turns.
            photo.orientation = [1, 8, 3, 6][Int(b[p.start] & 3)]
        }
        return photo
    }

    /// The boxes between `from` and `to` (size 0 = to the end, size 1 = 64-bit size).
    static func boxes(_ b: [UInt8], from: Int, to: Int) -> [Box] {
        var out: [Box] = []
        var pos = from
        while pos + 8 <= to, out.count < maxBoxes, let size32 = ByteReader.u32(b, pos, bigEndian: true) {
            var header = 8, size = size32
            if size32 == 1 {
                guard let large = ByteReader.u64(b, pos + 8, bigEndian: true) else { break }
                header = 16; size = large
            } else if size32 == 0 {
                size = to - pos
            }
            guard size >= header, size <= to - pos else { break }
            out.append(Box(type: ByteReader.fourCC(b, pos + 4), start: pos + header, end: pos + size))
            pos += size
        }
        return out
    }

    /// The 1-based property indices `ipma` associates with `item`.
    static func associations(_ b: [UInt8], _ ipma: Box, item: Int) -> Set<Int> {
        guard ipma.start + 8 <= ipma.end, let count = ByteReader.u32(b, ipma.start + 4, bigEndian: true) else { return [] }
        let version = Int(b[ipma.start]), wide = b[ipma.start + 3] & 1 == 1
        var pos = ipma.start + 8
        for _ in 0..<min(count, 1 << 16) {
            let id = version < 1 ? ByteReader.u16(b, pos, bigEndian: true) : ByteReader.u32(b, pos, bigEndian: true)
            pos += version < 1 ? 2 : 4
            guard let id, pos < ipma.end else { return [] }
            let n = Int(b[pos]); pos += 1
            var indices: Set<Int> = []
            for _ in 0..<n {
                if wide {
                    guard let v = ByteReader.u16(b, pos, bigEndian: true) else { return [] }
                    indices.insert(v & 0x7FFF); pos += 2
                } else {
                    guard pos < ipma.end else { return [] }
                    indices.insert(Int(b[pos] & 0x7F)); pos += 1
                }
            }
            if id == item { return indices }
        }
        return []
    }

    /// Where the top-level `meta` box is (offset, size, payload offset within it).
    static func topLevelMeta(_ file: PhotoFile) -> (offset: Int, size: Int, payload: Int)? {
        var pos = 0
        for _ in 0..<64 {
            let h = file.read(pos, 16)
            guard h.count >= 8, let size32 = ByteReader.u32(h, 0, bigEndian: true) else { return nil }
            var header = 8, size = size32
            if size32 == 1 {
                guard let large = ByteReader.u64(h, 8, bigEndian: true) else { return nil }
                header = 16; size = large
            } else if size32 == 0 {
                size = file.size - pos
            }
            guard size >= header, size <= file.size - pos else { return nil }
            if ByteReader.matches(h, 4, "meta") { return size <= metaReadLimit ? (pos, size, header) : nil }
            pos += size
        }
        return nil
    }
}
