import Foundation

/// Counts the pages of a document: the page tree root's /Count (Root → /Pages → /Count), else the
/// objects with `/Type /Page` (object streams included).
enum PDFPageCount {
    /// The number of pages, or nil when neither the page tree nor any page object can be read
    /// (for example, when both sit in object streams encrypted with a user password).
    static func count(in document: PDFDocument) -> Int? {
        if let catalog = document.catalog,
           let pages = document.resolve(catalog["Pages"] ?? .null).dictionary,
           let count = document.resolve(pages["Count"] ?? .null).integer, count >= 0 {
            return count
        }
        let found = countPageObjects(in: document)
        return found > 0 ? found : nil
    }

    /// The number of objects whose /Type is /Page (not /Pages), each object number counted once.
    static func countPageObjects(in document: PDFDocument) -> Int {
        var count = 0
        for number in document.entries.keys.sorted().prefix(PDFDocument.maxObjects) {
            guard document.parseBudget > 0 else { break }
            let reference = PDFReference(number: number, generation: 0)
            guard let dictionary = document.object(reference, depth: 0, remember: false)?.dictionary else { continue }
            if document.resolve(dictionary["Type"] ?? .null).name == "Page" { count += 1 }
        }
        return count
    }
}
