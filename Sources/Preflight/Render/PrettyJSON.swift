import Foundation

/// The house layout of preflight's JSON, written straight into bytes: byte for byte as `JSONEncoder`
/// lays it out with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces per level,
/// `"key" : value`, empty containers as `{\n\n}` and `[\n\n]`, `/` unescaped.
///
/// It lays out what it is given in that order; ``StableJSONEncoder`` gives it each object's members
/// sorted by ``precedes(_:_:)``.
struct PrettyJSON {
    /// The JSON text so far, in UTF-8.
    private(set) var bytes: [UInt8] = []
    /// Containers open.
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var fresh = false

    /// `,`, a newline and the indent of 32 levels: separators and indents are slices of it.
    private static let breaks: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 64)

    /// Starts an empty text with room for `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text, with a final newline; the writer is left empty.
    mutating func finish() -> String {
        bytes.append(UInt8(ascii: "\n"))
        defer { bytes = [] }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Containers

    /// Opens an object: follow with ``key(_:)`` and a value for each member, then ``endObject()``.
    mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Closes the innermost object.
    mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array: follow with ``element()`` and a value for each element, then ``endArray()``.
    mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// Closes the innermost array.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the innermost object: `"name" : `, after a separator and the indent.
    mutating func key(_ name: String) {
        element()
        string(name)
        append(" : ")
    }

    /// Starts the next element of the innermost array: a separator and the indent.
    mutating func element() {
        lineBreak(comma: !fresh, indent: depth)
        fresh = false
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        fresh = true
    }

    private mutating func close(_ bracket: UInt8) {
        if fresh { bytes.append(UInt8(ascii: "\n")) }
        depth -= 1
        lineBreak(comma: false, indent: depth)
        bytes.append(bracket)
        fresh = false
    }

    /// An optional comma, a newline and `indent` levels of two spaces.
    private mutating func lineBreak(comma: Bool, indent: Int) {
        let first = comma ? 0 : 1
        if indent <= 32 {
            bytes.append(contentsOf: Self.breaks[first..<(2 + 2 * indent)])
        } else {
            bytes.append(contentsOf: Self.breaks[first..<2])
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }
    }

    // MARK: Values

    /// A string, with `"`, `\` and control characters escaped as `JSONEncoder` escapes them.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for i in utf8.indices {
                let byte = utf8[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(byte)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    /// A number already in its JSON form (``JSONNode/number(_:)``).
    mutating func number(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) { append(value ? "true" : "false") }

    /// `null`.
    mutating func null() { append("null") }

    /// Punctuation and literals.
    private mutating func append(_ raw: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: raw.utf8Start, count: raw.utf8CodeUnitCount))
    }

    /// Whether `a` comes before `b` in the order of their UTF-8 bytes, the order of `JSONEncoder`'s
    /// `.sortedKeys`.
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
}
