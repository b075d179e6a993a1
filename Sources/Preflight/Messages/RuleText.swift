import Foundation

/// The texts of reading, loading and linting rule files (see `MessageCatalog`). The rules' own messages
/// are in the rule files.
enum RuleText {
    // MARK: Parts of a file

    /// What a part of a file is called in Chinese messages (`a manifest` → 清单); other names as they are.
    static func partName(_ what: String) -> String {
        let names = ["a manifest": "清单", "a submission": "提交", "a rule": "规则", "a rule file": "规则文件", "a slot": "文件位置",
                     "a requirement": "要求", "a profile": "配置", "a condition": "条件", "submissions": "submissions 列表"]
        return names[what] ?? what
    }

    // MARK: YAML

    /// The YAML text expands too far (`englishDetail` says where, from the YAML walk).
    static func yamlTooComplex(englishDetail: String) -> LocalizedText {
        LocalizedText(zh: "YAML 过于复杂（别名展开过多或嵌套过深），已拒绝", en: "\(englishDetail)")
    }
    /// The YAML parser's complaint (`reason`, in English).
    static func notYAML(_ reason: String) -> LocalizedText { LocalizedText(zh: "不是有效的 YAML：\(reason)", en: "not valid YAML: \(reason)") }
    /// No document at all.
    static let emptyFile = LocalizedText(zh: "文件是空的", en: "the file is empty")
    /// More nodes than read.
    static func tooManyNodes(limit: Int) -> LocalizedText {
        LocalizedText(zh: "文件过大（超过 \(limit) 个节点，或别名展开过多）", en: "the file is too large (over \(limit) nodes, or aliases expand too far)")
    }
    /// A part (`what`, see ``partName(_:)``) that must be a mapping.
    static func mustBeMapping(_ what: String) -> LocalizedText {
        LocalizedText(zh: "\(partName(what)) 必须是“键: 值”的映射", en: "\(what) must be a mapping of keys to values")
    }
    /// A key that is not a scalar.
    static let keysPlainText = LocalizedText(zh: "键必须是纯文本", en: "keys must be plain text")
    /// A close key to suggest for an unknown one.
    static func didYouMeanKey(_ key: String) -> LocalizedText {
        LocalizedText(zh: "（是不是“\(key)”？）", en: " (did you mean '\(key)'?)")
    }
    /// A key not allowed in `what`, with a suggestion (``didYouMeanKey(_:)``) when one is close.
    static func unknownKey(_ key: String, in what: String, suggestion: LocalizedText?, allowed: [String]) -> LocalizedText {
        LocalizedText(zh: "\(partName(what)) 中有未知的键“\(key)”\(suggestion?.zh ?? "")；可用的键：\(allowed.joined(separator: "、"))",
                      en: "unknown key '\(key)' in \(what)\(suggestion?.en ?? ""); allowed: \(allowed.joined(separator: ", "))")
    }
    /// A part that must be a list.
    static func mustBeList(_ what: String) -> LocalizedText { LocalizedText(zh: "\(partName(what)) 必须是列表", en: "\(what) must be a list") }
    /// A part that must be one value.
    static func mustBeSingle(_ what: String) -> LocalizedText { LocalizedText(zh: "\(partName(what)) 必须是单个值", en: "\(what) must be a single value") }
    /// A fix mapping without both languages.
    static let fixNeedsBoth = LocalizedText(zh: "fix 需要同时有 zh 和 en", en: "fix needs both 'zh' and 'en'")
    /// A text mapping without both languages.
    static func needsBoth(_ what: String) -> LocalizedText {
        LocalizedText(zh: "\(partName(what)) 需要同时有 zh 和 en", en: "\(what) needs both 'zh' and 'en'")
    }

    // MARK: Rule file fields

    /// A `schema` this version does not read.
    static func unsupportedSchema(_ schema: String) -> LocalizedText {
        LocalizedText(zh: "不支持的 schema '\(schema)'；此版本的 preflight 只读 schema 1", en: "unsupported schema '\(schema)'; this preflight reads schema 1")
    }
    /// A slot kind that does not exist (`known`, joined).
    static func unknownSlotKind(_ kind: String, known: String) -> LocalizedText {
        LocalizedText(zh: "未知的文件位置类型 '\(kind)'；已知：\(known)", en: "unknown slot kind '\(kind)'; known: \(known)")
    }
    /// A slot without a kind.
    static func slotNeedsKind(_ name: String) -> LocalizedText {
        LocalizedText(zh: "文件位置 '\(name)' 需要 'kind'", en: "slot '\(name)' needs a 'kind'")
    }
    /// A requirement without an id.
    static let requirementNeedsID = LocalizedText(zh: "要求需要 'id'", en: "a requirement needs an 'id'")
    /// A severity that does not exist.
    static func unknownSeverity(_ severity: String) -> LocalizedText {
        LocalizedText(zh: "未知的 severity '\(severity)'；请用 error、warning 或 info", en: "unknown severity '\(severity)'; use error, warning or info")
    }
    /// A pattern that is not a regular expression.
    static func invalidPattern(_ pattern: String) -> LocalizedText {
        LocalizedText(zh: "pattern '\(pattern)' 不是有效的正则表达式", en: "pattern '\(pattern)' is not a valid regular expression")
    }
    /// A pattern with a nested quantifier.
    static func exponentialPattern(_ pattern: String) -> LocalizedText {
        LocalizedText(zh: "pattern '\(pattern)' 重复了一个本身也在重复的分组，对某些名称会耗费指数级时间；请去掉嵌套（例如把 (a+)+ 写成 a+）",
                      en: "pattern '\(pattern)' repeats a group that itself repeats, which can take exponential time on some names; rewrite it without nesting (e.g. (a+)+ as a+)")
    }
    /// A scope that does not exist.
    static func unknownScope(_ scope: String) -> LocalizedText {
        LocalizedText(zh: "未知的 scope '\(scope)'；请用 file 或 entries", en: "unknown scope '\(scope)'; use file or entries")
    }
    /// A `service_error` that is not a number.
    static let serviceErrorNumber = LocalizedText(zh: "service_error 必须是数字，例如 100003", en: "service_error must be a number such as 100003")
    /// An `uncertainty` that is not a non-negative quantity.
    static let uncertaintyNumber = LocalizedText(zh: "uncertainty 必须是不小于 0 的数，例如 3 dB", en: "uncertainty must be a number of at least 0, such as 3 dB")
    /// A rule without an id.
    static let ruleNeedsID = LocalizedText(zh: "规则需要 'id'", en: "a rule needs an 'id'")
    /// A `when` condition without a fact.
    static let conditionNeedsFact = LocalizedText(zh: "'when' 条件需要 'fact'", en: "a 'when' condition needs a 'fact'")

    // MARK: Lint

    /// A problem of the rule `id`.
    static func inRule(_ id: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "规则 '\(id)'：\(problem.zh)", en: "rule '\(id)': \(problem.en)")
    }
    /// A problem of a `when` condition of the rule `id`.
    static func inRuleCondition(_ id: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "规则 '\(id)' 的 when：\(problem.zh)", en: "rule '\(id)' when: \(problem.en)")
    }
    /// A problem of the requirement `id`.
    static func inRequirement(_ id: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "要求 '\(id)'：\(problem.zh)", en: "requirement '\(id)': \(problem.en)")
    }
    /// A problem of the profile `name`.
    static func inProfile(_ name: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "配置 '\(name)'：\(problem.zh)", en: "profile '\(name)': \(problem.en)")
    }
    /// A rule without a fact.
    static let noFact = LocalizedText(zh: "没有要检验的 'fact'", en: "no 'fact' to test")
    /// A close fact name to suggest for an unknown one.
    static func didYouMeanFact(_ fact: String) -> LocalizedText {
        LocalizedText(zh: "（是不是 '\(fact)'？）", en: " (did you mean '\(fact)'?)")
    }
    /// A fact not in the vocabulary, with a suggestion (``didYouMeanFact(_:)``) when one is close.
    static func unknownFact(_ fact: String, suggestion: LocalizedText?) -> LocalizedText {
        LocalizedText(zh: "未知的事实 '\(fact)'\(suggestion?.zh ?? "")；\(SettingAdvice.factList.zh)",
                      en: "unknown fact '\(fact)'\(suggestion?.en ?? ""); \(SettingAdvice.factList.en)")
    }
    /// A slot not defined by the rules (`known`, already joined).
    static func unknownSlot(_ slot: String, known: String) -> LocalizedText {
        LocalizedText(zh: "未知的文件位置 '\(slot)'；已知：\(known)", en: "unknown slot '\(slot)'; known: \(known)")
    }
    /// A rule without a slot.
    static let noSlot = LocalizedText(zh: "没有 'slot'（规则读取哪个文件）", en: "no 'slot' (which file the rule reads)")
    /// A rule without a severity.
    static let noSeverity = LocalizedText(zh: "没有 'severity'（error、warning 或 info）", en: "no 'severity' (error, warning or info)")
    /// A rule without a test.
    static let noTest = LocalizedText(zh: "没有检验：请给出 min、max、one_of、none_of、equals、pattern 或 required",
                                      en: "no test: give min, max, one_of, none_of, equals, pattern or required")
    /// A `missing` message on a rule whose missing value is skipped, so it would never be shown.
    static let missingWithoutRequired = LocalizedText(zh: "'missing' 只用于 'required: true' 的规则（否则缺少的值会被跳过，这条消息永远不会显示）",
                                                      en: "'missing' needs 'required: true' (otherwise a missing value is skipped and the message never shows)")
    /// An `uncertainty_fact` naming an unknown fact.
    static func uncertaintyUnknownFact(_ fact: String) -> LocalizedText {
        LocalizedText(zh: "'uncertainty_fact' 引用了未知的事实 '\(fact)'", en: "'uncertainty_fact' names unknown fact '\(fact)'")
    }
    /// A `when` condition that names a fact the vocabulary does not have.
    static func conditionUnknownFact(_ fact: String) -> LocalizedText {
        LocalizedText(zh: "'when' 引用了未知的事实 '\(fact)'", en: "'when' names unknown fact '\(fact)'")
    }
    /// A rule without a message.
    static let noRuleMessage = LocalizedText(zh: "没有 'message' {zh, en}：请用两种语言说明问题", en: "no 'message' {zh, en}: say what is wrong in both languages")
    /// A requirement without slots.
    static let noSlots = LocalizedText(zh: "请给出 all_of 或 any_of", en: "give all_of or any_of")
    /// A requirement naming an unknown slot.
    static func requirementUnknownSlot(_ slot: String) -> LocalizedText {
        LocalizedText(zh: "未知的文件位置 '\(slot)'", en: "unknown slot '\(slot)'")
    }
    /// A requirement without a message.
    static let noRequirementMessage = LocalizedText(zh: "没有 'message' {zh, en}", en: "no 'message' {zh, en}")
    /// A value of one dimension for a fact of another (`units`, joined, may be empty).
    static func wrongDimension(_ written: String, is dimension: String, fact: String, measuredAs want: String, units: String) -> LocalizedText {
        units.isEmpty
            ? LocalizedText(zh: "'\(written)' 是 \(dimension) 的值，而 \(fact) 以 \(want) 计",
                            en: "'\(written)' is a \(dimension) value but \(fact) is measured as \(want)")
            : LocalizedText(zh: "'\(written)' 是 \(dimension) 的值，而 \(fact) 以 \(want) 计（单位：\(units)）",
                            en: "'\(written)' is a \(dimension) value but \(fact) is measured as \(want) (units: \(units))")
    }
    /// A text where a quantity is needed.
    static func notAQuantity(_ text: String, dimension: String, units: String) -> LocalizedText {
        LocalizedText(zh: "'\(text)' 不是带 \(dimension) 单位的数（\(units)）", en: "'\(text)' is not a number with a unit of \(dimension) (\(units))")
    }
    /// `min`/`max` on a text or flag fact.
    static func boundsNeedNumber(fact: String, dimension: String) -> LocalizedText {
        LocalizedText(zh: "min/max 需要数值型事实；\(fact) 是 \(dimension)", en: "min/max need a numeric fact; \(fact) is \(dimension)")
    }
    /// An empty range.
    static func emptyRange(min: String, max: String) -> LocalizedText {
        LocalizedText(zh: "min \(min) 大于 max \(max)：任何值都通不过", en: "min \(min) is above max \(max): nothing can pass")
    }

    // MARK: Loading

    /// A profile the rules of `type` do not define (`available`, joined).
    static func unknownProfile(_ name: String, type: String, available: String) -> LocalizedText {
        LocalizedText(zh: "\(type) 没有名为 '\(name)' 的配置；可用：\(available)", en: "unknown profile '\(name)' for \(type); available: \(available)")
    }
    /// Files that include each other (`chain`, joined with arrows).
    static func includeCycle(_ chain: String) -> LocalizedText { LocalizedText(zh: "include 成环：\(chain)", en: "include cycle: \(chain)") }
    /// Includes deeper than read.
    static func includesTooDeep(limit: Int) -> LocalizedText {
        LocalizedText(zh: "include 嵌套超过 \(limit) 层", en: "includes nested deeper than \(limit) files")
    }
    /// Reading a rule file failed (`error` as described by Foundation).
    static func cannotReadFile(_ error: String) -> LocalizedText { LocalizedText(zh: "无法读取：\(error)", en: "\(error)") }
    /// A built-in rule file that does not exist.
    static func noBuiltinFile(_ name: String) -> LocalizedText {
        LocalizedText(zh: "没有内置规则文件 \(name)", en: "no built-in rule file \(name)")
    }
    /// A rule file over the size read (`bytes` as known).
    static func fileTooLarge(_ name: String, bytes: String, limit: Int) -> LocalizedText {
        LocalizedText(zh: "规则文件 \(name) 有 \(bytes) 字节，上限是 \(limit)", en: "rule file \(name) is \(bytes) bytes; the limit is \(limit)")
    }
    /// A rule file that does not exist.
    static func noSuchRuleFile(_ name: String) -> LocalizedText {
        LocalizedText(zh: "无法读取规则文件 \(name)：文件不存在", en: "cannot read rule file \(name): no such file")
    }
    /// A rule file that is not UTF-8.
    static func notUTF8(_ name: String) -> LocalizedText {
        LocalizedText(zh: "规则文件 \(name) 不是可读的 UTF-8 文本", en: "rule file \(name) is not readable UTF-8 text")
    }
    /// The heading of a list of rule or manifest file problems.
    static func problemsHeading(count: Int) -> LocalizedText {
        LocalizedText(zh: "规则或清单文件有误（\(count) 处）：", en: "error: rule or manifest file problems (\(count)):")
    }
    /// A kind (MakeType) without rules, with a close one when there is (`known`, joined).
    static func unknownType(_ type: String, suggestion: String?, known: String) -> LocalizedText {
        if let suggestion {
            return LocalizedText(zh: "未知的定制类型（MakeType）“\(type)”，是不是 \(suggestion)？可用的类型：\(known)",
                                 en: "unknown customization type (MakeType) '\(type)'; did you mean \(suggestion)? Known types: \(known)")
        }
        return LocalizedText(zh: "未知的定制类型（MakeType）“\(type)”。可用的类型：\(known)",
                             en: "unknown customization type (MakeType) '\(type)'. Known types: \(known)")
    }
}
