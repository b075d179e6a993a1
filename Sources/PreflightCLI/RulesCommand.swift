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
                let lang = output.language
                guard let set = try? loader.load(type: type) else { print("\(type)  " + CLIText.rulesListBroken.text(in: lang)); continue }
                let title = set.title?.text(in: lang) ?? ""
                let profiles = set.profiles.keys.sorted()
                print("\(type.padding(toLength: 18, withPad: " ", startingAt: 0)) \(set.version)  \(CLIText.rulesListCount(set.activeRules.count).text(in: lang))  \(title)"
                    + (profiles.isEmpty ? "" : "  " + CLIText.rulesListProfiles(profiles.joined(separator: ", ")).text(in: lang)))
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
            print("\(set.type) · \(set.title?.text(in: lang) ?? "") · \(CLIText.rulesShowVersion(set.version).text(in: lang))"
                + (set.profile.map { " · " + CLIText.rulesShowProfile($0).text(in: lang) } ?? ""))
            print(CLIText.rulesShowDigest(set.digest, files: set.sources.joined(separator: ", ")).text(in: lang))
            if !set.profiles.isEmpty {
                print(CLIText.rulesShowProfiles.text(in: lang) + set.profiles.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.text(in: lang)))" }.joined(separator: "; "))
            }
            print("\n" + CLIText.rulesShowSlots.text(in: lang))
            // Columns as wide as their widest cell, so folders, request fields and titles line up.
            let rows = set.slots.map { [$0.name, $0.kind.rawValue, $0.cosFolder ?? "", $0.requestField ?? "", $0.title?.text(in: lang) ?? ""] }
            let widths = (0..<4).map { c in rows.map { $0[c].count }.max() ?? 0 }
            for row in rows {
                let cells = (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) } + [row[4]]
                print("  " + cells.joined(separator: "  "))
            }
            print("\n" + CLIText.rulesShowRequirements.text(in: lang))
            for r in set.requirements {
                let slots = r.allOf.isEmpty ? CLIText.rulesShowOneOf(r.anyOf.joined(separator: ", ")) : CLIText.rulesShowAllOf(r.allOf.joined(separator: ", "))
                print("  \(r.id): " + slots.text(in: lang) + " [\(r.severity.rawValue)]")
            }
            print("\n" + CLIText.rulesShowRules.text(in: lang))
            for r in set.rules {
                let fact = r.fact ?? "?"
                var line = "  \(r.id.padding(toLength: 30, withPad: " ", startingAt: 0)) \((r.severity ?? .error).rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(fact) \(r.constraint.describe(for: fact))"
                if let when = r.when, !when.isEmpty {
                    let conditions = when.map { "\($0.fact) \($0.constraint.describe(for: $0.fact))" }.joined(separator: CLIText.rulesShowAnd.text(in: lang))
                    line += "  " + CLIText.rulesShowWhen(conditions).text(in: lang)
                }
                if let u = r.uncertainty { line += "  " + CLIText.ruleUncertainty(u.written).text(in: lang) }
                if let u = r.uncertaintyFact { line += "  " + CLIText.ruleUncertaintyFact(u).text(in: lang) }
                if r.disabled == true { line += "  " + CLIText.rulesShowDisabled.text(in: lang) }
                print(line)
                if let basis = r.basis { print("      " + CLIText.rulesShowBasis(basis.text(in: lang)).text(in: lang)) }
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
