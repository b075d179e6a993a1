import Foundation

/// How bad a failed rule is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Shown for information; never fails.
    case info
    /// Recommended by the service or likely to hurt quality; fails only under `--strict`.
    case warning
    /// The service would reject the submission.
    case error

    /// Orders info < warning < error.
    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.info, .warning, .error]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}
