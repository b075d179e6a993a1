import ArgumentParser
import Foundation
import Preflight

/// `preflight facts`: the vocabulary rules are written in.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: HelpText.factsAbstract.help)

    /// How the list is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(help: ArgumentHelp(HelpText.factsFormat.help))
    var format: Format = .text

    func run() throws {
        if format == .markdown { print(FactVocabulary.markdownReference(), terminator: ""); return }
        for f in FactVocabulary.all {
            let units = f.dimension.units.map(\.symbol).joined(separator: " ")
            print("\(f.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(f.dimension.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(units.isEmpty ? "" : "[\(units)] ")\(f.summary)")
        }
    }
}
