import Foundation

/// The cancellation of a check, seen by the readers: a flag that ``check(_:rules:options:strict:location:)``
/// and ``BatchCheck`` raise when their task is cancelled, and that every ``ReadDeadline`` made while it is
/// current (a task-local value, inherited by child tasks) counts as its time having run out.
final class CheckCancellation: @unchecked Sendable {
    /// The flag of the check running on this task, if any.
    @TaskLocal static var current: CheckCancellation?

    private let lock = NSLock()
    private var raised = false

    /// Whether the check was cancelled.
    var isCancelled: Bool { lock.withLock { raised } }

    /// Marks the check cancelled; readers stop at their next deadline check.
    func cancel() { lock.withLock { raised = true } }

    /// Runs `body` with a new flag current, raised when the calling task is cancelled (also when it
    /// already was).
    static func run<T>(_ body: () async throws -> T) async rethrows -> T {
        let flag = CheckCancellation()
        return try await withTaskCancellationHandler {
            try await $current.withValue(flag) { try await body() }
        } onCancel: {
            flag.cancel()
        }
    }

    /// The error an input gets when the check was cancelled before or while it was read.
    static var error: ProbeError {
        ProbeError(.cancelled, FileText.cancelled)
    }
}
