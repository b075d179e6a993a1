import ArgumentParser
import Foundation
import Preflight

/// `preflight check`: judge a submission's files against the rules of its customization kind.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the files of one customization request against the service's rules.",
        discussion: """
            Example: preflight check --type IMAGE_GENERAL --material take3.mp4 --identity auth.mp4
            """)

    @Option(name: .customLong("type"), help: "Customization kind (MakeType): \(RuleSetLoader().availableTypes().joined(separator: ", ")).")
    var makeType: String

    @Option(help: ArgumentHelp("Material video (MaterialCosUrl, COS folder video/).", valueName: "file"))
    var material: String?

    @Option(help: ArgumentHelp("Spoken authorization video (IdentityCosUrl, idcard/).", valueName: "file"))
    var identity: String?

    @Option(name: .customLong("identity-pdf"), help: ArgumentHelp("Written authorization PDF (IdentityWrittenCosUrl, idcard/).", valueName: "file"))
    var identityPDF: String?

    @Option(help: ArgumentHelp("Custom alpha-channel video (AlphaCosUrl, video/).", valueName: "file"))
    var alpha: String?

    @Option(name: .customLong("driver-audio"), help: ArgumentHelp("Demo driver audio (VoiceDriverCosFile, audio/).", valueName: "file"))
    var driverAudio: String?

    @Option(name: .customLong("file"), help: ArgumentHelp("Any slot of the rules as SLOT=PATH (repeatable), e.g. identity_pdf=letter.pdf.", valueName: "slot=path"))
    var slotFiles: [String] = []

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file that extends or overrides the built-in rules (repeatable).", valueName: "file"))
    var ruleFiles: [String] = []

    @Option(help: "A named alternative of the rules (see `preflight rules show TYPE`).")
    var profile: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Count warnings as failures (exit 1).")
    var strict = false

    @Flag(name: .customLong("failures-only"), help: "List only failed and skipped checks in text output.")
    var failuresOnly = false

    @Option(help: "Seconds allowed per file before giving up on it.")
    var timeout: Double = 60

    @OptionGroup var output: OutputOptions

    func run() async throws {
        AVLog.configure(verbose: output.verbose)
        let loader = RuleSetLoader()
        let rules: RuleSet
        do {
            rules = try loader.load(type: makeType.uppercased(), extraFiles: ruleFiles.map { URL(fileURLWithPath: $0) }, profile: profile)
        } catch let e as RuleFileErrors {
            printError(e.description)
            throw ExitCode(ExitStatus.usage)
        }
        var files: [String: URL] = [:]
        var given: [(String, String)] = [("material", material), ("identity", identity), ("identity_pdf", identityPDF),
                                         ("alpha", alpha), ("driver_audio", driverAudio)].compactMap { slot, path in path.map { (slot, $0) } }
        for pair in slotFiles {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                printError("error: --file takes SLOT=PATH, got '\(pair)'")
                throw ExitCode(ExitStatus.usage)
            }
            given.append((parts[0], parts[1]))
        }
        for (slot, path) in given {
            guard rules.slot(slot) != nil else {
                printError("error: \(rules.type) has no '\(slot)' file; it takes: \(rules.slots.map(\.name).joined(separator: ", "))")
                throw ExitCode(ExitStatus.usage)
            }
            guard FileManager.default.fileExists(atPath: path) else {
                printError(output.language == .zh ? "错误：文件不存在：\(path)" : "error: no such file: \(path)")
                throw ExitCode(ExitStatus.usage)
            }
            files[slot] = URL(fileURLWithPath: path)
        }
        var options = ProbeOptions()
        options.timeout = timeout
        let report = await Preflight.check(Submission(type: rules.type, files: files), rules: rules, options: options, strict: strict)
        switch format {
        case .json: print(JSONRenderer.render(report), terminator: "")
        case .text: print(TextRenderer(language: output.language, color: output.useColor, showPassed: !failuresOnly).render(report), terminator: "")
        }
        if report.verdict == .fail { throw ExitCode(ExitStatus.fail) }
    }
}
