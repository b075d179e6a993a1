import Foundation

/// The processors this process may use (CPU affinity and cgroup quota included), read once: Foundation's
/// `activeProcessorCount` reads `/proc` and cgroup files on every call, and a probe asked it six times.
public enum AvailableProcessors {
    /// At least 1.
    public static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
