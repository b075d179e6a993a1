import Foundation

/// What a probe measured: the file's facts and, for a bundle, each entry's. Judging turns it into
/// an ``InputReport``.
public struct ProbeResult: Sendable, Equatable {
    /// Facts of the whole file.
    public var facts: Facts
    /// Facts of each entry, for bundles (and a single audio file as its own one entry).
    public var entries: [EntryMeasurement]?

    /// Creates a probe result.
    public init(facts: Facts, entries: [EntryMeasurement]? = nil) {
        self.facts = facts; self.entries = entries
    }
}

/// What one entry of a bundle (a file inside a zip) measured.
public struct EntryMeasurement: Sendable, Equatable {
    /// The entry's name as stored (decoded for display when not UTF-8).
    public var name: String
    /// Every fact measured of the entry.
    public var facts: Facts
    /// Why the entry could not be measured, if it could not.
    public var error: ProbeError?

    /// Creates an entry measurement.
    public init(name: String, facts: Facts, error: ProbeError? = nil) {
        self.name = name; self.facts = facts; self.error = error
    }
}
