import Foundation

/// Running totals over a bundle's entries, turned into `bundle.*` facts.
struct BundleSummary {
    private var files = 0, audio = 0, nonAudio = 0, folders = 0
    private var total: UInt64 = 0, compressed: UInt64 = 0, audioSize: UInt64 = 0
    private var inFolder = false
    private var formats = Set<String>()
    private var lowestRate: Double?
    private var storages = Set<ZipNameDecoder.Storage>()
    private var unsafe = 0, symlinks = 0, encrypted = 0, archives = 0, bombs = 0, overlaps = 0
    private var unsupported = 0, unreadable = 0
    private var limitHit = false
    /// Entry names by the list fact that names them.
    private var named: [String: [String]] = [:]

    /// Names at most this many entries in each list fact.
    static let listLimit = 10

    private mutating func name(_ entry: String, in list: String) { named[list, default: []].append(entry) }

    mutating func noteName(_ storage: ZipNameDecoder.Storage) { storages.insert(storage) }

    mutating func noteFolder(_ entry: String, unsafe isUnsafe: Bool) {
        folders += 1
        if isUnsafe { unsafe += 1; name(entry, in: "bundle.unsafe_name_list") }
    }

    mutating func note(_ inspection: ZipEntryInspector.Inspection, record: ZipDirectoryRecord) {
        let f = inspection.measurement.facts
        let entry = inspection.measurement.name
        files += 1
        total = total.addingReportingOverflow(record.uncompressedSize).overflow ? .max : total + record.uncompressedSize
        compressed = compressed.addingReportingOverflow(record.compressedSize).overflow ? .max : compressed + record.compressedSize
        if f["entry.in_folder"]?.flag == true { inFolder = true }
        if f["entry.unsafe_name"]?.flag == true { unsafe += 1; name(entry, in: "bundle.unsafe_name_list") }
        if f["entry.is_archive"]?.flag == true { archives += 1; name(entry, in: "bundle.nested_archive_list") }
        switch f["entry.is_audio"]?.flag {
        case true?:
            audio += 1
            audioSize = audioSize.addingReportingOverflow(record.uncompressedSize).overflow ? .max : audioSize + record.uncompressedSize
            if let format = f["audio.format"]?.text { formats.insert(format) }
            if let rate = f["audio.sample_rate"]?.number { lowestRate = min(lowestRate ?? rate, rate) }
        case false?: nonAudio += 1
        case nil: break
        }
        switch inspection.hazard {
        case .symlink?: symlinks += 1; name(entry, in: "bundle.symlink_list")
        case .encrypted?: encrypted += 1; name(entry, in: "bundle.encrypted_list")
        case .overlap?: overlaps += 1; name(entry, in: "bundle.overlapping_list")
        case .bomb?: bombs += 1; name(entry, in: "bundle.suspected_bomb_list")
        case .unsupportedCompression?: unsupported += 1
        case .limit?: limitHit = true
        case nil: if inspection.measurement.error != nil { unreadable += 1; name(entry, in: "bundle.unreadable_list") }
        }
    }

    /// The encoding names are shown in when none is legacy.
    var displayEncoding: String { storages.subtracting([.ascii]).isEmpty ? "ascii" : "utf-8" }

    /// The bundle's facts.
    func facts(entryCount: Int) -> Facts {
        var facts = Facts()
        facts.set("bundle.entry_count", entryCount)
        facts.set("bundle.file_count", files)
        facts.set("bundle.audio_count", audio)
        facts.set("bundle.non_audio_count", nonAudio)
        facts.set("bundle.total_uncompressed_size", Double(total))
        facts.set("bundle.audio_size", Double(audioSize))
        if compressed > 0 { facts.set("bundle.compression_ratio", (Double(total) / Double(compressed) * 100).rounded() / 100) }
        facts.set("bundle.has_folders", folders > 0 || inFolder)
        facts.set("bundle.formats", formats.sorted().joined(separator: ", "))
        facts.set("bundle.lowest_sample_rate", lowestRate)
        let encoding: String
        if storages.contains(.legacy) { encoding = "legacy" }
        else if storages.contains(.utf8Unflagged) { encoding = "utf-8-unflagged" }
        else if storages.contains(.utf8) { encoding = "utf-8" }
        else { encoding = "ascii" }
        facts.set("bundle.name_encoding", encoding)
        facts.set("bundle.unsafe_names", unsafe)
        facts.set("bundle.symlinks", symlinks)
        facts.set("bundle.encrypted_entries", encrypted)
        facts.set("bundle.nested_archives", archives)
        facts.set("bundle.suspected_bombs", bombs)
        facts.set("bundle.overlapping_entries", overlaps)
        facts.set("bundle.unsupported_compression", unsupported)
        facts.set("bundle.unreadable_entries", unreadable)
        facts.set("bundle.limit_hit", limitHit)
        for (list, names) in named {
            let shown = names.prefix(Self.listLimit).map { "\"\($0)\"" }
            let more = names.count > Self.listLimit ? ["… (+\(names.count - Self.listLimit))"] : []
            facts[list] = .list(shown + more)
        }
        return facts
    }
}
