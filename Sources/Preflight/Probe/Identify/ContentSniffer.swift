import Foundation

/// Recognises a file's type from its first bytes (magic numbers), never from its name: the one
/// media-type detector behind `file.detected_type`, the photo, audio, video and bundle probes, the
/// slot guess and the wrong-kind hint.
public enum ContentSniffer {
    /// How many leading bytes ``detect(_:)`` looks at (enough for the second MPEG-TS sync byte at 188).
    public static let headerLength = 192

    /// The short type name (`mp4`, `mov`, `pdf`, `png`, `jxl` …), `empty`, or `unknown`.
    ///
    /// Only the first ``headerLength`` bytes of `head` are looked at, so a longer head gives the same answer.
    public static func detect(_ head: [UInt8]) -> String {
        let head = head.count > headerLength ? Array(head.prefix(headerLength)) : head
        func at(_ offset: Int, _ ascii: String) -> Bool { ByteReader.matches(head, offset, ascii) }
        func starts(_ bytes: [UInt8]) -> Bool { ByteReader.starts(head, with: bytes) }
        if head.isEmpty { return "empty" }
        if at(4, "ftyp") { return ISOBrand(ftyp: head).detectedType }
        if at(4, "moov") || at(4, "mdat") || at(4, "wide") || at(4, "free") || at(4, "skip") { return "mov" }
        if at(0, "%PDF-") { return "pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if at(0, "GIF87a") || at(0, "GIF89a") { return "gif" }
        if at(0, "RIFF") && at(8, "WEBP") { return "webp" }
        if at(0, "RIFF") && at(8, "WAVE") { return "wav" }
        if at(0, "RIFF") && at(8, "AVI ") { return "avi" }
        if at(0, "RF64") || at(0, "BW64") { return "wav" }
        // "BM" alone starts plenty of text; a bitmap also has a known info-header size at 14.
        if at(0, "BM"), let info = ByteReader.u32(head, 14, bigEndian: false), bitmapInfoSizes.contains(info) { return "bmp" }
        // Classic TIFF (42) and BigTIFF (43), either byte order.
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B]) { return "tiff" }
        // JPEG XL: a bare codestream, or the ISO container's signature box.
        if starts([0xFF, 0x0A]) || starts([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]) { return "jxl" }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return containsASCII(head, "webm") ? "webm" : "matroska" }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return "zip" }
        if starts([0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]) { return "asf" }
        if at(0, "ID3") { return "mp3" }
        if at(0, "fLaC") { return "flac" }
        if at(0, "OggS") { return "ogg" }
        if head.count >= 2, head[0] == 0xFF, head[1] & 0xF6 == 0xF0 { return "aac" }
        if head.count >= 2, head[0] == 0xFF, head[1] & 0xE0 == 0xE0 { return "mp3" }
        // MPEG-TS: sync bytes 188 apart (a head too short to hold the second counts on the first).
        if head.count >= 1, head[0] == 0x47, head.count < 189 || head[188] == 0x47 { return "mpegts" }
        return "unknown"
    }

    /// The detected type of the file at `url` from its first bytes, or nil when it cannot be
    /// opened as a regular file (missing, a folder, a FIFO, no permission).
    public static func detect(fileAt url: URL) -> String? {
        guard let source = try? FileByteSource(url: url) else { return nil }
        let head = source.head(headerLength)
        return source.failure == nil ? detect(head) : nil
    }

    /// BITMAPINFOHEADER sizes of the bitmap variants (core, OS/2, v1 to v5).
    static let bitmapInfoSizes: Set<Int> = [12, 16, 40, 52, 56, 64, 108, 124]

    /// Extensions usually used for each detected type.
    public static let extensions: [String: Set<String>] = [
        "mp4": ["mp4", "m4v"], "mov": ["mov", "qt"], "m4a": ["m4a", "m4b", "aac"], "3gp": ["3gp", "3g2"],
        "pdf": ["pdf"], "png": ["png"], "jpeg": ["jpg", "jpeg", "jpe", "jfif"], "gif": ["gif"], "webp": ["webp"],
        "wav": ["wav", "wave"], "avi": ["avi"], "bmp": ["bmp"], "tiff": ["tif", "tiff"], "matroska": ["mkv", "mka", "mk3d"],
        "webm": ["webm"], "zip": ["zip"], "asf": ["asf", "wma", "wmv"], "mp3": ["mp3"], "flac": ["flac"],
        "ogg": ["ogg", "oga", "opus"], "aac": ["aac"], "mpegts": ["ts", "mts", "m2ts"], "heic": ["heic", "heif"], "avif": ["avif"],
        "jxl": ["jxl"],
    ]

    private static func containsASCII(_ head: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard head.count >= needle.count else { return false }
        for i in 0...(head.count - needle.count) where ByteReader.matches(head, i, text) { return true }
        return false
    }
}
