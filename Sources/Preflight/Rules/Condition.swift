import Foundation

/// A condition under which a rule applies: `when: [{fact: video.display_resolution, one_of: [3840x2160]}]`.
public struct Condition: Sendable, Equatable {
    /// The fact tested.
    public var fact: String
    /// The test.
    public var constraint: Constraint
}
