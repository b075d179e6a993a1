import ArgumentParser
import Foundation
import Preflight

/// `preflight rules list|show|lint`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: HelpText.rulesAbstract.help,
        subcommands: [List.self, Show.self, Lint.self])

    /// `preflight rules list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: HelpText.rulesListAbstract.help)
        @OptionGroup var output: OutputOptions

        func run() throws {
            let loader = RuleSetLoader()
            for type in loader.availableTypes() {
                guard let set = try? loader.load(type: type) else { print("\(type)  (rule file has errors: run `preflight rules lint`)"); continue }
                let title = set.title?.text(in: output.language) ?? ""
                let profiles = set.profiles.keys.sorted()
                print("\(type.padding(toLength: 18, withPad: " ", startingAt: 0)) \(set.version)  \(set.activeRules.count) rules  \(title)"
                    + (profiles.isEmpty ? "" : "  [profiles: \(profiles.joined(separator: ", "))]"))
            }
        }
    }

    /// `preflight rules show TYPE`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: HelpText.rulesShowAbstract.help)
        @Argument(help: ArgumentHelp(HelpText.rulesShowType.help)) var type: String
        @Option(help: ArgumentHelp(HelpText.rulesShowProfile.help)) var profile: String?
        @Option(name: .customLong("rules"), help: ArgumentHelp(HelpText.rulesShowRules.help)) var ruleFiles: [String] = []
        @OptionGroup var output: OutputOptions

        func run() throws {
            let set: RuleSet
            do {
                set = try RuleSetLoader().load(type: type.uppercased(), extraFiles: ruleFiles.map { URL(fileURLWithPath: $0) }, profile: profile)
            } catch let e as RuleFileErrors {
                printError(FlagAdvice.apply(e).description(in: output.language))
                throw ExitCode(ExitStatus.usage)
            } catch let e as UnknownTypeError {
                printError(RunOptions.errorLine(e.message, in: output.language))
                throw ExitCode(ExitStatus.usage)
            }
            let lang = output.language
            print("\(set.type) · \(set.title?.text(in: lang) ?? "") · version \(set.version)" + (set.profile.map { " · profile \($0)" } ?? ""))
            print("digest \(set.digest) · from \(set.sources.joined(separator: ", "))")
            if !set.profiles.isEmpty {
                print("profiles: " + set.profiles.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.text(in: lang)))" }.joined(separator: "; "))
            }
            print("\nslots:")
            for s in set.slots {
                print("  \(s.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(s.kind.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(s.cosFolder ?? "")  \(s.requestField ?? "")  \(s.title?.text(in: lang) ?? "")")
            }
            print("\nrequirements:")
            for r in set.requirements {
                print("  \(r.id): " + (r.allOf.isEmpty ? "one of \(r.anyOf.joined(separator: ", "))" : "all of \(r.allOf.joined(separator: ", "))") + " [\(r.severity.rawValue)]")
            }
            print("\nrules:")
            for r in set.rules {
                let fact = r.fact ?? "?"
                var line = "  \(r.id.padding(toLength: 30, withPad: " ", startingAt: 0)) \((r.severity ?? .error).rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(fact) \(r.constraint.describe(for: fact))"
                if let when = r.when, !when.isEmpty { line += "  when " + when.map { "\($0.fact) \($0.constraint.describe(for: $0.fact))" }.joined(separator: " and ") }
                if let u = r.uncertainty { line += "  " + CLIText.ruleUncertainty(u.written).text(in: lang) }
                if let u = r.uncertaintyFact { line += "  " + CLIText.ruleUncertaintyFact(u).text(in: lang) }
                if r.disabled == true { line += "  (disabled)" }
                print(line)
                if let basis = r.basis { print("      basis: \(basis.text(in: lang))") }
                if let src = r.source { print("      \(src)") }
            }
        }
    }

    /// `preflight rules lint FILE`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lint", abstract: HelpText.rulesLintAbstract.help)
        @Argument(help: ArgumentHelp(HelpText.rulesLintFiles.help)) var files: [String]
        @Option(help: ArgumentHelp(HelpText.lang.help)) var lang: Language?

        func run() throws {
            let language = lang ?? Language.fromEnvironment()
            var problems: [RuleFileError] = []
            for f in files { problems += RuleSetLoader().lint(URL(fileURLWithPath: f)) }
            if problems.isEmpty {
                print(CLIText.rulesOK(files: files.count).text(in: language))
                return
            }
            for p in problems { printError(FlagAdvice.apply(p).description(in: language)) }
            throw ExitCode(ExitStatus.usage)
        }
    }
}
