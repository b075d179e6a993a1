import Foundation

/// The fields of the make (customization) request that a user fills in, besides the file URLs.
///
/// Keys are the service's own (`AnchorName`, `SexType` …) so a manifest can be written from the API
/// documentation. Every field is optional here: the rule files decide which are required.
public struct MakeRequest: Sendable, Equatable, Codable {
    /// Name of the avatar or voice: 2–50 Chinese characters, letters, digits, `_`, `-`; unique.
    public var anchorName: String?
    /// `MALE` or `FEMALE`.
    public var sexType: String?
    /// Free notes, at most 100 characters.
    public var notes: String?
    /// Text of the demo the service renders: 4–1000 characters, SSML tags included.
    public var textDriver: String?
    /// Voice settings for the demo.
    public var timbreInfo: TimbreInfo?
    /// Keep the recorded background (true) or remove it (false, the default).
    public var isHaveBackground: Bool?
    /// How the background is removed: 1 green screen (default), 2 white wall.
    public var removeBackground: Int?
    /// Language of a zero-shot voice: `chi`, `eng` or `can`.
    public var zeroshortLang: String?
    /// Photo avatar quality: 0 fast (default) or 1 premium.
    public var photoVersion: Int?
    /// The id a passed zero-shot quality check returned (ZERO_SHOT_VOICE).
    public var audioId: String?

    /// Voice settings (`TimbreInfo`).
    public struct TimbreInfo: Sendable, Equatable, Codable {
        /// Voice code for the demo.
        public var timbreCode: String?
        /// Speaking speed 0.5–1.5, sent as a string.
        public var speed: String?

        /// Creates voice settings.
        public init(timbreCode: String? = nil, speed: String? = nil) { self.timbreCode = timbreCode; self.speed = speed }

        enum CodingKeys: String, CodingKey {
            case timbreCode = "TimbreCode"
            case speed = "Speed"
        }

        /// Decodes, accepting `Speed` as a number or a string.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            timbreCode = try c.decodeIfPresent(String.self, forKey: .timbreCode)
            if let s = try? c.decodeIfPresent(String.self, forKey: .speed) { speed = s }
            else if let d = try? c.decodeIfPresent(Double.self, forKey: .speed) { speed = FactFormatting.trim(d, digits: 3) }
        }
    }

    /// Creates a request with no fields.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case anchorName = "AnchorName", sexType = "SexType", notes = "Notes", textDriver = "TextDriver"
        case timbreInfo = "TimbreInfo", isHaveBackground = "IsHaveBackground", removeBackground = "RemoveBackground"
        case zeroshortLang = "ZeroshortLang", photoVersion = "PhotoVersion", audioId = "AudioId"
    }

    /// Whether no field is set.
    public var isEmpty: Bool { self == MakeRequest() }

    /// The request as facts of the `request` slot (lengths count characters: one Chinese character is one).
    public var facts: Facts {
        var f = Facts()
        f.set("request.anchor_name", anchorName)
        f.set("request.anchor_name_length", anchorName?.count)
        f.set("request.sex_type", sexType)
        f.set("request.notes_length", notes?.count)
        f.set("request.text_driver_length", textDriver?.count)
        if let speed = timbreInfo?.speed {
            if let value = Double(speed.trimmingCharacters(in: .whitespaces)) { f.set("request.speed", value) } else { f.set("request.speed_text", speed) }
        }
        if let b = isHaveBackground { f.set("request.is_have_background", b) }
        f.set("request.remove_background", removeBackground)
        f.set("request.zeroshort_lang", zeroshortLang)
        f.set("request.photo_version", photoVersion)
        f.set("request.audio_id", audioId)
        return f
    }
}
