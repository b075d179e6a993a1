import Foundation

extension FactDefinition {
    /// Fields of the make request, checked like file facts (slot `request`).
    static let requestFacts: [FactDefinition] = []
}
