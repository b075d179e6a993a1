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
    private var named: [FactKey: [String]] = [:]

    /// Names at most this many entries in each list fact.
    static let listLimit = 10

    private mutating func name(_ entry: String, in list: FactKey) { named[list, default: []].append(entry) }

    mutating func noteName(_ storage: ZipNameDecoder.Storage) { storages.insert(storage) }

    mutating func noteFolder(_ entry: String, unsafe isUnsafe: Bool) {
        folders += 1
        if isUnsafe { unsafe += 1; name(entry, in: .bundleUnsafeNameList) }
    }

    mutating func note(_ inspection: ZipEntryInspector.Inspection, record: ZipDirectoryRecord) {
        let f = inspection.measurement.facts
        let entry = inspection.measurement.name
        files += 1
        total = total.addingReportingOverflow(record.uncompressedSize).overflow ? .max : total + record.uncompressedSize
        compressed = compressed.addingReportingOverflow(record.compressedSize).overflow ? .max : compressed + record.compressedSize
        if f[.entryInFolder]?.flag == true { inFolder = true }
        if f[.entryUnsafeName]?.flag == true { unsafe += 1; name(entry, in: .bundleUnsafeNameList) }
        if f[.entryIsArchive]?.flag == true { archives += 1; name(entry, in: .bundleNestedArchiveList) }
        switch f[.entryIsAudio]?.flag {
        case true?:
            audio += 1
            audioSize = audioSize.addingReportingOverflow(record.uncompressedSize).overflow ? .max : audioSize + record.uncompressedSize
            if let format = f[.audioFormat]?.text { formats.insert(format) }
            if let rate = f[.audioSampleRate]?.number { lowestRate = min(lowestRate ?? rate, rate) }
        case false?: nonAudio += 1
        case nil: break
        }
        switch inspection.hazard {
        case .symlink?: symlinks += 1; name(entry, in: .bundleSymlinkList)
        case .encrypted?: encrypted += 1; name(entry, in: .bundleEncryptedList)
        case .overlap?: overlaps += 1; name(entry, in: .bundleOverlappingList)
        case .bomb?: bombs += 1; name(entry, in: .bundleSuspectedBombList)
        case .unsupportedCompression?: unsupported += 1
        case .limit?: limitHit = true
        case nil: if inspection.measurement.error != nil { unreadable += 1; name(entry, in: .bundleUnreadableList) }
        }
    }

    /// The encoding names are shown in when none is legacy.
    var displayEncoding: String { storages.subtracting([.ascii]).isEmpty ? "ascii" : "utf-8" }

    /// The bundle's facts.
    func facts(entryCount: Int) -> Facts {
        var facts = Facts()
        facts.set(.bundleEntryCount, entryCount)
        facts.set(.bundleFileCount, files)
        facts.set(.bundleAudioCount, audio)
        facts.set(.bundleNonAudioCount, nonAudio)
        facts.set(.bundleTotalUncompressedSize, Double(total))
        facts.set(.bundleAudioSize, Double(audioSize))
        if compressed > 0 { facts.set(.bundleCompressionRatio, (Double(total) / Double(compressed) * 100).rounded() / 100) }
        facts.set(.bundleHasFolders, folders > 0 || inFolder)
        facts.set(.bundleFormats, formats.sorted().joined(separator: ", "))
        facts.set(.bundleLowestSampleRate, lowestRate)
        let encoding: String
        if storages.contains(.legacy) { encoding = "legacy" }
        else if storages.contains(.utf8Unflagged) { encoding = "utf-8-unflagged" }
        else if storages.contains(.utf8) { encoding = "utf-8" }
        else { encoding = "ascii" }
        facts.set(.bundleNameEncoding, encoding)
        facts.set(.bundleUnsafeNames, unsafe)
        facts.set(.bundleSymlinks, symlinks)
        facts.set(.bundleEncryptedEntries, encrypted)
        facts.set(.bundleNestedArchives, archives)
        facts.set(.bundleSuspectedBombs, bombs)
        facts.set(.bundleOverlappingEntries, overlaps)
        facts.set(.bundleUnsupportedCompression, unsupported)
        facts.set(.bundleUnreadableEntries, unreadable)
        facts.set(.bundleLimitHit, limitHit)
        for (list, names) in named {
            let shown = names.prefix(Self.listLimit).map { "\"\($0)\"" }
            let more = names.count > Self.listLimit ? ["… (+\(names.count - Self.listLimit))"] : []
            facts[list] = .list(shown + more)
        }
        return facts
    }
}
