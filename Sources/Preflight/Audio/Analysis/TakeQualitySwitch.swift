import Foundation

extension AudioAnalysis {
    /// True when the environment sets `PREFLIGHT_BENCH_WITHOUT_TAKE_QUALITY=1`: the probe's audio pass
    /// then leaves the take-quality analysers out (their facts are absent), so that the benchmark can
    /// measure what they cost. Read once per process; nothing else reads it, and no check should be run
    /// with it set.
    static let benchmarkLeavesOutTakeQuality = ProcessInfo.processInfo.environment["PREFLIGHT_BENCH_WITHOUT_TAKE_QUALITY"] == "1"
}
