import Foundation

extension FactDefinition {
    /// Facts of a zip bundle of audio files, read entry by entry without extracting.
    static let bundleFacts: [FactDefinition] = bundleSummaryFacts + bundleHazardFacts + entryFacts

    /// What the bundle holds.
    static let bundleSummaryFacts: [FactDefinition] = [
        .init(name: "bundle.entry_count", dimension: .count, summary: "Entries in the zip's central directory, folders included."),
        .init(name: "bundle.file_count", dimension: .count, summary: "Entries that are files (folders excluded)."),
        .init(name: "bundle.audio_count", dimension: .count, summary: "Entries whose content is audio."),
        .init(name: "bundle.non_audio_count", dimension: .count, summary: "File entries whose content is not audio (documents, pictures, __MACOSX/._ files …)."),
        .init(name: "bundle.total_uncompressed_size", dimension: .bytes, summary: "Sum of the entries' uncompressed sizes."),
        .init(name: "bundle.audio_size", dimension: .bytes, summary: "Sum of the audio entries' uncompressed sizes."),
        .init(name: "bundle.compression_ratio", dimension: .count, summary: "Total uncompressed size over total compressed size, from the central directory."),
        .init(name: "bundle.has_folders", dimension: .flag, summary: "Whether any entry is in a folder or is a folder."),
        .init(name: "bundle.formats", dimension: .text, summary: "Audio formats found, comma-separated and sorted."),
        .init(name: "bundle.lowest_sample_rate", dimension: .hertz, summary: "Lowest sample rate among the audio entries."),
        .init(name: "bundle.name_encoding", dimension: .text, summary: "How entry names are stored: ascii, utf-8 (flagged or with a Unicode path field), utf-8-unflagged (UTF-8 bytes without the flag), or legacy (a code page such as GBK or CP437)."),
        .init(name: "bundle.guessed_encoding", dimension: .text, summary: "Encoding used to show the names: ascii, utf-8, gbk or cp437 (guessed from the bytes of names without the UTF-8 flag)."),
    ]

    /// Counts of entries that a careful reader refuses; each is a finding, never a crash.
    static let bundleHazardFacts: [FactDefinition] = [
        .init(name: "bundle.unsafe_names", dimension: .count, summary: "Entries whose name climbs out of the target folder (../), is absolute (/x, C:\\x) or uses backslashes."),
        .init(name: "bundle.symlinks", dimension: .count, summary: "Entries stored as symbolic links."),
        .init(name: "bundle.encrypted_entries", dimension: .count, summary: "Entries that need a password."),
        .init(name: "bundle.nested_archives", dimension: .count, summary: "Entries that are themselves archives (zip, rar, 7z, gz …)."),
        .init(name: "bundle.suspected_bombs", dimension: .count, summary: "Entries refused as decompression bombs: a compression ratio over the limit, or more bytes than declared."),
        .init(name: "bundle.overlapping_entries", dimension: .count, summary: "Entries whose data overlaps another entry's (a trick of zip bombs); not read."),
        .init(name: "bundle.unsupported_compression", dimension: .count, summary: "Entries compressed with a method other than store or deflate."),
        .init(name: "bundle.unreadable_entries", dimension: .count, summary: "Entries that could not be read or decoded (damaged data, CRC mismatch, undecodable audio)."),
        .init(name: "bundle.limit_hit", dimension: .flag, summary: "Whether a safety limit (bytes inflated, time) stopped the reading before every entry was checked."),
        .init(name: "bundle.unsafe_name_list", dimension: .text, summary: "Names of the entries counted by bundle.unsafe_names (the first 10)."),
        .init(name: "bundle.symlink_list", dimension: .text, summary: "Names of the symbolic-link entries (the first 10)."),
        .init(name: "bundle.encrypted_list", dimension: .text, summary: "Names of the encrypted entries (the first 10)."),
        .init(name: "bundle.nested_archive_list", dimension: .text, summary: "Names of the entries that are archives (the first 10)."),
        .init(name: "bundle.suspected_bomb_list", dimension: .text, summary: "Names of the entries refused as decompression bombs (the first 10)."),
        .init(name: "bundle.overlapping_list", dimension: .text, summary: "Names of the overlapping entries (the first 10)."),
        .init(name: "bundle.unreadable_list", dimension: .text, summary: "Names of the entries that could not be read or decoded (the first 10)."),
    ]

    /// Facts of one entry of a bundle, besides its `file.*` and `audio.*` facts.
    static let entryFacts: [FactDefinition] = [
        .init(name: "entry.path", dimension: .text, summary: "The entry's full name inside the zip, folders included (decoded for display)."),
        .init(name: "entry.in_folder", dimension: .flag, summary: "Whether the entry is inside a folder of the zip."),
        .init(name: "entry.is_audio", dimension: .flag, summary: "Whether the entry's content is audio."),
        .init(name: "entry.is_archive", dimension: .flag, summary: "Whether the entry is itself an archive."),
        .init(name: "entry.compressed_size", dimension: .bytes, summary: "Compressed size declared in the central directory."),
        .init(name: "entry.compression", dimension: .text, summary: "Compression method: store, deflate, deflate64, bzip2, lzma, zstd, xz …"),
        .init(name: "entry.compression_ratio", dimension: .count, summary: "Declared uncompressed size over compressed size."),
        .init(name: "entry.name_encoding", dimension: .text, summary: "How the entry's name is stored: ascii, utf-8, utf-8-unflagged, gbk or cp437 (guessed)."),
        .init(name: "entry.unsafe_name", dimension: .flag, summary: "Whether the name climbs out of the target folder, is absolute or uses backslashes."),
        .init(name: "entry.symlink", dimension: .flag, summary: "Whether the entry is a symbolic link."),
        .init(name: "entry.encrypted", dimension: .flag, summary: "Whether the entry needs a password."),
        .init(name: "entry.overlaps", dimension: .flag, summary: "Whether the entry's data overlaps another entry's."),
        .init(name: "entry.suspected_bomb", dimension: .flag, summary: "Whether the entry was refused as a decompression bomb."),
        .init(name: "entry.size_matches", dimension: .flag, summary: "Whether inflating gave exactly the declared size (false: more or fewer bytes)."),
    ]
}
