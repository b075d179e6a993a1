import Foundation

/// Reading the cross-reference data: `xref` tables, cross-reference streams (PDF 1.5+), hybrid files,
/// the /Prev chain of incremental updates, and rebuilding it all by scanning when it is broken.
extension PDFDocument {
    /// The highest object number accepted (keeps arithmetic on hostile numbers far from overflow).
    static let maxObjectNumber = 1 << 31

    /// Follows `startxref` and the /Prev chain; false when the newest section cannot be read.
    func loadCrossReference() -> Bool {
        guard let startOffset = startxref() else { return false }
        var next: Int? = startOffset
        var visited = Set<Int>()
        var newest = true
        while let offset = next, visited.count < 256, visited.insert(offset).inserted {
            guard let section = readSection(at: offset) else { break }
            var sectionEntries = section.entries
            if let streamOffset = resolve(section.trailer["XRefStm"] ?? .null).integer,
               let hybrid = readSection(at: streamOffset) {
                // A hybrid file: the stream lists the objects the table leaves out (or marks free).
                for (number, entry) in hybrid.entries where sectionEntries[number] == nil || sectionEntries[number] == .free {
                    sectionEntries[number] = entry
                }
            }
            for (number, entry) in sectionEntries where entries[number] == nil { entries[number] = entry }
            trailer.merge(section.trailer) { current, _ in current }
            newest = false
            next = section.trailer["Prev"]?.integer
        }
        return !newest && trailer["Root"] != nil
    }

    /// The offset after the last `startxref`.
    private func startxref() -> Int? {
        guard let keyword = lastOccurrence(of: "startxref") else { return nil }
        var lexer = PDFLexer(bytes, at: keyword + 9)
        guard case .integer(let offset) = lexer.next(), offset >= 0, offset < bytes.count else { return nil }
        return offset
    }

    /// The offset of the last `word` in the file.
    private func lastOccurrence(of word: String) -> Int? {
        let w = Array(word.utf8)
        var i = bytes.count - w.count
        while i >= 0 {
            if bytes[i] == w[0], matches(w, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// Reads one cross-reference section (a table with its trailer, or a stream with its dictionary).
    func readSection(at offset: Int) -> (entries: [Int: Entry], trailer: [String: PDFObject])? {
        guard parseBudget > 0 else { return nil }
        var lexer = PDFLexer(bytes, at: offset)
        guard case .keyword("xref") = lexer.next() else { return readStreamSection(at: offset) }
        var found: [Int: Entry] = [:]
        defer { parseBudget -= max(1, lexer.position - offset) }
        while true {
            let token = lexer.next()
            if case .keyword("trailer") = token {
                guard let trailer = directObject(at: lexer.position)?.dictionary else { return nil }
                return (found, trailer)
            }
            guard case .integer(let first) = token, (0..<PDFDocument.maxObjectNumber).contains(first),
                  case .integer(let count) = lexer.next(), count >= 0, count <= (bytes.count - lexer.position) / 4 else { return nil }
            for i in 0..<count {
                guard case .integer(let offset) = lexer.next(), case .integer = lexer.next(),
                      case .keyword(let kind) = lexer.next() else { return nil }
                if found[first + i] == nil { found[first + i] = kind == "n" && offset > 0 ? .offset(offset) : .free }
            }
        }
    }

    /// Reads a cross-reference stream (`/Type /XRef`, fields of /W bytes, ranges in /Index).
    private func readStreamSection(at offset: Int) -> (entries: [Int: Entry], trailer: [String: PDFObject])? {
        guard let parsed = indirectObject(at: offset, number: nil, depth: 0),
              case .stream(let dictionary, _) = parsed.object,
              let widths = resolve(dictionary["W"] ?? .null).array?.map({ resolve($0).integer ?? -1 }),
              widths.count == 3, widths.allSatisfy({ (0...8).contains($0) }),
              let data = streamData(parsed.object, reference: nil) else { return nil }
        let rowWidth = widths.reduce(0, +)
        guard rowWidth > 0 else { return nil }
        let rows = data.count / rowWidth
        var ranges: [Int] = resolve(dictionary["Index"] ?? .null).array?.map { resolve($0).integer ?? -1 } ?? []
        if ranges.isEmpty { ranges = [0, resolve(dictionary["Size"] ?? .null).integer ?? rows] }
        var found: [Int: Entry] = [:]
        var row = 0
        var pair = 0
        while pair + 1 < ranges.count, row < rows {
            let first = ranges[pair], count = ranges[pair + 1]
            pair += 2
            guard (0..<PDFDocument.maxObjectNumber).contains(first), count >= 0 else { return nil }
            for i in 0..<min(count, rows - row) {
                var fields = [0, 0, 0]
                var position = row * rowWidth
                for f in 0..<3 {
                    var value: UInt64 = 0
                    for _ in 0..<widths[f] {
                        value = value << 8 | UInt64(data[position])
                        position += 1
                    }
                    fields[f] = Int(truncatingIfNeeded: value)
                }
                let type = widths[0] == 0 ? 1 : fields[0]
                let entry: Entry?
                switch type {
                case 0: entry = .free
                case 1: entry = fields[1] > 0 ? .offset(fields[1]) : .free
                case 2: entry = .compressed(stream: fields[1], index: fields[2])
                default: entry = nil  // reserved types are ignored (null objects)
                }
                if let entry, found[first + i] == nil { found[first + i] = entry }
                row += 1
            }
        }
        return (found, dictionary)
    }

    /// Rebuilds the cross-reference data from every `N G obj` in the file and the trailer from every
    /// `trailer` dictionary and cross-reference stream, later ones winning. Like poppler and qpdf,
    /// gives up when there is no trailer at all (the usual sign of a file cut short).
    func reconstruct() throws {
        reconstructed = true
        let offsets = scan()
        guard !offsets.isEmpty else { throw PDFDamage.noObjects }
        entries = offsets.mapValues { .offset($0) }
        var trailers: [(offset: Int, dictionary: [String: PDFObject])] = []
        for keyword in occurrences(of: "trailer") {
            if let dictionary = directObject(at: keyword + 7)?.dictionary { trailers.append((keyword, dictionary)) }
        }
        var objectStreamNumbers: [(offset: Int, number: Int)] = []
        for (number, offset) in offsets {
            guard let parsed = indirectObject(at: offset, number: number, depth: 0),
                  case .stream(let dictionary, _) = parsed.object else { continue }
            switch resolve(dictionary["Type"] ?? .null).name {
            case "XRef": trailers.append((offset, dictionary))
            case "ObjStm": objectStreamNumbers.append((offset, number))
            default: break
            }
        }
        trailer = [:]
        for candidate in trailers.sorted(by: { $0.offset < $1.offset }) {
            trailer.merge(candidate.dictionary.filter { $0.key != "Prev" && $0.key != "XRefStm" }) { _, newer in newer }
        }
        guard !trailers.isEmpty else { throw PDFDamage.noTrailer }
        guard trailer["Root"] != nil else { throw PDFDamage.noCatalog }
        establishSecurity()
        // Objects defined directly win over copies in object streams; newer streams win over older.
        for stream in objectStreamNumbers.sorted(by: { $0.offset > $1.offset }) {
            guard let contents = objectStream(stream.number, depth: 0) else { continue }
            for (index, member) in contents.members.enumerated() where entries[member.number] == nil {
                entries[member.number] = .compressed(stream: stream.number, index: index)
            }
        }
    }
}
