import Foundation

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
