import Foundation

/// The result of checking one submission: versions for reproducibility, inputs with their facts,
/// every check, and the verdict. Every renderer reads only this.
public struct Report: Sendable, Codable, Equatable {
    /// The JSON schema version of this report.
    public var schema = 1
    /// The tool that made the report.
    public var tool: ToolInfo
    /// The submission's label (manifest entry or folder), if it has one.
    public var submission: String?
    /// The rule set used.
    public var rules: RuleSetInfo
    /// Versions of the media libraries used (libavformat …).
    public var libraries: [String: String]
    /// `pass` or `fail`.
    public var verdict: Verdict
    /// Whether warnings counted as failures.
    public var strict: Bool
    /// Failed checks by severity.
    public var counts: [String: Int]
    /// The files checked, with their facts.
    public var inputs: [InputReport]
    /// The make request's fields, when any were given and the rule set checks them.
    public var request: RequestReport?
    /// Failed checks only (what needs attention), in rule order.
    public var findings: [Finding]
    /// Every check, passed, failed or skipped.
    public var checks: [Finding]
    /// Where each file goes on COS (keys, and URLs when a PathPrefix was given).
    public var uploads: [PlannedUpload] = []

    /// Pass or fail.
    public enum Verdict: String, Sendable, Codable {
        /// No error (and, under `--strict`, no warning).
        case pass
        /// At least one error (or warning under `--strict`).
        case fail
    }

    /// The tool's name and version.
    public struct ToolInfo: Sendable, Codable, Equatable {
        /// `preflight`.
        public var name: String
        /// The release, e.g. `0.1.0`.
        public var version: String
    }

    /// Which rules were applied.
    public struct RuleSetInfo: Sendable, Codable, Equatable {
        /// The customization kind.
        public var type: String
        /// The rules' version (service documentation date).
        public var version: String
        /// The selected profile, if any.
        public var profile: String?
        /// A hash of every rule file read.
        public var digest: String
        /// The rule files read, in order.
        public var sources: [String]
    }

    /// Builds a report from inputs and evaluated checks; `libraries` are the versions of the media
    /// libraries the measurements came from (``LazyLibraries/reportedVersions`` for this process);
    /// `request` the request fields judged beside the files.
    public init(rules set: RuleSet, inputs: [InputReport], request: RequestReport? = nil, checks: [Finding], strict: Bool,
                libraries: [String: String]) {
        tool = ToolInfo(name: "preflight", version: PreflightVersion.current)
        rules = RuleSetInfo(type: set.type, version: set.version, profile: set.profile, digest: set.digest, sources: set.sources)
        self.libraries = libraries
        self.strict = strict
        self.inputs = inputs
        self.request = request
        self.checks = checks
        findings = []
        counts = [:]
        verdict = .pass
        recount()
    }
}

extension Report {
    /// Recomputes findings, counts and verdict from the checks (after waivers are applied).
    public mutating func recount() {
        findings = checks.filter { $0.status == .fail }
        var counts = ["error": 0, "warning": 0, "info": 0]
        for f in findings where f.waived != true { counts[f.severity.rawValue, default: 0] += 1 }
        self.counts = counts
        verdict = checks.contains { $0.fails(strict: strict) } ? .fail : .pass
    }
}

/// The release of this library and tool.
public enum PreflightVersion {
    /// Semantic version of the tool; reports carry it.
    public static let current = "0.1.0"
}
