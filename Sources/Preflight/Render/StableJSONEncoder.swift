import Foundation

/// The one serializer of preflight's JSON: any `Encodable` value, written through its own
/// `encode(to:)`, in the house layout (see ``PrettyJSON``): members sorted by the UTF-8 bytes of
/// their keys, two spaces per level, `"key" : value`, `/` unescaped.
///
/// The value is first encoded into a tree of ``JSONNode``s, then laid out. Numbers: integers as
/// written by `String(_:)`, floating-point numbers by their shortest description without a
/// trailing `.0`, non-finite ones as `null`. A key encoded twice in one object keeps its last value.
/// Encoding fails only when the value's own `encode(to:)` throws.
final class StableJSONEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What the value encoded so far; nil until it asks for a container or encodes a single value.
    fileprivate(set) var node: JSONNode?

    init(codingPath: [CodingKey] = []) { self.codingPath = codingPath }

    /// `value` as house-layout JSON text with a final newline.
    static func text(_ value: some Encodable, capacity: Int = 1 << 16) throws -> String {
        var json = PrettyJSON(capacity: capacity)
        json.write(try node(value, at: []))
        return json.finish()
    }

    /// `value` encoded into a tree; a value that encodes nothing is an empty object.
    static func node(_ value: some Encodable, at path: [CodingKey]) throws -> JSONNode {
        if let primitive = JSONNode(primitive: value) { return primitive }
        let encoder = StableJSONEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObject())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = node { object = existing } else { object = JSONObject(); node = .object(object) }
        return KeyedEncodingContainer(ObjectContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = node { array = existing } else { array = JSONArray(); node = .array(array) }
        return ArrayContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { ValueContainer(encoder: self) }
}

/// A JSON value as an `Encodable` value encoded it, before it is laid out.
enum JSONNode {
    /// An object, members in the order they were encoded.
    case object(JSONObject)
    /// An array.
    case array(JSONArray)
    /// A string, unescaped.
    case string(String)
    /// A number, already in its JSON form.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// The value of a `superEncoder`, known once the encoding that asked for it is done.
    case later(StableJSONEncoder)

    /// The node of a string, number or boolean, without going through `encode(to:)`.
    init?(primitive value: Any) {
        switch value {
        case let v as String: self = .string(v)
        case let v as Bool: self = .bool(v)
        case let v as Int: self = .number(String(v))
        case let v as Double: self = JSONNode(v)
        case let v as Int64: self = .number(String(v))
        case let v as Float: self = v.isFinite ? .number(JSONNode.trimmed(v.description)) : .null
        case let v as Int8: self = .number(String(v))
        case let v as Int16: self = .number(String(v))
        case let v as Int32: self = .number(String(v))
        case let v as UInt: self = .number(String(v))
        case let v as UInt8: self = .number(String(v))
        case let v as UInt16: self = .number(String(v))
        case let v as UInt32: self = .number(String(v))
        case let v as UInt64: self = .number(String(v))
        default: return nil
        }
    }

    /// A double: its shortest description without a trailing `.0`; `null` when not finite.
    init(_ value: Double) {
        self = value.isFinite ? .number(Self.trimmed(value.description)) : .null
    }

    private static func trimmed(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// The members of an object being encoded.
final class JSONObject {
    /// Members in the order they were encoded.
    var members: [(key: String, value: JSONNode)] = []

    /// The members sorted by the UTF-8 bytes of their keys, the last of any repeated key kept.
    var sortedMembers: [(key: String, value: JSONNode)] {
        var order = members.indices.sorted {
            let (a, b) = (members[$0].key, members[$1].key)
            return a == b ? $0 < $1 : PrettyJSON.precedes(a, b)
        }
        // Keep only the last of a run of equal keys.
        order = order.indices.filter { $0 == order.count - 1 || members[order[$0]].key != members[order[$0 + 1]].key }.map { order[$0] }
        return order.map { members[$0] }
    }
}

/// The elements of an array being encoded.
final class JSONArray {
    /// Elements in order.
    var elements: [JSONNode] = []
}

extension PrettyJSON {
    /// Lays out an encoded value at the current position.
    mutating func write(_ node: JSONNode) {
        switch node {
        case .object(let object):
            beginObject()
            for member in object.sortedMembers {
                key(member.key)
                write(member.value)
            }
            endObject()
        case .array(let array):
            beginArray()
            for value in array.elements {
                element()
                write(value)
            }
            endArray()
        case .string(let text): string(text)
        case .number(let text): number(text)
        case .bool(let flag): bool(flag)
        case .null: null()
        case .later(let encoder): write(encoder.node ?? .object(JSONObject()))
        }
    }
}

/// A keyed container writing into a ``JSONObject``.
private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let codingPath: [CodingKey]

    private func put(_ node: JSONNode, _ key: Key) { object.members.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(JSONNode(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) { put(JSONNode(primitive: value)!, key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { put(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try StableJSONEncoder.node(value, at: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        put(.object(nested), key)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONArray()
        put(.array(nested), key)
        return ArrayContainer(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> Encoder {
        let encoder = StableJSONEncoder(codingPath: codingPath)
        object.members.append((name, .later(encoder)))
        return encoder
    }
}

/// An unkeyed container writing into a ``JSONArray``.
private struct ArrayContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    let codingPath: [CodingKey]
    var count: Int { array.elements.count }

    private func put(_ node: JSONNode) { array.elements.append(node) }

    mutating func encodeNil() { put(.null) }
    mutating func encode(_ value: Bool) { put(.bool(value)) }
    mutating func encode(_ value: String) { put(.string(value)) }
    mutating func encode(_ value: Double) { put(JSONNode(value)) }
    mutating func encode(_ value: Float) { put(JSONNode(primitive: value)!) }
    mutating func encode(_ value: Int) { put(.number(String(value))) }
    mutating func encode(_ value: Int8) { put(.number(String(value))) }
    mutating func encode(_ value: Int16) { put(.number(String(value))) }
    mutating func encode(_ value: Int32) { put(.number(String(value))) }
    mutating func encode(_ value: Int64) { put(.number(String(value))) }
    mutating func encode(_ value: UInt) { put(.number(String(value))) }
    mutating func encode(_ value: UInt8) { put(.number(String(value))) }
    mutating func encode(_ value: UInt16) { put(.number(String(value))) }
    mutating func encode(_ value: UInt32) { put(.number(String(value))) }
    mutating func encode(_ value: UInt64) { put(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try StableJSONEncoder.node(value, at: codingPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        put(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(object: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONArray()
        put(.array(nested))
        return ArrayContainer(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder {
        let encoder = StableJSONEncoder(codingPath: codingPath)
        put(.later(encoder))
        return encoder
    }
}

/// A single-value container: the value becomes the encoder's node.
private struct ValueContainer: SingleValueEncodingContainer {
    let encoder: StableJSONEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    private func put(_ node: JSONNode) { encoder.node = node }

    mutating func encodeNil() { put(.null) }
    mutating func encode(_ value: Bool) { put(.bool(value)) }
    mutating func encode(_ value: String) { put(.string(value)) }
    mutating func encode(_ value: Double) { put(JSONNode(value)) }
    mutating func encode(_ value: Float) { put(JSONNode(primitive: value)!) }
    mutating func encode(_ value: Int) { put(.number(String(value))) }
    mutating func encode(_ value: Int8) { put(.number(String(value))) }
    mutating func encode(_ value: Int16) { put(.number(String(value))) }
    mutating func encode(_ value: Int32) { put(.number(String(value))) }
    mutating func encode(_ value: Int64) { put(.number(String(value))) }
    mutating func encode(_ value: UInt) { put(.number(String(value))) }
    mutating func encode(_ value: UInt8) { put(.number(String(value))) }
    mutating func encode(_ value: UInt16) { put(.number(String(value))) }
    mutating func encode(_ value: UInt32) { put(.number(String(value))) }
    mutating func encode(_ value: UInt64) { put(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let primitive = JSONNode(primitive: value) { put(primitive) } else { try value.encode(to: encoder) }
    }
}
