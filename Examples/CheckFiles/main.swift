// Checks one submission with the built-in rules and prints what fails.
//   swift run example-check IMAGE_GENERAL material=take.mp4 identity_pdf=letter.pdf
import Foundation
import Preflight

let arguments = Array(CommandLine.arguments.dropFirst())
guard let type = arguments.first else {
    print("usage: example-check TYPE SLOT=PATH …   (TYPE: IMAGE, IMAGE_GENERAL, IMAGE_4K, IMAGE_PHOTO, VOICE, ZERO_SHOT_VOICE)")
    exit(2)
}
var files: [String: URL] = [:]
for pair in arguments.dropFirst() {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { print("not SLOT=PATH: \(pair)"); exit(2) }
    files[parts[0]] = URL(fileURLWithPath: parts[1])
}

do {
    let rules = try RuleSetLoader().load(type: type)
    let report = await Preflight.check(Submission(type: type, files: files), rules: rules)
    for finding in report.findings where finding.severity != .info {
        print("\(finding.severity.rawValue) \(finding.rule): \(finding.message.en)")
        if let fix = finding.fix { print("  fix: \(fix.en)") }
    }
    print(report.verdict == .pass ? "pass" : "fail")
    exit(report.verdict == .pass ? 0 : 1)
} catch {
    print(error)
    exit(2)
}
