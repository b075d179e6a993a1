import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of the command-line tool with its wall time and peak memory.
///
/// The peak comes from GNU time (`%M`), which forks the tool from its own small process: a child
/// spawned straight from the test process would inherit the test process's memory high-water mark
/// (Linux records the old address space's peak at exec, and posix_spawn shares it until then).
public struct MeasuredRun {
    /// The exit status (128 + the signal number when a signal ended it).
    public let status: Int32
    /// Wall-clock seconds.
    public let seconds: Double
    /// Processor seconds (user + system) of the tool itself: what it cost, whatever else the machine ran.
    public let cpuSeconds: Double
    /// Peak resident set size in MiB.
    public let peakMiB: Double
    /// Everything written to standard output.
    public let stdout: String
    /// Everything written to standard error.
    public let stderr: String

    /// Runs `preflight` in `directory` (through `env -C` and `time`) with `environment` added;
    /// output goes to files in `scratch`, never into `directory`.
    public static func run(_ arguments: [String], in directory: URL, scratch: URL, environment: [String: String] = [:]) throws -> MeasuredRun {
        let out = scratch.appendingPathComponent("out-\(UUID().uuidString)")
        let err = scratch.appendingPathComponent("err-\(UUID().uuidString)")
        let peak = scratch.appendingPathComponent("peak-\(UUID().uuidString)")
        defer { for url in [out, err, peak] { try? FileManager.default.removeItem(at: url) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        for (k, v) in environment { env[k] = v }
        let argv = ["/usr/bin/env", "-C", directory.path, "/usr/bin/time", "-q", "-f", "%M %U %S", "-o", peak.path, Fixture.tool.path] + arguments
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = status & 0x7f == 0
        // GNU time's line: peak KiB, user seconds, system seconds.
        let measured = ((try? String(contentsOf: peak, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        return MeasuredRun(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds: seconds,
                           cpuSeconds: measured.count == 3 ? measured[1] + measured[2] : .infinity,
                           peakMiB: measured.count == 3 ? measured[0] / 1024 : .infinity,
                           stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                           stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The rules of the failed findings in the JSON report on standard output.
    public var failedRules: Set<String> {
        guard let json = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any],
              let findings = json["findings"] as? [[String: Any]] else { return [] }
        return Set(findings.filter { $0["status"] as? String == "fail" }.compactMap { $0["rule"] as? String })
    }
}

/// A folder's tree (paths, sizes, modification times), to show that a run changed nothing.
public struct FolderSnapshot: Equatable {
    /// Per relative path: mode, size and modification time.
    public let entries: [String: String]

    /// Every file and folder under `root`, symbolic links not followed.
    public init(_ root: URL) {
        var entries: [String: String] = [:]
        let base = root.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(atPath: base) {
            for case let relative as String in walker {
                var info = stat()
                guard lstat(base + "/" + relative, &info) == 0 else { continue }
                entries[relative] = "\(info.st_mode) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
        }
        self.entries = entries
    }
}
