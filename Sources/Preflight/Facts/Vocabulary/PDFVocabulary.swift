import Foundation

extension FactDefinition {
    /// Facts of a PDF document.
    static let pdfFacts: [FactDefinition] = [
        .init(name: "pdf.version", dimension: .text, summary: "PDF version from the header, e.g. \"1.7\"."),
        .init(name: "pdf.encrypted", dimension: .flag, summary: "Whether the PDF has an encryption dictionary."),
        .init(name: "pdf.readable", dimension: .flag, summary: "Whether the content can be read without a password (no encryption, or an empty user password)."),
        .init(name: "pdf.page_count", dimension: .count, summary: "Number of pages: the page tree's /Count, else /Type /Page objects counted (object streams included)."),
    ]
}
