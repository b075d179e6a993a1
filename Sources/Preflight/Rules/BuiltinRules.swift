import Foundation

/// Where built-in rule files come from: the copy embedded at build time, or a folder on disk.
public enum RuleStore: Sendable {
    /// The rules embedded in the library from the repository's `rules/` folder.
    case embedded
    /// A folder laid out like `rules/` (`TYPE.yaml`, `shared/…`).
    case directory(URL)

    /// The store to use: `$PREFLIGHT_RULES_DIR` when set, else the embedded rules.
    public static var standard: RuleStore {
        if let dir = ProcessInfo.processInfo.environment["PREFLIGHT_RULES_DIR"], !dir.isEmpty {
            return .directory(URL(fileURLWithPath: dir))
        }
        return .embedded
    }

    /// Every rule file, by path relative to the store's root, sorted.
    public func paths() -> [String] {
        switch self {
        case .embedded: return EmbeddedRules.files.keys.sorted()
        case .directory(let root):
            var out: [String] = []
            let base = root.standardizedFileURL.path
            if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
                for case let url as URL in walker where url.pathExtension == "yaml" {
                    out.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
                }
            }
            return out.sorted()
        }
    }

    /// The text of a file by relative path, or nil if there is none.
    public func text(_ path: String) -> String? {
        switch self {
        case .embedded: return EmbeddedRules.files[path]
        case .directory(let root):
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
            return String(data: data, encoding: .utf8)
        }
    }
}
