import Foundation

/// Whether this run asserts bounds on processor time, wall time and memory.
///
/// A default `swift test` asserts none (a loaded machine must not fail a correct change); the bounds are
/// asserted when `PREFLIGHT_RESOURCE_BOUNDS=1` (`make test-bounds`) or under the sanitizers
/// (`PREFLIGHT_SANITIZED=1`, `make test-asan`), where they are looser.
public enum ResourceBounds {
    /// True when the bounds are asserted in this run.
    public static let asserted = environment["PREFLIGHT_RESOURCE_BOUNDS"] != nil || sanitized
    /// True under the address and undefined-behaviour sanitizers, which slow the code several times.
    public static let sanitized = environment["PREFLIGHT_SANITIZED"] != nil

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }
}
