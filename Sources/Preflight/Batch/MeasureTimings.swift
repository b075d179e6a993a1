import Foundation

/// The wall time each file of a batch took to measure, by its path as reported: a file whose
/// measurements were reused from an identical one took none. Safe to record into from any thread.
public final class MeasureTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [String: Double] = [:]

    /// An empty record.
    public init() {}

    /// Records that measuring `path` took `seconds`.
    public func record(_ path: String, seconds value: Double) {
        lock.withLock { seconds[path, default: 0] += value }
    }

    /// The seconds measuring `path` took (0 when it was not measured itself).
    public func seconds(of path: String) -> Double {
        lock.withLock { seconds[path] ?? 0 }
    }
}
