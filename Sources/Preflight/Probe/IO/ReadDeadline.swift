import Foundation

/// A monotonic point in time after which reading gives up (``ProbeOptions/timeout``).
struct ReadDeadline: Sendable {
    /// Monotonic nanoseconds.
    let uptimeNanoseconds: UInt64
    /// The seconds allowed, for messages.
    let seconds: Double

    /// A deadline `seconds` from now.
    init(seconds: Double) {
        self.seconds = seconds
        let allowed = seconds.isFinite ? max(0.001, min(seconds, 1e6)) : 1e6
        uptimeNanoseconds = DispatchTime.now().uptimeNanoseconds + UInt64(allowed * 1e9)
    }

    /// Seconds until the deadline, 0 once it has passed.
    var secondsLeft: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= uptimeNanoseconds ? 0 : Double(uptimeNanoseconds - now) / 1e9
    }

    /// Whether the time has run out.
    var passed: Bool { DispatchTime.now().uptimeNanoseconds > uptimeNanoseconds }

    /// The error reported when it has.
    var error: ProbeError {
        ProbeError(.limitExceeded, LocalizedText(
            zh: "读取超时（超过 \(FactFormatting.trim(seconds, digits: 1)) 秒），已放弃；可用 --timeout 放宽。",
            en: "Gave up after \(FactFormatting.trim(seconds, digits: 1)) s reading the file; raise --timeout to allow more."))
    }
}
