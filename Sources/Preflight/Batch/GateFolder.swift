import Foundation

/// A studio delivery folder laid out like COS, one submission per sub-folder:
///
/// ```
/// delivery/
///   zhang-blue/                 the folder name labels the submission
///     submission.yaml           MakeType and request fields (AnchorName …); optional with --type
///     video/take3.mp4           material video (a custom alpha video: a name containing "alpha")
///     idcard/auth.mp4           spoken authorization video, and/or idcard/letter.pdf
///     audio/takes.zip           voice material; demo driver audio: a name starting "driver" or "example"
///     photo/zhang.jpg           photo material
///     zeroshot/clip.m4a         zero-shot voice sample
/// ```
/// A `files:` map in submission.yaml overrides the folder mapping. A folder that itself holds the COS
/// folders (no sub-folders of submissions) is one submission.
public enum GateFolder {
    /// The COS folder names a submission folder may hold.
    public static let cosFolders = ["video", "idcard", "audio", "photo", "zeroshot"]

    /// A file that could not be given a slot.
    public struct Stray: Sendable, Equatable {
        /// The file.
        public var path: String
        /// Why it was left out.
        public var reason: String
    }

    /// The submissions found under `root`, and files that fit no slot.
    public static func discover(_ root: URL, defaultType: String?, rules: (String) throws -> RuleSet) throws -> ([Submission], [Stray]) {
        var reader = Reader(root, defaultType: defaultType)
        var submissions: [Submission] = []
        while let s = try reader.next(rules: rules) { submissions.append(s) }
        return (submissions, reader.strays)
    }

    /// Reads a delivery folder one submission at a time, so a batch can start measuring the first
    /// submission's files while the others are still being read.
    public struct Reader {
        /// Files that fit no slot, in the order found so far.
        public private(set) var strays: [Stray] = []
        private let defaultType: String?
        private let root: URL
        /// The names of the folders that may be submissions, checked one at a time as they are
        /// reached (none when `root` is itself the submission).
        private let names: [String]
        private let rootIsSubmission: Bool
        private var position = 0

        /// A reader of the submission folders under `root` (or of `root` itself when it holds the
        /// COS folders), in name order; hidden ones are skipped.
        public init(_ root: URL, defaultType: String?) {
            self.root = root
            self.defaultType = defaultType
            rootIsSubmission = GateFolder.isSubmission(root)
            names = rootIsSubmission ? [] : ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }

        /// The next submission, or nil after the last. A folder without a submission.yaml (and no
        /// default type) and files that fit no slot are added to ``strays``; a submission.yaml that
        /// cannot be read throws ``RuleFileErrors``.
        public mutating func next(rules: (String) throws -> RuleSet) throws -> Submission? {
            if rootIsSubmission {
                guard position == 0 else { return nil }
                position = 1
                return try read(root, rules: rules)
            }
            while position < names.count {
                let dir = root.appendingPathComponent(names[position])
                position += 1
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue, GateFolder.isSubmission(dir) else { continue }
                if let submission = try read(dir, rules: rules) { return submission }
            }
            return nil
        }

        private mutating func read(_ dir: URL, rules: (String) throws -> RuleSet) throws -> Submission? {
            let fm = FileManager.default
            let manifestURL = dir.appendingPathComponent("submission.yaml")
            let hasManifest = fm.fileExists(atPath: manifestURL.path)
            var submission: Submission
            if hasManifest {
                guard let entry = try Manifest.load(manifestURL, defaultType: defaultType).entries.first else { return nil }
                submission = entry.submission
            } else if let defaultType {
                submission = Submission(type: defaultType, files: [:])
            } else {
                strays.append(Stray(path: dir.displayPath, reason: "no submission.yaml with MakeType, and no --type given"))
                return nil
            }
            submission.name = dir.lastPathComponent
            submission.origin = hasManifest ? manifestURL.displayPath : dir.displayPath
            let set = try rules(submission.type)
            let explicit = Set(submission.files.keys)
            for folder in cosFolders {
                let sub = dir.appendingPathComponent(folder)
                let files = ((try? fm.contentsOfDirectory(atPath: sub.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                for file in files {
                    let url = sub.appendingPathComponent(file)
                    let candidates = set.slots.filter { $0.cosFolder == folder + "/" && !explicit.contains($0.name) }
                    guard let slot = pick(file, from: candidates, taken: Set(submission.files.keys)) else {
                        strays.append(Stray(path: url.displayPath, reason: candidates.isEmpty
                            ? "\(submission.type) uploads nothing to \(folder)/" : "more files in \(folder)/ than \(submission.type) has slots for"))
                        continue
                    }
                    submission.files[slot] = url
                }
            }
            return submission
        }
    }

    /// Whether a folder is a submission: it has a submission.yaml or one of the COS folders.
    static func isSubmission(_ dir: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: dir.appendingPathComponent("submission.yaml").path)
            || cosFolders.contains { fm.fileExists(atPath: dir.appendingPathComponent($0).path) }
    }

    /// The slot a file in a COS folder fills: by name hints and kind, else the first free one.
    static func pick(_ file: String, from candidates: [SlotDefinition], taken: Set<String>) -> String? {
        let free = candidates.filter { !taken.contains($0.name) }
        let lower = file.lowercased()
        let isPDF = lower.hasSuffix(".pdf")
        if let s = free.first(where: { $0.kind == .pdf }), isPDF { return s.name }
        let hinted = free.first { slot in
            (slot.name == "alpha" && lower.contains("alpha"))
                || (slot.name == "driver_audio" && (lower.hasPrefix("driver") || lower.hasPrefix("example")))
        }
        if let hinted { return hinted.name }
        return free.first { $0.kind != .pdf && $0.name != "alpha" && $0.name != "driver_audio" }?.name
    }
}
