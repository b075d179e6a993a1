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
    /// The 1-based line of `file` the finding points at (a field or a mistake in a submission.yaml),
    /// when it is known.
    public var line: Int?
    /// The 1-based column on ``line``, when it is known.
    public var column: Int?
    /// The fix as one command for a POSIX shell, its paths quoted, when the fix is a command; written
    /// in JSON as `fix.command`, beside the advice in `fix.en` and `fix.zh`.
    public var fixCommand: String?

    enum CodingKeys: String, CodingKey {
        case rule, slot, file, entry, severity, status, fact, measured, limit, message, fix, source, waived, line, column
        case measuredText = "measured_text"
        case serviceError = "service_error"
    }

    /// The members of the `fix` object.
    enum FixKeys: String, CodingKey { case command, en, zh }

    /// Whether this finding fails the check: an error, or a warning under `strict`.
    public func fails(strict: Bool) -> Bool {
        status == .fail && waived != true && (severity == .error || (strict && severity == .warning))
    }
}

extension Finding {
    /// Decodes a finding; `fix.command` becomes ``fixCommand``.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        slot = try c.decodeIfPresent(String.self, forKey: .slot)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        entry = try c.decodeIfPresent(String.self, forKey: .entry)
        severity = try c.decode(Severity.self, forKey: .severity)
        status = try c.decode(Status.self, forKey: .status)
        fact = try c.decodeIfPresent(String.self, forKey: .fact)
        measured = try c.decodeIfPresent(FactValue.self, forKey: .measured)
        measuredText = try c.decodeIfPresent(String.self, forKey: .measuredText)
        limit = try c.decodeIfPresent(String.self, forKey: .limit)
        message = try c.decode(LocalizedText.self, forKey: .message)
        if c.contains(.fix) {
            let f = try c.nestedContainer(keyedBy: FixKeys.self, forKey: .fix)
            fix = LocalizedText(zh: try f.decode(String.self, forKey: .zh), en: try f.decode(String.self, forKey: .en))
            fixCommand = try f.decodeIfPresent(String.self, forKey: .command)
        }
        serviceError = try c.decodeIfPresent(Int.self, forKey: .serviceError)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        waived = try c.decodeIfPresent(Bool.self, forKey: .waived)
        line = try c.decodeIfPresent(Int.self, forKey: .line)
        column = try c.decodeIfPresent(Int.self, forKey: .column)
    }

    /// Encodes a finding; ``fixCommand`` is written inside `fix`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encodeIfPresent(slot, forKey: .slot)
        try c.encodeIfPresent(file, forKey: .file)
        try c.encodeIfPresent(entry, forKey: .entry)
        try c.encode(severity, forKey: .severity)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(fact, forKey: .fact)
        try c.encodeIfPresent(measured, forKey: .measured)
        try c.encodeIfPresent(measuredText, forKey: .measuredText)
        try c.encodeIfPresent(limit, forKey: .limit)
        try c.encode(message, forKey: .message)
        if let fix {
            var f = c.nestedContainer(keyedBy: FixKeys.self, forKey: .fix)
            try f.encodeIfPresent(fixCommand, forKey: .command)
            try f.encode(fix.en, forKey: .en)
            try f.encode(fix.zh, forKey: .zh)
        }
        try c.encodeIfPresent(serviceError, forKey: .serviceError)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(waived, forKey: .waived)
        try c.encodeIfPresent(line, forKey: .line)
        try c.encodeIfPresent(column, forKey: .column)
    }
}
