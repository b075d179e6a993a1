import Preflight

/// The command-line tool's own texts, in Chinese and English: usage errors and status lines. The
/// library's texts are in its catalog (`Sources/Preflight/Messages/`); ``FlagAdvice`` puts the tool's
/// flags into them.
enum CLIText {
    /// `error: message` before a usage error.
    static func errorLine(_ message: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "错误：\(message.zh)", en: "error: \(message.en)")
    }
    /// A manifest and `--type` with files at once.
    static let manifestOrType = LocalizedText(zh: "清单和 --type 加文件只能二选一", en: "give either a manifest or --type with files, not both")
    /// A problem of a manifest's submission (`name`).
    static func inSubmission(_ name: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "\(name)：\(problem.zh)", en: "\(name): \(problem.en)")
    }
    /// Neither a manifest nor `--type`.
    static let typeOrManifest = LocalizedText(zh: "请用 --type 类型 加文件，或给出清单（preflight check studio.yaml）",
                                              en: "give --type TYPE with the files, or a manifest (preflight check studio.yaml)")
    /// A malformed `--file`.
    static func fileOption(_ given: String) -> LocalizedText {
        LocalizedText(zh: "--file 的写法是 位置=路径，实际为“\(given)”", en: "--file takes SLOT=PATH, got '\(given)'")
    }
    /// A `--file` slot the kind does not have (`takes`, joined).
    static func noSuchSlot(_ slot: String, type: String, takes: String) -> LocalizedText {
        LocalizedText(zh: "\(type) 没有名为 \(slot) 的文件位置；可用的位置：\(takes)", en: "\(type) has no '\(slot)' file; it takes: \(takes)")
    }
    /// `rules show`: a rule's stated uncertainty.
    static func ruleUncertainty(_ band: String) -> LocalizedText {
        LocalizedText(zh: "（误差 ±\(band)：差距在此之内只算警告）", en: "(uncertainty ±\(band): a miss within it is a warning)")
    }
    /// `rules show`: the fact that carries a measurement's own uncertainty.
    static func ruleUncertaintyFact(_ fact: String) -> LocalizedText {
        LocalizedText(zh: "（或 ±\(fact)，取较宽者：通过但在其之内也是警告）", en: "(or ±\(fact) where wider: a pass within it is a warning too)")
    }
    /// `rules list`: a kind whose rule file does not load.
    static let rulesListBroken = LocalizedText(zh: "（规则文件有错误：运行 preflight rules lint 查看）", en: "(rule file has errors: run `preflight rules lint`)")
    /// `rules list`: how many rules a kind has.
    static func rulesListCount(_ n: Int) -> LocalizedText { LocalizedText(zh: "\(n) 条规则", en: "\(n) rules") }
    /// `rules list`: a kind's profiles.
    static func rulesListProfiles(_ names: String) -> LocalizedText { LocalizedText(zh: "[方案：\(names)]", en: "[profiles: \(names)]") }
    /// `rules show`: the version of the kind's rules, and the profile applied.
    static func rulesShowVersion(_ version: String) -> LocalizedText { LocalizedText(zh: "版本 \(version)", en: "version \(version)") }
    static func rulesShowProfile(_ name: String) -> LocalizedText { LocalizedText(zh: "方案 \(name)", en: "profile \(name)") }
    /// `rules show`: the digest of the resolved rules and the files they come from.
    static func rulesShowDigest(_ digest: String, files: String) -> LocalizedText {
        LocalizedText(zh: "摘要 \(digest) · 来自 \(files)", en: "digest \(digest) · from \(files)")
    }
    /// `rules show`: section headings.
    static let rulesShowProfiles = LocalizedText(zh: "方案：", en: "profiles: ")
    static let rulesShowSlots = LocalizedText(zh: "文件位置：", en: "slots:")
    static let rulesShowRequirements = LocalizedText(zh: "必需的文件：", en: "requirements:")
    static let rulesShowRules = LocalizedText(zh: "规则：", en: "rules:")
    /// `rules show`: a requirement of any one, or all, of its slots.
    static func rulesShowOneOf(_ slots: String) -> LocalizedText { LocalizedText(zh: "任选其一：\(slots)", en: "one of \(slots)") }
    static func rulesShowAllOf(_ slots: String) -> LocalizedText { LocalizedText(zh: "全部：\(slots)", en: "all of \(slots)") }
    /// `rules show`: a rule's conditions, joined by ``rulesShowAnd``.
    static func rulesShowWhen(_ conditions: String) -> LocalizedText { LocalizedText(zh: "适用条件：\(conditions)", en: "when \(conditions)") }
    static let rulesShowAnd = LocalizedText(zh: "，且 ", en: " and ")
    /// `rules show`: a disabled rule.
    static let rulesShowDisabled = LocalizedText(zh: "（已停用）", en: "(disabled)")
    /// `rules show`: where a rule's number comes from.
    static func rulesShowBasis(_ basis: String) -> LocalizedText { LocalizedText(zh: "依据：\(basis)", en: "basis: \(basis)") }
    /// `--timeout` that is not a positive number.
    static let timeoutPositive = LocalizedText(zh: "--timeout 必须是正的秒数", en: "--timeout must be a positive number of seconds")
    /// A safety limit below 1.
    static func atLeastOne(_ flag: String) -> LocalizedText { LocalizedText(zh: "\(flag) 至少为 1", en: "\(flag) must be at least 1") }
    /// A file argument that does not exist.
    static func noSuchFile(_ path: String) -> LocalizedText { LocalizedText(zh: "文件不存在：\(path)", en: "no such file: \(path)") }
    /// A file argument that is a folder.
    static func folderNotFile(_ path: String) -> LocalizedText {
        LocalizedText(zh: "\(path) 是文件夹，不是文件", en: "\(path) is a folder, not a file")
    }
    /// A gate folder argument that is a file.
    static func fileNotFolder(_ path: String) -> LocalizedText {
        LocalizedText(zh: "\(path) 是文件，不是交付文件夹", en: "\(path) is a file, not a delivery folder")
    }
    /// A gate folder argument that does not exist.
    static func noSuchFolder(_ path: String) -> LocalizedText { LocalizedText(zh: "文件夹不存在：\(path)", en: "no such folder: \(path)") }
    /// A gate folder without submissions.
    static func noSubmissions(in folder: String) -> LocalizedText {
        LocalizedText(zh: "\(folder) 中没有找到提交（布局见 `preflight gate --help`）",
                      en: "no submissions found in \(folder) (see `preflight gate --help` for the layout)")
    }
    /// A malformed `--path-prefix`.
    static func pathPrefix(_ given: String) -> LocalizedText {
        LocalizedText(zh: "--path-prefix 应形如 https://<存储桶>.cos.<地域>.myqcloud.com/<键前缀>/，实际为“\(given)”",
                      en: "--path-prefix must look like https://<bucket>.cos.<region>.myqcloud.com/<key prefix>/, got '\(given)'")
    }
    /// A malformed `--output` (`formats`, joined).
    static func outputOption(_ given: String, formats: String) -> LocalizedText {
        LocalizedText(zh: "--output 的写法是 格式=文件，格式为 \(formats) 之一，实际为“\(given)”",
                      en: "--output takes FORMAT=FILE with FORMAT one of \(formats), got '\(given)'")
    }
    /// A report file that cannot be written, checked before anything is measured.
    static func cannotWriteReport(_ format: String, to path: String, _ why: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "无法写入 \(format) 报告 \(path)：\(why.zh)", en: "cannot write the \(format) report to \(path): \(why.en)")
    }
    /// Why a path cannot be written: it is a folder.
    static let isAFolder = LocalizedText(zh: "这是一个文件夹", en: "it is a folder")
    /// Why a path cannot be written: permissions.
    static let permissionDenied = LocalizedText(zh: "没有写权限", en: "permission denied")
    /// Why a path cannot be written: its folder is missing.
    static func folderMissing(_ folder: String) -> LocalizedText {
        LocalizedText(zh: "文件夹 \(folder) 不存在", en: "the folder \(folder) does not exist")
    }
    /// Why a path cannot be written: its folder is read-only.
    static func folderNotWritable(_ folder: String) -> LocalizedText {
        LocalizedText(zh: "文件夹 \(folder) 没有写权限", en: "the folder \(folder) is not writable")
    }
    /// A baseline file that cannot be written, checked before anything is measured.
    static func cannotWriteBaseline(_ path: String, _ why: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "无法写入基线文件 \(path)：\(why.zh)", en: "cannot write the baseline to \(path): \(why.en)")
    }
    /// A baseline file that cannot be read (`error` as Foundation describes it).
    static func cannotReadBaseline(_ path: String, _ error: String) -> LocalizedText {
        LocalizedText(zh: "无法读取基线文件 \(path)：\(error)", en: "cannot read baseline \(path): \(error)")
    }
    /// Writing an output failed (`what` from ``baseline`` or ``report(_:)``).
    static func cannotWrite(_ what: LocalizedText, to path: String, _ error: String) -> LocalizedText {
        LocalizedText(zh: "无法写入\(what.zh) \(path)：\(error)", en: "cannot write \(what.en) to \(path): \(error)")
    }
    /// The baseline, as an output.
    static let baseline = LocalizedText(zh: "基线", en: "the baseline")
    /// A report of a format, as an output.
    static func report(_ format: String) -> LocalizedText { LocalizedText(zh: " \(format) 报告", en: "the \(format) report") }
    /// `rules check` found nothing wrong.
    static func rulesOK(files: Int) -> LocalizedText {
        LocalizedText(zh: "通过：\(files) 个文件，没有问题", en: "ok: \(files) file\(files == 1 ? "" : "s"), no problems")
    }
    /// Where the full report is, for a truncated Markdown summary.
    static let fullReportMarkdown = LocalizedText(zh: "完整报告请用 --format json 或 --format junit", en: "use --format json or --format junit for the full report")
    /// Where the full report is, for GitHub annotations beyond 10 (English, as GitHub shows it).
    static let fullReportGitHub = "run preflight with --format json or --format junit for the full report"
}
