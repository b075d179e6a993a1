import Foundation

/// Decodes zip entry names for display and tells how they are stored.
///
/// Names flagged UTF-8 (or carrying an Info-ZIP Unicode Path field) are UTF-8. Unflagged names are
/// read by most tools as CP437, but Chinese Windows archivers write them in GBK: the bytes of all
/// unflagged non-ASCII names are looked at together to guess which.
struct ZipNameDecoder {
    /// How one name is stored.
    enum Storage: String, Sendable {
        /// Only ASCII bytes: read the same by every tool.
        case ascii
        /// UTF-8, flagged or with a Unicode Path field.
        case utf8 = "utf-8"
        /// Valid UTF-8 bytes without the flag: tools that follow the standard read them as CP437.
        case utf8Unflagged = "utf-8-unflagged"
        /// A legacy code page (GBK or CP437, guessed).
        case legacy
    }

    /// The code page guessed for the bundle's legacy names: `gbk` or `cp437` (nil when there are none).
    let legacyGuess: String?
    private let gbk = TextEncodingConverter(from: "GBK")
    private let cp437 = TextEncodingConverter(from: "CP437")

    /// A decoder for the names of these records.
    init(_ records: [ZipDirectoryRecord]) {
        let legacy = records.filter { Self.storage(of: $0) == .legacy }.map(\.rawName)
        legacyGuess = legacy.isEmpty ? nil : (Self.looksLikeGBK(legacy) ? "gbk" : "cp437")
    }

    /// How a record's name is stored.
    static func storage(of record: ZipDirectoryRecord) -> Storage {
        if record.rawName.allSatisfy({ $0 < 0x80 }) { return .ascii }
        if record.utf8Flag || record.unicodePath.map(isUTF8) == true { return .utf8 }
        return isUTF8(record.rawName) ? .utf8Unflagged : .legacy
    }

    /// The name for display, and the encoding it was read in (`ascii`, `utf-8`, `gbk`, `cp437`).
    func decode(_ record: ZipDirectoryRecord) -> (name: String, encoding: String) {
        switch Self.storage(of: record) {
        case .ascii: return (String(decoding: record.rawName, as: UTF8.self), "ascii")
        case .utf8:
            if let path = record.unicodePath, !record.utf8Flag, Self.isUTF8(path) { return (String(decoding: path, as: UTF8.self), "utf-8") }
            return (String(decoding: record.rawName, as: UTF8.self), "utf-8")
        case .utf8Unflagged: return (String(decoding: record.rawName, as: UTF8.self), "utf-8-unflagged")
        case .legacy:
            if legacyGuess == "gbk", let text = gbk?.decode(record.rawName) { return (text, "gbk") }
            if let text = cp437?.decode(record.rawName) { return (text, "cp437") }
            return (String(decoding: record.rawName, as: UTF8.self), "cp437")
        }
    }

    static func isUTF8(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// GBK when every name decodes as GBK and most two-byte characters fall in the GB2312 block of
    /// common characters (both bytes 0xA1–0xFE); CP437 letters (0x80–0xA5) rarely do.
    static func looksLikeGBK(_ names: [[UInt8]]) -> Bool {
        var pairs = 0, common = 0
        for name in names {
            var i = 0
            while i < name.count {
                let b = name[i]
                if b < 0x80 { i += 1; continue }
                guard b >= 0x81, b <= 0xFE, i + 1 < name.count else { return false }
                let t = name[i + 1]
                guard (0x40...0xFE).contains(t), t != 0x7F else { return false }
                pairs += 1
                if b >= 0xA1, t >= 0xA1 { common += 1 }
                i += 2
            }
        }
        return pairs > 0 && Double(common) >= 0.8 * Double(pairs)
    }
}

/// What a zip entry's name says about where it would land when extracted.
enum ZipEntryPath {
    /// Whether extracting the name could write outside the target folder: `..` parts, an absolute
    /// path, a drive letter, backslashes or a NUL.
    static func isUnsafe(_ name: String) -> Bool {
        if name.hasPrefix("/") || name.hasPrefix("\\") || name.contains("\\") || name.contains("\0") { return true }
        let scalars = Array(name.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return true }
        return name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// The last component of a path (after `/` or `\`).
    static func lastComponent(_ name: String) -> String {
        let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
        return String(trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? Substring(trimmed))
    }

    /// Whether the name has a folder part.
    static func isInFolder(_ name: String) -> Bool {
        let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
        return trimmed.contains("/") || trimmed.contains("\\")
    }
}
