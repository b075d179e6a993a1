// A gate of one's own over a delivery folder: every submission judged, one line each, and an exit
// status a CI job can use (0 pass, 1 a submission fails, 2 the folder could not be read).
//   swift run example-gate delivery/
import Foundation
import Preflight

guard CommandLine.arguments.count == 2 else { print("usage: example-gate DELIVERY_FOLDER"); exit(2) }
let root = URL(fileURLWithPath: CommandLine.arguments[1])
let loader = RuleSetLoader()
do {
    let (submissions, strays) = try GateFolder.discover(root, defaultType: nil) { try loader.load(type: $0) }
    for stray in strays { print("not checked: \(stray.path) (\(stray.reason))") }
    let batch = try await BatchCheck(jobs: 2).run(submissions) { try loader.load(type: $0) }
    for report in batch.submissions {
        let errors = report.findings.filter { $0.severity == .error }.count
        print("\(report.verdict == .pass ? "PASS" : "FAIL") \(report.submission ?? "?"): \(errors) error(s)")
    }
    exit(batch.verdict == .pass ? 0 : 1)
} catch {
    print(error)
    exit(2)
}
