import Foundation

/// Known findings a studio has accepted, so a gate fails only on new problems.
///
/// Written by `--write-baseline FILE` from the current failures (errors and warnings), read by
/// `--baseline FILE`. A finding is waived when its rule and entry match and its file is the same:
/// the same path relative to the gate root (so the baseline holds wherever the delivery is checked
/// out, and whatever the root is called) and, for a material file, the same content identity (a
/// replaced take is judged again).
public struct Baseline: Sendable, Codable, Equatable {
    /// One accepted finding.
    public struct Waiver: Sendable, Codable, Hashable {
        /// The file's path relative to the gate root (as given when outside it; empty for none,
        /// such as request fields given without a manifest).
        public var file: String
        /// The rule id.
        public var rule: String
        /// The bundle entry, for entry-scoped rules.
        public var entry: String?
        /// The file's content identity (size and sampled hash), for findings about a material file.
        public var content: String?
    }

    /// Format version: 2 has paths relative to the gate root and content identities.
    public var version = 2
    /// The accepted findings.
    public var waivers: [Waiver]

    /// The failures (errors and warnings) of a batch, as a baseline; paths are made relative to `root`
    /// (the gate folder; relative paths in the report are taken from the current folder).
    public init(from report: BatchReport, root: URL = URL(fileURLWithPath: ".")) {
        var set = Set<Waiver>()
        for r in report.submissions {
            for f in r.findings where f.severity != .info {
                set.insert(Self.waiver(for: f, root: root))
            }
        }
        waivers = set.sorted { ($0.file, $0.rule, $0.entry ?? "") < ($1.file, $1.rule, $1.entry ?? "") }
    }

    /// Reads a baseline file.
    public static func load(_ url: URL) throws -> Baseline {
        try JSONDecoder().decode(Baseline.self, from: Data(contentsOf: url))
    }

    /// The baseline as JSON.
    public var json: String { JSONRenderer.encode(self) }

    /// Marks the findings the baseline accepts as waived and recomputes every verdict; paths are
    /// compared relative to `root`.
    public func apply(to report: inout BatchReport, root: URL = URL(fileURLWithPath: ".")) {
        let accepted = Set(waivers)
        // A version 1 baseline has no content identities: its waivers match on path, rule and entry.
        let pathOnly = Set(waivers.map { Waiver(file: $0.file, rule: $0.rule, entry: $0.entry, content: nil) })
        for i in report.submissions.indices {
            for j in report.submissions[i].checks.indices {
                let f = report.submissions[i].checks[j]
                guard f.status == .fail else { continue }
                let w = Self.waiver(for: f, root: root)
                let bare = Waiver(file: w.file, rule: w.rule, entry: w.entry, content: nil)
                if accepted.contains(w) || (version < 2 && pathOnly.contains(bare)) {
                    report.submissions[i].checks[j].waived = true
                }
            }
            report.submissions[i].recount()
        }
        report = BatchReport(submissions: report.submissions, strict: report.strict,
                             filesMeasured: report.filesMeasured, filesReused: report.filesReused)
    }

    /// The waiver that accepts `finding`.
    static func waiver(for finding: Finding, root: URL) -> Waiver {
        let path = finding.file ?? ""
        let isMaterial = finding.slot != nil && finding.slot != "request" && !path.isEmpty
        let content = isMaterial ? FileIdentity(URL(fileURLWithPath: path)).map { "\($0.size):\(String($0.sampleHash, radix: 16))" } : nil
        return Waiver(file: relative(path, to: root), rule: finding.rule, entry: finding.entry, content: content)
    }

    /// `path` relative to `root` when it is inside it; else as given.
    static func relative(_ path: String, to root: URL) -> String {
        guard !path.isEmpty, !path.hasPrefix("(") else { return path }
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        var base = root.standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : path
    }
}
