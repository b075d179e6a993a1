import ArgumentParser
import Foundation
import Preflight

/// `preflight probe`: print what was measured of a file, without judging it.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Print the facts measured of a file (no rules applied).")

    @Argument(help: "The file to measure.")
    var file: String

    @Option(help: "What to read it as: video, pdf, photo, audio or voice (default: from its content).")
    var kind: SlotKind?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup(title: "Safety limits (each, when hit, is reported as an error)") var limits: LimitOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let invocation = ProbeInvocation(file: file, kind: kind, format: format)
        let status = invocation.run(options: limits.probeOptions, language: output.language, verbose: output.verbose)
        if status != ExitStatus.pass { throw ExitCode(status) }
    }
}
