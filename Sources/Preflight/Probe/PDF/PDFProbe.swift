import Foundation

/// Measures an authorization PDF without any PDF library: version, encryption, whether it opens
/// without a password, and page count.
///
/// Lenient like real readers (a broken cross-reference table is rebuilt by scanning for objects;
/// PDF 1.5 object streams and cross-reference streams are read), yet safe on any input: every index
/// is checked and recursion, parsing and inflating are bounded.
public enum PDFProbe {
    /// Reads at most `byteLimit` bytes of the file at `url` and returns its facts:
    /// `pdf.version` (text such as `"1.7"`), `pdf.encrypted` and `pdf.readable` (flags) and
    /// `pdf.page_count` (count, omitted when it cannot be determined, e.g. pages only inside
    /// encrypted object streams of a password-protected file).
    ///
    /// Throws ``ProbeError`` `.missing`, `.notAFile`, `.empty`, `.limitExceeded` (larger than
    /// `byteLimit`), `.wrongKind` (not a PDF by content), `.unreadable` (damaged beyond reading) or
    /// `.libraryMissing` (an encrypted file, and libavutil's ciphers cannot be loaded).
    public static func facts(of url: URL, byteLimit: Int = 64 << 20) throws -> Facts {
        let data: Data
        do {
            data = try FileByteSource.contents(of: url, limit: max(0, byteLimit))
        } catch let e as ProbeError where e.kind == .missing {
            throw ProbeError(.missing, LocalizedText(zh: "找不到文件。", en: "The file does not exist."))
        } catch let e as ProbeError where e.kind == .notAFile {
            throw ProbeError(.notAFile, LocalizedText(zh: "无法打开文件（不是普通文件或没有读取权限）。",
                                                      en: "The file cannot be opened (not a regular file, or no permission to read it)."), detail: e.detail)
        } catch let e as ProbeError where e.kind == .limitExceeded {
            let limit = FactFormatting.describe(number: Double(byteLimit), dimension: .bytes)
            throw ProbeError(.limitExceeded, LocalizedText(
                zh: "PDF 文件大于 \(limit)，为安全起见不做检查。授权书通常只有几页，请压缩或重新导出后再上传。",
                en: "The PDF is larger than \(limit), so it is not checked, for safety. An authorization letter is usually a few pages: compress or re-export it."))
        }
        return try facts(of: data)
    }

    /// The same facts as ``facts(of:byteLimit:)``, from bytes in memory (used by tests and fuzzing).
    public static func facts(of data: Data) throws -> Facts {
        guard !data.isEmpty else {
            throw ProbeError(.empty, LocalizedText(zh: "文件是空的（0 字节）。", en: "The file is empty (0 bytes)."))
        }
        let bytes = [UInt8](data)
        guard let header = headerOffset(bytes) else { throw notAPDF(bytes) }
        let document: PDFDocument
        do {
            document = try PDFDocument(bytes: bytes)
        } catch let damage as PDFDamage {
            throw ProbeError(.unreadable, message(for: damage))
        }
        if document.security?.ciphersMissing == true { throw FFmpegLibraries.missingError(.avutil) }
        var facts = Facts()
        facts.set(.pdfVersion, version(bytes, header: header))
        facts.set(.pdfEncrypted, document.security != nil)
        facts.set(.pdfReadable, document.security?.readable ?? true)
        facts.set(.pdfPageCount, PDFPageCount.count(in: document))
        return facts
    }

    /// Where `%PDF-` starts, if within the first 1024 bytes.
    static func headerOffset(_ bytes: [UInt8]) -> Int? {
        let magic: [UInt8] = Array("%PDF-".utf8)
        let last = min(1024, bytes.count) - magic.count
        guard last >= 0 else { return nil }
        return (0...last).first { i in (0..<magic.count).allSatisfy { bytes[i + $0] == magic[$0] } }
    }

    /// The version written after `%PDF-`, e.g. `"1.7"` (nil when there are no digits).
    static func version(_ bytes: [UInt8], header: Int) -> String? {
        let digits = bytes.dropFirst(header + 5).prefix(8).prefix { (0x30...0x39).contains($0) || $0 == 0x2E }
        let text = String(decoding: digits, as: UTF8.self)
        return text.contains(where: \.isNumber) ? text : nil
    }

    /// The bilingual message for a PDF that cannot be read.
    static func message(for damage: PDFDamage) -> LocalizedText {
        switch damage {
        case .noObjects:
            return LocalizedText(zh: "PDF 文件已损坏：只有 PDF 文件头，找不到任何 PDF 对象。",
                                 en: "The PDF is damaged: it has a PDF header but no PDF objects.")
        case .noTrailer:
            return LocalizedText(
                zh: "PDF 文件已损坏或不完整（可能下载或传输时被截断）：找不到交叉引用表和文件尾（trailer），无法打开。请重新导出或重新下载。",
                en: "The PDF is damaged or incomplete (perhaps cut short while downloading or copying): its cross-reference table and trailer are missing, so it cannot be opened. Export or download it again.")
        case .noCatalog:
            return LocalizedText(
                zh: "PDF 文件已损坏：找不到文档目录（/Root），无法读取页面。请重新导出。",
                en: "The PDF is damaged: its document catalog (/Root) is missing, so its pages cannot be read. Export it again.")
        }
    }

    /// The error for content that is not a PDF, naming what it looks like when that is obvious.
    static func notAPDF(_ bytes: [UInt8]) -> ProbeError {
        if let kind = PDFProbe.lookalike(bytes) {
            return ProbeError(.wrongKind, LocalizedText(
                zh: "文件内容不是 PDF，看起来是\(kind.zh)。授权书请上传 PDF 文件。",
                en: "The content is not a PDF; it looks like \(kind.en). Upload the authorization letter as a PDF."))
        }
        return ProbeError(.wrongKind, LocalizedText(
            zh: "文件内容不是 PDF（前 1024 字节中没有 %PDF- 文件头）。授权书请上传 PDF 文件。",
            en: "The content is not a PDF (no %PDF- header in the first 1024 bytes). Upload the authorization letter as a PDF."))
    }

    /// A guess of what non-PDF content is, from its first bytes.
    static func lookalike(_ bytes: [UInt8]) -> (zh: String, en: String)? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
        }
        func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return ("PNG 图片", "a PNG image") }
        if starts([0xFF, 0xD8, 0xFF]) { return ("JPEG 图片", "a JPEG image") }
        if starts(ascii("GIF8")) { return ("GIF 图片", "a GIF image") }
        if starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8) { return ("WebP 图片", "a WebP image") }
        if starts(ascii("RIFF")) && starts(ascii("WAVE"), at: 8) { return ("WAV 音频", "a WAV audio file") }
        if starts(ascii("RIFF")) && starts(ascii("AVI "), at: 8) { return ("AVI 视频", "an AVI video") }
        if starts(ascii("ftyp"), at: 4) { return ("MP4/MOV 视频", "an MP4/MOV video") }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return ("MKV/WebM 视频", "an MKV/WebM video") }
        if starts(ascii("ID3")) { return ("MP3 音频", "an MP3 audio file") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return ("ZIP 压缩包（或 Word/Excel 等 Office 文档）", "a ZIP archive (or a Word/Excel Office document)") }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return ("旧版 Office 文档（.doc/.xls）", "a legacy Office document (.doc/.xls)") }
        if starts(ascii("{\\rtf")) { return ("RTF 文档", "an RTF document") }
        if starts(ascii("%!PS")) { return ("PostScript 文件", "a PostScript file") }
        let head = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()
        if head.contains("<html") || head.contains("<!doctype html") { return ("HTML 网页", "an HTML web page") }
        return nil
    }
}
