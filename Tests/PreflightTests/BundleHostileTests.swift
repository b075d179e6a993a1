import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// Hostile and odd zips, built by Python's zipfile or Info-ZIP in temporary folders: each gives a
/// clear finding; nothing crashes, hangs or is written.
@Suite struct BundleHostileTests {
    typealias F = VoiceFixture

    /// Builds `name` in a folder holding the good take as `take.wav`, with a Python script.
    func build(_ name: String, _ script: String) throws -> URL {
        let dir = try F.folder()
        try FileManager.default.copyItem(at: F.audio("take-24k16.wav"), to: dir.appendingPathComponent("take.wav"))
        try F.python("w = open('take.wav', 'rb').read()\n" + script, in: dir)
        return dir.appendingPathComponent(name)
    }

    func probe(_ url: URL) throws -> ProbeResult { try VoiceMaterialProbe.probe(url, detectedType: nil) }

    func voice(_ url: URL) throws -> Report { try F.check("VOICE", ["material": url, "identity": F.authorization]) }

    @Test func pathTraversalAndAbsoluteNames() throws {
        let zip = try build("evil.zip", """
            with zipfile.ZipFile('evil.zip', 'w') as z:
                z.writestr('good.wav', w)
                z.writestr(zipfile.ZipInfo('../evil.wav'), w)
                z.writestr(zipfile.ZipInfo('/abs.wav'), w)
                z.writestr(zipfile.ZipInfo('a/../../b.wav'), w)
                z.writestr(zipfile.ZipInfo('c:\\\\win.wav'), w)
            """)
        let result = try probe(zip)
        #expect(result.facts["bundle.unsafe_names"] == .number(4))
        #expect(result.entries?.first { $0.name == "../evil.wav" }?.facts["entry.unsafe_name"] == .flag(true))
        #expect(result.entries?.first { $0.name == "good.wav" }?.facts["entry.unsafe_name"] == .flag(false))
        #expect(!FileManager.default.fileExists(atPath: zip.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("evil.wav").path))
        let report = try voice(zip)
        #expect(F.failed(report).contains("material.unsafe_names"))
        let finding = try #require(report.findings.first { $0.rule == "material.unsafe_names" })
        #expect(finding.message.zh.contains("../") && finding.message.en.contains("../"))
        #expect(finding.fix != nil)
    }

    @Test func symlinkEntry() throws {
        let zip = try build("link.zip", """
            with zipfile.ZipFile('link.zip', 'w') as z:
                z.writestr('take.wav', w)
                i = zipfile.ZipInfo('passwd.wav'); i.create_system = 3; i.external_attr = 0o120777 << 16
                z.writestr(i, '/etc/passwd')
            """)
        let result = try probe(zip)
        #expect(result.facts["bundle.symlinks"] == .number(1))
        let link = try #require(result.entries?.first { $0.name == "passwd.wav" })
        #expect(link.facts["entry.symlink"] == .flag(true))
        #expect(link.facts["entry.is_audio"] == nil, "a link is never followed or read")
        #expect(F.failed(try voice(zip)) == ["material.symlinks"])
    }

    @Test func encryptedEntry() throws {
        let dir = try F.folder(with: ["take-24k16.wav"])
        try F.run("/usr/bin/zip", ["-q", "-P", "secret", "enc.zip", "take-24k16.wav"], in: dir)
        let zip = dir.appendingPathComponent("enc.zip")
        let result = try probe(zip)
        #expect(result.facts["bundle.encrypted_entries"] == .number(1))
        #expect(result.entries?.first?.facts["entry.encrypted"] == .flag(true))
        #expect(result.entries?.first?.error != nil)
        let report = try voice(zip)
        #expect(F.failed(report) == ["material.encrypted", "material.audio_present"], "\(report.findings.map { "\($0.rule) \($0.entry ?? "") \($0.message.en)" })")
    }

    @Test func bombRefusedByRatioBeforeInflating() throws {
        let zip = try build("bomb.zip", """
            with zipfile.ZipFile('bomb.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
                z.writestr('take.wav', w)
                z.writestr('silence.wav', w[:44] + bytes(300_000_000))
            """)
        let start = Date()
        let result = try probe(zip)
        if ResourceBounds.asserted { #expect(Date().timeIntervalSince(start) < 5, "refused without inflating 300 MB") }
        #expect(result.facts["bundle.suspected_bombs"] == .number(1))
        let bomb = try #require(result.entries?.first { $0.name == "silence.wav" })
        #expect(bomb.facts["entry.suspected_bomb"] == .flag(true))
        #expect((bomb.facts["entry.compression_ratio"]?.number ?? 0) > 100)
        #expect(bomb.error?.kind == .limitExceeded)
        let report = try voice(zip)
        #expect(F.failed(report).contains("material.zip_bombs"))
    }

    @Test func entryLongerThanDeclaredIsStoppedAtTheDeclaredSize() throws {
        // 10 MiB of data whose headers declare 1000 bytes: libzip would hand over all of it.
        let zip = try build("lie.zip", """
            with zipfile.ZipFile('lie.zip', 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('take.wav', w)
                z.writestr('lie.wav', w[:44] + os.urandom(64) * (10 * 16384))
            d = bytearray(open('lie.zip', 'rb').read())
            n = b'lie.wav'
            local = d.find(b'PK\\x03\\x04' + b'', d.find(b'PK\\x03\\x04') + 4)
            struct.pack_into('<I', d, local + 22, 1000)
            central = d.find(b'PK\\x01\\x02', d.find(b'PK\\x01\\x02') + 4)
            struct.pack_into('<I', d, central + 24, 1000)
            open('lie.zip', 'wb').write(d)
            """)
        let result = try probe(zip)
        let lie = try #require(result.entries?.first { $0.name == "lie.wav" })
        #expect(lie.facts["entry.suspected_bomb"] == .flag(true))
        #expect(lie.facts["entry.size_matches"] == .flag(false))
        #expect(result.facts["bundle.suspected_bombs"] == .number(1))
        #expect(F.failed(try voice(zip)).contains("material.zip_bombs"))
    }

    @Test func inflateCapsPerEntryAndPerBundle() throws {
        let zip = try F.zip((1...3).map { ("take_\($0).wav", "take-24k16.wav") })
        var limits = BundleLimits()
        limits.entryInflateLimit = 50_000
        let capped = try ZipBundleReader.read(zip, options: ProbeOptions(), limits: limits)
        #expect(capped.facts["bundle.limit_hit"] == .flag(true))
        #expect(capped.entries?.allSatisfy { $0.error?.kind == .limitExceeded } == true)
        limits = BundleLimits()
        limits.bundleInflateLimit = 200_000
        limits.parallelReaders = 1
        let bundle = try ZipBundleReader.read(zip, options: ProbeOptions(), limits: limits)
        #expect(bundle.facts["bundle.limit_hit"] == .flag(true))
        #expect(bundle.entries?.first?.error == nil)
        #expect(bundle.entries?.last?.error?.kind == .limitExceeded)
    }

    @Test func overlappingEntries() throws {
        let zip = try build("overlap.zip", """
            with zipfile.ZipFile('overlap.zip', 'w') as z:
                z.writestr('a.wav', w)
                z.writestr('b.wav', w)
            d = bytearray(open('overlap.zip', 'rb').read())
            second = d.find(b'PK\\x01\\x02', d.find(b'PK\\x01\\x02') + 4)
            struct.pack_into('<I', d, second + 42, 0)
            open('overlap.zip', 'wb').write(d)
            """)
        let result = try probe(zip)
        #expect(result.facts["bundle.overlapping_entries"] == .number(2))
        #expect(result.entries?.allSatisfy { $0.facts["entry.overlaps"] == .flag(true) } == true)
        #expect(F.failed(try voice(zip)).contains("material.overlapping_entries"))
    }

    @Test func truncatedArchiveThrows() throws {
        let zip = try F.zip((1...3).map { ("take_\($0).wav", "take-24k16.wav") })
        let data = try Data(contentsOf: zip)
        let cut = zip.deletingLastPathComponent().appendingPathComponent("cut.zip")
        try data.prefix(data.count / 2).write(to: cut)
        #expect(throws: ProbeError.self) { try probe(cut) }
        do { _ = try probe(cut) } catch let e as ProbeError {
            #expect(e.kind == .unreadable)
            #expect(e.message.en.contains("truncated"))
        }
        // The end record survives but the directory before it is cut.
        let tail = zip.deletingLastPathComponent().appendingPathComponent("tail.zip")
        try (data.prefix(data.count - 60) + data.suffix(22)).write(to: tail)
        #expect(throws: ProbeError.self) { try probe(tail) }
        let report = try voice(cut)
        #expect(F.failed(report).contains("input.unreadable"))
    }

    @Test func notAZipAtAll() throws {
        let dir = try F.folder()
        let fake = dir.appendingPathComponent("fake.zip")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: fake)
        #expect(F.failed(try voice(fake)).contains("input.wrong_kind"))
        let header = dir.appendingPathComponent("header.zip")
        try (Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0x41, count: 1000)).write(to: header)
        do { _ = try probe(header); Issue.record("a zip signature without a zip must throw") } catch let e as ProbeError {
            #expect(e.kind == .unreadable)
        }
    }

    @Test func zip64Archive() throws {
        let dir = try F.folder(with: ["take-24k16.wav"])
        try F.run("/usr/bin/zip", ["-q", "-fz", "z64.zip", "take-24k16.wav"], in: dir)
        let result = try probe(dir.appendingPathComponent("z64.zip"))
        #expect(result.facts["bundle.audio_count"] == .number(1))
        #expect(result.entries?.first?.facts["file.size"] == .number(144_044))
        #expect(result.entries?.first?.facts["audio.sample_rate"] == .number(24_000))
        #expect(F.failed(try voice(dir.appendingPathComponent("z64.zip"))).isEmpty)
    }

    /// A zip whose names are stored as raw legacy bytes without the UTF-8 flag, as Chinese
    /// Windows archivers write them (placeholders of the same length are patched afterwards).
    func legacyNamed(_ names: [[UInt8]]) throws -> URL {
        let placeholders = names.enumerated().map { i, n in String(repeating: Character(UnicodeScalar(UInt8(65 + i))), count: n.count - 4) + ".wav" }
        let pairs = zip(placeholders, names).map { "(b'\($0.0)', bytes(\($0.1)))" }.joined(separator: ", ")
        return try build("legacy.zip", """
            with zipfile.ZipFile('legacy.zip', 'w') as z:
                for p, _ in [\(pairs)]:
                    z.writestr(p.decode(), w)
            d = open('legacy.zip', 'rb').read()
            for p, n in [\(pairs)]:
                d = d.replace(p, n)
            open('legacy.zip', 'wb').write(d)
            """)
    }

    @Test func gbkNamesAreDecodedAndWarned() throws {
        let zip = try legacyNamed([[0xD5, 0xC5, 0xC8, 0xFD] + Array(".wav".utf8),
                                   [0xC2, 0xBC, 0xD2, 0xF4, 0x30, 0x31] + Array(".wav".utf8)])
        let result = try probe(zip)
        #expect(result.facts["bundle.name_encoding"] == .text("legacy"))
        #expect(result.facts["bundle.guessed_encoding"] == .text("gbk"))
        #expect(result.entries?.map(\.name) == ["张三.wav", "录音01.wav"])
        #expect(result.entries?.first?.facts["entry.name_encoding"] == .text("gbk"))
        let report = try voice(zip)
        #expect(F.failed(report, atLeast: .warning) == ["material.name_encoding"])
        let finding = try #require(report.findings.first { $0.rule == "material.name_encoding" })
        #expect(finding.message.en.contains("gbk"))
    }

    @Test func cp437NamesAreDecoded() throws {
        let zip = try legacyNamed([Array("M".utf8) + [0x81] + Array("ller.wav".utf8)])
        let result = try probe(zip)
        #expect(result.facts["bundle.guessed_encoding"] == .text("cp437"))
        #expect(result.entries?.first?.name == "Müller.wav")
    }

    @Test func utf8NamesFromPythonAreFlagged() throws {
        let zip = try F.zip([("张三_01.wav", "take-24k16.wav")])
        let result = try probe(zip)
        #expect(result.facts["bundle.name_encoding"] == .text("utf-8"))
        #expect(result.entries?.first?.name == "张三_01.wav")
        #expect(F.failed(try voice(zip), atLeast: .warning).isEmpty)
    }

    @Test func zipOfZips() throws {
        let dir = try F.folder(with: ["take-24k16.wav"])
        try F.python("""
            with zipfile.ZipFile('inner.zip', 'w') as z:
                z.write('take-24k16.wav')
            with zipfile.ZipFile('outer.zip', 'w') as z:
                z.write('inner.zip')
            """, in: dir)
        let zip = dir.appendingPathComponent("outer.zip")
        let result = try probe(zip)
        #expect(result.facts["bundle.nested_archives"] == .number(1))
        #expect(result.facts["bundle.audio_count"] == .number(0))
        let failed = F.failed(try voice(zip))
        #expect(failed.contains("material.nested_archives"))
        #expect(failed.contains("material.audio_present"))
    }

    @Test func emptyZip() throws {
        let dir = try F.folder()
        try F.python("zipfile.ZipFile('empty.zip', 'w').close()", in: dir)
        let zip = dir.appendingPathComponent("empty.zip")
        let result = try probe(zip)
        #expect(result.facts["bundle.file_count"] == .number(0))
        #expect(result.entries == [])
        #expect(F.failed(try voice(zip)) == ["material.bundle_not_empty"])
    }

    @Test func unsupportedCompressionMethod() throws {
        let zip = try build("lzma.zip", """
            with zipfile.ZipFile('lzma.zip', 'w', zipfile.ZIP_LZMA) as z:
                z.writestr('take.wav', w)
            """)
        let result = try probe(zip)
        #expect(result.facts["bundle.unsupported_compression"] == .number(1))
        #expect(result.entries?.first?.facts["entry.compression"] == .text("lzma"))
        let report = try voice(zip)
        #expect(F.failed(report) == ["material.entry_compression", "material.audio_present"], "\(report.findings.map { "\($0.rule) \($0.entry ?? "") \($0.message.en)" })")
        let bzip2 = try build("bz.zip", """
            with zipfile.ZipFile('bz.zip', 'w', zipfile.ZIP_BZIP2) as z:
                z.writestr('take.wav', w)
            """)
        let read = try probe(bzip2)
        #expect(read.entries?.first?.facts["audio.sample_rate"] == .number(24_000), "bzip2 is read, but flagged")
        #expect(F.failed(try voice(bzip2)) == ["material.entry_compression"])
    }

    @Test func damagedDataFailsItsCRC() throws {
        let zip = try build("crc.zip", """
            with zipfile.ZipFile('crc.zip', 'w') as z:
                z.writestr('take.wav', w)
            d = bytearray(open('crc.zip', 'rb').read())
            d[30 + len('take.wav') + 50000] ^= 0xFF
            open('crc.zip', 'wb').write(d)
            """)
        let result = try probe(zip)
        let entry = try #require(result.entries?.first)
        #expect(entry.error?.message.en.contains("CRC") == true)
        #expect(result.facts["bundle.unreadable_entries"] == .number(1))
        #expect(F.failed(try voice(zip)).contains("material.unreadable_entries"))
    }

    @Test func macOSResourceForksAreNotAudio() throws {
        let zip = try build("mac.zip", """
            with zipfile.ZipFile('mac.zip', 'w') as z:
                z.writestr('take.wav', w)
                z.writestr('__MACOSX/._take.wav', b'\\x00\\x05\\x16\\x07' + bytes(200))
                z.writestr('.DS_Store', b'\\x00\\x00\\x00\\x01Bud1' + bytes(100))
            """)
        let result = try probe(zip)
        #expect(result.facts["bundle.audio_count"] == .number(1))
        #expect(result.facts["bundle.non_audio_count"] == .number(2))
        let report = try voice(zip)
        #expect(F.failed(report).isEmpty, "\(report.findings.map { "\($0.rule) \($0.entry ?? "") \($0.message.en)" })")
        #expect(F.failed(report, atLeast: .warning) == ["material.entry_audio", "material.folders"])
        #expect(report.findings.filter { $0.rule == "material.entry_audio" }.count == 2)
    }
}
