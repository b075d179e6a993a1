import Foundation
import PackagePlugin

/// Embeds the repository's `rules/` folder into the library as Swift source, so the built-in rules
/// travel inside every binary and every package that depends on the library.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) rule files",
            executable: try context.tool(named: "RuleEmbedder").url,
            arguments: [rules.path, output.path],
            inputFiles: inputs.sorted { $0.path < $1.path },
            outputFiles: [output])]
    }
}
