import Foundation

/// A place for one file in a submission: the material video, the authorization …
public struct SlotDefinition: Sendable, Equatable {
    /// The slot name used on the command line and in rules (`material`, `identity_pdf`).
    public var name: String
    /// The kind of file it takes.
    public var kind: SlotKind
    /// The COS folder the file is uploaded to (`video/`, `idcard/`).
    public var cosFolder: String?
    /// The make request field that carries its URL (`MaterialCosUrl` …).
    public var requestField: String?
    /// A short title for people.
    public var title: LocalizedText?
    /// The title, or the slot's name where the rule file gives none.
    public var displayTitle: LocalizedText { title ?? LocalizedText(zh: name, en: name) }
}
