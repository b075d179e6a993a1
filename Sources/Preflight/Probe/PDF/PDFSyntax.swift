import Foundation

/// An indirect object's number and generation (`12 0 R`).
struct PDFReference: Hashable {
    /// The object number.
    let number: Int
    /// The generation number.
    let generation: Int
}

/// A PDF object as read from a file (ISO 32000-1 §7.3).
enum PDFObject: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dictionary([String: PDFObject])
    case reference(PDFReference)
    /// A stream: its dictionary and where its raw, still encoded data lies in the file.
    case stream([String: PDFObject], Range<Int>)

    /// The whole number, if this is one (a real with no fraction counts too).
    var integer: Int? {
        switch self {
        case .integer(let n): return n
        case .real(let r) where r.rounded() == r && abs(r) < 1e15: return Int(r)
        default: return nil
        }
    }

    /// The dictionary of a dictionary or of a stream.
    var dictionary: [String: PDFObject]? {
        switch self {
        case .dictionary(let d), .stream(let d, _): return d
        default: return nil
        }
    }

    /// The name, without its slash.
    var name: String? { if case .name(let n) = self { return n }; return nil }
    /// The bytes of a string.
    var string: [UInt8]? { if case .string(let s) = self { return s }; return nil }
    /// The elements of an array.
    var array: [PDFObject]? { if case .array(let a) = self { return a }; return nil }
    /// The reference, if this is one.
    var reference: PDFReference? { if case .reference(let r) = self { return r }; return nil }
}

/// One lexical token of PDF syntax.
enum PDFToken: Equatable {
    case integer(Int)
    case real(Double)
    case name(String)
    case string([UInt8])
    /// A bare word: `obj`, `R`, `stream`, `true`, `xref` … (only the first 64 bytes are kept).
    case keyword(String)
    case arrayStart, arrayEnd, dictionaryStart, dictionaryEnd
    /// The end of the bytes.
    case end
}

/// Splits PDF bytes into tokens. Every call to ``next()`` consumes at least one byte or returns `.end`,
/// and every index is checked, so any input is safe.
struct PDFLexer {
    /// The bytes being read.
    let bytes: [UInt8]
    /// Where the next token starts (or whitespace before it).
    var position: Int
    /// Where the last token returned by ``next()`` started.
    private(set) var tokenStart = 0

    /// Creates a lexer reading `bytes` from `position`.
    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = max(0, min(position, bytes.count))
    }

    /// PDF white-space characters (§7.2.2).
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32 }

    /// PDF delimiter characters: `( ) < > [ ] { } / %`.
    static func isDelimiter(_ b: UInt8) -> Bool {
        b == 0x28 || b == 0x29 || b == 0x3C || b == 0x3E || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D || b == 0x2F || b == 0x25
    }

    /// Characters that are neither white space nor delimiters.
    static func isRegular(_ b: UInt8) -> Bool { !isWhitespace(b) && !isDelimiter(b) }

    /// The byte at `i`, or nil past the end.
    func byte(_ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }

    /// Skips white space and `%` comments.
    mutating func skipWhitespace() {
        while let b = byte(position) {
            if PDFLexer.isWhitespace(b) {
                position += 1
            } else if b == 0x25 {
                while let c = byte(position), c != 10, c != 13 { position += 1 }
            } else {
                return
            }
        }
    }

    /// The first byte of the next token, without consuming it.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return byte(position)
    }

    /// Whether the next token starts with a digit.
    mutating func peekIsDigit() -> Bool { peek().map { (0x30...0x39).contains($0) } ?? false }

    /// Reads the next token.
    mutating func next() -> PDFToken {
        skipWhitespace()
        tokenStart = position
        guard let b = byte(position) else { return .end }
        switch b {
        case 0x5B: position += 1; return .arrayStart
        case 0x5D: position += 1; return .arrayEnd
        case 0x3C:
            if byte(position + 1) == 0x3C { position += 2; return .dictionaryStart }
            return .string(readHexString())
        case 0x3E:
            if byte(position + 1) == 0x3E { position += 2; return .dictionaryEnd }
            position += 1
            return .keyword(">")
        case 0x28: return .string(readLiteralString())
        case 0x2F: return .name(readName())
        case 0x29, 0x7B, 0x7D:
            position += 1
            return .keyword(String(UnicodeScalar(b)))
        default: return readWord()
        }
    }

    /// Reads a run of regular characters as a number or a keyword.
    private mutating func readWord() -> PDFToken {
        let start = position
        while let b = byte(position), PDFLexer.isRegular(b) { position += 1 }
        if position == start { position += 1 }  // cannot happen, but never stall
        let word = bytes[start..<position]
        if let number = PDFLexer.number(word) { return number }
        return .keyword(String(decoding: word.prefix(64), as: UTF8.self))
    }

    /// Parses `123`, `-4`, `+.5`, `3.14` into a number token.
    private static func number(_ word: ArraySlice<UInt8>) -> PDFToken? {
        guard let first = word.first, first == 0x2B || first == 0x2D || first == 0x2E || (0x30...0x39).contains(first) else { return nil }
        // Fast path: plain unsigned integers, by far the most common tokens.
        if word.count <= 18, word.allSatisfy({ (0x30...0x39).contains($0) }) {
            return .integer(word.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        var digits = 0, dots = 0
        for (i, c) in word.enumerated() {
            if (0x30...0x39).contains(c) { digits += 1 }
            else if c == 0x2E { dots += 1 }
            else if (c == 0x2B || c == 0x2D) && i == 0 { continue }
            else { return nil }
        }
        guard digits > 0, dots <= 1 else { return nil }
        let text = String(decoding: word, as: UTF8.self)
        if dots == 0, digits <= 18, let n = Int(text) { return .integer(n) }
        // Readers accept "4." and ".5"; Double does too once a leading sign "+" is dropped.
        let cleaned = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if let r = Double(cleaned) ?? Double(cleaned + "0") ?? Double(cleaned.replacingOccurrences(of: ".", with: "0.")) {
            return .real(r)
        }
        return nil
    }

    /// Reads `/Name`, decoding `#xx` escapes.
    private mutating func readName() -> String {
        position += 1  // the slash
        var out: [UInt8] = []
        while let b = byte(position), PDFLexer.isRegular(b) {
            if b == 0x23, let h = byte(position + 1).flatMap(PDFLexer.hexValue),
               let l = byte(position + 2).flatMap(PDFLexer.hexValue) {
                out.append(h << 4 | l)
                position += 3
            } else {
                out.append(b)
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads `<48656C6C6F>`; an odd last digit counts as followed by 0.
    private mutating func readHexString() -> [UInt8] {
        position += 1  // "<"
        let (out, consumed) = Self.hexDecode(bytes[min(position, bytes.count)...])
        position += consumed
        return out
    }

    /// Reads `(text)` with balanced parentheses and backslash escapes.
    private mutating func readLiteralString() -> [UInt8] {
        position += 1  // "("
        var out: [UInt8] = []
        var depth = 1
        while let b = byte(position) {
            position += 1
            switch b {
            case 0x28:
                depth += 1
                out.append(b)
            case 0x29:
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case 0x5C:
                guard let e = byte(position) else { return out }
                position += 1
                switch e {
                case 0x6E: out.append(10)
                case 0x72: out.append(13)
                case 0x74: out.append(9)
                case 0x62: out.append(8)
                case 0x66: out.append(12)
                case 0x0D: if byte(position) == 0x0A { position += 1 }  // line continuation
                case 0x0A: break
                case 0x30...0x37:
                    var value = Int(e - 0x30)
                    for _ in 0..<2 {
                        guard let d = byte(position), (0x30...0x37).contains(d) else { break }
                        value = value * 8 + Int(d - 0x30)
                        position += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default: out.append(e)
                }
            default:
                out.append(b)
            }
        }
        return out
    }

    /// Decodes hexadecimal text up to and including the first `>` (or to the end): digits pair into
    /// bytes, other bytes are skipped, an odd last digit counts as followed by 0. Returns the bytes
    /// and how many input bytes were consumed, the `>` included.
    static func hexDecode(_ text: ArraySlice<UInt8>) -> (bytes: [UInt8], consumed: Int) {
        var out: [UInt8] = []
        var high: UInt8?
        var consumed = 0
        for b in text {
            consumed += 1
            if b == 0x3E { break }
            guard let v = hexValue(b) else { continue }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        if let h = high { out.append(h << 4) }
        return (out, consumed)
    }

    /// The value of a hexadecimal digit.
    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}

/// Builds objects from tokens. Nesting is limited to ``maxDepth`` and containers to ``maxElements``,
/// so hostile input cannot exhaust the stack or memory.
struct PDFParser {
    /// The deepest nesting of arrays and dictionaries that is read.
    static let maxDepth = 64
    /// The most elements kept in one array or dictionary (the rest are read and dropped).
    static let maxElements = 1 << 18
    /// Keywords that end an object: a container left open stops before them.
    private static let objectEnders: Set<String> = ["obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref"]

    /// The token source.
    var lexer: PDFLexer

    /// Creates a parser reading `bytes` from `position`.
    init(_ bytes: [UInt8], at position: Int = 0) { lexer = PDFLexer(bytes, at: position) }

    /// Reads the next object, or nil if the next token does not start one.
    mutating func parseObject() -> PDFObject? { parse(lexer.next(), depth: 0) }

    /// Builds the object that starts with `token`.
    mutating func parse(_ token: PDFToken, depth: Int) -> PDFObject? {
        switch token {
        case .integer(let n):
            let saved = lexer.position
            if n >= 0, lexer.peekIsDigit(), case .integer(let g) = lexer.next(), g >= 0,
               lexer.peek() == 0x52, case .keyword("R") = lexer.next() {
                return .reference(PDFReference(number: n, generation: g))
            }
            lexer.position = saved
            return .integer(n)
        case .real(let r): return .real(r)
        case .name(let n): return .name(n)
        case .string(let s): return .string(s)
        case .keyword("true"): return .bool(true)
        case .keyword("false"): return .bool(false)
        case .keyword("null"): return .null
        case .arrayStart: return depth < PDFParser.maxDepth ? parseArray(depth: depth) : nil
        case .dictionaryStart: return depth < PDFParser.maxDepth ? parseDictionary(depth: depth) : nil
        default: return nil
        }
    }

    /// True (and rewinds to it) when `token` is a keyword that ends an object.
    private mutating func stopsContainer(_ token: PDFToken) -> Bool {
        if case .keyword(let k) = token, PDFParser.objectEnders.contains(k) {
            lexer.position = lexer.tokenStart
            return true
        }
        return false
    }

    private mutating func parseArray(depth: Int) -> PDFObject {
        var items: [PDFObject] = []
        while true {
            let t = lexer.next()
            if t == .arrayEnd || t == .end || stopsContainer(t) { break }
            if let item = parse(t, depth: depth + 1), items.count < PDFParser.maxElements { items.append(item) }
        }
        return .array(items)
    }

    private mutating func parseDictionary(depth: Int) -> PDFObject {
        var entries: [String: PDFObject] = [:]
        while true {
            let t = lexer.next()
            if t == .dictionaryEnd || t == .end || stopsContainer(t) { break }
            guard case .name(let key) = t else { continue }  // junk between entries is skipped
            let v = lexer.next()
            if v == .dictionaryEnd || v == .end || stopsContainer(v) { break }
            if let value = parse(v, depth: depth + 1), entries.count < PDFParser.maxElements { entries[key] = value }
        }
        return .dictionary(entries)
    }
}
