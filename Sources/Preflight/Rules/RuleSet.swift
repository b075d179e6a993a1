import Foundation

/// The rules for one customization kind, resolved: includes loaded, overrides applied, a profile chosen.
public struct RuleSet: Sendable {
    /// The customization kind (MakeType), e.g. `IMAGE_GENERAL`.
    public var type: String
    /// The version of the rules: the service documentation date they follow.
    public var version: String
    /// A title for people.
    public var title: LocalizedText?
    /// The selected profile, if any (`legacy`, `strict` …).
    public var profile: String?
    /// Profiles that can be selected, with what each is.
    public var profiles: [String: LocalizedText] = [:]
    /// The slots this kind takes, in definition order.
    public var slots: [SlotDefinition] = []
    /// Which slots must be filled.
    public var requirements: [Requirement] = []
    /// The rules, in definition order (overrides keep the first position).
    public var rules: [Rule] = []
    /// Every file that went into the set, in load order.
    public var sources: [String] = []
    /// A short hash of every loaded file's text: two reports with the same digest used the same rules.
    public var digest: String = ""

    /// The slot with this name.
    public func slot(_ name: String) -> SlotDefinition? { slots.first { $0.name == name } }

    /// The names of the slots of kind `request`: their rules read the request's fields, not a file.
    public var requestSlots: Set<String> { Set(slots.filter { $0.kind == .request }.map(\.name)) }

    /// The rules that are evaluated: enabled ones.
    public var activeRules: [Rule] { rules.filter { $0.disabled != true } }
}

extension RuleSet {
    /// Merges parsed files in order: later slots, requirements and rules with the same name or id override.
    @_spi(Fuzzing) public static func merge(_ files: [RuleFile], type: String) -> RuleSet {
        var set = RuleSet(type: type, version: "unversioned")
        var hash = FNV1a()
        for file in files {
            hash.add(file.path); hash.add(file.text)
            set.sources.append(file.path)
            if file.type != nil, let v = file.version { set.version = v }
            if file.type != nil, let t = file.title { set.title = t }
            for slot in file.slots {
                if let i = set.slots.firstIndex(where: { $0.name == slot.name }) { set.slots[i] = slot } else { set.slots.append(slot) }
            }
            set.apply(rules: file.rules, requirements: file.requirements)
            for (name, profile) in file.profiles {
                set.profiles[name] = profile.summary ?? set.profiles[name] ?? LocalizedText(zh: name, en: name)
            }
        }
        set.digest = hash.hex
        return set
    }

    /// Applies rules and requirements over the current ones, by id.
    mutating func apply(rules newRules: [Rule], requirements newRequirements: [Requirement]) {
        for rule in newRules {
            if let i = rules.firstIndex(where: { $0.id == rule.id }) { rules[i] = rules[i].overridden(by: rule) } else { rules.append(rule) }
        }
        for req in newRequirements {
            if let i = requirements.firstIndex(where: { $0.id == req.id }) { requirements[i] = req } else { requirements.append(req) }
        }
    }
}

/// 64-bit FNV-1a, for the rule set digest and file identities (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds a text, then a separator so that "ab"+"c" and "a"+"bc" differ.
    mutating func add(_ text: String) {
        add(bytes: text.utf8)
        value ^= 0xff
    }

    /// Adds raw bytes.
    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds raw bytes eight at a time (FNV-1a over little-endian 64-bit words, the last partial word
    /// byte by byte): eight times fewer multiplications, for hashing file samples. Not the same value
    /// as ``add(bytes:)`` over the same bytes.
    mutating func add(words bytes: UnsafeRawBufferPointer) {
        let words = bytes.count / 8
        for i in 0..<words {
            value ^= UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            value = value &* 0x0000_0100_0000_01b3
        }
        add(bytes: bytes[(words * 8)...])
    }

    var hex: String { String(value, radix: 16).leftPadded(to: 16) }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
