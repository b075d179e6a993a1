import Foundation

/// How far the measuring of each file in flight has come, for a progress display drawn by the
/// caller (the `preflight` command draws a bar on a terminal for any file that takes more than two
/// seconds). Readers report bytes: of the file for audio, of the compressed entries done for a zip
/// bundle. Thread-safe and shared by reference: give the same one to every file of a run through
/// ``ProbeOptions/progress``.
public final class ProbeProgress: @unchecked Sendable, Equatable {
    /// One file being measured.
    public struct File: Sendable {
        /// The path as given.
        public let path: String
        /// When its measuring began (monotonic seconds, as `ProcessInfo.systemUptime`).
        public let started: TimeInterval
        /// Units done so far (bytes).
        public var done: Int64
        /// Units in all, or 0 while unknown.
        public var total: Int64

        /// `done / total` in 0…1, or nil while the total is unknown.
        public var fraction: Double? { total > 0 ? min(1, max(0, Double(done) / Double(total))) : nil }
    }

    private let lock = NSLock()
    private var files: [Int: File] = [:]
    private var nextID = 0
    private var ended: [File] = []

    /// How many finished files ``finished()`` keeps.
    public static let finishedKept = 16

    /// An empty progress, nothing in flight.
    public init() {}

    /// The files in flight, oldest first.
    public func snapshot() -> [File] {
        lock.withLock { files.sorted { $0.key < $1.key }.map(\.value) }
    }

    /// The last files measured (at most ``finishedKept``), oldest first, as they stood when they ended.
    public func finished() -> [File] {
        lock.withLock { ended }
    }

    /// Starts tracking the file at `path`; the ticket ends it.
    func begin(_ path: String) -> ProgressTicket {
        lock.withLock {
            let id = nextID
            nextID += 1
            files[id] = File(path: path, started: ProcessInfo.processInfo.systemUptime, done: 0, total: 0)
            return ProgressTicket(progress: self, id: id)
        }
    }

    fileprivate func update(_ id: Int, done: Int64, total: Int64) {
        lock.withLock {
            files[id]?.done = done
            files[id]?.total = total
        }
    }

    fileprivate func add(_ id: Int, done: Int64) {
        lock.withLock { files[id]?.done += done }
    }

    fileprivate func end(_ id: Int) {
        lock.withLock {
            guard let file = files.removeValue(forKey: id) else { return }
            ended.append(file)
            if ended.count > Self.finishedKept { ended.removeFirst(ended.count - Self.finishedKept) }
        }
    }

    /// The same progress object.
    public static func == (a: ProbeProgress, b: ProbeProgress) -> Bool { a === b }
}

/// One file's entry in a ``ProbeProgress``. ``SlotProbe`` binds it to ``current`` while the file is
/// measured, so its readers report to it without it travelling in the options they are given.
final class ProgressTicket: @unchecked Sendable, Equatable {
    /// The ticket of the file measured by this task (or thread), if its run shows progress.
    @TaskLocal static var current: ProgressTicket?

    private let progress: ProbeProgress
    private let id: Int

    fileprivate init(progress: ProbeProgress, id: Int) {
        self.progress = progress
        self.id = id
    }

    /// Sets how far the file has come.
    func update(done: Int64, total: Int64) { progress.update(id, done: done, total: total) }

    /// Adds `done` units.
    func add(_ done: Int64) { progress.add(id, done: done) }

    /// The file is measured: it leaves the display.
    func end() { progress.end(id) }

    static func == (a: ProgressTicket, b: ProgressTicket) -> Bool { a === b }
}
