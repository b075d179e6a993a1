import ArgumentParser
import Foundation
import Preflight

/// Report formats.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, github, markdown
}

/// Options shared by `check` and `gate`: rules, limits, outputs, CI behaviour.
struct RunOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file that extends or overrides the built-in rules (repeatable).", valueName: "file"))
    var ruleFiles: [String] = []

    @Option(help: "A named alternative of the rules (see `preflight rules show TYPE`); several combine, comma-separated (strict,studio).")
    var profile: String?

    @Option(help: "Output: text, json, junit, github (workflow annotations) or markdown (job summary).")
    var format: ReportFormat = .text

    @Flag(help: "Count warnings as failures (exit 1).")
    var strict = false

    @Flag(name: .customLong("failures-only"), help: "List only failed and skipped checks in text output.")
    var failuresOnly = false

    @Option(help: "Cores to use: files measured at the same time; a file measured alone may use them all (default: the number of cores; 1 runs everything on one thread).")
    var jobs: Int = AvailableProcessors.count

    @Option(name: .customLong("path-prefix"), help: ArgumentHelp("The PathPrefix from the upload credentials call: reports then give each file's full COS URL, bucket and key.", valueName: "url"))
    var pathPrefix: String?

    @Option(help: ArgumentHelp("Accept the findings listed in this baseline file: only new problems fail.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write the current errors and warnings to this file as a baseline.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Also write the report in this format to a file, e.g. --output junit=report.xml (repeatable).", valueName: "format=file"))
    var output: [String] = []

    @OptionGroup(title: "Safety limits (each, when hit, is a finding for the file)") var limits: LimitOptions

    @OptionGroup var display: OutputOptions

    /// The COS location parsed from --path-prefix, or a usage error.
    func location() throws -> COSLocation? {
        guard let pathPrefix else { return nil }
        guard let location = COSLocation(pathPrefix: pathPrefix) else {
            printError("error: --path-prefix must look like https://<bucket>.cos.<region>.myqcloud.com/<key prefix>/, got '\(pathPrefix)'")
            throw ExitCode(ExitStatus.usage)
        }
        return location
    }

    /// Loads a kind's rules with the extra files and profile, caching per kind; rule errors exit 2.
    func ruleLoader() -> (String) throws -> RuleSet {
        let loader = RuleSetLoader()
        let extra = ruleFiles.map { URL(fileURLWithPath: $0) }
        let profile = self.profile
        let cache = RuleSetCache()
        return { type in
            do {
                let key = type.uppercased()
                if let set = cache.sets[key] { return set }
                let set = try loader.load(type: key, extraFiles: extra, profile: profile)
                cache.sets[key] = set
                return set
            } catch let e as RuleFileErrors {
                printError(e.description)
                throw ExitCode(ExitStatus.usage)
            }
        }
    }

    /// Runs the batch with a progress line on a terminal (none in CI), applies the baseline, writes
    /// outputs and returns the exit status.
    func run(_ submissions: [Submission], single: Bool) async throws -> Int32 {
        let location = try location()
        return try await run(single: single, location: location) { batch, rules in try await batch.run(submissions, rules: rules) }
    }

    /// Like ``run(_:single:)`` for submissions found one at a time by `next` (given the rule loader)
    /// until it returns nil: the files found first are measured while the rest are looked for. A bad
    /// `--path-prefix` is reported once every submission is found.
    func run(discovering next: (_ rules: (String) throws -> RuleSet) throws -> Submission?, single: Bool) async throws -> Int32 {
        try await run(single: single, location: pathPrefix.flatMap(COSLocation.init(pathPrefix:))) { batch, rules in
            try await batch.run(discovering: {
                guard let submission = try next(rules) else {
                    _ = try location()
                    return nil
                }
                return submission
            }, rules: rules)
        }
    }

    private func run(single: Bool, location: COSLocation?,
                     check: (BatchCheck, _ rules: @escaping (String) throws -> RuleSet) async throws -> BatchReport) async throws -> Int32 {
        AVLog.configure(verbose: display.verbose)
        var options = limits.probeOptions
        let display = ProgressDisplay.forTerminal()
        options.progress = display?.progress
        var batch = BatchCheck(jobs: jobs, options: options, strict: strict, location: location)
        if let display { batch.progress = { done, total, _ in display.fileDone(done, of: total) } }
        // JSON of a batch is written submission by submission while files are measured, unless a
        // baseline will change the reports afterwards.
        let prerendered = !single && baseline == nil && (format == .json || output.contains { $0.hasPrefix("json=") }) ? SubmissionJSON() : nil
        if let prerendered { batch.judged = { index, report in prerendered.add(report, at: index) } }
        var report = try await check(batch, ruleLoader())
        display?.finish()
        if let path = baseline {
            do { try Baseline.load(URL(fileURLWithPath: path)).apply(to: &report) } catch {
                printError("error: cannot read baseline \(path): \(error)")
                throw ExitCode(ExitStatus.usage)
            }
        }
        if let path = writeBaseline {
            try Baseline(from: report).json.write(toFile: path, atomically: true, encoding: .utf8)
        }
        print(render(report, as: format, single: single, parts: prerendered), terminator: "")
        for spec in output {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let f = ReportFormat(rawValue: parts[0]) else {
                printError("error: --output takes FORMAT=FILE with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                throw ExitCode(ExitStatus.usage)
            }
            try render(report, as: f, single: single, parts: prerendered).write(toFile: parts[1], atomically: true, encoding: .utf8)
        }
        return report.verdict == .fail ? ExitStatus.fail : ExitStatus.pass
    }

    func render(_ report: BatchReport, as format: ReportFormat, single: Bool, parts: SubmissionJSON? = nil) -> String {
        let language = display.language
        switch format {
        case .json:
            if single, let only = report.submissions.first { return JSONRenderer.render(only) }
            if let parts { return JSONRenderer.render(report, parts: parts) }
            return JSONRenderer.render(report)
        case .junit: return JUnitRenderer(language: language).render(report)
        case .github: return GitHubRenderer(language: language).render(report)
        case .markdown: return MarkdownRenderer(language: language).render(report)
        case .text:
            let text = TextRenderer(language: language, color: display.useColor && format == self.format, showPassed: !failuresOnly)
            if single, let only = report.submissions.first { return text.render(only) }
            return report.submissions.map(text.render).joined(separator: "\n") + text.summary(report)
        }
    }
}

/// Rule sets already loaded in this run, by kind: a gate over 200 folders reads each kind's rules once.
final class RuleSetCache {
    var sets: [String: RuleSet] = [:]
}
