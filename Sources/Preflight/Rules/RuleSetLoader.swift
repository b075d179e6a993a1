import Foundation

/// Finds and loads rule files: the built-in ones (`rules/`, embedded) and a user's own (`--rules FILE`).
public struct RuleSetLoader: Sendable {
    /// Where the built-in rule files come from.
    public var store: RuleStore
    /// The deepest chain of includes allowed.
    public var includeDepthLimit = 8
    /// The largest rule file read, in bytes.
    public var fileSizeLimit = 1 << 20
    /// Limits on each rule file's YAML: nodes after alias expansion, nesting depth.
    public var yamlLimits = YAMLLimits()
    /// Rule files "on disk" served from memory instead, by standardized path (fuzzing): when set,
    /// the disk is never read, and a path not listed is missing.
    @_spi(Fuzzing) public var memoryFiles: [String: String]?

    /// A loader over the given store (the embedded rules unless `$PREFLIGHT_RULES_DIR` is set).
    public init(store: RuleStore = .standard) { self.store = store }

    /// A loader over a folder laid out like `rules/`.
    public init(builtinDirectory: URL) { self.store = .directory(builtinDirectory) }

    /// A rule file's place: inside the built-in store, or on disk.
    enum Place: Equatable {
        case builtin(String)
        case disk(URL)
        /// A rule file given as text: its name in messages, and the text. Its includes name built-in files.
        case inline(name: String, text: String)

        var key: String {
            switch self {
            case .builtin(let p): return "builtin:" + p
            case .disk(let u): return u.standardizedFileURL.path
            case .inline(let name, _): return "inline:" + name
            }
        }

        var display: String {
            switch self {
            case .builtin(let p): return "rules/" + p
            case .disk(let u): return u.relativePath
            case .inline(let name, _): return name
            }
        }

        func resolving(_ include: String) -> Place {
            switch self {
            case .inline:
                return Place.builtin("").resolving(include)
            case .builtin(let p):
                var parts = p.split(separator: "/").dropLast().map(String.init)
                for part in include.split(separator: "/") {
                    if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
                }
                return .builtin(parts.joined(separator: "/"))
            case .disk(let u):
                return include.hasPrefix("/") ? .disk(URL(fileURLWithPath: include)) : .disk(u.deletingLastPathComponent().appendingPathComponent(include))
            }
        }
    }

    /// The customization kinds that have a built-in rule file (`TYPE.yaml` at the top), sorted.
    public func availableTypes() -> [String] {
        store.paths().filter { !$0.contains("/") && $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The built-in kinds by the version of their rules (the service documentation date), for
    /// `preflight --version`; a kind whose rules cannot be loaded is listed under `unreadable`.
    public func versions() -> [String: [String]] {
        var out: [String: [String]] = [:]
        for type in availableTypes() { out[(try? load(type: type))?.version ?? "unreadable", default: []].append(type) }
        return out
    }

    /// Loads the rules of a customization kind, then each extra file over them, then each rule file
    /// given as YAML text (`extraYAML`, named `(rules 1)`, `(rules 2)` … in messages; their includes
    /// name built-in files such as `shared/request.yaml`), then the profile.
    ///
    /// - Throws: ``UnknownTypeError`` for a kind without rules; ``RuleFileErrors`` naming file, line and
    ///   problem (an unknown profile among them).
    public func load(type: String, extraFiles: [URL] = [], extraYAML: [String] = [], profile: String? = nil) throws -> RuleSet {
        let typePlace = Place.builtin("\(type).yaml")
        guard store.text("\(type).yaml") != nil else { throw UnknownTypeError(type: type, known: availableTypes()) }
        var files: [RuleFile] = []
        var errors: [RuleFileError] = []
        let inline = extraYAML.enumerated().map { Place.inline(name: "(rules \($0.offset + 1))", text: $0.element) }
        for place in [typePlace] + extraFiles.map({ Place.disk($0) }) + inline {
            var chain: [String] = []
            collect(place, depth: 0, chain: &chain, into: &files, errors: &errors, includedFrom: nil)
        }
        if !errors.isEmpty { throw RuleFileErrors(errors: errors) }
        var set = RuleSet.merge(files, type: type)
        if let profile {
            // Several profiles may be combined, comma-separated (`strict,studio`), applied in that order.
            let names = profile.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for name in names {
                guard set.profiles[name] != nil else {
                    throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: typePlace.display, line: 1, column: 1),
                        RuleText.unknownProfile(name, type: type, available: set.profiles.keys.sorted().joined(separator: ", ")))])
                }
                for file in files { if let p = file.profiles[name] { set.apply(rules: p.rules, requirements: p.requirements) } }
            }
            set.profile = names.joined(separator: ",")
        }
        let problems = RuleLint.check(set)
        if !problems.isEmpty { throw RuleFileErrors(errors: problems) }
        return set
    }

    /// Reads one file and, before it, the files it includes (depth-first, cycles refused).
    func collect(_ place: Place, depth: Int, chain: inout [String], into files: inout [RuleFile],
                 errors: inout [RuleFileError], includedFrom: SourceLocation?) {
        let here = includedFrom ?? SourceLocation(file: place.display, line: 1, column: 1)
        if chain.contains(place.key) {
            let names = (chain + [place.key]).map { URL(fileURLWithPath: $0).lastPathComponent }
            errors.append(RuleFileError(here, RuleText.includeCycle(names.joined(separator: " → "))))
            return
        }
        if depth > includeDepthLimit {
            errors.append(RuleFileError(here, RuleText.includesTooDeep(limit: includeDepthLimit)))
            return
        }
        if files.contains(where: { $0.path == place.display }) { return }
        guard let text = read(place, at: here, errors: &errors) else { return }
        do {
            let file = try parse(text, place: place)
            errors.append(contentsOf: file.problems)
            chain.append(place.key)
            for include in file.includes {
                collect(place.resolving(include.path), depth: depth + 1, chain: &chain, into: &files, errors: &errors,
                        includedFrom: include.location)
            }
            chain.removeLast()
            files.append(file)
        } catch let e as RuleFileErrors {
            errors.append(contentsOf: e.errors)
        } catch {
            errors.append(RuleFileError(here, RuleText.cannotReadFile("\(error)")))
        }
    }

    /// Parses a rule file; the embedded built-in files are parsed once per process.
    func parse(_ text: String, place: Place) throws -> RuleFile {
        guard case .builtin(let path) = place, case .embedded = store, yamlLimits == YAMLLimits() else {
            return try RuleFile.parse(text, path: place.display, limits: yamlLimits)
        }
        return try EmbeddedRuleFiles.parsed(path) { try RuleFile.parse(text, path: place.display, limits: yamlLimits) }
    }

    /// The text of a rule file, within the size limit, or nil with the reason recorded.
    func read(_ place: Place, at here: SourceLocation, errors: inout [RuleFileError]) -> String? {
        switch place {
        case .builtin(let p):
            guard let text = store.text(p) else {
                errors.append(RuleFileError(here, RuleText.noBuiltinFile(place.display)))
                return nil
            }
            return text
        case .inline(_, let text):
            guard text.utf8.count <= fileSizeLimit else {
                errors.append(RuleFileError(here, RuleText.fileTooLarge(place.display, bytes: "\(text.utf8.count)", limit: fileSizeLimit)))
                return nil
            }
            return text
        case .disk(let url) where memoryFiles != nil:
            guard let text = memoryFiles?[url.standardizedFileURL.path] else {
                errors.append(RuleFileError(here, RuleText.noSuchRuleFile(place.display)))
                return nil
            }
            guard text.utf8.count <= fileSizeLimit else {
                errors.append(RuleFileError(here, RuleText.fileTooLarge(place.display, bytes: "\(text.utf8.count)", limit: fileSizeLimit)))
                return nil
            }
            return text
        case .disk(let url):
            let data: Data
            do {
                data = try FileByteSource.contents(of: url, limit: fileSizeLimit)
            } catch let e as ProbeError where e.kind == .limitExceeded {
                errors.append(RuleFileError(here, RuleText.fileTooLarge(place.display, bytes: e.detail ?? "?", limit: fileSizeLimit)))
                return nil
            } catch {
                errors.append(RuleFileError(here, RuleText.noSuchRuleFile(place.display)))
                return nil
            }
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append(RuleFileError(here, RuleText.notUTF8(place.display)))
                return nil
            }
            return text
        }
    }

    /// Parses and checks a user rule file on its own: against the slots of every built-in type, and
    /// with rules that override built-in ones merged over them first.
    public func lint(_ url: URL) -> [RuleFileError] {
        var files: [RuleFile] = []
        var errors: [RuleFileError] = []
        var chain: [String] = []
        collect(.disk(url), depth: 0, chain: &chain, into: &files, errors: &errors, includedFrom: nil)
        var known = Set<String>()
        var builtinRules: [String: Rule] = [:]
        for type in availableTypes() {
            guard let set = try? load(type: type) else { continue }
            known.formUnion(set.slots.map(\.name))
            for rule in set.rules where builtinRules[rule.id] == nil { builtinRules[rule.id] = rule }
        }
        var set = RuleSet.merge(files, type: files.last?.type ?? "user")
        set.rules = set.rules.map { rule in builtinRules[rule.id].map { $0.overridden(by: rule) } ?? rule }
        known.formUnion(set.slots.map(\.name))
        var problems = errors + RuleLint.check(set, knownSlots: known)
        for file in files {
            for (name, profile) in file.profiles {
                var overlay = set
                overlay.apply(rules: profile.rules, requirements: profile.requirements)
                problems += RuleLint.check(overlay, knownSlots: known).map { RuleFileError($0.location, RuleText.inProfile(name, $0.message)) }
            }
        }
        var seen = Set<String>()
        return problems.filter { seen.insert($0.description).inserted }
    }
}

/// The embedded rule files, parsed once per process: they never change, and loading a kind
/// (or linting a file against every kind) would otherwise parse them again each time.
enum EmbeddedRuleFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var files: [String: Result<RuleFile, RuleFileErrors>] = [:]

    /// The parsed file at `path`, parsing it with `parse` the first time.
    static func parsed(_ path: String, _ parse: () throws -> RuleFile) throws -> RuleFile {
        if let cached = lock.withLock({ files[path] }) { return try cached.get() }
        let result: Result<RuleFile, RuleFileErrors>
        do { result = .success(try parse()) } catch let e as RuleFileErrors { result = .failure(e) }
        lock.withLock { files[path] = result }
        return try result.get()
    }
}
