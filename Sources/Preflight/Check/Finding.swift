import Foundation

/// The outcome of one check: a rule applied to one file, or a requirement, or a file that could not be read.
public struct Finding: Sendable, Equatable, Codable {
    /// Whether the check passed.
    public enum Status: String, Sendable, Codable {
        /// The value is within the limit.
        case pass
        /// The value is outside the limit.
        case fail
        /// The value could not be measured (the file was unreadable, or the fact does not apply).
        case skipped
    }

    /// The rule or requirement id (`material.frame_rate`, `slots.authorization`, `input.unreadable`).
    public var rule: String
    /// The slot of the file checked, if any.
    public var slot: String?
    /// The file checked, as given.
    public var file: String?
    /// The entry of a bundle checked (`take01.wav` inside `takes.zip`), for entry-scoped rules.
    public var entry: String?
    /// How bad a failure is.
    public var severity: Severity
    /// Pass, fail or skipped.
    public var status: Status
    /// The fact tested.
    public var fact: String?
    /// The measured value, in SI base units.
    public var measured: FactValue?
    /// The measured value for people (`24 fps`, `1.2 GiB`).
    public var measuredText: String?
    /// The limit for people (`≥ 25 fps`).
    public var limit: String?
    /// What the result means, in both languages.
    public var message: LocalizedText
    /// How to fix a failure, when there is a way.
    public var fix: LocalizedText?
    /// The service result code a failure would have produced (docs/service-limits.md §7).
    public var serviceError: Int?
    /// Where the rule was written, `file:line:column`.
    public var source: String?
    /// True when a baseline accepts this known finding: it is reported but fails nothing.
    public var waived: Bool?

    enum CodingKeys: String, CodingKey {
        case rule, slot, file, entry, severity, status, fact, measured, limit, message, fix, source, waived
        case measuredText = "measured_text"
        case serviceError = "service_error"
    }

    /// Whether this finding fails the check: an error, or a warning under `strict`.
    public func fails(strict: Bool) -> Bool {
        status == .fail && waived != true && (severity == .error || (strict && severity == .warning))
    }
}
