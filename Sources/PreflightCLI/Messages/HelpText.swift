import Foundation
import Preflight

/// The command-line help (`--help`, abstracts, discussions and every option's text) in Chinese and
/// English. The help is built before the command line is parsed, so ``language`` reads `--lang` from
/// the raw arguments and otherwise follows ``Language/fromEnvironment(_:)``, the rule of every other
/// message. The man page and the shell completions are generated with `LC_ALL=C`, so they stay English.
enum HelpText {
    /// The language the help is shown in: `--lang zh|en` (or `--lang=zh|en`) when given, else the locale's.
    static let language: Language = language(arguments: CommandLine.arguments,
                                             environment: ProcessInfo.processInfo.environment)

    /// The help language for these arguments and environment: the last valid `--lang` value wins,
    /// an unknown value or none falls back to ``Language/fromEnvironment(_:)``.
    static func language(arguments: [String], environment: [String: String]) -> Language {
        var chosen: Language?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex {
                if let l = Language(rawValue: arguments[index + 1]) { chosen = l }
                index += 1
            } else if argument.hasPrefix("--lang="), let l = Language(rawValue: String(argument.dropFirst(7))) {
                chosen = l
            }
            index += 1
        }
        return chosen ?? Language.fromEnvironment(environment)
    }

    // MARK: preflight

    /// `preflight`'s abstract.
    static let rootAbstract = LocalizedText(zh: "在上传定制之前，先在本地检查数字人素材。",
                                            en: "Check digital-human materials locally before uploading them for customization.")
    /// `preflight`'s discussion: the exit status.
    static let rootDiscussion = LocalizedText(
        zh: """
            退出状态：没有检查以错误失败时为 0（允许有警告），至少有一项以错误失败时为 1，\
            用法错误或规则文件错误时为 2。
            """,
        en: """
            Exit status: 0 when no check fails with an error (warnings allowed), 1 when at least one does, \
            2 for a usage or rule-file error.
            """)
    /// `--lang`.
    static let lang = LocalizedText(zh: "消息语言：zh 或 en（默认：按 LANG）。", en: "Message language: zh or en (default: from LANG).")
    /// `--color`.
    static let color = LocalizedText(zh: "颜色：auto（在终端上时）、always 或 never。", en: "Colour: auto (on a terminal), always or never.")
    /// `--verbose`.
    static let verbose = LocalizedText(zh: "在标准错误上显示 libav 自身的警告。", en: "Show libav's own warnings on standard error.")

    // MARK: check

    /// `check`'s abstract.
    static let checkAbstract = LocalizedText(zh: "按服务的规则检查定制请求的文件和字段。",
                                             en: "Check the files and fields of customization requests against the service's rules.")
    /// `check`'s discussion: the two ways to call it.
    static let checkDiscussion = LocalizedText(
        zh: """
            单个提交：
              preflight check --type IMAGE_GENERAL --material take3.mp4 --identity auth.mp4
            一份清单：
              preflight check studio.yaml   （或 --manifest studio.yaml）
            """,
        en: """
            One submission:
              preflight check --type IMAGE_GENERAL --material take3.mp4 --identity auth.mp4
            A manifest:
              preflight check studio.yaml   (or --manifest studio.yaml)
            """)
    /// The manifest argument and `--manifest`.
    static let manifest = LocalizedText(zh: "一份清单（YAML 或 JSON），含一个或多个提交。", en: "A manifest (YAML or JSON) of one or many submissions.")
    /// `--type` of `check`, with the kinds that have rules (`types`, joined).
    static func checkType(_ types: String) -> LocalizedText {
        LocalizedText(zh: "定制类型（MakeType）：\(types)。", en: "Customization kind (MakeType): \(types).")
    }
    /// `--material`.
    static let material = LocalizedText(zh: "素材（MaterialCosUrl）：按类型为视频、照片或声音。", en: "Material (MaterialCosUrl): video, photo or voice, by kind.")
    /// `--identity`.
    static let identity = LocalizedText(zh: "口述授权视频（IdentityCosUrl，idcard/）。", en: "Spoken authorization video (IdentityCosUrl, idcard/).")
    /// `--identity-pdf`.
    static let identityPDF = LocalizedText(zh: "书面授权 PDF（IdentityWrittenCosUrl，idcard/）。", en: "Written authorization PDF (IdentityWrittenCosUrl, idcard/).")
    /// `--alpha`.
    static let alpha = LocalizedText(zh: "自定义透明通道视频（AlphaCosUrl，video/）。", en: "Custom alpha-channel video (AlphaCosUrl, video/).")
    /// `--driver-audio`.
    static let driverAudio = LocalizedText(zh: "演示用驱动音频（VoiceDriverCosFile，audio/）。", en: "Demo driver audio (VoiceDriverCosFile, audio/).")
    /// `--file`.
    static let file = LocalizedText(zh: "规则中的任一文件位置，写作 SLOT=PATH（可重复），例如 identity_pdf=letter.pdf。",
                                    en: "Any slot of the rules as SLOT=PATH (repeatable), e.g. identity_pdf=letter.pdf.")
    /// `--print-request`.
    static let printRequest = LocalizedText(zh: "不输出报告，而是输出填好 COS URL 的定制请求 JSON（完整 URL 需要 --path-prefix）。",
                                            en: "Print the make request JSON with the COS URLs filled in (needs --path-prefix for full URLs) instead of a report.")
    /// `--anchor-name`.
    static let anchorName = LocalizedText(zh: "AnchorName（数字人名称）。", en: "AnchorName.")
    /// `--sex-type`.
    static let sexType = LocalizedText(zh: "SexType（性别）：MALE 或 FEMALE。", en: "SexType: MALE or FEMALE.")
    /// `--notes`.
    static let notes = LocalizedText(zh: "Notes（备注）。", en: "Notes.")
    /// `--text-driver`.
    static let textDriver = LocalizedText(zh: "TextDriver（驱动文本）。", en: "TextDriver.")
    /// `--speed`.
    static let speed = LocalizedText(zh: "TimbreInfo.Speed（语速）。", en: "TimbreInfo.Speed.")
    /// `--timbre-code`.
    static let timbreCode = LocalizedText(zh: "TimbreInfo.TimbreCode（音色代码）。", en: "TimbreInfo.TimbreCode.")
    /// `--is-have-background`.
    static let isHaveBackground = LocalizedText(zh: "IsHaveBackground（是否有背景）：true 或 false。", en: "IsHaveBackground: true or false.")
    /// `--remove-background`.
    static let removeBackground = LocalizedText(zh: "RemoveBackground（去除背景）：1（绿幕）或 2（白底）。", en: "RemoveBackground: 1 (green) or 2 (white).")
    /// `--zeroshort-lang`.
    static let zeroshortLang = LocalizedText(zh: "ZeroshortLang（语种）：chi、eng 或 can。", en: "ZeroshortLang: chi, eng or can.")
    /// `--photo-version`.
    static let photoVersion = LocalizedText(zh: "PhotoVersion（照片版本）：0 或 1。", en: "PhotoVersion: 0 or 1.")
    /// `--audio-id`.
    static let audioId = LocalizedText(zh: "AudioId（ZERO_SHOT_VOICE 用）。", en: "AudioId (ZERO_SHOT_VOICE).")

    /// The title of `check`'s request-field options.
    static let requestFieldsTitle = LocalizedText(zh: "请求字段（给出任一项时，全部都会检查）", en: "Request fields (once any is given, all are checked)")

    // MARK: gate

    /// `gate`'s abstract.
    static let gateAbstract = LocalizedText(zh: "检查按 COS 布局的交付文件夹中的每个提交（CI 关卡）。",
                                            en: "Check every submission in a delivery folder laid out like COS (a CI gate).")
    /// `gate`'s discussion: the folder layout, the exit status and the CI options.
    static let gateDiscussion = LocalizedText(
        zh: """
            DIR 中每个提交一个文件夹：
              <name>/submission.yaml   MakeType 和请求字段（有 --type 时可省略）
              <name>/video/ idcard/ audio/ photo/ zeroshot/   文件，与将要上传的一致
            无法读取的 submission.yaml，或放不进任何文件位置的文件，会使其所在的提交失败；其他提交照常判定。
            有提交失败时退出状态为 1，关卡自身的用法错误为 2。
            CI 读取格式：--format junit|github|markdown|sarif|codequality。
            CI 矩阵：--shard K/N（见文档：CIGate）。
            """,
        en: """
            DIR holds one folder per submission:
              <name>/submission.yaml   MakeType and request fields (optional with --type)
              <name>/video/ idcard/ audio/ photo/ zeroshot/   the files, as uploaded
            A submission.yaml that cannot be read, or a file that fits no slot, fails its submission; \
            the others are still judged.
            Exit 1 when any submission fails, 2 for the gate's own usage errors.
            CI readers: --format junit|github|markdown|sarif|codequality.
            A CI matrix: --shard K/N (see the documentation: CIGate).
            """)
    /// The gate's folder argument.
    static let deliveryFolder = LocalizedText(zh: "交付文件夹。", en: "The delivery folder.")
    /// `--type` of `gate`.
    static let gateType = LocalizedText(zh: "没有 submission.yaml 的提交所用的 MakeType。", en: "MakeType for submissions without a submission.yaml.")
    /// `--shard`.
    static let shard = LocalizedText(
        zh: "只判定 N 份中的第 K 份：按文件夹的自然顺序排列提交，从第 K 个起每隔 N 个取一个（从 1 起数），N 个任务合起来恰好各判定一次。",
        en: "Judge only shard K of N: the submissions in natural order of their folders, every Nth from the Kth (1-based), so N jobs together judge each exactly once.")

    // MARK: limits

    /// The title of the safety limits in `check` and `gate`.
    static let runLimitsTitle = LocalizedText(zh: "安全上限（触及任一项即成为该文件的一条结果）", en: "Safety limits (each, when hit, is a finding for the file)")
    /// The title of the safety limits in `probe`.
    static let probeLimitsTitle = LocalizedText(zh: "安全上限（触及任一项即报告为错误）", en: "Safety limits (each, when hit, is reported as an error)")

    /// `--timeout`.
    static let timeout = LocalizedText(zh: "每个文件允许的秒数，超时即放弃该文件。", en: "Seconds allowed per file before giving up on it.")
    /// `--max-inflated-bytes`.
    static let maxInflatedBytes = LocalizedText(zh: "一个 zip 包最多解压出的字节数，例如 4GiB。", en: "Most bytes inflated from one zip bundle, e.g. 4GiB.")
    /// `--max-entry-inflated-bytes`.
    static let maxEntryInflatedBytes = LocalizedText(zh: "一个 zip 条目最多解压出的字节数，例如 2GiB。", en: "Most bytes inflated from one zip entry, e.g. 2GiB.")
    /// `--max-zip-entries`.
    static let maxZipEntries = LocalizedText(zh: "一个 zip 最多可声明的条目数（默认 10000）。", en: "Most entries a zip may declare (default 10000).")
    /// `--max-compression-ratio`.
    static let maxCompressionRatio = LocalizedText(zh: "压缩比超过此值的 zip 条目按压缩炸弹拒绝（默认 100）。",
                                                   en: "Compression ratio above which a zip entry is refused as a bomb (default 100).")
    /// `--max-image-side`.
    static let maxImageSide = LocalizedText(zh: "照片可声明的最长边，单位为像素（默认 30000）。", en: "Longest side a photo may declare, in pixels (default 30000).")
    /// `--max-image-pixels`.
    static let maxImagePixels = LocalizedText(zh: "照片最多可声明的像素数（默认 400000000）。", en: "Most pixels a photo may declare (default 400000000).")
    /// `--max-streams`.
    static let maxStreams = LocalizedText(zh: "视频容器最多可声明的流数（默认 64）。", en: "Most streams a video container may declare (default 64).")
    /// `--max-packets`.
    static let maxPackets = LocalizedText(zh: "为没有索引的视频计算帧时间时最多读取的数据包数（默认 2000000）。",
                                          en: "Most packets read to time the frames of a video without an index (default 2000000).")
    /// `--no-content`.
    static let noContent = LocalizedText(zh: "只读文件头：不解码照片的像素，也不抽取视频的帧（不做人脸、背景和像素完整性检查）。",
                                         en: "Headers only: do not decode photos' pixels nor sample videos' frames (no face, background or pixel-integrity checks).")

    // MARK: run options

    /// `--rules` of `check` and `gate`.
    static let rules = LocalizedText(zh: "扩展或覆盖内置规则的规则文件（可重复）。", en: "A rule file that extends or overrides the built-in rules (repeatable).")
    /// `--profile` of `check` and `gate`.
    static let profile = LocalizedText(zh: "规则的一个命名备选（见 `preflight rules show TYPE`）；多个可用逗号组合（strict,studio）。",
                                       en: "A named alternative of the rules (see `preflight rules show TYPE`); several combine, comma-separated (strict,studio).")
    /// `--format`.
    static let format = LocalizedText(
        zh: "输出：text、json、junit、github（工作流注释）、markdown（作业摘要）、sarif（SARIF 2.1.0，代码扫描）或 codequality（GitLab Code Quality）。",
        en: "Output: text, json, junit, github (workflow annotations), markdown (job summary), sarif (SARIF 2.1.0, code scanning) or codequality (GitLab Code Quality).")
    /// `--strict`.
    static let strict = LocalizedText(zh: "把警告算作失败（退出状态 1）。", en: "Count warnings as failures (exit 1).")
    /// `--failures-only`.
    static let failuresOnly = LocalizedText(zh: "文本输出中只列出失败和跳过的检查。", en: "List only failed and skipped checks in text output.")
    /// `--jobs`.
    static let jobs = LocalizedText(
        zh: "使用的核心数：同时测量的文件数；单独测量的文件可用上全部核心（默认：核心数；1 表示全部在一个线程上运行）。",
        en: "Cores to use: files measured at the same time; a file measured alone may use them all (default: the number of cores; 1 runs everything on one thread).")
    /// `--path-prefix`.
    static let pathPrefix = LocalizedText(zh: "上传凭证接口返回的 PathPrefix：报告随之给出每个文件完整的 COS URL、存储桶和键。",
                                          en: "The PathPrefix from the upload credentials call: reports then give each file's full COS URL, bucket and key.")
    /// `--baseline`.
    static let baseline = LocalizedText(zh: "豁免此基线文件中列出的结果：只有新问题才会失败。", en: "Accept the findings listed in this baseline file: only new problems fail.")
    /// `--write-baseline`.
    static let writeBaseline = LocalizedText(zh: "把当前的错误和警告作为基线写入此文件。", en: "Write the current errors and warnings to this file as a baseline.")
    /// `--output`.
    static let output = LocalizedText(zh: "另将报告以此格式写入文件，例如 --output junit=report.xml（可重复）。",
                                      en: "Also write the report in this format to a file, e.g. --output junit=report.xml (repeatable).")

    // MARK: probe

    /// `probe`'s abstract.
    static let probeAbstract = LocalizedText(zh: "输出测得的文件事实（不应用规则）。", en: "Print the facts measured of a file (no rules applied).")
    /// `probe`'s file argument.
    static let probeFile = LocalizedText(zh: "要测量的文件。", en: "The file to measure.")
    /// `--as` of `probe`.
    static let probeAs = LocalizedText(zh: "按什么读取：video、pdf、photo、audio 或 voice（默认：按其内容）。",
                                       en: "What to read it as: video, pdf, photo, audio or voice (default: from its content).")
    /// `--format` of `probe`.
    static let probeFormat = LocalizedText(zh: "输出格式：text 或 json。", en: "Output format: text or json.")

    // MARK: rules

    /// `rules`' abstract.
    static let rulesAbstract = LocalizedText(zh: "列出、显示和检查规则文件。", en: "List, show and lint rule files.")
    /// `rules list`'s abstract.
    static let rulesListAbstract = LocalizedText(zh: "列出有内置规则的定制类型。", en: "List the customization kinds with built-in rules.")
    /// `rules show`'s abstract.
    static let rulesShowAbstract = LocalizedText(zh: "显示一个定制类型解析后的全部规则。", en: "Show every rule of a customization kind, resolved.")
    /// `rules show`'s kind argument.
    static let rulesShowType = LocalizedText(zh: "定制类型，例如 IMAGE_GENERAL。", en: "The customization kind, e.g. IMAGE_GENERAL.")
    /// `--profile` of `rules show`.
    static let rulesShowProfile = LocalizedText(zh: "规则的一个命名备选。", en: "A named alternative of the rules.")
    /// `--rules` of `rules show`.
    static let rulesShowRules = LocalizedText(zh: "内置规则之上的额外规则文件。", en: "Extra rule files over the built-ins.")
    /// `rules lint`'s abstract.
    static let rulesLintAbstract = LocalizedText(zh: "检查规则文件；错误会指出文件、行号和问题（退出状态 2）。",
                                                 en: "Check rule files; errors name file, line and problem (exit 2).")
    /// `rules lint`'s file arguments.
    static let rulesLintFiles = LocalizedText(zh: "要检查的规则文件。", en: "Rule files to check.")

    // MARK: facts

    /// `facts`' abstract.
    static let factsAbstract = LocalizedText(zh: "列出规则可检验的每个事实，以及其单位和含义。", en: "List every fact a rule can test, with its unit and meaning.")
    /// `--format` of `facts`.
    static let factsFormat = LocalizedText(zh: "text：每行一个事实；markdown：文档中的事实参考。",
                                           en: "text: one fact a line; markdown: the documentation's facts reference.")
}

extension LocalizedText {
    /// This text in the help's language (``HelpText/language``).
    var help: String { text(in: HelpText.language) }
}
