import Foundation
import Yams

/// A manifest: one or many submissions (make request fields plus local files per slot), in YAML or JSON.
///
/// ```yaml
/// PathPrefix: https://bucket-1250000000.cos.ap-guangzhou.myqcloud.com/customer-pipeline/100/uuid/
/// defaults: {SexType: FEMALE}
/// submissions:
///   - name: zhang-blue
///     MakeType: IMAGE_GENERAL
///     AnchorName: 张三蓝西服
///     files: {material: takes/zhang.mp4, identity_pdf: auth/zhang.pdf}
/// ```
/// File paths are relative to the manifest. A manifest without `submissions:` is one submission.
public struct Manifest: Sendable {
    /// One submission of the manifest.
    public struct Entry: Sendable, Equatable {
        /// A label for reports (defaults to the AnchorName, else the position).
        public var name: String
        /// The customization kind.
        public var type: String
        /// Files by slot.
        public var files: [String: URL]
        /// The request fields given.
        public var request: MakeRequest
        /// Where the entry starts in the manifest.
        public var location: SourceLocation
        /// Where each field of the entry (MakeType, AnchorName …, from `defaults` too) was written.
        public var fieldLocations: [String: SourceLocation] = [:]

        /// The entry as a submission to check.
        public var submission: Submission {
            var s = Submission(type: type, files: files, request: request.isEmpty ? nil : request, name: name)
            s.origin = location.file
            s.fieldLocations = fieldLocations
            return s
        }
    }

    /// The manifest file.
    public var path: String
    /// The COS PathPrefix returned by the credentials call, if given.
    public var pathPrefix: String?
    /// The submissions, in file order.
    public var entries: [Entry]

    static let requestKeys = ["AnchorName", "SexType", "Notes", "TextDriver", "TimbreInfo", "IsHaveBackground",
                              "RemoveBackground", "ZeroshortLang", "PhotoVersion", "AudioId"]
    static let entryKeys = ["name", "MakeType", "files"] + requestKeys

    /// The largest manifest read, in bytes.
    public static let byteLimit = 4 << 20

    /// Reads a manifest. Problems are ``RuleFileErrors`` with file, line and column.
    public static func load(_ url: URL, defaultType: String? = nil) throws -> Manifest {
        let display = url.relativePath
        let at1 = SourceLocation(file: display, line: 1, column: 1)
        let data: Data
        do {
            data = try FileByteSource.contents(of: url, limit: byteLimit)
        } catch let e as ProbeError {
            switch e.kind {
            case .limitExceeded: throw RuleFileErrors(errors: [RuleFileError(at1, ManifestText.tooLarge(bytes: e.detail ?? "?"))])
            case .missing: throw RuleFileErrors(errors: [RuleFileError(at1, ManifestText.noSuchFile(display))])
            default: throw RuleFileErrors(errors: [RuleFileError(at1, ManifestText.notAFile(display))])
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleFileErrors(errors: [RuleFileError(at1, ManifestText.notUTF8(display))])
        }
        return try parse(text, path: display, base: url.deletingLastPathComponent(), defaultType: defaultType)
    }

    /// Parses manifest text; relative file paths are resolved against `base`. Text that passes
    /// `limits` (a "billion laughs" file) is refused before it is composed.
    public static func parse(_ text: String, path: String, base: URL, defaultType: String? = nil,
                             limits: YAMLLimits = YAMLLimits()) throws -> Manifest {
        if let excess = YAMLExpansion.check(text, limits: limits) {
            throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: path, line: excess.line, column: excess.column), ManifestText.yamlTooComplex(englishDetail: excess.problem))])
        }
        let node: Node?
        // As for rule files: every scalar is read as its text, so the basic resolver (no regular
        // expressions), and UTF-8 named outright (Yams' default encoding reads the whole environment).
        do { node = try Yams.compose(yaml: text, .basic, .default, .utf8) } catch let e as YamlError {
            let mark: Mark? = {
                switch e {
                case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): return m
                default: return nil
                }
            }()
            throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1), ManifestText.notYAMLOrJSON("\(e)"))])
        }
        guard let root = node else { throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: path, line: 1, column: 1), ManifestText.empty)]) }
        var reader = YAMLTreeReader(path: path)
        var manifest = Manifest(path: path, pathPrefix: nil, entries: [])
        var defaults: [(String, Node)] = []
        var list: [Node] = []
        let top = reader.pairs(root, allowed: ["PathPrefix", "defaults", "submissions"] + entryKeys, what: "a manifest")
        var single: [(String, Node)] = []
        for (k, v) in top {
            switch k {
            case "PathPrefix": manifest.pathPrefix = reader.scalar(v, what: "PathPrefix")
            case "defaults": defaults = reader.pairs(v, allowed: requestKeys + ["MakeType"], what: "defaults")
            case "submissions": list = reader.sequence(v, what: "submissions")
            default: single.append((k, v))
            }
        }
        if list.isEmpty && !single.isEmpty {
            if let e = readEntry(single, at: reader.location(root), index: 1, defaults: defaults, base: base, defaultType: defaultType, reader: &reader) { manifest.entries.append(e) }
        } else {
            if !single.isEmpty { reader.fail(single[0].1, ManifestText.keyOutsideEntry(single[0].0)) }
            for (i, item) in list.enumerated() {
                let pairs = reader.pairs(item, allowed: entryKeys, what: "a submission")
                if let e = readEntry(pairs, at: reader.location(item), index: i + 1, defaults: defaults, base: base, defaultType: defaultType, reader: &reader) { manifest.entries.append(e) }
            }
        }
        if manifest.entries.isEmpty && reader.errors.isEmpty && top.isEmpty && defaultType != nil {
            manifest.entries.append(Entry(name: "submission-1", type: defaultType!, files: [:], request: MakeRequest(), location: reader.location(root)))
        }
        if manifest.entries.isEmpty && reader.errors.isEmpty {
            reader.fail(root, ManifestText.noSubmissions)
        }
        if !reader.errors.isEmpty { throw RuleFileErrors(errors: reader.errors) }
        return manifest
    }

    static func readEntry(_ pairs: [(String, Node)], at location: SourceLocation, index: Int, defaults: [(String, Node)],
                          base: URL, defaultType: String?, reader: inout YAMLTreeReader) -> Entry? {
        var type: String? = defaultType
        var name: String?
        var files: [String: URL] = [:]
        var request = MakeRequest()
        var locations: [String: SourceLocation] = [:]
        for (k, v) in defaults + pairs {
            locations[k] = reader.location(v)
            switch k {
            case "name": name = reader.scalar(v, what: "name")
            case "MakeType": type = reader.scalar(v, what: "MakeType")?.uppercased()
            case "files":
                guard case .mapping(let m) = v else { reader.fail(v, ManifestText.filesMustMap); continue }
                for (slotNode, pathNode) in m {
                    guard let slot = slotNode.string, let p = reader.scalar(pathNode, what: "a file path") else { continue }
                    files[slot] = p.hasPrefix("/") ? URL(fileURLWithPath: p) : URL(fileURLWithPath: p, relativeTo: base)
                }
            default: readRequestField(k, v, into: &request, reader: &reader)
            }
        }
        guard let type else {
            reader.errors.append(RuleFileError(location, ManifestText.noMakeType(index: index)))
            return nil
        }
        return Entry(name: name ?? request.anchorName ?? "submission-\(index)", type: type, files: files, request: request, location: location,
                     fieldLocations: locations)
    }

    static func readRequestField(_ key: String, _ v: Node, into r: inout MakeRequest, reader: inout YAMLTreeReader) {
        func int() -> Int? {
            guard let s = reader.scalar(v, what: key) else { return nil }
            guard let i = Int(s) else { reader.fail(v, ManifestText.notWholeNumber(key, got: s)); return nil }
            return i
        }
        switch key {
        case "AnchorName": r.anchorName = reader.scalar(v, what: key)
        case "SexType": r.sexType = reader.scalar(v, what: key)
        case "Notes": r.notes = reader.scalar(v, what: key)
        case "TextDriver": r.textDriver = reader.scalar(v, what: key)
        case "ZeroshortLang": r.zeroshortLang = reader.scalar(v, what: key)
        case "AudioId": r.audioId = reader.scalar(v, what: key)
        case "RemoveBackground": r.removeBackground = int()
        case "PhotoVersion": r.photoVersion = int()
        case "IsHaveBackground":
            guard let s = reader.scalar(v, what: key)?.lowercased() else { return }
            if ["true", "false"].contains(s) { r.isHaveBackground = s == "true" } else { reader.fail(v, ManifestText.backgroundFlag) }
        case "TimbreInfo":
            var t = MakeRequest.TimbreInfo()
            for (k, value) in reader.pairs(v, allowed: ["TimbreCode", "Speed"], what: "TimbreInfo") {
                if k == "Speed" { t.speed = reader.scalar(value, what: "Speed") } else { t.timbreCode = reader.scalar(value, what: "TimbreCode") }
            }
            r.timbreInfo = t
        default: break
        }
    }
}
