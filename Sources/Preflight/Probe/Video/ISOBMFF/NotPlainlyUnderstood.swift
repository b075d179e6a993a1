import Foundation

/// Thrown inside the native ISO-BMFF reader when a file holds something it does not reproduce
/// exactly as libavformat would; the reader then answers nil and the probe falls back to libavformat.
/// Never reaches a caller.
struct NotPlainlyUnderstood: Error {
    /// What was not understood, for debugging.
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Fails with ``NotPlainlyUnderstood`` unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ reason: @autoclosure () -> String) throws {
    if !condition { throw NotPlainlyUnderstood(reason()) }
}
