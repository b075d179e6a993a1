/// Pretty-printed JSON written straight into bytes, laid out byte for byte as `JSONEncoder` lays it
/// out with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces per level,
/// `"key" : value`, empty containers as `{\n\n}` and `[\n\n]`, `/` unescaped.
///
/// It sorts nothing itself: a type writes its members in the UTF-8 order of their keys (see
/// ``PrettyJSONWritable``), and ``object(_:_:)`` sorts the keys of a dictionary. It builds no tree
/// of dictionaries and sorts nothing at run time, which `JSONEncoder` does for every object (speed in
/// `bench/README.md`).
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

    /// Starts a value that will sit `depth` containers deep in another text, where ``raw(_:)``
    /// inserts it (its lines are indented for that place).
    init(depth: Int, capacity: Int = 0) {
        self.init(capacity: capacity)
        self.depth = depth
    }

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

    /// Starts the next member of the innermost object: `"key" : `, after a separator and the indent.
    /// The name must need no escaping (the member names of the report types).
    mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        append("\" : ")
    }

    /// Starts the next member of the innermost object with any name (a dictionary key).
    mutating func key(string name: String) {
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

    /// A whole number.
    mutating func number(_ value: Int) { append(number: String(value)) }

    /// A fractional number as `JSONEncoder` writes a `Double`: its shortest description, without a
    /// trailing `.0`; `null` when it is not finite (callers encode those as nil).
    mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        append(number: text)
    }

    /// A value written by a writer made with ``init(depth:capacity:)`` for this place.
    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) { append(value ? "true" : "false") }

    /// `null`.
    mutating func null() { append("null") }

    /// Punctuation and literals.
    private mutating func append(_ raw: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: raw.utf8Start, count: raw.utf8CodeUnitCount))
    }

    /// Text that needs no escaping (numbers).
    private mutating func append(number text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
}
