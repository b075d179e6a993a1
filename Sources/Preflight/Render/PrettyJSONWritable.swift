import Foundation

/// A value that writes itself as ``PrettyJSON``, member for member as its `Encodable` conformance
/// encodes it, keys in UTF-8 order and nil optionals left out.
protocol PrettyJSONWritable {
    /// Writes the value at the current position of `json`.
    func write(to json: inout PrettyJSON)
}

extension PrettyJSON {
    /// Any writable value.
    mutating func value(_ value: some PrettyJSONWritable) { value.write(to: &self) }

    /// A string-keyed dictionary as an object, keys sorted by their UTF-8 bytes as `JSONEncoder`'s
    /// `.sortedKeys` sorts them.
    mutating func object<Value>(_ dictionary: [String: Value], _ write: (inout PrettyJSON, Value) -> Void) {
        beginObject()
        for index in dictionary.indices.sorted(by: { Self.precedes(dictionary[$0].key, dictionary[$1].key) }) {
            key(string: dictionary[index].key)
            write(&self, dictionary[index].value)
        }
        endObject()
    }

    /// Whether `a` comes before `b` in the order of their UTF-8 bytes.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// An array, each element written by `write`.
    mutating func array<Element>(_ elements: [Element], _ write: (inout PrettyJSON, Element) -> Void) {
        beginArray()
        for e in elements {
            element()
            write(&self, e)
        }
        endArray()
    }
}
