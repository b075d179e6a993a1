import ArgumentParser
import Foundation
import Preflight

/// Exit status contract: 0 no error finding, 1 at least one, 2 usage or rule-file error.
enum ExitStatus {
    static let pass: Int32 = 0
    static let fail: Int32 = 1
    static let usage: Int32 = 2
}

/// Maps an error thrown while parsing or running a command to its message and exit status.
func exitStatus(for error: Error) -> Int32 {
    if let exit = error as? ExitCode { return exit.rawValue }
    let code = PreflightCommand.exitCode(for: error)
    let message = PreflightCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        return ExitStatus.pass
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitStatus.usage
}

/// Runs a command that needs Swift concurrency (`check`, `gate`) and returns its status. The async
/// runtime and its threads start only here: `probe`, `rules`, `facts`, `--help` and `--version` run on
/// the main thread without them, which keeps a one-file probe's start close to the process's own. The
/// main thread waits for the task (it stays alive, so what it holds stays reachable until exit).
func runAsync(_ command: AsyncParsableCommand) -> Int32 {
    final class Outcome: @unchecked Sendable { var status = ExitStatus.pass }
    nonisolated(unsafe) var command = command
    let outcome = Outcome()
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            try await command.run()
        } catch {
            outcome.status = exitStatus(for: error)
        }
        finished.signal()
    }
    finished.wait()
    return outcome.status
}

/// `preflight --version`: the tool's release and the version of the rule set it carries.
func versionText() -> String {
    let versions = RuleSetLoader().versions().sorted { $0.key < $1.key }
        .map { "rules \($0.key) (\($0.value.joined(separator: ", ")))" }
    return (["preflight \(PreflightVersion.current)"] + versions).joined(separator: "\n")
}

/// Parses the command line and runs it, mapping every usage problem to exit status 2.
func runCommandLine() -> Int32 {
    if ["--version"] == Array(CommandLine.arguments.dropFirst()) {
        print(versionText())
        return ExitStatus.pass
    }
    if let probe = ProbeInvocation.recognise(Array(CommandLine.arguments.dropFirst())) {
        return probe.run(options: ProbeOptions(), language: Language.fromEnvironment(), verbose: false)
    }
    do {
        var command = try PreflightCommand.parseAsRoot()
        if let asyncCommand = command as? AsyncParsableCommand {
            return runAsync(asyncCommand)
        }
        try command.run()
        return ExitStatus.pass
    } catch {
        return exitStatus(for: error)
    }
}

exit(runCommandLine())
