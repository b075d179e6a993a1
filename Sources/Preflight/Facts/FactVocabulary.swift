import Foundation

/// One entry of the fact vocabulary: a name rules can refer to, what it measures and how.
public struct FactDefinition: Sendable, Equatable {
    /// The dotted name, e.g. `video.display_width`.
    public let name: String
    /// The dimension, which fixes the base unit and the units a limit may use.
    public let dimension: Dimension
    /// What the fact means and how it is measured, in English.
    public let summary: String
}

/// The single vocabulary of facts shared by every probe and every rule file.
///
/// A rule may only name a fact listed here (`preflight rules lint` checks it); `preflight facts`
/// prints this table. Numbers are in SI base units: seconds, bytes, hertz, bits per second.
public enum FactVocabulary {
    /// Every fact, in the order reports print them.
    public static let all: [FactDefinition] =
        FactDefinition.fileFacts + FactDefinition.videoFacts + FactDefinition.pdfFacts
        + FactDefinition.audioFacts + FactDefinition.audioQualityFacts + FactDefinition.bundleFacts
        + FactDefinition.photoFacts + FactDefinition.photoContentFacts + FactDefinition.videoContentFacts + FactDefinition.requestFacts

    private static let positions: [String: Int] = {
        var p: [String: Int] = [:]
        for (i, d) in all.enumerated() { p[d.name] = i }
        return p
    }()

    /// The definition of a fact, or nil if the name is not in the vocabulary.
    public static func definition(_ name: String) -> FactDefinition? {
        positions[name].map { all[$0] }
    }

    /// The position of a fact in the vocabulary (unknown names sort last).
    public static func index(of name: String) -> Int { positions[name] ?? Int.max }
}
