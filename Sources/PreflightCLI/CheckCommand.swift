import ArgumentParser
import Foundation
import Preflight

/// `preflight check`: judge one submission (flags) or every submission of a manifest.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the files and fields of customization requests against the service's rules.",
        discussion: """
            One submission:  preflight check --type IMAGE_GENERAL --material take3.mp4 --identity auth.mp4
            A manifest:      preflight check studio.yaml   (or --manifest studio.yaml)
            """)

    @Argument(help: ArgumentHelp("A manifest (YAML or JSON) of one or many submissions.", valueName: "manifest"))
    var manifestArgument: String?

    @Option(name: .customLong("manifest"), help: ArgumentHelp("A manifest (YAML or JSON) of one or many submissions.", valueName: "file"))
    var manifestOption: String?

    @Option(name: .customLong("type"), help: "Customization kind (MakeType): \(RuleSetLoader().availableTypes().joined(separator: ", ")).")
    var makeType: String?

    @Option(help: ArgumentHelp("Material (MaterialCosUrl): video, photo or voice, by kind.", valueName: "file"))
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

    @OptionGroup(title: "Request fields (once any is given, all are checked)") var request: RequestOptions

    @Flag(name: .customLong("print-request"), help: "Print the make request JSON with the COS URLs filled in (needs --path-prefix for full URLs) instead of a report.")
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
    @Option(name: .customLong("anchor-name"), help: "AnchorName.") var anchorName: String?
    @Option(name: .customLong("sex-type"), help: "SexType: MALE or FEMALE.") var sexType: String?
    @Option(help: "Notes.") var notes: String?
    @Option(name: .customLong("text-driver"), help: "TextDriver.") var textDriver: String?
    @Option(help: "TimbreInfo.Speed.") var speed: String?
    @Option(name: .customLong("timbre-code"), help: "TimbreInfo.TimbreCode.") var timbreCode: String?
    @Option(name: .customLong("is-have-background"), help: "IsHaveBackground: true or false.") var isHaveBackground: Bool?
    @Option(name: .customLong("remove-background"), help: "RemoveBackground: 1 (green) or 2 (white).") var removeBackground: Int?
    @Option(name: .customLong("zeroshort-lang"), help: "ZeroshortLang: chi, eng or can.") var zeroshortLang: String?
    @Option(name: .customLong("photo-version"), help: "PhotoVersion: 0 or 1.") var photoVersion: Int?
    @Option(name: .customLong("audio-id"), help: "AudioId (ZERO_SHOT_VOICE).") var audioId: String?

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
