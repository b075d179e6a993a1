// A studio's own limits over the built-in IMAGE_GENERAL rules, given as a YAML string: a 30 fps floor
// and a warning when the take has no sound.
//   swift run example-custom-rules take.mp4
import Foundation
import Preflight

let studioRules = """
schema: 1
rules:
  - id: material.frame_rate
    min: 30 fps
  - id: studio.needs_audio
    slot: material
    fact: video.has_audio
    equals: true
    severity: warning
    message: {zh: 素材没有声音, en: The take has no sound}
"""

guard CommandLine.arguments.count == 2 else { print("usage: example-custom-rules TAKE.mp4"); exit(2) }
do {
    let rules = try RuleSetLoader().load(type: "IMAGE_GENERAL", extraYAML: [studioRules])
    let take = URL(fileURLWithPath: CommandLine.arguments[1])
    let report = await Preflight.check(Submission(type: "IMAGE_GENERAL", files: ["material": take]), rules: rules)
    for check in report.checks where check.rule.hasPrefix("studio.") || check.rule == "material.frame_rate" {
        print("\(check.rule): \(check.status.rawValue) (\(check.measuredText ?? "not measured"), limit \(check.limit ?? "-"))")
    }
} catch {
    print(error)
    exit(2)
}
