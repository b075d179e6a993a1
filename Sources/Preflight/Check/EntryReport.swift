import Foundation

/// One entry of a bundle (a file inside a zip) in a report: what was measured of it.
public struct EntryReport: Sendable, Equatable, Codable {
    /// The entry's name as stored (decoded for display when not UTF-8).
    public var name: String
    /// Every fact measured of the entry.
    public var facts: Facts
    /// Why the entry could not be measured, if it could not.
    public var error: ProbeError?

    /// Creates an entry report.
    public init(name: String, facts: Facts, error: ProbeError? = nil) {
        self.name = name; self.facts = facts; self.error = error
    }

    /// The report of a measured entry.
    public init(_ measured: EntryMeasurement) {
        self.init(name: measured.name, facts: measured.facts, error: measured.error)
    }
}
