import ArgumentParser
import Foundation
import Preflight

/// `preflight probe`: print what was measured of a file, without judging it.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: HelpText.probeAbstract.help)

    @Argument(help: ArgumentHelp(HelpText.probeFile.help))
    var file: String

    @Option(help: ArgumentHelp(HelpText.probeAs.help))
    var kind: SlotKind?

    @Option(help: ArgumentHelp(HelpText.probeFormat.help))
    var format: OutputFormat = .text

    @OptionGroup(title: HelpText.probeLimitsTitle.help) var limits: LimitOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let invocation = ProbeInvocation(file: file, kind: kind, format: format)
        let status = invocation.run(options: limits.probeOptions, language: output.language, verbose: output.verbose)
        if status != ExitStatus.pass { throw ExitCode(status) }
    }
}
