import CFuzzerDriver
import Foundation
import Preflight
import PreflightFuzzTargets

/// `PreflightFuzz`: fuzzes one ``FuzzTarget`` under libFuzzer when built by `make fuzz` (the target
/// named by `PREFLIGHT_FUZZ_TARGET`, libFuzzer's own flags and corpus folders as arguments), or, in
/// an ordinary build, replays files through a target: `PreflightFuzz TARGET FILE_OR_FOLDER…`.
@main
enum PreflightFuzz {
    static func main() {
        if pf_fuzzer_linked() != 0 {
            exit(FuzzDriver.run())
        }
        FuzzReplay.run(Array(CommandLine.arguments.dropFirst()))
    }
}

/// Hands the process to libFuzzer with the selected target as its test function.
enum FuzzDriver {
    /// The target named by `PREFLIGHT_FUZZ_TARGET`; exits with a usage message when it names none.
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["PREFLIGHT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("PREFLIGHT_FUZZ_TARGET must be one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Runs libFuzzer's driver; its exit status.
    static func run() -> Int32 {
        _ = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return pf_fuzzer_run(&argc, &argv) { bytes, count in
            FuzzDriver.target.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        }
    }
}

/// Replays files through a fuzz target without libFuzzer, one line per input with its time.
enum FuzzReplay {
    static func run(_ arguments: [String]) {
        guard let first = arguments.first, let target = FuzzTarget(rawValue: first) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: PreflightFuzz \(names) FILE_OR_FOLDER…\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for url in files(at: URL(fileURLWithPath: path)) {
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                let start = Date()
                target.run(data)
                let ms = Int(Date().timeIntervalSince(start) * 1000)
                print("\(target.rawValue) \(url.path): \(data.count) bytes, \(ms) ms")
                count += 1
            }
        }
        print("\(count) inputs replayed through \(target.rawValue)")
    }

    /// The file at `url`, or the files of a folder (sorted, hidden ones skipped).
    static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }
}
