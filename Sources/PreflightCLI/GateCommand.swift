import ArgumentParser
import Foundation
import Preflight

/// `preflight gate DIR`: the CI gate over a studio's delivery folder.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: HelpText.gateAbstract.help,
        discussion: HelpText.gateDiscussion.help)

    @Argument(help: ArgumentHelp(HelpText.deliveryFolder.help))
    var directory: String

    @Option(name: .customLong("type"), help: ArgumentHelp(HelpText.gateType.help))
    var makeType: String?

    @Option(help: ArgumentHelp(HelpText.shard.help, valueName: "K/N"))
    var shard: Shard?

    @OptionGroup var run: RunOptions

    func run() async throws {
        let language = run.display.language
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDir)
        guard exists, isDir.boolValue else {
            let message = exists
                ? CLIText.fileNotFolder(directory)
                : CLIText.noSuchFolder(directory)
            printError(RunOptions.errorLine(message, in: language))
            throw ExitCode(ExitStatus.usage)
        }
        let knownTypes = RuleSetLoader().availableTypes()
        if let makeType, !knownTypes.contains(makeType.uppercased()) {
            printError(RunOptions.errorLine(UnknownTypeError(type: makeType.uppercased(), known: knownTypes).message, in: language))
            throw ExitCode(ExitStatus.usage)
        }
        // Submissions are measured as they are found; a missing submission is reported once the
        // whole folder is read.
        let root = URL(fileURLWithPath: directory)
        var reader = GateFolder.Reader(root, defaultType: makeType?.uppercased(), knownTypes: knownTypes)
        var found = 0
        let status = try await run.run(discovering: { rules in
            while let submission = try reader.next(rules: rules) {
                found += 1
                if shard?.takes(found - 1) ?? true { return submission }
            }
            guard found > 0 else {
                printError(RunOptions.errorLine(CLIText.noSubmissions(in: directory), in: language))
                throw ExitCode(ExitStatus.usage)
            }
            return nil
        }, single: false, root: root)
        if status != ExitStatus.pass { throw ExitCode(status) }
    }
}

/// `K/N`: the Kth of N shares of a delivery (1 ≤ K ≤ N).
struct Shard: ExpressibleByArgument, Equatable {
    /// The share, 1-based.
    let index: Int
    /// How many shares.
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    /// Whether the submission at `position` (0-based, in the gate's order) is in this share.
    func takes(_ position: Int) -> Bool { position % count == index - 1 }
}
