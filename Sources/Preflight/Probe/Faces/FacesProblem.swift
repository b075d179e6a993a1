import Foundation

extension Facts {
    /// Records why faces were not measured: `en` gets the English message with the detail in
    /// parentheses (the text `photo.faces_problem` / `video.faces_problem` always had), `zh` the
    /// Chinese message with the same detail, so each language of a finding reads its own.
    mutating func setProblem(_ error: ProbeError, en: FactKey, zh: FactKey) {
        let text = error.detail.map { CheckText.withDetail(error.message, $0) } ?? error.message
        set(en, text.en)
        set(zh, text.zh)
    }
}
