import Foundation

/// The texts of reading a manifest (see `MessageCatalog`).
enum ManifestText {
    /// A manifest over 4 MiB (`bytes` as known).
    static func tooLarge(bytes: String) -> LocalizedText {
        LocalizedText(zh: "清单文件有 \(bytes) 字节，上限为 4 MiB", en: "manifest is \(bytes) bytes; the limit is 4 MiB")
    }
    /// A manifest path that does not exist.
    static func noSuchFile(_ name: String) -> LocalizedText {
        LocalizedText(zh: "无法读取清单 \(name)：文件不存在", en: "cannot read manifest \(name): no such file")
    }
    /// A manifest path that is not a regular file.
    static func notAFile(_ name: String) -> LocalizedText {
        LocalizedText(zh: "无法读取清单 \(name)：不是普通文件", en: "cannot read manifest \(name): not a regular file")
    }
    /// A manifest that is not UTF-8.
    static func notUTF8(_ name: String) -> LocalizedText {
        LocalizedText(zh: "清单 \(name) 不是 UTF-8 文本", en: "manifest \(name) is not UTF-8 text")
    }
    /// The YAML text expands too far (`englishDetail` says where, from the YAML walk).
    static func yamlTooComplex(englishDetail: String) -> LocalizedText {
        LocalizedText(zh: "YAML 过于复杂（别名展开过多或嵌套过深）", en: "\(englishDetail)")
    }
    /// The parser's complaint (`reason`, in English).
    static func notYAMLOrJSON(_ reason: String) -> LocalizedText {
        LocalizedText(zh: "不是有效的 YAML 或 JSON：\(reason)", en: "not valid YAML or JSON: \(reason)")
    }
    /// No document.
    static let empty = LocalizedText(zh: "清单是空的", en: "the manifest is empty")
    /// A submission key written beside a `submissions` list.
    static func keyOutsideEntry(_ key: String) -> LocalizedText {
        LocalizedText(zh: "请把“\(key)”放进 submissions 的某一项（或 defaults）中", en: "put '\(key)' inside an entry of 'submissions' (or under 'defaults')")
    }
    /// Nothing to check.
    static let noSubmissions = LocalizedText(zh: "没有提交：请写 MakeType 和文件，或一个 submissions 列表",
                                             en: "no submissions: give MakeType and files, or a 'submissions' list")
    /// `files` that is not a mapping.
    static let filesMustMap = LocalizedText(zh: "files 必须把文件位置名映射到路径", en: "files must map slot names to paths")
    /// A submission (1-based `index`) without a kind.
    static func noMakeType(index: Int) -> LocalizedText {
        LocalizedText(zh: "第 \(index) 个提交没有 MakeType", en: "submission \(index) has no MakeType")
    }
    /// A request field that must be an integer.
    static func notWholeNumber(_ key: String, got value: String) -> LocalizedText {
        LocalizedText(zh: "\(key) 必须是整数，实际为“\(value)”", en: "\(key) must be a whole number, got '\(value)'")
    }
    /// `IsHaveBackground` that is not a boolean.
    static let backgroundFlag = LocalizedText(zh: "IsHaveBackground 必须是 true 或 false", en: "IsHaveBackground must be true or false")
}
