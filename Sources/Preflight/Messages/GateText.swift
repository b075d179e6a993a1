import Foundation

/// The texts of finding submissions in a delivery folder (see `MessageCatalog`).
enum GateText {
    /// A `submission.yaml` without a submission.
    static let manifestWithoutSubmission = LocalizedText(zh: "submission.yaml 中没有提交", en: "no submission in submission.yaml")
    /// A folder with neither its own kind nor a default kind.
    static let noType = LocalizedText(zh: "没有写明 MakeType 的 submission.yaml，\(SettingAdvice.noDefaultType.zh)",
                                      en: "no submission.yaml with MakeType, and \(SettingAdvice.noDefaultType.en)")
    /// A file in a COS folder the kind uploads nothing to.
    static func folderNotUploaded(_ folder: String, type: String) -> LocalizedText {
        LocalizedText(zh: "\(type) 不向 \(folder)/ 上传任何文件：这个文件没有被检查，也不会被上传。",
                      en: "\(type) uploads nothing to \(folder)/: this file was not checked and would not be uploaded.")
    }
    /// More files in a COS folder than the kind has slots for there.
    static func moreFilesThanSlots(_ folder: String, type: String) -> LocalizedText {
        LocalizedText(zh: "\(folder)/ 中的文件多于 \(type) 的文件位置：这个文件没有被检查。每个位置只留一个文件（例如修复后删掉原文件）。",
                      en: "more files in \(folder)/ than \(type) has slots for: this file was not checked. Keep one file per slot (remove the original once it is fixed).")
    }
    /// A file in a COS folder whose only slots are recognised by their names (`slots`, ``namedSlots(_:)``),
    /// none of which it has; the kind's `material` goes in `materialFolder`.
    static func onlyNamedSlots(_ folder: String, type: String, slots: LocalizedText, material: LocalizedText, materialFolder: String) -> LocalizedText {
        LocalizedText(zh: "\(type) 在 \(folder)/ 中只接受\(slots.zh)：这个文件没有被检查。\(material.zh)应放在 \(materialFolder)。",
                      en: "\(type) takes only \(slots.en) in \(folder)/: this file was not checked. The \(material.en) goes in \(materialFolder).")
    }
    /// Slots with how their files are named: `the demo driver audio (a name starting with driver or example)`.
    static func namedSlots(_ slots: [(title: LocalizedText, hint: LocalizedText)]) -> LocalizedText {
        LocalizedText(zh: slots.map { "\($0.title.zh)（\($0.hint.zh)）" }.joined(separator: "、"),
                      en: slots.map { "the \($0.title.en) (\($0.hint.en))" }.joined(separator: ", "))
    }
    /// `a name starting with driver or example`.
    static func nameStarting(_ words: [String]) -> LocalizedText {
        LocalizedText(zh: "文件名以 \(words.joined(separator: " 或 ")) 开头", en: "a name starting with \(words.joined(separator: " or "))")
    }
    /// `a name containing alpha`.
    static func nameContaining(_ words: [String]) -> LocalizedText {
        LocalizedText(zh: "文件名含有 \(words.joined(separator: " 或 "))", en: "a name containing \(words.joined(separator: " or "))")
    }
    /// A file beside the COS folders (`folders`, joined).
    static func outsideCOSFolders(_ name: String, folders: String) -> LocalizedText {
        LocalizedText(zh: "“\(name)”不在 COS 文件夹（\(folders)）中：它没有被检查，也不会被上传。",
                      en: "'\(name)' is not in a COS folder (\(folders)): it was not checked and would not be uploaded.")
    }
    /// A submission not checked for a mistake in its `submission.yaml`.
    static func manifestMistake(_ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "submission.yaml 有误，这个提交没有被检查：\(problem.zh)",
                      en: "submission.yaml has a mistake, so this submission was not checked: \(problem.en)")
    }
    /// A submission not checked for another reason.
    static func notChecked(_ problem: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "这个提交没有被检查：\(problem.zh)", en: "This submission was not checked: \(problem.en)")
    }
    /// The fix of a mistake at `place` of a `submission.yaml`.
    static func correctAt(_ place: String) -> LocalizedText {
        LocalizedText(zh: "改正 \(place) 处的错误后重新运行。", en: "Correct it at \(place) and run the gate again.")
    }
    /// The fix of a folder without a kind.
    static let giveType = LocalizedText(zh: "在这个文件夹里放一个写明 MakeType 的 submission.yaml，\(SettingAdvice.giveDefaultType.zh)。",
                                        en: "Put a submission.yaml with its MakeType in this folder, \(SettingAdvice.giveDefaultType.en).")
}
