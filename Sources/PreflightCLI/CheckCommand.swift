import ArgumentParser
import Foundation
import Preflight

/// `preflight check`: judge one submission (flags) or every submission of a manifest.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: HelpText.checkAbstract.help,
        discussion: HelpText.checkDiscussion.help)

    @Argument(help: ArgumentHelp(HelpText.manifest.help, valueName: "manifest"))
    var manifestArgument: String?

    @Option(name: .customLong("manifest"), help: ArgumentHelp(HelpText.manifest.help, valueName: "file"))
    var manifestOption: String?

    @Option(name: .customLong("type"), help: ArgumentHelp(HelpText.checkType(RuleSetLoader().availableTypes().joined(separator: ", ")).help))
    var makeType: String?

    @Option(help: ArgumentHelp(HelpText.material.help, valueName: "file"))
    var material: String?

    @Option(help: ArgumentHelp(HelpText.identity.help, valueName: "file"))
    var identity: String?

    @Option(name: .customLong("identity-pdf"), help: ArgumentHelp(HelpText.identityPDF.help, valueName: "file"))
    var identityPDF: String?

    @Option(help: ArgumentHelp(HelpText.alpha.help, valueName: "file"))
    var alpha: String?

    @Option(name: .customLong("driver-audio"), help: ArgumentHelp(HelpText.driverAudio.help, valueName: "file"))
    var driverAudio: String?

    @Option(name: .customLong("file"), help: ArgumentHelp(HelpText.file.help, valueName: "slot=path"))
    var slotFiles: [String] = []

    @OptionGroup(title: HelpText.requestFieldsTitle.help) var request: RequestOptions

    @Flag(name: .customLong("print-request"), help: ArgumentHelp(HelpText.printRequest.help))
    var printRequest = false

    @OptionGroup var run: RunOptions

    func run() async throws {
        let manifestPath = manifestArgument ?? manifestOption
        let submissions: [Submission]
        if let manifestPath {
            guard makeType == nil, material == nil, identity == nil, identityPDF == nil, alpha == nil, driverAudio == nil, slotFiles.isEmpty else {
                printError(RunOptions.errorLine(CLIText.manifestOrType, in: run.display.language))
                throw ExitCode(ExitStatus.usage)
            }
            do {
                submissions = try Manifest.load(URL(fileURLWithPath: manifestPath)).entries.map(\.submission)
            } catch let e as RuleFileErrors {
                printError(FlagAdvice.apply(e).description(in: run.display.language))
                throw ExitCode(ExitStatus.usage)
            }
            for s in submissions {
                for (_, url) in s.files {
                    if let problem = Self.notAFile(url.relativePath) {
                        printError(RunOptions.errorLine(CLIText.inSubmission(s.name ?? s.type, problem), in: run.display.language))
                        throw ExitCode(ExitStatus.usage)
                    }
                }
            }
        } else {
            guard let makeType else {
                printError(RunOptions.errorLine(CLIText.typeOrManifest, in: run.display.language))
                throw ExitCode(ExitStatus.usage)
            }
            submissions = [try singleSubmission(type: makeType.uppercased())]
        }
        if printRequest {
            let rules = run.ruleLoader()
            let location = try run.location()
            for s in submissions { print(COSPlan.makeRequestJSON(for: s, uploads: COSPlan.uploads(for: s, rules: try rules(s.type), location: location)), terminator: "") }
            return
        }
        let status = try await run.run(submissions, single: manifestPath == nil)
        if status != ExitStatus.pass { throw ExitCode(status) }
    }

    func singleSubmission(type: String) throws -> Submission {
        let rules = try run.ruleLoader()(type)
        var given: [(String, String)] = [("material", material), ("identity", identity), ("identity_pdf", identityPDF),
                                         ("alpha", alpha), ("driver_audio", driverAudio)].compactMap { slot, path in path.map { (slot, $0) } }
        for pair in slotFiles {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                printError(RunOptions.errorLine(CLIText.fileOption(pair), in: run.display.language))
                throw ExitCode(ExitStatus.usage)
            }
            given.append((parts[0], parts[1]))
        }
        var files: [String: URL] = [:]
        for (slot, path) in given {
            guard rules.slot(slot) != nil else {
                let takes = rules.slots.filter { $0.kind != .request }.map(\.name).joined(separator: ", ")
                printError(RunOptions.errorLine(CLIText.noSuchSlot(slot, type: type, takes: takes), in: run.display.language))
                throw ExitCode(ExitStatus.usage)
            }
            if let problem = Self.notAFile(path) {
                printError(RunOptions.errorLine(problem, in: run.display.language))
                throw ExitCode(ExitStatus.usage)
            }
            files[slot] = URL(fileURLWithPath: path)
        }
        let fields = request.makeRequest
        return Submission(type: type, files: files, request: fields.isEmpty ? nil : fields)
    }
}

extension CheckCommand {
    /// Why `path` cannot be given as a file (missing, or a folder), or nil when it can: both are the
    /// same usage mistake, exit 2 with one line.
    static func notAFile(_ path: String) -> LocalizedText? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return CLIText.noSuchFile(path)
        }
        return isDir.boolValue ? CLIText.folderNotFile(path) : nil
    }
}

/// The make request's fields as command-line options.
struct RequestOptions: ParsableArguments {
    @Option(name: .customLong("anchor-name"), help: ArgumentHelp(HelpText.anchorName.help)) var anchorName: String?
    @Option(name: .customLong("sex-type"), help: ArgumentHelp(HelpText.sexType.help)) var sexType: String?
    @Option(help: ArgumentHelp(HelpText.notes.help)) var notes: String?
    @Option(name: .customLong("text-driver"), help: ArgumentHelp(HelpText.textDriver.help)) var textDriver: String?
    @Option(help: ArgumentHelp(HelpText.speed.help)) var speed: String?
    @Option(name: .customLong("timbre-code"), help: ArgumentHelp(HelpText.timbreCode.help)) var timbreCode: String?
    @Option(name: .customLong("is-have-background"), help: ArgumentHelp(HelpText.isHaveBackground.help)) var isHaveBackground: Bool?
    @Option(name: .customLong("remove-background"), help: ArgumentHelp(HelpText.removeBackground.help)) var removeBackground: Int?
    @Option(name: .customLong("zeroshort-lang"), help: ArgumentHelp(HelpText.zeroshortLang.help)) var zeroshortLang: String?
    @Option(name: .customLong("photo-version"), help: ArgumentHelp(HelpText.photoVersion.help)) var photoVersion: Int?
    @Option(name: .customLong("audio-id"), help: ArgumentHelp(HelpText.audioId.help)) var audioId: String?

    var makeRequest: MakeRequest {
        var r = MakeRequest()
        r.anchorName = anchorName
        r.sexType = sexType
        r.notes = notes
        r.textDriver = textDriver
        if speed != nil || timbreCode != nil { r.timbreInfo = MakeRequest.TimbreInfo(timbreCode: timbreCode, speed: speed) }
        r.isHaveBackground = isHaveBackground
        r.removeBackground = removeBackground
        r.zeroshortLang = zeroshortLang
        r.photoVersion = photoVersion
        r.audioId = audioId
        return r
    }
}
