import ArgumentParser
import Foundation
import Preflight

/// `preflight`: check digital-human materials against the service's limits before upload.
struct PreflightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: HelpText.rootAbstract.help,
        discussion: HelpText.rootDiscussion.help,
        version: PreflightVersion.current,
        subcommands: [CheckCommand.self, GateCommand.self, ProbeCommand.self, RulesCommand.self, FactsCommand.self])
}

/// Options shared by commands that print for a person.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpText.lang.help))
    var lang: Language?

    @Option(help: ArgumentHelp(HelpText.color.help))
    var color: ColorChoice = .auto

    @Flag(help: ArgumentHelp(HelpText.verbose.help))
    var verbose = false

    var language: Language { lang ?? Language.fromEnvironment() }

    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let env = ProcessInfo.processInfo.environment
            return isatty(STDOUT_FILENO) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        }
    }
}

/// When to colour text output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Formats of `probe`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Language: ExpressibleByArgument {}

extension SlotKind: ExpressibleByArgument {}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
