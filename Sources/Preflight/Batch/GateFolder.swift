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
/// A `files:` map in submission.yaml overrides the folder mapping. A folder holding a submission.yaml
/// is a submission whatever its name (`video/` too); a folder that itself holds the COS folders (and
/// no sub-folder with a submission.yaml) is one submission.
public enum GateFolder {
    /// The COS folder names a submission folder may hold.
    public static let cosFolders = ["video", "idcard", "audio", "photo", "zeroshot"]

    /// A file that could not be given a slot.
    public struct Stray: Sendable, Equatable {
        /// The file.
        public var path: String
        /// Why it was left out, in both languages (the text of the submission's finding for it).
        public var message: LocalizedText
        /// Why it was left out, in English.
        public var reason: String { message.en }
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
        /// Files that fit no slot and folders without a MakeType, in the order found so far (each is
        /// also a finding of its submission).
        public private(set) var strays: [Stray] = []
        private let defaultType: String?
        private let root: URL
        private let knownTypes: [String]
        /// The names of the folders that may be submissions, checked one at a time as they are
        /// reached (none when `root` is itself the submission).
        private let names: [String]
        private let rootIsSubmission: Bool
        private var position = 0

        /// A reader of the submission folders under `root` (or of `root` itself when it holds a
        /// submission.yaml, or COS folders and no sub-folder with a submission.yaml), in natural name
        /// order (`s2` before `s10`); hidden ones are skipped. `knownTypes` are the kinds that have
        /// rules (by default the built-in ones).
        public init(_ root: URL, defaultType: String?, knownTypes: [String]? = nil) {
            self.root = root
            self.defaultType = defaultType
            self.knownTypes = knownTypes ?? RuleSetLoader().availableTypes()
            let children = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }
            let fm = FileManager.default
            let hasManifest = fm.fileExists(atPath: root.appendingPathComponent("submission.yaml").path)
            let childManifest = children.contains { fm.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("submission.yaml").path) }
            rootIsSubmission = hasManifest || (!childManifest && GateFolder.isSubmission(root))
            names = rootIsSubmission ? [] : children.sorted(by: NaturalOrder.precedes)
        }

        /// The next submission, or nil after the last. A submission.yaml that cannot be read, an
        /// unknown MakeType, or a folder without a MakeType (and no default type) gives a submission
        /// that is not judgeable, with the problem as its finding; files that fit no slot are findings
        /// of their submission. Both are added to ``strays`` too. Only `rules` throws (a user rule file
        /// that cannot be read).
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
                return try read(dir, rules: rules)
            }
            return nil
        }

        private mutating func read(_ dir: URL, rules: (String) throws -> RuleSet) throws -> Submission {
            let fm = FileManager.default
            let manifestURL = dir.appendingPathComponent("submission.yaml")
            let hasManifest = fm.fileExists(atPath: manifestURL.path)
            var submission: Submission
            let origin = hasManifest ? manifestURL.displayPath : dir.displayPath
            func invalid(_ errors: [RuleFileError], type: String = "") -> Submission {
                var s = Submission(type: type, files: [:])
                s.name = dir.lastPathComponent
                s.origin = origin
                s.problems = errors.map { GateFolder.invalidFinding($0, file: origin, inManifest: hasManifest) }
                return s
            }
            if hasManifest {
                do {
                    guard let entry = try Manifest.load(manifestURL, defaultType: defaultType).entries.first else {
                        return invalid([RuleFileError(SourceLocation(file: origin, line: 1, column: 1), GateText.manifestWithoutSubmission)])
                    }
                    submission = entry.submission
                } catch let e as RuleFileErrors {
                    return invalid(e.errors)
                }
            } else if let defaultType {
                submission = Submission(type: defaultType, files: [:])
            } else {
                let reason = GateText.noType
                strays.append(Stray(path: dir.displayPath, message: reason))
                return invalid([RuleFileError(SourceLocation(file: origin, line: 1, column: 1), reason)])
            }
            submission.name = dir.lastPathComponent
            submission.origin = origin
            guard knownTypes.contains(submission.type) else {
                let unknown = UnknownTypeError(type: submission.type, known: knownTypes)
                let at = submission.fieldLocations["MakeType"] ?? SourceLocation(file: origin, line: 1, column: 1)
                return invalid([RuleFileError(at, unknown.message)], type: submission.type)
            }
            let set = try rules(submission.type)
            let explicit = Set(submission.files.keys)
            for folder in cosFolders {
                let sub = dir.appendingPathComponent(folder)
                let files = ((try? fm.contentsOfDirectory(atPath: sub.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted(by: NaturalOrder.precedes)
                for file in files {
                    let url = sub.appendingPathComponent(file)
                    let candidates = set.slots.filter { $0.cosFolder == folder + "/" && !explicit.contains($0.name) }
                    guard let slot = pick(file, detectedType: ContentSniffer.detect(fileAt: url), from: candidates, taken: Set(submission.files.keys)) else {
                        let here = set.slots.filter { $0.cosFolder == folder + "/" }
                        let hinted = here.compactMap { s in GateFolder.nameHint(s.name).map { (slot: s, hint: $0) } }
                        let reason: LocalizedText
                        if candidates.isEmpty {
                            reason = GateText.folderNotUploaded(folder, type: submission.type)
                        } else if hinted.count == here.count, !hinted.contains(where: { $0.hint.matches(file.lowercased()) }),
                                  let main = set.slots.first(where: { $0.name == "material" }), let mainFolder = main.cosFolder {
                            // Only slots recognised by their file name live here (the demo driver audio in
                            // audio/ of a zero-shot voice), and this name is none of theirs: say so, and where
                            // the material goes. A second file with such a name is one file too many.
                            let slots = hinted.map { (title: $0.slot.displayTitle, hint: $0.hint.text) }
                            reason = GateText.onlyNamedSlots(folder, type: submission.type, slots: GateText.namedSlots(slots),
                                                             material: main.displayTitle, materialFolder: mainFolder)
                        } else {
                            reason = GateText.moreFilesThanSlots(folder, type: submission.type)
                        }
                        strays.append(Stray(path: url.displayPath, message: reason))
                        submission.problems.append(Finding(rule: Submission.unassignedRule, slot: nil, file: url.displayPath, severity: .error,
                                                           status: .fail, measuredText: "\(folder)/\(file)", message: reason))
                        continue
                    }
                    submission.files[slot] = url
                }
            }
            if !rootIsSubmission { outsideCOSFolders(of: dir, into: &submission) }
            return submission
        }

        /// Files and folders of a submission folder that are neither its submission.yaml, nor a COS
        /// folder, nor named by its `files:` map: warnings, as they are neither checked nor uploaded.
        /// (The delivery root as one submission is left alone: CI reports are often written there.)
        private mutating func outsideCOSFolders(of dir: URL, into submission: inout Submission) {
            let named = submission.files.values.map { $0.standardizedFileURL.path }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted(by: NaturalOrder.precedes)
            for name in names where !name.hasPrefix(".") && name != "submission.yaml" && !cosFolders.contains(name) {
                let url = dir.appendingPathComponent(name)
                let path = url.standardizedFileURL.path
                if named.contains(where: { $0 == path || $0.hasPrefix(path + "/") }) { continue }
                let folders = cosFolders.map { $0 + "/" }.joined(separator: " ")
                let message = GateText.outsideCOSFolders(name, folders: folders)
                strays.append(Stray(path: url.displayPath, message: message))
                submission.problems.append(Finding(
                    rule: Submission.unassignedRule, slot: nil, file: url.displayPath, severity: .warning, status: .fail,
                    measuredText: name, message: message))
            }
        }
    }

    /// The finding of a submission whose description (`file`) has a problem, at the problem's line
    /// and column.
    static func invalidFinding(_ error: RuleFileError, file: String, inManifest: Bool) -> Finding {
        let place = SourceLocation(file: file, line: error.location.line, column: error.location.column)
        let message = inManifest
            ? GateText.manifestMistake(error.message)
            : GateText.notChecked(error.message)
        var f = Finding(rule: Submission.invalidRule, slot: nil, file: file, severity: .error, status: .fail, message: message,
                        source: place.description)
        f.line = place.line
        f.column = place.column
        f.fix = inManifest
            ? GateText.correctAt(place.description)
            : GateText.giveType
        return f
    }

    /// Whether a folder is a submission: it has a submission.yaml or one of the COS folders.
    static func isSubmission(_ dir: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: dir.appendingPathComponent("submission.yaml").path)
            || cosFolders.contains { fm.fileExists(atPath: dir.appendingPathComponent($0).path) }
    }

    /// The slot a file in a COS folder fills: by name hints and kind, else the first free one. A
    /// file is a PDF by its name or by its content (`detectedType`, from ``ContentSniffer``).
    static func pick(_ file: String, detectedType: String? = nil, from candidates: [SlotDefinition], taken: Set<String>) -> String? {
        let free = candidates.filter { !taken.contains($0.name) }
        let lower = file.lowercased()
        let isPDF = lower.hasSuffix(".pdf") || detectedType == "pdf"
        if let s = free.first(where: { $0.kind == .pdf }), isPDF { return s.name }
        if let hinted = free.first(where: { nameHint($0.name)?.matches(lower) == true }) { return hinted.name }
        return free.first { $0.kind != .pdf && nameHint($0.name) == nil }?.name
    }

    /// How a file name marks a slot that shares its COS folder with the material: the alpha video has
    /// `alpha` in its name, the demo driver audio starts with `driver` or `example`. Nil for other slots.
    static func nameHint(_ slot: String) -> NameHint? {
        switch slot {
        case "alpha": return NameHint(contains: ["alpha"])
        case "driver_audio": return NameHint(prefixes: ["driver", "example"])
        default: return nil
        }
    }

    /// Words a lowercased file name starts with or contains.
    struct NameHint {
        var prefixes: [String] = []
        var contains: [String] = []
        func matches(_ lower: String) -> Bool { prefixes.contains { lower.hasPrefix($0) } || contains.contains { lower.contains($0) } }
        /// For people: `a name starting with driver or example`.
        var text: LocalizedText {
            prefixes.isEmpty ? GateText.nameContaining(contains) : GateText.nameStarting(prefixes)
        }
    }
}
