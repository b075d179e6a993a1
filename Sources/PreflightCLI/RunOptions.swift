import ArgumentParser
import Foundation
import Preflight

/// Report formats.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, github, markdown, sarif, codequality
}

/// Options shared by `check` and `gate`: rules, limits, outputs, CI behaviour.
struct RunOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(HelpText.rules.help, valueName: "file"))
    var ruleFiles: [String] = []

    @Option(help: ArgumentHelp(HelpText.profile.help))
    var profile: String?

    @Option(help: ArgumentHelp(HelpText.format.help))
    var format: ReportFormat = .text

    @Flag(help: ArgumentHelp(HelpText.strict.help))
    var strict = false

    @Flag(name: .customLong("failures-only"), help: ArgumentHelp(HelpText.failuresOnly.help))
    var failuresOnly = false

    @Option(help: ArgumentHelp(HelpText.jobs.help))
    var jobs: Int = AvailableProcessors.count

    @Option(name: .customLong("path-prefix"), help: ArgumentHelp(HelpText.pathPrefix.help, valueName: "url"))
    var pathPrefix: String?

    @Option(help: ArgumentHelp(HelpText.baseline.help, valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(HelpText.writeBaseline.help, valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp(HelpText.output.help, valueName: "format=file"))
    var output: [String] = []

    @OptionGroup(title: HelpText.runLimitsTitle.help) var limits: LimitOptions

    @OptionGroup var display: OutputOptions

    /// The COS location parsed from --path-prefix, or a usage error.
    func location() throws -> COSLocation? {
        guard let pathPrefix else { return nil }
        guard let location = COSLocation(pathPrefix: pathPrefix) else {
            printError(Self.errorLine(CLIText.pathPrefix(pathPrefix), in: display.language))
            throw ExitCode(ExitStatus.usage)
        }
        return location
    }

    /// Loads a kind's rules with the extra files and profile, caching per kind; rule errors exit 2.
    func ruleLoader() -> @Sendable (String) throws -> RuleSet {
        let loader = RuleSetLoader()
        let extra = ruleFiles.map { URL(fileURLWithPath: $0) }
        let profile = self.profile
        let language = display.language
        let cache = RuleSetCache()
        return { type in
            do {
                let key = type.uppercased()
                if let set = cache.sets[key] { return set }
                let set = try loader.load(type: key, extraFiles: extra, profile: profile)
                cache.sets[key] = set
                return set
            } catch let e as RuleFileErrors {
                printError(FlagAdvice.apply(e).description(in: language))
                throw ExitCode(ExitStatus.usage)
            } catch let e as UnknownTypeError {
                printError(Self.errorLine(e.message, in: language))
                throw ExitCode(ExitStatus.usage)
            }
        }
    }

    /// `error: message` (`错误：message`) in a language.
    static func errorLine(_ message: LocalizedText, in language: Language) -> String {
        CLIText.errorLine(message).text(in: language)
    }

    /// The `--output` requests as (format, file), each file checked to be writable; a malformed
    /// request or a file that cannot be written is a usage error, reported before anything is measured.
    func outputTargets() throws -> [(ReportFormat, String)] {
        let language = display.language
        return try output.map { spec in
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            guard parts.count == 2, !parts[1].isEmpty, let f = ReportFormat(rawValue: parts[0]) else {
                printError(Self.errorLine(CLIText.outputOption(spec, formats: formats), in: language))
                throw ExitCode(ExitStatus.usage)
            }
            if let why = Self.unwritable(parts[1]) {
                printError(Self.errorLine(CLIText.cannotWriteReport(f.rawValue, to: parts[1], why), in: language))
                throw ExitCode(ExitStatus.usage)
            }
            return (f, parts[1])
        }
    }

    /// Why a report could not be written to `path` (its folder missing or read-only, or a folder in
    /// its place), or nil when it can be.
    static func unwritable(_ path: String) -> LocalizedText? {
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            if isDir.boolValue { return CLIText.isAFolder }
            return access(url.path, W_OK) == 0 ? nil : CLIText.permissionDenied
        }
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            return CLIText.folderMissing(parent)
        }
        return access(parent, W_OK) == 0 ? nil : CLIText.folderNotWritable(parent)
    }

    /// Runs the batch with a progress line on a terminal (none in CI), applies the baseline, writes
    /// outputs and returns the exit status.
    func run(_ submissions: [Submission], single: Bool, root: URL = URL(fileURLWithPath: ".")) async throws -> Int32 {
        let location = try location()
        return try await run(single: single, location: location, root: root) { batch, rules in try await batch.run(submissions, rules: rules) }
    }

    /// Like ``run(_:single:)`` for submissions found one at a time by `next` (given the rule loader)
    /// until it returns nil: the files found first are measured while the rest are looked for. A bad
    /// `--path-prefix` is reported once every submission is found.
    func run(discovering next: (_ rules: @Sendable (String) throws -> RuleSet) throws -> Submission?, single: Bool,
             root: URL = URL(fileURLWithPath: ".")) async throws -> Int32 {
        try await run(single: single, location: pathPrefix.flatMap(COSLocation.init(pathPrefix:)), root: root) { batch, rules in
            try await batch.run(discovering: {
                guard let submission = try next(rules) else {
                    _ = try location()
                    return nil
                }
                return submission
            }, rules: rules)
        }
    }

    private func run(single: Bool, location: COSLocation?, root: URL,
                     check: (BatchCheck, _ rules: @escaping @Sendable (String) throws -> RuleSet) async throws -> BatchReport) async throws -> Int32 {
        let targets = try outputTargets()
        if let path = writeBaseline, let why = Self.unwritable(path) {
            printError(Self.errorLine(CLIText.cannotWriteBaseline(path, why), in: display.language))
            throw ExitCode(ExitStatus.usage)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        AVLog.configure(verbose: display.verbose)
        var options = limits.probeOptions
        let display = ProgressDisplay.forTerminal()
        options.progress = display?.progress
        var batch = BatchCheck(jobs: jobs, options: options, strict: strict, location: location)
        let timings = MeasureTimings()
        batch.timings = timings
        if let display { batch.progress = { done, total, _ in display.fileDone(done, of: total) } }
        var report = FlagAdvice.apply(try await check(batch, ruleLoader()))
        display?.finish()
        let language = self.display.language
        if let path = baseline {
            do { try Baseline.load(URL(fileURLWithPath: path)).apply(to: &report, root: root) } catch {
                printError(Self.errorLine(CLIText.cannotReadBaseline(path, error.localizedDescription), in: language))
                throw ExitCode(ExitStatus.usage)
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let context = RenderContext(timings: timings, seconds: elapsed)
        func write(_ text: String, to path: String, what: LocalizedText) throws {
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                printError(Self.errorLine(CLIText.cannotWrite(what, to: path, error.localizedDescription), in: language))
                throw ExitCode(ExitStatus.usage)
            }
        }
        if let path = writeBaseline {
            try write(Baseline(from: report, root: root).json, to: path, what: CLIText.baseline)
        }
        print(render(report, as: format, single: single, context: context), terminator: "")
        for (f, path) in targets {
            try write(render(report, as: f, single: single, context: context), to: path,
                      what: CLIText.report(f.rawValue))
        }
        return report.verdict == .fail ? ExitStatus.fail : ExitStatus.pass
    }

    /// What renderers need beyond the report: how long measuring each file, and the whole run, took.
    struct RenderContext {
        var timings: MeasureTimings?
        var seconds: Double = 0
    }

    func render(_ report: BatchReport, as format: ReportFormat, single: Bool,
                context: RenderContext = RenderContext()) -> String {
        let language = display.language
        switch format {
        case .sarif: return SARIFRenderer(language: language).render(report)
        case .codequality: return CodeQualityRenderer(language: language).render(report)
        case .json:
            if single, let only = report.submissions.first { return JSONRenderer.render(only) }
            return JSONRenderer.render(report)
        case .junit: return JUnitRenderer(language: language, timings: context.timings, seconds: context.seconds).render(report)
        case .github: return GitHubRenderer(language: language, fullReportHint: CLIText.fullReportGitHub).render(report)
        case .markdown: return MarkdownRenderer(language: language, fullReportHint: CLIText.fullReportMarkdown).render(report)
        case .text:
            let text = TextRenderer(language: language, color: display.useColor && format == self.format, showPassed: !failuresOnly)
            if single, let only = report.submissions.first { return text.render(only) }
            return text.render(report)
        }
    }
}

/// Rule sets already loaded in this run, by kind: a gate over 200 folders reads each kind's rules once.
final class RuleSetCache {
    var sets: [String: RuleSet] = [:]
}
