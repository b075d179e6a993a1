import Foundation
import Preflight

/// One `preflight probe`: the file, how to read it and how to print what was measured. ``ProbeCommand``
/// makes one from the full command line; ``recognise(_:)`` makes one from the common short form without
/// swift-argument-parser, whose reflection over every option of `probe` costs more than reading a
/// photo's header (about 1.5 ms of a 7 ms run).
struct ProbeInvocation: Equatable {
    /// The file to measure, as given.
    var file: String
    /// What to read it as; `nil` guesses from its content.
    var kind: SlotKind?
    /// Text or JSON.
    var format: OutputFormat = .text

    /// The invocation of `preflight probe FILE [--kind K] [--format F]` (each option at most once, as
    /// `--kind K` or `--kind=K`, with a value `probe` accepts, and one file that does not start with
    /// `-`), or `nil` for any other command line, which then goes through the full parser with its help
    /// and its messages. `arguments` excludes the program name.
    static func recognise(_ arguments: [String]) -> ProbeInvocation? {
        guard arguments.first == "probe" else { return nil }
        var file: String?
        var kind: SlotKind?
        var format: OutputFormat?
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                guard file == nil else { return nil }
                file = argument
                continue
            }
            let name: Substring
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                value = String(argument[argument.index(after: equals)...])
            } else {
                name = argument[...]
                guard let next = rest.popFirst() else { return nil }
                value = next
            }
            switch name {
            case "--kind":
                guard kind == nil, let parsed = SlotKind(rawValue: value) else { return nil }
                kind = parsed
            case "--format":
                guard format == nil, let parsed = OutputFormat(rawValue: value) else { return nil }
                format = parsed
            default:
                return nil
            }
        }
        guard let file, !file.isEmpty else { return nil }
        return ProbeInvocation(file: file, kind: kind, format: format ?? .text)
    }

    /// Measures the file and prints its facts. Returns the exit status: 0 when the file could be read, 1
    /// when its probe ended in an error, 2 when there is no such file.
    func run(options: ProbeOptions, language: Language, verbose: Bool) -> Int32 {
        AVLog.configure(verbose: verbose)
        guard FileManager.default.fileExists(atPath: file) else {
            printError(CLIText.errorLine(CLIText.noSuchFile(file)).text(in: language))
            return ExitStatus.usage
        }
        let url = URL(fileURLWithPath: file)
        var options = options
        let display = ProgressDisplay.forTerminal()
        options.progress = display?.progress
        let chosen = kind ?? SlotKind.guess(for: (try? FileFacts.read(url)) ?? Facts())
        let input = FlagAdvice.apply(Preflight.probe(url, kind: chosen, options: options))
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
                printError("\(error.message.text(in: language))" + (error.detail.map { " (\($0))" } ?? ""))
            }
        }
        return input.error == nil ? ExitStatus.pass : ExitStatus.fail
    }
}
