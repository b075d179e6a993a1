import ArgumentParser
import Foundation
import Preflight

/// `preflight gate DIR`: the CI gate over a studio's delivery folder.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Check every submission in a delivery folder laid out like COS (a CI gate).",
        discussion: """
            DIR/<name>/submission.yaml   MakeType and request fields (optional with --type)
            DIR/<name>/video/ idcard/ audio/ photo/ zeroshot/   the files, as they will be uploaded
            Exit 1 when any submission fails; use --format junit|github|markdown for CI readers.
            """)

    @Argument(help: "The delivery folder.")
    var directory: String

    @Option(name: .customLong("type"), help: "MakeType for submissions without a submission.yaml.")
    var makeType: String?

    @OptionGroup var run: RunOptions

    func run() async throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            printError("error: no such folder: \(directory)")
            throw ExitCode(ExitStatus.usage)
        }
        // Submissions are measured as they are found; warnings and a missing submission come once
        // the whole folder is read, as when it was read first.
        var reader = GateFolder.Reader(URL(fileURLWithPath: directory), defaultType: makeType?.uppercased())
        var found = 0
        let status = try await run.run(discovering: { rules in
            let submission: Submission?
            do {
                submission = try reader.next(rules: rules)
            } catch let e as RuleFileErrors {
                printError(e.description)
                throw ExitCode(ExitStatus.usage)
            }
            if submission != nil {
                found += 1
                return submission
            }
            for s in reader.strays { printError("warning: \(s.path): \(s.reason)") }
            guard found > 0 else {
                printError("error: no submissions found in \(directory) (see `preflight gate --help` for the layout)")
                throw ExitCode(ExitStatus.usage)
            }
            return nil
        }, single: false)
        if status != ExitStatus.pass { throw ExitCode(status) }
    }
}
