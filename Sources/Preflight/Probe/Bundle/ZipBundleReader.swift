import Foundation

/// Reads a zip bundle entry by entry, never extracting: the bundle's facts and one report per file entry.
enum ZipBundleReader {
    /// The bundle's `bundle.*` facts and its entries.
    ///
    /// - Throws: ``ProbeError`` for bundle-wide problems only: not a zip, a missing or damaged
    ///   central directory (truncated), a split archive, too many entries. Problems of one entry are
    ///   facts of that entry (and its `error`).
    static func read(_ url: URL, options: ProbeOptions, limits: BundleLimits? = nil) throws -> ProbeResult {
        try read(.file(url), options: options, limits: limits ?? BundleLimits(options))
    }

    /// The same from a zip in memory.
    static func read(_ data: Data, options: ProbeOptions) throws -> ProbeResult {
        try read(.memory(ZipBytes(data)), options: options, limits: BundleLimits(options))
    }

    static func read(_ input: ZipBundleInput, options: ProbeOptions, limits: BundleLimits) throws -> ProbeResult {
        let deadline = ReadDeadline(seconds: options.timeout)
        let directory = try ZipDirectory.read(try input.source(), limits: limits)
        let archive = try input.open()
        guard archive.entryCount == directory.records.count else {
            throw ProbeError(.unreadable, BundleText.inconsistentDirectory,
                detail: "libzip sees \(archive.entryCount) entries, the directory declares \(directory.records.count)")
        }
        let names = ZipNameDecoder(directory.records)
        let overlapping = directory.overlappingIndices()
        var summary = BundleSummary()
        var files: [ZipEntryTask] = []
        for (index, record) in directory.records.enumerated() {
            let (name, encoding) = names.decode(record)
            summary.noteName(ZipNameDecoder.storage(of: record))
            if record.isDirectory && !record.isSymlink {
                summary.noteFolder(name, unsafe: ZipEntryPath.isUnsafe(name))
            } else {
                files.append(ZipEntryTask(index: index, record: record, name: name, encoding: encoding, overlaps: overlapping.contains(index)))
            }
        }
        let inspections = inspect(files, input: input, first: archive, limits: limits, deadline: deadline, options: options)
        for (task, inspection) in zip(files, inspections) { summary.note(inspection, record: task.record) }
        var facts = summary.facts(entryCount: directory.records.count)
        facts.set(.bundleGuessedEncoding, names.legacyGuess ?? summary.displayEncoding)
        return ProbeResult(facts: facts, entries: inspections.map(\.measurement))
    }

    /// Inspects the entries, on up to ``BundleLimits/parallelReaders`` threads, each with its own
    /// libzip handle (libzip does no locking); results come back in directory order.
    private static func inspect(_ tasks: [ZipEntryTask], input: ZipBundleInput, first: ZipArchive, limits: BundleLimits,
                                deadline: ReadDeadline, options: ProbeOptions) -> [ZipEntryInspector.Inspection] {
        let budget = InflateBudget(limit: limits.bundleInflateLimit)
        let queue = ZipEntryQueue(count: tasks.count)
        let readers = max(1, min(limits.parallelReaders, tasks.count))
        var options = options
        options.threads = max(1, options.threads / readers)
        // The bundle's progress is the compressed bytes of the entries done, not each entry's own.
        let ticket = ProgressTicket.current
        ticket?.update(done: 0, total: tasks.reduce(Int64(0)) { $0 + Int64(clamping: $1.record.compressedSize) })
        ProgressTicket.$current.withValue(nil) { DispatchQueue.concurrentPerform(iterations: readers) { reader in
            // The first reader uses the handle already open; the others open their own.
            guard let archive = reader == 0 ? first : try? input.open() else { return }
            let inspector = ZipEntryInspector(archive: archive, limits: limits, budget: budget, deadline: deadline, options: options)
            while let i = queue.next() {
                let t = tasks[i]
                queue.store(inspector.inspect(t.index, record: t.record, name: t.name, encoding: t.encoding, overlaps: t.overlaps), at: i)
                ticket?.add(Int64(clamping: t.record.compressedSize))
            }
        } }
        return queue.results(tasks)
    }
}

/// One file entry to inspect.
struct ZipEntryTask: Sendable {
    let index: Int
    let record: ZipDirectoryRecord
    let name: String
    let encoding: String
    let overlaps: Bool
}

/// Hands out entry positions to reader threads and collects their inspections.
final class ZipEntryQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var inspections: [ZipEntryInspector.Inspection?]

    init(count: Int) { inspections = Array(repeating: nil, count: count) }

    /// The next position to inspect, or nil when all are taken.
    func next() -> Int? {
        lock.withLock {
            guard nextIndex < inspections.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    /// Records the inspection of position `i`.
    func store(_ inspection: ZipEntryInspector.Inspection, at i: Int) { lock.withLock { inspections[i] = inspection } }

    /// Every inspection in order; an entry no reader could take (its handle failed) is reported unread.
    func results(_ tasks: [ZipEntryTask]) -> [ZipEntryInspector.Inspection] {
        lock.withLock {
            zip(tasks, inspections).map { task, inspection in
                inspection ?? ZipEntryInspector.Inspection(measurement: EntryMeasurement(name: task.name, facts: Facts(), error: ProbeError(
                    .unreadable, BundleText.cannotReopen)),
                    hazard: nil)
            }
        }
    }
}
