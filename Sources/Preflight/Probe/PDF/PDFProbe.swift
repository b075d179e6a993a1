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
            throw ProbeError(.missing, PDFText.missing)
        } catch let e as ProbeError where e.kind == .notAFile {
            throw ProbeError(.notAFile, PDFText.cannotOpen, detail: e.detail)
        } catch let e as ProbeError where e.kind == .limitExceeded {
            let limit = FactFormatting.describe(number: Double(byteLimit), dimension: .bytes)
            throw ProbeError(.limitExceeded, PDFText.tooLarge(limit: limit))
        }
        return try facts(of: data)
    }

    /// The same facts as ``facts(of:byteLimit:)``, from bytes in memory (used by tests and fuzzing).
    public static func facts(of data: Data) throws -> Facts {
        guard !data.isEmpty else {
            throw ProbeError(.empty, FileText.empty)
        }
        let bytes = [UInt8](data)
        guard let header = headerOffset(bytes) else { throw notAPDF(bytes) }
        let document: PDFDocument
        do {
            document = try PDFDocument(bytes: bytes)
        } catch let damage as PDFDamage {
            throw ProbeError(.unreadable, message(for: damage))
        }
        if document.security?.ciphersMissing == true { throw LazyLibraries.missingError(.avutil) }
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
            return PDFText.noObjects
        case .noTrailer:
            return PDFText.noTrailer
        case .noCatalog:
            return PDFText.noCatalog
        }
    }

    /// The error for content that is not a PDF, naming what it looks like when that is obvious.
    static func notAPDF(_ bytes: [UInt8]) -> ProbeError {
        if let kind = PDFProbe.lookalike(bytes) {
            return ProbeError(.wrongKind, PDFText.looksLike(kind))
        }
        return ProbeError(.wrongKind, PDFText.notAPDF)
    }

    /// A guess of what non-PDF content is, from its first bytes.
    static func lookalike(_ bytes: [UInt8]) -> LocalizedText? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
        }
        func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return PDFText.Lookalike.png }
        if starts([0xFF, 0xD8, 0xFF]) { return PDFText.Lookalike.jpeg }
        if starts(ascii("GIF8")) { return PDFText.Lookalike.gif }
        if starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8) { return PDFText.Lookalike.webp }
        if starts(ascii("RIFF")) && starts(ascii("WAVE"), at: 8) { return PDFText.Lookalike.wav }
        if starts(ascii("RIFF")) && starts(ascii("AVI "), at: 8) { return PDFText.Lookalike.avi }
        if starts(ascii("ftyp"), at: 4) { return PDFText.Lookalike.mp4 }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return PDFText.Lookalike.matroska }
        if starts(ascii("ID3")) { return PDFText.Lookalike.mp3 }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return PDFText.Lookalike.zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return PDFText.Lookalike.legacyOffice }
        if starts(ascii("{\\rtf")) { return PDFText.Lookalike.rtf }
        if starts(ascii("%!PS")) { return PDFText.Lookalike.postScript }
        let head = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()
        if head.contains("<html") || head.contains("<!doctype html") { return PDFText.Lookalike.html }
        return nil
    }
}
