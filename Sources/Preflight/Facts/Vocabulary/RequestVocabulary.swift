import Foundation

extension FactDefinition {
    /// Fields of the make request, checked like file facts (slot `request`). Lengths count characters
    /// as the service does: one Chinese character is one, SSML tags included.
    static let requestFacts: [FactDefinition] = [
        .init(name: "request.anchor_name", dimension: .text, summary: "AnchorName."),
        .init(name: "request.anchor_name_length", dimension: .count, summary: "Characters in AnchorName."),
        .init(name: "request.anchor_name_unique", dimension: .flag, summary: "Whether no other submission of the same manifest uses this AnchorName."),
        .init(name: "request.sex_type", dimension: .text, summary: "SexType."),
        .init(name: "request.notes_length", dimension: .count, summary: "Characters in Notes."),
        .init(name: "request.text_driver_length", dimension: .count, summary: "Characters in TextDriver, SSML tags included."),
        .init(name: "request.speed", dimension: .count, summary: "TimbreInfo.Speed as a number."),
        .init(name: "request.speed_text", dimension: .text, summary: "TimbreInfo.Speed when it is not a number."),
        .init(name: "request.is_have_background", dimension: .flag, summary: "IsHaveBackground."),
        .init(name: "request.remove_background", dimension: .count, summary: "RemoveBackground."),
        .init(name: "request.zeroshort_lang", dimension: .text, summary: "ZeroshortLang."),
        .init(name: "request.photo_version", dimension: .count, summary: "PhotoVersion."),
        .init(name: "request.audio_id", dimension: .text, summary: "AudioId."),
    ]
}
