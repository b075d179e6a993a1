import Foundation

/// The files of a batch in the order they are measured, each identified by its content only when its
/// turn comes.
///
/// Largest files come first, so the longest measurements start early and no core is left measuring
/// one big file alone at the end. Files of equal size keep the batch's order (submissions in order,
/// slots by name), so of identical files the first in the batch is the one measured. Reading a file's
/// ``FileIdentity`` is left until it is next in line, while the files before it are being measured,
/// instead of reading every file's samples before the first measurement starts.
struct MeasureQueue {
    /// One file of one submission.
    struct File: Sendable {
        /// The submission's position in the batch.
        let submission: Int
        /// The slot the file fills.
        let slot: String
        /// The file.
        let url: URL
        /// The probe its slot needs.
        let kind: SlotKind
    }

    /// Every file of every submission that has a rule set, in measuring order.
    private(set) var files: [File] = []
    /// The size of each file, for ordering.
    private var sizes: [Int] = []
    /// The content key (`kind:size:hash`) of each file identified so far, in measuring order.
    private(set) var keys: [String] = []
    /// How many of the files identified so far are the first with their content.
    private(set) var uniqueCount = 0
    private var seen: Set<String> = []

    /// An empty queue, for submissions added as they are found.
    init() {}

    /// The files of `submissions`, each measured as its slot in `sets[type]` says, in measuring order.
    init(_ submissions: [Submission], sets: [String: RuleSet]) {
        for (i, s) in submissions.enumerated() {
            if let set = sets[s.type] { append(s, at: i, rules: set) }
        }
        sortRemaining()
    }

    /// Adds the files of submission number `index` at the end of the queue, slots by name.
    mutating func append(_ submission: Submission, at index: Int, rules set: RuleSet) {
        for (slot, url) in submission.files.sorted(by: { $0.key < $1.key }) {
            files.append(File(submission: index, slot: slot, url: url, kind: set.slot(slot)?.kind ?? .video))
            sizes.append(Self.size(of: url))
        }
    }

    /// Puts the files not yet identified in measuring order: largest first, files of equal size
    /// (identical ones among them) in the order they were added. Identified files keep their place.
    mutating func sortRemaining() {
        let start = keys.count
        let order = (start..<files.count).sorted { a, b in sizes[a] != sizes[b] ? sizes[a] > sizes[b] : a < b }
        files.replaceSubrange(start..., with: order.map { files[$0] })
        sizes.replaceSubrange(start..., with: order.map { sizes[$0] })
    }

    /// Whether every file has been identified.
    var isExhausted: Bool { keys.count == files.count }

    /// Identifies the next file in line: its position in ``files``, its content key, and whether no
    /// file before it had that content (it is to be measured, not reused).
    mutating func identifyNext() -> (index: Int, key: String, isFirst: Bool)? {
        guard keys.count < files.count else { return nil }
        let file = files[keys.count]
        let identity = FileIdentity(file.url).map { "\($0.size):\($0.sampleHash)" } ?? "path:\(file.url.standardizedFileURL.path)"
        let key = "\(file.kind.rawValue):\(identity)"
        keys.append(key)
        let isFirst = seen.insert(key).inserted
        if isFirst { uniqueCount += 1 }
        return (keys.count - 1, key, isFirst)
    }

    /// The size of a file for ordering (0 when it cannot be read: it will be quick).
    static func size(of url: URL) -> Int {
        var info = stat()
        return stat(url.path, &info) == 0 ? Int(info.st_size) : 0
    }
}
