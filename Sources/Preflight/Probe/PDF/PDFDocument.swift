import Foundation

/// Why a PDF cannot be read at all.
enum PDFDamage: Error, Equatable {
    /// A header, but not a single `N G obj`.
    case noObjects
    /// Neither a usable cross-reference section nor any trailer dictionary: usually a file cut short.
    case noTrailer
    /// The trailer's /Root does not lead to a document catalog.
    case noCatalog
}

/// A PDF file opened leniently, as real readers do: the cross-reference chain first, a scan for
/// `N G obj` when it is broken; objects looked up on demand, from object streams too.
///
/// Every lookup is bounded: reference chains and nesting by ``maxDepth``, parsing by a byte budget
/// proportional to the file, inflating by ``inflateLimit`` in total.
final class PDFDocument {
    /// Where an object lives, from the cross-reference data.
    enum Entry: Equatable {
        /// Free (deleted); hides older definitions.
        case free
        /// At a byte offset in the file.
        case offset(Int)
        /// Inside object stream `stream`, as its `index`-th object.
        case compressed(stream: Int, index: Int)
    }

    /// The longest chain of references or nested lookups followed.
    static let maxDepth = 64
    /// The most bytes inflated from all streams together.
    static let inflateLimit = 64 << 20
    /// The most objects taken from a scan or an object stream.
    static let maxObjects = 1 << 20

    /// The file's bytes.
    let bytes: [UInt8]
    /// Where each object number lives.
    var entries: [Int: Entry] = [:]
    /// The trailer (or cross-reference stream) dictionary, newest keys winning.
    var trailer: [String: PDFObject] = [:]
    /// Whether the cross-reference data was rebuilt by scanning.
    var reconstructed = false
    /// The encryption, when the trailer has /Encrypt.
    private(set) var security: PDFSecurityHandler?

    /// Bytes still allowed to be inflated.
    var inflateBudget = PDFDocument.inflateLimit
    /// Bytes still allowed to be parsed: 8 times the file plus 4 times what is inflated (hostile
    /// files could otherwise make parsing quadratic).
    var parseBudget: Int
    private var cache: [Int: PDFObject] = [:]
    private var inProgress = Set<Int>()
    private var objectStreams: [Int: PDFObjectStream] = [:]
    private var failedObjectStreams = Set<Int>()
    private var streamGenerations: [Int: Int] = [:]
    private var endstreamOffsets: [Int]?
    private var scannedOffsets: [Int: Int]?

    /// Opens `bytes` (which start with, or have within 1024 bytes, `%PDF-`).
    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        parseBudget = 8 * bytes.count + (1 << 20)
        let loaded = loadCrossReference()
        if loaded { establishSecurity() }
        if !loaded || (catalog == nil && !encryptionBlocksReading) {
            try reconstruct()
        }
        if catalog == nil && !encryptionBlocksReading { throw PDFDamage.noCatalog }
    }

    /// The document catalog, through the trailer's /Root.
    var catalog: [String: PDFObject]? { resolve(trailer["Root"] ?? .null).dictionary }

    /// True when the file is encrypted and the empty password does not open it.
    var encryptionBlocksReading: Bool { security.map { $0.fileKey == nil } ?? false }

    /// Reads /Encrypt and /ID from the trailer and tries the empty user password.
    /// Objects looked up before are forgotten, as they may have been read with incomplete
    /// cross-reference data or without the key.
    func establishSecurity() {
        cache.removeAll()
        objectStreams.removeAll()
        failedObjectStreams.removeAll()
        security = nil
        guard let encrypt = trailer["Encrypt"], encrypt != .null else { return }
        let ids = resolve(trailer["ID"] ?? .null).array ?? []
        let firstID = ids.first.flatMap { resolve($0).string } ?? []
        let dictionary = resolve(encrypt).dictionary ?? [:]
        security = PDFSecurityHandler(encrypt: dictionary, firstID: firstID) { self.resolve($0) }
        cache.removeAll()
    }

    // MARK: Objects

    /// Follows references until a direct object (null when one is missing or the chain is too long).
    func resolve(_ object: PDFObject, depth: Int = 0) -> PDFObject {
        var current = object
        var hops = 0
        while case .reference(let r) = current {
            guard hops < PDFDocument.maxDepth, let next = self.object(r, depth: depth + hops + 1) else { return .null }
            current = next
            hops += 1
        }
        return current
    }

    /// The object with `reference`'s number, or nil. `remember: false` keeps it out of the cache
    /// (used when visiting every object once).
    func object(_ reference: PDFReference, depth: Int, remember: Bool = true) -> PDFObject? {
        let number = reference.number
        if let cached = cache[number] { return cached }
        guard depth < PDFDocument.maxDepth, !inProgress.contains(number) else { return nil }
        inProgress.insert(number)
        defer { inProgress.remove(number) }
        var result: PDFObject?
        switch entries[number] {
        case .offset(let offset)?:
            result = indirectObject(at: offset, number: number, depth: depth)?.object
        case .compressed(let stream, let index)?:
            result = objectStream(stream, depth: depth)?.object(number: number, index: index, budget: &parseBudget)
        case .free?:
            return nil
        case nil:
            break
        }
        if result == nil, let offset = scan()[number] {
            // A wrong cross-reference offset: fall back to where the object really is.
            result = indirectObject(at: offset, number: number, depth: depth)?.object
        }
        if remember { cache[number] = result ?? .null }
        return result
    }

    /// Parses `N G obj … endobj` at `offset`; nil unless it is object `number` (any, when nil).
    func indirectObject(at offset: Int, number: Int?, depth: Int) -> (object: PDFObject, number: Int, generation: Int)? {
        guard offset >= 0, offset < bytes.count, parseBudget > 0 else { return nil }
        var parser = PDFParser(bytes, at: offset)
        guard case .integer(let n) = parser.lexer.next(), number == nil || number == n,
              case .integer(let generation) = parser.lexer.next(),
              case .keyword("obj") = parser.lexer.next() else { return nil }
        var object = parser.parse(parser.lexer.next(), depth: 0) ?? .null
        if case .dictionary(let dictionary) = object {
            let afterDictionary = parser.lexer.position
            if case .keyword("stream") = parser.lexer.next() {
                var start = parser.lexer.position
                if parser.lexer.byte(start) == 13 { start += 1 }
                if parser.lexer.byte(start) == 10 { start += 1 }
                let declared = resolve(dictionary["Length"] ?? .null, depth: depth + 1).integer
                let end = streamEnd(from: start, declaredLength: declared)
                object = .stream(dictionary, start..<end)
                parser.lexer.position = end
                streamGenerations[n] = generation
            } else {
                parser.lexer.position = afterDictionary
            }
        }
        parseBudget -= max(1, parser.lexer.position - offset)
        return (object, n, generation)
    }

    /// Where stream data starting at `start` ends: at /Length when `endstream` follows it, else
    /// just before the next `endstream`, else at the end of the file (a truncated stream).
    private func streamEnd(from start: Int, declaredLength: Int?) -> Int {
        guard start <= bytes.count else { return bytes.count }
        if let length = declaredLength, length >= 0, length <= bytes.count - start {
            var lexer = PDFLexer(bytes, at: start + length)
            lexer.skipWhitespace()
            if matches("endstream", at: lexer.position) { return start + length }
        }
        if endstreamOffsets == nil { endstreamOffsets = occurrences(of: "endstream", wholeWord: false) }
        let offsets = endstreamOffsets ?? []
        var low = 0, high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < start { low = mid + 1 } else { high = mid }
        }
        guard low < offsets.count else { return bytes.count }
        var end = offsets[low]
        if end > start, bytes[end - 1] == 10 { end -= 1 }
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// Parses one direct object at `offset`, drawing on the parse budget.
    func directObject(at offset: Int) -> PDFObject? {
        guard offset >= 0, offset < bytes.count, parseBudget > 0 else { return nil }
        var parser = PDFParser(bytes, at: offset)
        let object = parser.parseObject()
        parseBudget -= max(1, parser.lexer.position - offset)
        return object
    }

    /// The decoded data of a stream object (decrypted first when `reference` is given and the file
    /// is encrypted), or nil when a filter is unsupported or the inflate budget is spent.
    func streamData(_ object: PDFObject, reference: PDFReference?) -> [UInt8]? {
        guard case .stream(let dictionary, let range) = object,
              range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var raw = Array(bytes[range])
        if let reference, let security, resolve(dictionary["Type"] ?? .null).name != "XRef" {
            guard security.fileKey != nil else { return nil }
            raw = security.decrypt(raw, reference: reference)
        }
        let decoded = PDFStreamFilters.decode(raw, dictionary: dictionary, budget: &inflateBudget) { self.resolve($0) }
        parseBudget += 4 * (decoded?.count ?? 0)  // decoded object streams are parsed too
        return decoded
    }

    /// The decoded object stream `number` (cached), or nil when it cannot be read.
    func objectStream(_ number: Int, depth: Int) -> PDFObjectStream? {
        if let stream = objectStreams[number] { return stream }
        guard !failedObjectStreams.contains(number) else { return nil }
        let reference = PDFReference(number: number, generation: 0)
        guard let object = self.object(reference, depth: depth + 1),
              let dictionary = object.dictionary,
              let data = streamData(object, reference: PDFReference(number: number, generation: streamGenerations[number] ?? 0)),
              let stream = PDFObjectStream(data, dictionary: dictionary, resolve: { self.resolve($0, depth: depth + 1) })
        else {
            failedObjectStreams.insert(number)
            return nil
        }
        objectStreams[number] = stream
        return stream
    }

    // MARK: Byte searches

    /// Whether `word` is at `offset`.
    func matches(_ word: String, at offset: Int) -> Bool { matches(Array(word.utf8), at: offset) }

    /// Whether the bytes `word` are at `offset`.
    func matches(_ word: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= bytes.count - word.count else { return false }
        for i in 0..<word.count where bytes[offset + i] != word[i] { return false }
        return true
    }

    /// Every offset where `word` occurs; with `wholeWord`, only where it is not part of a longer word.
    func occurrences(of word: String, wholeWord: Bool = true) -> [Int] {
        let w = Array(word.utf8)
        guard let first = w.first, bytes.count >= w.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= bytes.count - w.count {
            if bytes[i] == first, matches(w, at: i),
               !wholeWord || i == 0 || !PDFLexer.isRegular(bytes[i - 1]),
               !wholeWord || i + w.count == bytes.count || !PDFLexer.isRegular(bytes[i + w.count]) {
                found.append(i)
                i += w.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// Object number → offset of every `N G obj` in the file (the last definition wins), cached.
    func scan() -> [Int: Int] {
        if let scanned = scannedOffsets { return scanned }
        var result: [Int: Int] = [:]
        for objOffset in occurrences(of: "obj") {
            // Walk back over: white space, generation digits, white space, object number digits.
            var i = objOffset - 1
            func skip(_ test: (UInt8) -> Bool, max: Int) -> Int {
                var n = 0
                while i >= 0, n < max, test(bytes[i]) { i -= 1; n += 1 }
                return n
            }
            let isDigit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
            guard skip(PDFLexer.isWhitespace, max: 16) > 0, skip(isDigit, max: 5) > 0,
                  skip(PDFLexer.isWhitespace, max: 16) > 0 else { continue }
            let numberEnd = i + 1
            guard skip(isDigit, max: 10) > 0, i < 0 || !PDFLexer.isRegular(bytes[i]) else { continue }
            let numberStart = i + 1
            guard let number = Int(String(decoding: bytes[numberStart..<numberEnd], as: UTF8.self)) else { continue }
            if result[number] != nil || result.count < PDFDocument.maxObjects { result[number] = numberStart }
        }
        scannedOffsets = result
        return result
    }
}

/// The decoded contents of an object stream (`/Type /ObjStm`): object numbers and where each starts.
struct PDFObjectStream {
    /// The decoded bytes.
    let bytes: [UInt8]
    /// Object number and absolute offset in ``bytes``, in stream order.
    let members: [(number: Int, offset: Int)]
    /// The first member index of each object number.
    private let indexes: [Int: Int]

    /// Reads the header of `N` number/offset pairs; nil when /N or /First is missing.
    init?(_ bytes: [UInt8], dictionary: [String: PDFObject], resolve: (PDFObject) -> PDFObject) {
        guard let count = resolve(dictionary["N"] ?? .null).integer, count >= 0,
              let first = resolve(dictionary["First"] ?? .null).integer, first >= 0, first <= bytes.count else { return nil }
        var lexer = PDFLexer(bytes)
        var members: [(Int, Int)] = []
        for _ in 0..<min(count, bytes.count / 2, PDFDocument.maxObjects) {
            guard case .integer(let number) = lexer.next(), case .integer(let offset) = lexer.next(),
                  number >= 0, offset >= 0, offset <= bytes.count - first else { break }
            members.append((number, first + offset))
        }
        self.bytes = bytes
        self.members = members
        var indexes: [Int: Int] = [:]
        for (i, member) in members.enumerated() where indexes[member.0] == nil { indexes[member.0] = i }
        self.indexes = indexes
    }

    /// Object `number`, preferably the `index`-th member; nil when it is not in this stream.
    func object(number: Int, index: Int, budget: inout Int) -> PDFObject? {
        let offset: Int
        if index >= 0, index < members.count, members[index].number == number {
            offset = members[index].offset
        } else if let i = indexes[number] {
            offset = members[i].offset
        } else {
            return nil
        }
        guard budget > 0 else { return nil }
        var parser = PDFParser(bytes, at: offset)
        let object = parser.parseObject()
        budget -= max(1, parser.lexer.position - offset)
        return object
    }
}
