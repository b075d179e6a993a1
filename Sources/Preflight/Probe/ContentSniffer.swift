import Foundation

/// Recognises a file's type from its first bytes (magic numbers), never from its name.
public enum ContentSniffer {
    /// How many leading bytes ``detect(_:)`` looks at.
    public static let headerLength = 64

    /// The short type name (`mp4`, `mov`, `pdf`, `png` …) or `unknown`.
    public static func detect(_ head: [UInt8]) -> String {
        func at(_ offset: Int, _ ascii: String) -> Bool {
            let bytes = Array(ascii.utf8)
            guard head.count >= offset + bytes.count else { return false }
            return Array(head[offset..<offset + bytes.count]) == bytes
        }
        func starts(_ bytes: [UInt8]) -> Bool { head.count >= bytes.count && Array(head.prefix(bytes.count)) == bytes }
        if head.isEmpty { return "empty" }
        if at(4, "ftyp") {
            let brand = head.count >= 12 ? String(decoding: head[8..<12], as: UTF8.self) : ""
            switch brand {
            case "qt  ": return "mov"
            case "M4A ", "M4B ", "M4P ": return "m4a"
            case "heic", "heix", "mif1", "msf1", "hevc": return "heic"
            case "avif", "avis": return "avif"
            case _ where brand.hasPrefix("3g"): return "3gp"
            default: return "mp4"
            }
        }
        if at(4, "moov") || at(4, "mdat") || at(4, "wide") || at(4, "free") || at(4, "skip") { return "mov" }
        if at(0, "%PDF-") { return "pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if at(0, "GIF87a") || at(0, "GIF89a") { return "gif" }
        if at(0, "RIFF") && at(8, "WEBP") { return "webp" }
        if at(0, "RIFF") && at(8, "WAVE") { return "wav" }
        if at(0, "RIFF") && at(8, "AVI ") { return "avi" }
        if at(0, "RF64") || at(0, "BW64") { return "wav" }
        if at(0, "BM") && head.count >= 26 { return "bmp" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "tiff" }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return at(0, "") && containsASCII(head, "webm") ? "webm" : "matroska" }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return "zip" }
        if starts([0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]) { return "asf" }
        if at(0, "ID3") { return "mp3" }
        if at(0, "fLaC") { return "flac" }
        if at(0, "OggS") { return "ogg" }
        if head.count >= 2, head[0] == 0xFF, head[1] & 0xF6 == 0xF0 { return "aac" }
        if head.count >= 2, head[0] == 0xFF, head[1] & 0xE0 == 0xE0 { return "mp3" }
        if head.count >= 1, head[0] == 0x47, head.count < 189 || head[188 % head.count] == 0x47 { return "mpegts" }
        return "unknown"
    }

    /// Extensions usually used for each detected type.
    public static let extensions: [String: Set<String>] = [
        "mp4": ["mp4", "m4v"], "mov": ["mov", "qt"], "m4a": ["m4a", "m4b", "aac"], "3gp": ["3gp", "3g2"],
        "pdf": ["pdf"], "png": ["png"], "jpeg": ["jpg", "jpeg", "jpe", "jfif"], "gif": ["gif"], "webp": ["webp"],
        "wav": ["wav", "wave"], "avi": ["avi"], "bmp": ["bmp"], "tiff": ["tif", "tiff"], "matroska": ["mkv", "mka", "mk3d"],
        "webm": ["webm"], "zip": ["zip"], "asf": ["asf", "wma", "wmv"], "mp3": ["mp3"], "flac": ["flac"],
        "ogg": ["ogg", "oga", "opus"], "aac": ["aac"], "mpegts": ["ts", "mts", "m2ts"], "heic": ["heic", "heif"], "avif": ["avif"],
    ]

    private static func containsASCII(_ head: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard head.count >= needle.count else { return false }
        for i in 0...(head.count - needle.count) where Array(head[i..<i + needle.count]) == needle { return true }
        return false
    }
}
