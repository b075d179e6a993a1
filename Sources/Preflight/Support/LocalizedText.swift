import Foundation

/// A user-facing text in Chinese and English.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text from its two translations.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in the given language.
    public func text(in language: Language) -> String { language == .zh ? zh : en }

    /// Both translations with `phrase` (each language's) replaced by `replacement` (the same language's).
    public func replacing(_ phrase: LocalizedText, with replacement: LocalizedText) -> LocalizedText {
        LocalizedText(zh: zh.replacingOccurrences(of: phrase.zh, with: replacement.zh),
                      en: en.replacingOccurrences(of: phrase.en, with: replacement.en))
    }

    /// Replaces `{name}` placeholders in both translations.
    public func filled(_ values: [String: String]) -> LocalizedText {
        func fill(_ s: String) -> String {
            var out = s
            for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
            return out
        }
        return LocalizedText(zh: fill(zh), en: fill(en))
    }
}

/// The language a person reads reports in.
public enum Language: String, Sendable, Codable, CaseIterable {
    /// Simplified Chinese.
    case zh
    /// English.
    case en

    /// The language named by `LC_ALL`, `LC_MESSAGES` or `LANG` (zh… means Chinese), English otherwise.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}
