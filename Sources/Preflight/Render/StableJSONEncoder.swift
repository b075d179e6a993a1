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
private struct ArrayContainer: UnkeyedEncodingContainer, PrimitiveSink {
    let array: JSONArray
    let codingPath: [CodingKey]
    var count: Int { array.elements.count }

    func put(_ node: JSONNode) { array.elements.append(node) }
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
private struct ValueContainer: SingleValueEncodingContainer, PrimitiveSink {
    let encoder: StableJSONEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    func put(_ node: JSONNode) { encoder.node = node }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let primitive = JSONNode(primitive: value) { put(primitive) } else { try value.encode(to: encoder) }
    }
}

/// A container that takes one node per value: the primitive encodes of the unkeyed and the
/// single-value containers, written once.
private protocol PrimitiveSink {
    func put(_ node: JSONNode)
}

extension PrimitiveSink {
    func encodeNil() { put(.null) }
    func encode(_ value: Bool) { put(.bool(value)) }
    func encode(_ value: String) { put(.string(value)) }
    func encode(_ value: Double) { put(JSONNode(value)) }
    func encode(_ value: Float) { put(JSONNode(primitive: value)!) }
    func encode(_ value: Int) { put(.number(String(value))) }
    func encode(_ value: Int8) { put(.number(String(value))) }
    func encode(_ value: Int16) { put(.number(String(value))) }
    func encode(_ value: Int32) { put(.number(String(value))) }
    func encode(_ value: Int64) { put(.number(String(value))) }
    func encode(_ value: UInt) { put(.number(String(value))) }
    func encode(_ value: UInt8) { put(.number(String(value))) }
    func encode(_ value: UInt16) { put(.number(String(value))) }
    func encode(_ value: UInt32) { put(.number(String(value))) }
    func encode(_ value: UInt64) { put(.number(String(value))) }
}
