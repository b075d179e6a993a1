import Preflight

/// The tool's flags in the library's advice: where a library message names a setting
/// (``SettingAdvice``: "raise the per-file time limit"), the tool names the flag that sets it
/// ("raise --timeout"). Applied to every report, probe result and error before it is printed or written.
enum FlagAdvice {
    /// Each setting the library names, with the tool's words for it.
    static let flags: [(setting: LocalizedText, flag: LocalizedText)] = [
        (SettingAdvice.timeout, LocalizedText(zh: "可用 --timeout 放宽", en: "raise --timeout")),
        (SettingAdvice.streams, LocalizedText(zh: "可用 --max-streams 放宽", en: "raise --max-streams")),
        (SettingAdvice.packets, LocalizedText(zh: "可用 --max-packets 放宽", en: "raise --max-packets")),
        (SettingAdvice.zipEntries, LocalizedText(zh: "可用 --max-zip-entries 放宽", en: "raise --max-zip-entries")),
        (SettingAdvice.bundleInflated, LocalizedText(zh: "可用 --max-inflated-bytes 放宽", en: "raise --max-inflated-bytes")),
        (SettingAdvice.entryInflated, LocalizedText(zh: "可用 --max-entry-inflated-bytes 或 --max-inflated-bytes 放宽",
                                                    en: "raise --max-entry-inflated-bytes or --max-inflated-bytes")),
        (SettingAdvice.photoSize, LocalizedText(zh: "可用 --max-image-side、--max-image-pixels 放宽", en: "raise --max-image-side or --max-image-pixels")),
        (SettingAdvice.requestFields, LocalizedText(zh: "用 --anchor-name/--sex-type 或清单文件提供", en: "Give them with --anchor-name/--sex-type or a manifest")),
        (SettingAdvice.noDefaultType, LocalizedText(zh: "也没有给出 --type", en: "no --type given")),
        (SettingAdvice.giveDefaultType, LocalizedText(zh: "或用 --type 指定", en: "or give --type")),
        (SettingAdvice.factList, LocalizedText(zh: "`preflight facts` 列出全部事实", en: "`preflight facts` lists them")),
    ]

    /// A text with each setting replaced by its flag.
    static func apply(_ text: LocalizedText) -> LocalizedText {
        flags.reduce(text) { $0.replacing($1.setting, with: $1.flag) }
    }

    /// A probe error with its message's settings replaced by flags.
    static func apply(_ error: ProbeError) -> ProbeError { ProbeError(error.kind, apply(error.message), detail: error.detail) }

    /// An input, its error and its entries' errors with flags.
    static func apply(_ input: InputReport) -> InputReport {
        var out = input
        out.error = input.error.map(apply)
        out.entries = input.entries?.map { entry in
            var e = entry
            e.error = entry.error.map(apply)
            return e
        }
        return out
    }

    /// A finding's message and fix with flags.
    static func apply(_ finding: Finding) -> Finding {
        var out = finding
        out.message = apply(finding.message)
        out.fix = finding.fix.map(apply)
        return out
    }

    /// A rule or manifest file error with the tool's words (a problem without a translation keeps none).
    static func apply(_ error: RuleFileError) -> RuleFileError {
        var out = error
        out.problem = flags.reduce(error.problem) { $0.replacingOccurrences(of: $1.setting.en, with: $1.flag.en) }
        out.problemZh = error.problemZh.map { zh in flags.reduce(zh) { $0.replacingOccurrences(of: $1.setting.zh, with: $1.flag.zh) } }
        return out
    }

    /// Rule or manifest file errors with the tool's words.
    static func apply(_ errors: RuleFileErrors) -> RuleFileErrors {
        var out = errors
        out.errors = errors.errors.map { apply($0) }
        return out
    }

    /// Every message of a batch's reports with flags.
    static func apply(_ batch: BatchReport) -> BatchReport {
        var out = batch
        out.submissions = batch.submissions.map { report in
            var r = report
            r.inputs = report.inputs.map(apply)
            r.findings = report.findings.map(apply)
            r.checks = report.checks.map(apply)
            return r
        }
        return out
    }
}
