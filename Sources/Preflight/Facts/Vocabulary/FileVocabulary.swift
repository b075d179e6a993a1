import Foundation

extension FactDefinition {
    /// Facts every file has.
    static let fileFacts: [FactDefinition] = [
        .init(name: "file.name", dimension: .text, summary: "File name as given, without folders."),
        .init(name: "file.stem", dimension: .text, summary: "File name without its last extension."),
        .init(name: "file.extension", dimension: .text, summary: "Last extension, lower-cased, without the dot (empty if none)."),
        .init(name: "file.size", dimension: .bytes, summary: "Size in bytes."),
        .init(name: "file.detected_type", dimension: .text, summary: "Type recognised from the first bytes (magic numbers): mp4, mov, matroska, avi, pdf, png, jpeg, gif, webp, zip, wav, mp3 …, or unknown."),
        .init(name: "file.extension_matches_content", dimension: .flag, summary: "Whether the extension is one usually used for the detected content type."),
    ]
}
