import Foundation
import Preflight

/// The progress line on a terminal while files are measured: files done out of all, and a bar for
/// the oldest file that has taken more than two seconds (a long recording or a large bundle).
/// Drawn on standard error, redrawn five times a second, erased at the end; never shown when
/// standard error is not a terminal or in CI.
final class ProgressDisplay: @unchecked Sendable {
    /// Files slower than this get a bar.
    static let barAfter: TimeInterval = 2
    /// Given to the probes through ``ProbeOptions/progress``.
    let progress = ProbeProgress()

    private let lock = NSLock()
    private var done = 0
    private var total = 0
    private var shown = false
    private let timer: DispatchSourceTimer

    /// A display when standard error is a terminal outside CI, else nil.
    static func forTerminal() -> ProgressDisplay? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, env["CI"] == nil, env["GITHUB_ACTIONS"] == nil, env["TERM"] != "dumb" else { return nil }
        return ProgressDisplay()
    }

    private init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 0.2, repeating: 0.2)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// A file is measured: `done` of `total`.
    func fileDone(_ done: Int, of total: Int) {
        lock.withLock { self.done = done; self.total = total }
        draw()
    }

    /// Stops redrawing and erases the line.
    func finish() {
        timer.cancel()
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
            total = -1
        }
    }

    private func draw() {
        lock.withLock {
            guard total >= 0 else { return }
            let now = ProcessInfo.processInfo.systemUptime
            let inFlight = progress.snapshot()
            let slow = inFlight.first { now - $0.started >= Self.barAfter }
            var line = total > 1 ? "[\(done)/\(total)] " : ""
            if let slow {
                line += Self.bar(slow.fraction) + " " + Self.tail(slow.path, 40) + String(format: " %.0f s", now - slow.started)
            } else if total > 1, done < total {
                line += Self.tail(inFlight.first?.path ?? "", 60)
            } else {
                if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
                return
            }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            shown = true
        }
    }

    /// `▕████░░░░▏  45%`, or a bar without a figure while the size is unknown.
    static func bar(_ fraction: Double?, width: Int = 20) -> String {
        guard let f = fraction else { return "▕" + String(repeating: "░", count: width) + "▏    " }
        let full = Int((f * Double(width)).rounded(.down))
        return "▕" + String(repeating: "█", count: full) + String(repeating: "░", count: width - full) + "▏"
            + String(format: "%4.0f%%", f * 100)
    }

    /// The last `n` characters of `path`, with an ellipsis when cut.
    static func tail(_ path: String, _ n: Int) -> String {
        path.count <= n ? path : "…" + path.suffix(n - 1)
    }
}
