import Foundation

extension FactDefinition {
    /// Facts of a zip bundle of audio files, read entry by entry without extracting.
    static let bundleFacts: [FactDefinition] = [
        .init(name: "bundle.file_count", dimension: .count, summary: "Entries that are files (folders excluded)."),
        .init(name: "bundle.audio_count", dimension: .count, summary: "Entries whose content is audio."),
        .init(name: "bundle.total_uncompressed_size", dimension: .bytes, summary: "Sum of the entries' uncompressed sizes."),
        .init(name: "bundle.has_folders", dimension: .flag, summary: "Whether any entry is in a folder or is a folder."),
        .init(name: "bundle.formats", dimension: .text, summary: "Audio formats found, comma-separated and sorted."),
        .init(name: "bundle.lowest_sample_rate", dimension: .hertz, summary: "Lowest sample rate among the audio entries."),
    ]
}
