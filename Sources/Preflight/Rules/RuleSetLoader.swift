import Foundation

/// Finds and loads rule files: the built-in ones in `rules/` and a user's own (`--rules FILE`).
public struct RuleSetLoader: Sendable {
    /// The folder holding the built-in rule files (one `TYPE.yaml` per customization kind).
    public var builtinDirectory: URL
    /// The deepest chain of includes allowed.
    public var includeDepthLimit = 8
    /// The largest rule file read, in bytes.
    public var fileSizeLimit = 1 << 20

    /// A loader over the given built-in folder.
    public init(builtinDirectory: URL) { self.builtinDirectory = builtinDirectory }

    /// A loader over the built-in rules: `$PREFLIGHT_RULES_DIR`, else the rules bundled with the library.
    public init() {
        if let dir = ProcessInfo.processInfo.environment["PREFLIGHT_RULES_DIR"], !dir.isEmpty {
            builtinDirectory = URL(fileURLWithPath: dir)
        } else {
            builtinDirectory = BuiltinRules.directory
        }
    }

    /// The customization kinds that have a built-in rule file, sorted.
    public func availableTypes() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: builtinDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads the rules of a customization kind, then each extra file over them, then the profile.
    ///
    /// - Throws: ``RuleFileErrors`` naming file, line and problem; or an unknown type or profile.
    public func load(type: String, extraFiles: [URL] = [], profile: String? = nil) throws -> RuleSet {
        let typeFile = builtinDirectory.appendingPathComponent("\(type).yaml")
        guard FileManager.default.fileExists(atPath: typeFile.path) else {
            throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: typeFile.path, line: 1, column: 1),
                "unknown customization type '\(type)'; known: \(availableTypes().joined(separator: ", "))")])
        }
        var files: [RuleFile] = []
        var errors: [RuleFileError] = []
        for url in [typeFile] + extraFiles {
            var seen: [String] = []
            collect(url, depth: 0, chain: &seen, into: &files, errors: &errors, includedFrom: nil)
        }
        if !errors.isEmpty { throw RuleFileErrors(errors: errors) }
        var set = RuleSet.merge(files, type: type)
        if let profile {
            guard set.profiles[profile] != nil else {
                throw RuleFileErrors(errors: [RuleFileError(SourceLocation(file: typeFile.path, line: 1, column: 1),
                    "unknown profile '\(profile)' for \(type); available: \(set.profiles.keys.sorted().joined(separator: ", "))")])
            }
            for file in files { if let p = file.profiles[profile] { set.apply(rules: p.rules, requirements: p.requirements) } }
            set.profile = profile
        }
        let problems = RuleLint.check(set)
        if !problems.isEmpty { throw RuleFileErrors(errors: problems) }
        return set
    }

    /// Reads one file and, before it, the files it includes (depth-first, cycles refused).
    func collect(_ url: URL, depth: Int, chain: inout [String], into files: inout [RuleFile],
                 errors: inout [RuleFileError], includedFrom: SourceLocation?) {
        let path = url.standardizedFileURL.path
        let here = includedFrom ?? SourceLocation(file: displayPath(url), line: 1, column: 1)
        if chain.contains(path) {
            errors.append(RuleFileError(here, "include cycle: \((chain + [path]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → "))"))
            return
        }
        if depth > includeDepthLimit {
            errors.append(RuleFileError(here, "includes nested deeper than \(includeDepthLimit) files"))
            return
        }
        if files.contains(where: { URL(fileURLWithPath: $0.path).standardizedFileURL.path == path }) { return }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int, attributes?[.type] as? FileAttributeType == .typeRegular else {
            errors.append(RuleFileError(here, "cannot read rule file \(displayPath(url)): no such file"))
            return
        }
        guard size <= fileSizeLimit else {
            errors.append(RuleFileError(here, "rule file \(displayPath(url)) is \(size) bytes; the limit is \(fileSizeLimit)"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            errors.append(RuleFileError(here, "rule file \(displayPath(url)) is not readable UTF-8 text"))
            return
        }
        do {
            let file = try RuleFile.parse(text, path: displayPath(url))
            errors.append(contentsOf: file.problems)
            chain.append(path)
            for include in file.includes {
                let target = include.path.hasPrefix("/") ? URL(fileURLWithPath: include.path)
                    : url.deletingLastPathComponent().appendingPathComponent(include.path)
                collect(target, depth: depth + 1, chain: &chain, into: &files, errors: &errors, includedFrom: include.location)
            }
            chain.removeLast()
            files.append(file)
        } catch let e as RuleFileErrors {
            errors.append(contentsOf: e.errors)
        } catch {
            errors.append(RuleFileError(here, "\(error)"))
        }
    }

    /// Built-in files are shown relative to the rules folder (`rules/IMAGE.yaml`), others as given.
    func displayPath(_ url: URL) -> String {
        let base = builtinDirectory.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? "rules/" + path.dropFirst(base.count) : url.path
    }

    /// Parses and checks a user rule file on its own, against the slots of every built-in type.
    public func lint(_ url: URL) -> [RuleFileError] {
        var files: [RuleFile] = []
        var errors: [RuleFileError] = []
        var chain: [String] = []
        collect(url, depth: 0, chain: &chain, into: &files, errors: &errors, includedFrom: nil)
        var known = Set<String>()
        var builtinRules: [String: Rule] = [:]
        for type in availableTypes() {
            guard let set = try? load(type: type) else { continue }
            known.formUnion(set.slots.map(\.name))
            for rule in set.rules where builtinRules[rule.id] == nil { builtinRules[rule.id] = rule }
        }
        var set = RuleSet.merge(files, type: files.last?.type ?? "user")
        // A rule that overrides a built-in one is checked as it will be evaluated: merged over it.
        set.rules = set.rules.map { rule in builtinRules[rule.id].map { $0.overridden(by: rule) } ?? rule }
        known.formUnion(set.slots.map(\.name))
        var problems = errors + RuleLint.check(set, knownSlots: known)
        for file in files {
            for (name, profile) in file.profiles {
                var overlay = set
                overlay.apply(rules: profile.rules, requirements: profile.requirements)
                problems += RuleLint.check(overlay, knownSlots: known).map { RuleFileError($0.location, "profile '\(name)': \($0.problem)") }
            }
        }
        var seen = Set<String>()
        return problems.filter { seen.insert($0.description).inserted }
    }
}
