import Foundation

/// A monotonic point in time after which reading gives up (``ProbeOptions/timeout``), or the
/// cancellation of the check it was made in (``CheckCancellation``), whichever comes first.
struct ReadDeadline: Sendable {
    /// Monotonic nanoseconds.
    let uptimeNanoseconds: UInt64
    /// The seconds allowed, for messages.
    let seconds: Double
    /// The check's cancellation, current when the deadline was made.
    let cancellation: CheckCancellation?

    /// A deadline `seconds` from now, within the current check's cancellation.
    init(seconds: Double) {
        self.seconds = seconds
        cancellation = CheckCancellation.current
        let allowed = seconds.isFinite ? max(0.001, min(seconds, 1e6)) : 1e6
        uptimeNanoseconds = DispatchTime.now().uptimeNanoseconds + UInt64(allowed * 1e9)
    }

    /// Seconds until the deadline, 0 once it has passed or the check was cancelled (for readers that
    /// check the time themselves, such as the face search).
    var secondsLeft: Double {
        if cancellation?.isCancelled == true { return 0 }
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= uptimeNanoseconds ? 0 : Double(uptimeNanoseconds - now) / 1e9
    }

    /// Whether the time has run out or the check was cancelled.
    var passed: Bool { DispatchTime.now().uptimeNanoseconds > uptimeNanoseconds || cancellation?.isCancelled == true }

    /// The error reported when it has.
    var error: ProbeError {
        if cancellation?.isCancelled == true { return CheckCancellation.error }
        return ProbeError(.limitExceeded, FileText.timedOut(seconds: FactFormatting.trim(seconds, digits: 1)))
    }
}
