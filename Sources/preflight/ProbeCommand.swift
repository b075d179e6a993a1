import ArgumentParser
import Foundation
import Preflight

/// `preflight probe`: print what was measured of a file, without judging it.
struct ProbeCommand: AsyncParsableCommand {
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

    func run() async throws {
        AVLog.configure(verbose: output.verbose)
        guard FileManager.default.fileExists(atPath: file) else {
            printError(output.language == .zh ? "错误：文件不存在：\(file)" : "error: no such file: \(file)")
            throw ExitCode(ExitStatus.usage)
        }
        let url = URL(fileURLWithPath: file)
        var options = limits.probeOptions
        let display = ProgressDisplay.forTerminal()
        options.progress = display?.progress
        let chosen = kind ?? SlotKind.guess(for: (try? FileFacts.read(url)) ?? Facts())
        let input = Preflight.probe(url, kind: chosen, options: options)
        display?.finish()
        switch format {
        case .json:
            print(JSONRenderer.render(probe: input), terminator: "")
        case .text:
            for name in input.facts.orderedNames {
                guard let value = input.facts[name] else { continue }
                print("\(name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(FactFormatting.describe(value, of: name))")
            }
            if let error = input.error {
                printError("\(error.message.text(in: output.language))" + (error.detail.map { " (\($0))" } ?? ""))
            }
        }
        if input.error != nil { throw ExitCode(ExitStatus.fail) }
    }
}
