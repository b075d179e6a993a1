import Foundation

/// The Chinese of the English words that measured values and limits are written in (`yes`,
/// `required: material`), for ``FactFormatting/localized(_:in:)`` (see `MessageCatalog`).
enum FactWords {
    /// Whole values.
    static let words = ["yes": "是", "no": "否", "true": "是", "false": "否", "missing": "缺失", "required": "必需",
                        "unknown": "未知",
                        // video.background and video.background_expected
                        "green": "绿色", "white": "白色", "other": "其他", "kept": "保留"]
    /// Prefixes of lists of slots.
    static let prefixes = [("required: ", "必需："), ("one of: ", "任选其一："), ("missing: ", "缺少：")]
}
