import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The fixtures are made by Fixtures/make-pdf-fixtures.sh (qpdf and python3); page counts there are
/// cross-checked with pdfinfo.
private func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pdf/\(name)")
}

/// What a fixture must measure.
struct PDFExpectation: Sendable, CustomTestStringConvertible {
    let file: String
    let version: String
    let encrypted: Bool
    let readable: Bool
    let pages: Int?
    var testDescription: String { file }
}

/// A PDF with a correct xref table, from object bodies numbered 1, 2, 3 … (object 1 is the /Root).
private func makePDF(_ objects: [String], trailer extra: String = "", header: String = "%PDF-1.7") -> Data {
    var out = header + "\n"
    var offsets: [Int] = []
    for (i, body) in objects.enumerated() {
        offsets.append(out.utf8.count)
        out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(extra) >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
}

/// Probes `data`, requiring that any failure is a ``ProbeError`` (never another error, never a crash).
private func probeSafely(_ data: Data) -> Result<Facts, ProbeError>? {
    do {
        return .success(try PDFProbe.facts(of: data))
    } catch let error as ProbeError {
        return .failure(error)
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// A small deterministic random number generator (SplitMix64), so fuzz runs and test signals are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("PDFProbe")
struct PDFProbeTests {
    static let expectations: [PDFExpectation] = [
        .init(file: "one-page.pdf", version: "1.4", encrypted: false, readable: true, pages: 1),
        .init(file: "three-pages.pdf", version: "1.7", encrypted: false, readable: true, pages: 3),
        .init(file: "three-pages-objstm.pdf", version: "1.7", encrypted: false, readable: true, pages: 3),
        .init(file: "zero-pages.pdf", version: "1.4", encrypted: false, readable: true, pages: 0),
        .init(file: "shifted-offsets.pdf", version: "1.7", encrypted: false, readable: true, pages: 3),
        .init(file: "owner-only-r2-rc4-40.pdf", version: "1.7", encrypted: true, readable: true, pages: 3),
        .init(file: "owner-only-r4-aes128.pdf", version: "1.7", encrypted: true, readable: true, pages: 3),
        .init(file: "owner-only-r5-aes256.pdf", version: "1.7", encrypted: true, readable: true, pages: 3),
        .init(file: "owner-only-r6-aes256.pdf", version: "1.7", encrypted: true, readable: true, pages: 3),
        .init(file: "owner-only-r6-objstm.pdf", version: "1.7", encrypted: true, readable: true, pages: 3),
        .init(file: "user-password-r3-rc4.pdf", version: "1.7", encrypted: true, readable: false, pages: 3),
        .init(file: "user-password-r6-aes256.pdf", version: "1.7", encrypted: true, readable: false, pages: 3),
        .init(file: "user-password-r6-objstm.pdf", version: "1.7", encrypted: true, readable: false, pages: nil),
    ]

    @Test("fixture facts", arguments: PDFProbeTests.expectations)
    func fixtureFacts(_ expected: PDFExpectation) throws {
        let facts = try PDFProbe.facts(of: fixture(expected.file))
        #expect(facts["pdf.version"] == .text(expected.version))
        #expect(facts["pdf.encrypted"] == .flag(expected.encrypted))
        #expect(facts["pdf.readable"] == .flag(expected.readable))
        #expect(facts["pdf.page_count"] == expected.pages.map { .number(Double($0)) })
        #expect(facts.values.keys.allSatisfy { FactVocabulary.definition($0) != nil })
    }

    @Test("object streams and cross-reference streams are read, not rebuilt")
    func objectStreams() throws {
        let document = try PDFDocument(bytes: [UInt8](Data(contentsOf: fixture("three-pages-objstm.pdf"))))
        #expect(!document.reconstructed)
        #expect(document.entries.values.contains { if case .compressed = $0 { return true }; return false })
        #expect(document.catalog?["Type"] == .name("Catalog"))
    }

    @Test("the empty user password decrypts object streams of owner-only files")
    func decryptsObjectStreams() throws {
        // qpdf leaves the catalog outside the object streams; the page tree is inside.
        let readable = try PDFDocument(bytes: [UInt8](Data(contentsOf: fixture("owner-only-r6-objstm.pdf"))))
        let pages = readable.resolve(readable.catalog?["Pages"] ?? .null).dictionary
        #expect(pages?["Count"] == .integer(3))
        #expect(readable.security?.streamMethod == .aes256)
        let locked = try PDFDocument(bytes: [UInt8](Data(contentsOf: fixture("user-password-r6-objstm.pdf"))))
        #expect(locked.resolve(locked.catalog?["Pages"] ?? .null) == .null)
        #expect(locked.encryptionBlocksReading)
    }

    @Test("a broken xref table is rebuilt by scanning for objects")
    func rebuildsBrokenXref() throws {
        let document = try PDFDocument(bytes: [UInt8](Data(contentsOf: fixture("shifted-offsets.pdf"))))
        #expect(document.reconstructed)
        #expect(PDFPageCount.count(in: document) == 3)
    }

    @Test("wrong object offsets behind a valid startxref fall back to the scanned objects")
    func wrongObjectOffsets() throws {
        var bytes = [UInt8](try Data(contentsOf: fixture("three-pages.pdf")))
        let padding = Array("% shifts every object\n".utf8)
        let headerEnd = try #require(bytes.firstIndex(of: 10))
        bytes.insert(contentsOf: padding, at: headerEnd + 1)
        // Move only the startxref number, so the xref table is found but its offsets are all wrong.
        let keyword = Array("startxref\n".utf8)
        let marker = try #require((0...(bytes.count - keyword.count)).last { Array(bytes[$0..<($0 + keyword.count)]) == keyword })
        let digitsStart = marker + keyword.count
        let digitsEnd = try #require(bytes[digitsStart...].firstIndex { !(0x30...0x39).contains($0) })
        let oldOffset = try #require(Int(String(decoding: bytes[digitsStart..<digitsEnd], as: UTF8.self)))
        bytes.replaceSubrange(digitsStart..<digitsEnd, with: Array(String(oldOffset + padding.count).utf8))
        let document = try PDFDocument(bytes: bytes)
        #expect(!document.reconstructed)
        #expect(PDFPageCount.count(in: document) == 3)
    }

    @Test("without /Count, /Type /Page objects are counted in both spellings, /Pages not")
    func countsPageObjects() throws {
        let facts = try PDFProbe.facts(of: makePDF([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<</Type/Pages/Kids[3 0 R 4 0 R 5 0 R]>>",
            "<</Type/Page/Parent 2 0 R>>",
            "<< /Type /Page /Parent 2 0 R >>",
            "<<\n/Type\n/Page\n/Parent 2 0 R\n>>",
            "<< /Type /Pages /Kids [] >>",
        ]))
        #expect(facts["pdf.page_count"] == .number(3))
    }

    @Test("/Count behind an indirect reference is followed")
    func indirectCount() throws {
        let facts = try PDFProbe.facts(of: makePDF([
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 3 0 R >>", "7",
        ]))
        #expect(facts["pdf.page_count"] == .number(7))
    }

    @Test("no page tree and no page objects: the count is omitted")
    func noPages() throws {
        let facts = try PDFProbe.facts(of: makePDF(["<< /Type /Catalog >>"], header: "%PDF-2.0"))
        #expect(facts["pdf.page_count"] == nil)
        #expect(facts["pdf.version"] == .text("2.0"))
    }

    @Test("junk before the header is allowed within 1024 bytes")
    func junkBeforeHeader() throws {
        var data = Data(String(repeating: "x", count: 500).utf8)
        data.append(makePDF(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 2 >>"]))
        let facts = try PDFProbe.facts(of: data)
        #expect(facts["pdf.page_count"] == .number(2))
        #expect(facts["pdf.version"] == .text("1.7"))
    }

    @Test("a security handler other than /Standard is not readable")
    func otherSecurityHandler() throws {
        let facts = try PDFProbe.facts(of: makePDF([
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 1 >>", "<< /Filter /Adobe.PubSec /V 4 /R 4 >>",
        ], trailer: "/Encrypt 3 0 R"))
        #expect(facts["pdf.encrypted"] == .flag(true))
        #expect(facts["pdf.readable"] == .flag(false))
        #expect(facts["pdf.page_count"] == .number(1))
    }

    // MARK: Errors

    @Test("not a PDF by content is wrong_kind, naming what it looks like")
    func notAPDF() throws {
        let error = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: fixture("not-a-pdf.png")) }
        #expect(error.kind == .wrongKind)
        #expect(error.message.en.contains("PNG"))
        #expect(error.message.zh.contains("PNG"))
        let late = Data(String(repeating: " ", count: 1100).utf8) + makePDF(["<< /Type /Catalog >>"])
        #expect(throws: ProbeError.self) { try PDFProbe.facts(of: late) }
        #expect((try? PDFProbe.facts(of: Data("hello".utf8))) == nil)
    }

    @Test("truncated files are unreadable", arguments: ["truncated-tail.pdf", "truncated-half.pdf"])
    func truncated(_ file: String) throws {
        let error = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: fixture(file)) }
        #expect(error.kind == .unreadable)
        #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
    }

    @Test("a header with no objects, or a catalog that does not resolve, is unreadable")
    func unreadableShapes() throws {
        let bare = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: Data("%PDF-1.4\n%%EOF\n".utf8)) }
        #expect(bare.kind == .unreadable)
        let cycle = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: makePDF(["2 0 R", "1 0 R"])) }
        #expect(cycle.kind == .unreadable)
    }

    @Test("file-level errors: missing, directory, empty, over the byte limit")
    func fileErrors() throws {
        let missing = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: fixture("no-such-file.pdf")) }
        #expect(missing.kind == .missing)
        let directory = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: fixture("")) }
        #expect(directory.kind == .notAFile)
        let empty = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: Data()) }
        #expect(empty.kind == .empty)
        let large = try #require(throws: ProbeError.self) { try PDFProbe.facts(of: fixture("three-pages.pdf"), byteLimit: 100) }
        #expect(large.kind == .limitExceeded)
    }

    // MARK: Building blocks

    @Test("lexer: names, strings, references")
    func lexer() {
        var parser = PDFParser(Array("<< /A#20B (a\\(b\\)\\101\\\n) /H <414> /R 12 0 R /N [1 -2.5 +.5] >>".utf8))
        let dictionary = parser.parseObject()?.dictionary
        #expect(dictionary?["A B"] == .string(Array("a(b)A".utf8)))
        #expect(dictionary?["H"] == .string([0x41, 0x40]))
        #expect(dictionary?["R"] == .reference(PDFReference(number: 12, generation: 0)))
        #expect(dictionary?["N"] == .array([.integer(1), .real(-2.5), .real(0.5)]))
    }

    @Test("ciphers match known vectors")
    func ciphers() {
        let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(PDFCipher.md5([])) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(hex(PDFCipher.sha(Array("abc".utf8), bits: 256)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(PDFCipher.sha(Array("abc".utf8), bits: 384).count == 48)
        #expect(hex(PDFCipher.rc4(key: Array("Key".utf8), Array("Plaintext".utf8))) == "bbf316e8d940af0ad3")
        // FIPS-197 appendix C.1, one block (CBC with a zero IV is plain ECB for one block).
        let key = (0..<16).map { UInt8($0) }
        let plain: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF]
        let cipher = PDFCipher.aesCBC(key: key, iv: [UInt8](repeating: 0, count: 16), plain, decrypt: false)
        #expect(cipher.map(hex) == "69c4e0d86a7b0430d8cdb78070b4c55a")
    }

    // MARK: Robustness

    @Test("random bytes never crash")
    func randomBytes() {
        var random = SplitMix(state: 42)
        for round in 0..<400 {
            var bytes = (0..<Int.random(in: 0...3000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            if round % 2 == 0 { bytes = Array("%PDF-1.7\n".utf8) + bytes }
            _ = probeSafely(Data(bytes))
        }
    }

    @Test("every truncation and random mutations of real files never crash",
          arguments: ["three-pages-objstm.pdf", "owner-only-r6-objstm.pdf", "owner-only-r4-aes128.pdf", "owner-only-r2-rc4-40.pdf"])
    func damagedCopies(_ file: String) throws {
        let original = [UInt8](try Data(contentsOf: fixture(file)))
        for length in stride(from: 0, through: original.count, by: 5) { _ = probeSafely(Data(original.prefix(length))) }
        var random = SplitMix(state: UInt64(original.count))
        let tokens = ["<<", ">>", "[", "]", "(", ")", "R", " 0 ", "obj", "endobj", "stream", "/Prev 0", "9999999999", "-1"]
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                if Bool.random(using: &random) {
                    bytes[at] = UInt8.random(in: 0...255, using: &random)
                } else {
                    bytes.insert(contentsOf: Array(tokens[Int.random(in: 0..<tokens.count, using: &random)].utf8), at: at)
                }
            }
            _ = probeSafely(Data(bytes))
        }
    }

    @Test("object streams nested in object streams stop at the depth limit")
    func nestedObjectStreams() throws {
        let document = try PDFDocument(bytes: [UInt8](makePDF(["<< /Type /Catalog >>"])))
        for number in 10..<1_000 { document.entries[number] = .compressed(stream: number + 1, index: 0) }
        document.entries[1_000] = .compressed(stream: 10, index: 0)
        #expect(document.object(PDFReference(number: 10, generation: 0), depth: 0) == nil)
        #expect(document.catalog?["Type"] == .name("Catalog"))
    }

    @Test("hostile structures are bounded")
    func hostileStructures() throws {
        let deep = String(repeating: "[", count: 100_000)
        let chain = (2...300).map { "\($0 + 1) 0 R" }
        let lengthChain = (2...300).map { "<< /Length \($0 + 1) 0 R >>\nstream\nxx\nendstream" }
        let inputs: [Data] = [
            makePDF(["<< /Type /Catalog /Pages \(deep) >>"]),
            makePDF(["<< /Type /Catalog /Pages 2 0 R >>"] + chain),
            makePDF(["<< /Type /Catalog /Pages 2 0 R >>"] + lengthChain),
            makePDF(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count -5 >>"]),
            makePDF(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 99999999999999999999 >>"]),
            makePDF(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Length 2 0 R >>\nstream\nabc\nendstream"]),
            makePDF(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /ObjStm /N 99999 /First 0 /Length 3 >>\nstream\n2 0\nendstream"]),
            makePDF(["<< /Type /Catalog >>"], trailer: "/Prev 9 /XRefStm 9"),
            makePDF(["<< /Type /Catalog >>", "<< /Filter /Standard /V 5 /R 6 /U <00> /O <00> >>"], trailer: "/Encrypt 2 0 R /ID [<00>]"),
            makePDF(["<< /Type /Catalog >>", "<< /Filter /Standard /V 2 /R 3 /Length 9999 /P 4294967292 >>"], trailer: "/Encrypt 2 0 R"),
            Data(("%PDF-1.5\n1 0 obj << /Type /XRef /W [8 8 8] /Index [0 999999999] /Size 3 /Root 1 0 R /Length 24 >>\nstream\n"
                  + String(repeating: "\u{7F}", count: 24) + "\nendstream\nendobj\nstartxref\n9\n%%EOF").utf8),
            Data(("%PDF-1.4\n" + String(repeating: "1 0 obj (\ntrailer (\n", count: 20_000)).utf8),
            Data(("%PDF-1.4\n" + String(repeating: "7 0 obj << /Length 99 >> stream\n", count: 20_000)).utf8),
        ]
        for input in inputs { _ = probeSafely(input) }
    }
}
