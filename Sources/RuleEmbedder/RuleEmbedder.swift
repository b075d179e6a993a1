import Foundation

/// Writes a Swift file holding every .yaml file under a folder: `RuleEmbedder RULES_DIR OUTPUT.swift`.
///
/// An `@main` type rather than top-level code, so the tool also builds when every target is
/// compiled as a library (SwiftPM does so under `--sanitize=fuzzer`).
@main
enum RuleEmbedder {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: RuleEmbedder RULES_DIR OUTPUT.swift\n".utf8))
            exit(2)
        }
        do {
            try source(embedding: URL(fileURLWithPath: arguments[1]).standardizedFileURL)
                .write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("RuleEmbedder: \(error)\n".utf8))
            exit(1)
        }
    }

    /// The Swift source of `enum EmbeddedRules` holding every .yaml file under `root`, by relative path.
    static func source(embedding root: URL) -> String {
        var entries: [(String, String)] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                entries.append((relative, text))
            }
        }
        entries.sort { $0.0 < $1.0 }
        var swift = "// Generated from rules/ by RuleEmbedder at build time. Do not edit.\n\n"
        swift += "/// The built-in rule files by path relative to `rules/`.\n"
        swift += "enum EmbeddedRules {\n    static let files: [String: String] = [\n"
        for (path, text) in entries {
            var hashes = "#"
            while text.contains("\"\(hashes)") || text.contains("\\\(hashes)") { hashes += "#" }
            swift += "        \(hashes)\"\(path)\"\(hashes): \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
        }
        swift += "    ]\n}\n"
        return swift
    }
}
