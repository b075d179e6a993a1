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
        let fm = FileManager.default
        let children = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let isSubmission = { (dir: URL) -> Bool in
            fm.fileExists(atPath: dir.appendingPathComponent("submission.yaml").path)
                || cosFolders.contains { fm.fileExists(atPath: dir.appendingPathComponent($0).path) }
        }
        var folders: [URL] = []
        if isSubmission(root) { folders = [root] } else {
            for name in children {
                let dir = root.appendingPathComponent(name)
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue, isSubmission(dir) { folders.append(dir) }
            }
        }
        var submissions: [Submission] = []
        var strays: [Stray] = []
        for dir in folders {
            let manifestURL = dir.appendingPathComponent("submission.yaml")
            var submission: Submission
            if fm.fileExists(atPath: manifestURL.path) {
                guard let entry = try Manifest.load(manifestURL, defaultType: defaultType).entries.first else { continue }
                submission = entry.submission
            } else if let defaultType {
                submission = Submission(type: defaultType, files: [:])
            } else {
                strays.append(Stray(path: dir.displayPath, reason: "no submission.yaml with MakeType, and no --type given"))
                continue
            }
            submission.name = dir.lastPathComponent
            submission.origin = fm.fileExists(atPath: manifestURL.path) ? manifestURL.displayPath : dir.displayPath
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
            submissions.append(submission)
        }
        return (submissions, strays)
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
