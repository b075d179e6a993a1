import Foundation

/// The texts of the authorization letter's PDF probe (see `MessageCatalog`).
enum PDFText {
    /// The path does not exist.
    static let missing = LocalizedText(zh: "找不到文件。", en: "The file does not exist.")
    /// The path is not a regular file or cannot be read.
    static let cannotOpen = LocalizedText(zh: "无法打开文件（不是普通文件或没有读取权限）。",
                                          en: "The file cannot be opened (not a regular file, or no permission to read it).")
    /// Larger than ``ProbeOptions/pdfByteLimit`` (`limit` already formatted).
    static func tooLarge(limit: String) -> LocalizedText {
        LocalizedText(zh: "PDF 文件大于 \(limit)，为安全起见不做检查。授权书通常只有几页，请压缩或重新导出后再上传。",
                      en: "The PDF is larger than \(limit), so it is not checked, for safety. An authorization letter is usually a few pages: compress or re-export it.")
    }
    /// A header and no objects.
    static let noObjects = LocalizedText(zh: "PDF 文件已损坏：只有 PDF 文件头，找不到任何 PDF 对象。",
                                         en: "The PDF is damaged: it has a PDF header but no PDF objects.")
    /// No cross-reference table or trailer.
    static let noTrailer = LocalizedText(
        zh: "PDF 文件已损坏或不完整（可能下载或传输时被截断）：找不到交叉引用表和文件尾（trailer），无法打开。请重新导出或重新下载。",
        en: "The PDF is damaged or incomplete (perhaps cut short while downloading or copying): its cross-reference table and trailer are missing, so it cannot be opened. Export or download it again.")
    /// No document catalog.
    static let noCatalog = LocalizedText(zh: "PDF 文件已损坏：找不到文档目录（/Root），无法读取页面。请重新导出。",
                                         en: "The PDF is damaged: its document catalog (/Root) is missing, so its pages cannot be read. Export it again.")
    /// Not a PDF, and `kind` (one of the lookalikes below) is what it looks like.
    static func looksLike(_ kind: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "文件内容不是 PDF，看起来是\(kind.zh)。授权书请上传 PDF 文件。",
                      en: "The content is not a PDF; it looks like \(kind.en). Upload the authorization letter as a PDF.")
    }
    /// Not a PDF, and nothing recognisable.
    static let notAPDF = LocalizedText(zh: "文件内容不是 PDF（前 1024 字节中没有 %PDF- 文件头）。授权书请上传 PDF 文件。",
                                       en: "The content is not a PDF (no %PDF- header in the first 1024 bytes). Upload the authorization letter as a PDF.")

    /// What non-PDF content looks like, for ``looksLike(_:)``.
    enum Lookalike {
        static let png = LocalizedText(zh: "PNG 图片", en: "a PNG image")
        static let jpeg = LocalizedText(zh: "JPEG 图片", en: "a JPEG image")
        static let gif = LocalizedText(zh: "GIF 图片", en: "a GIF image")
        static let webp = LocalizedText(zh: "WebP 图片", en: "a WebP image")
        static let wav = LocalizedText(zh: "WAV 音频", en: "a WAV audio file")
        static let avi = LocalizedText(zh: "AVI 视频", en: "an AVI video")
        static let mp4 = LocalizedText(zh: "MP4/MOV 视频", en: "an MP4/MOV video")
        static let matroska = LocalizedText(zh: "MKV/WebM 视频", en: "an MKV/WebM video")
        static let mp3 = LocalizedText(zh: "MP3 音频", en: "an MP3 audio file")
        static let zip = LocalizedText(zh: "ZIP 压缩包（或 Word/Excel 等 Office 文档）", en: "a ZIP archive (or a Word/Excel Office document)")
        static let legacyOffice = LocalizedText(zh: "旧版 Office 文档（.doc/.xls）", en: "a legacy Office document (.doc/.xls)")
        static let rtf = LocalizedText(zh: "RTF 文档", en: "an RTF document")
        static let postScript = LocalizedText(zh: "PostScript 文件", en: "a PostScript file")
        static let html = LocalizedText(zh: "HTML 网页", en: "an HTML web page")
    }
}
