import ArgumentParser
import Foundation
import Preflight

/// Exit status contract: 0 no error finding, 1 at least one, 2 usage or rule-file error.
enum ExitStatus {
    static let pass: Int32 = 0
    static let fail: Int32 = 1
    static let usage: Int32 = 2
}

/// Parses the command line and runs it, mapping every usage problem to exit status 2.
func runCommandLine() async -> Int32 {
    do {
        var command = try PreflightCommand.parseAsRoot()
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return ExitStatus.pass
    } catch let exit as ExitCode {
        return exit.rawValue
    } catch {
        let code = PreflightCommand.exitCode(for: error)
        let message = PreflightCommand.fullMessage(for: error)
        if code == .success {
            print(message)
            return ExitStatus.pass
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitStatus.usage
    }
}

let status = await runCommandLine()
exit(status)
