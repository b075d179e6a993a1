import Foundation

extension Facts {
    /// Records a face search that stopped with `error`: out of time (the per-file limit) sets `inTime`
    /// false, any other error `measured` false; both record why, in both languages.
    mutating func setSearchStopped(_ error: ProbeError, inTime: FactKey, measured: FactKey, problem: (en: FactKey, zh: FactKey)) {
        set(error.kind == .limitExceeded ? inTime : measured, false)
        setProblem(error, en: problem.en, zh: problem.zh)
    }

    /// Records why faces were not measured: `en` gets the English message with the detail in
    /// parentheses (the text `photo.faces_problem` / `video.faces_problem` always had), `zh` the
    /// Chinese message with the same detail, so each language of a finding reads its own.
    mutating func setProblem(_ error: ProbeError, en: FactKey, zh: FactKey) {
        let text = error.detail.map { CheckText.withDetail(error.message, $0) } ?? error.message
        set(en, text.en)
        set(zh, text.zh)
    }
}
