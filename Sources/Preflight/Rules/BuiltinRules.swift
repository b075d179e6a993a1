import Foundation

/// Where the built-in rule files (the repository's `rules/` folder) are found at run time.
public enum BuiltinRules {
    /// The folder: the copy bundled with the library, else `share/preflight/rules` beside the
    /// executable's `bin/`, else a `rules/` folder above the executable (a development checkout).
    public static var directory: URL {
        let fm = FileManager.default
        if let bundled = Bundle.module.url(forResource: "BuiltinRules", withExtension: nil),
           fm.fileExists(atPath: bundled.appendingPathComponent("IMAGE.yaml").path) {
            return bundled
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        let share = dir.deletingLastPathComponent().appendingPathComponent("share/preflight/rules")
        if fm.fileExists(atPath: share.path) { return share }
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("rules")
            if fm.fileExists(atPath: candidate.appendingPathComponent("IMAGE.yaml").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return share
    }
}
