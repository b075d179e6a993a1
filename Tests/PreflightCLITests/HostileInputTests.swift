import Foundation
import PreflightTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs through the command-line tool, from a read-only folder: each is answered quickly
/// with a finding (exit 1) or a clear error (exit 2), within bounded memory, and the tool writes
/// nothing: not into the folder (its tree is compared, since tests run as root and root ignores
/// permissions) and not into its temporary folder.
///
/// Time is bounded two ways: the suite's time limit catches a hang in every run; the per-input processor
/// and wall times are asserted only where ``ResourceBounds/asserted`` says so (`make test-bounds`, the
/// sanitized run), so a busy machine cannot fail a default `swift test`.
@Suite(.serialized, .timeLimit(.minutes(10))) struct HostileInputTests {
    /// Processor time allowed per input (more under the sanitizers, which slow everything down).
    static let cpuSecondsAllowed = ResourceBounds.sanitized ? 10.0 : 2.0
    /// Wall time allowed: looser, since the other suites run alongside; it catches waiting (on a
    /// FIFO, a device, a network), which costs no processor time.
    static let secondsAllowed = cpuSecondsAllowed * 2.5
    /// Peak memory allowed per run (not checked under the sanitizers, whose shadow memory and
    /// quarantine alone exceed it).
    static let peakMiBAllowed: Double? = ResourceBounds.sanitized ? nil : 256

    /// One hostile input and what the tool must answer.
    struct Case: CustomStringConvertible {
        let arguments: [String]
        /// Expected exit status.
        let status: Int32
        /// Rules that must be among the failed findings (exit 0 or 1), or text that must be on
        /// standard error (exit 2).
        let expect: [String]
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["check", "--type", "VOICE", "--material", "bomb-ratio.zip", "--identity", "authorization.mp4"], status: 1, expect: ["material.zip_bombs"]),
        Case(arguments: ["check", "--type", "VOICE", "--material", "bomb-lie.zip", "--identity", "authorization.mp4"], status: 1, expect: ["material.zip_bombs"]),
        Case(arguments: ["check", "--type", "IMAGE_PHOTO", "--material", "huge-60000.png"], status: 1, expect: ["input.limit_exceeded"]),
        Case(arguments: ["check", "--type", "IMAGE_PHOTO", "--material", "exif-loop.jpg"], status: 1, expect: ["material.orientation", "material.small", "material.face_present"]),
        Case(arguments: ["check", "--type", "IMAGE_GENERAL", "--material", "samples-billions.mp4"], status: 1, expect: ["input.unreadable"]),
        Case(arguments: ["check", "--type", "IMAGE_GENERAL", "--material", "samples-50m.mp4"], status: 1, expect: ["input.unreadable"]),
        Case(arguments: ["check", "--type", "VOICE", "--material", "claims-4gb.wav", "--identity", "authorization.mp4"], status: 1, expect: ["material.speech_duration"]),
        Case(arguments: ["check", "--type", "VOICE", "--material", "rate-2970khz.wav", "--identity", "authorization.mp4"], status: 1, expect: ["input.unreadable"]),
        Case(arguments: ["check", "--type", "IMAGE_GENERAL", "--material", "playlist.mp4"], status: 1, expect: ["input.unreadable"]),
        Case(arguments: ["check", "--type", "IMAGE_GENERAL", "--material", "fifo.mp4"], status: 1, expect: ["input.not_a_file"]),
        Case(arguments: ["check", "--type", "IMAGE_GENERAL", "--material", "zero.mp4"], status: 1, expect: ["input.not_a_file"]),
        Case(arguments: ["check", "--type", "IMAGE", "--material", "authorization.mp4", "--rules", "self-include.yaml"], status: 2, expect: ["include cycle"]),
        Case(arguments: ["check", "--type", "IMAGE", "--material", "authorization.mp4", "--rules", "laughs-rules.yaml"], status: 2, expect: ["billion laughs"]),
        Case(arguments: ["rules", "lint", "laughs-rules.yaml"], status: 2, expect: ["billion laughs"]),
        Case(arguments: ["check", "laughs-manifest.yaml"], status: 2, expect: ["billion laughs"]),
        Case(arguments: ["check", "fifo-manifest.yaml"], status: 2, expect: ["not a regular file"]),
    ]

    /// Builds every hostile input in a new folder (Python for the zips; bytes patched into fixtures).
    static func buildCorpus() throws -> URL {
        let dir = try Fixture.temporaryDirectory().appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for fixture in ["video/authorization.mp4", "photo/small_320.jpg", "audio/take-24k16.wav"] {
            let url = Fixture.url(fixture)
            try FileManager.default.copyItem(at: url, to: dir.appendingPathComponent(url.lastPathComponent))
        }
        try VoiceFixture.python(script, in: dir)
        for name in ["fifo.mp4", "fifo-manifest.yaml"] { #expect(mkfifo(dir.appendingPathComponent(name).path, 0o644) == 0) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero.mp4").path, withDestinationPath: "/dev/zero")
        return dir
    }

    @Test func hostileInputsAreAnsweredQuicklyWithinMemoryAndWriteNothing() throws {
        let corpus = try Self.buildCorpus()
        let root = corpus.deletingLastPathComponent()
        let scratch = root.appendingPathComponent("scratch"), temporary = root.appendingPathComponent("tmp")
        for dir in [scratch, temporary] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        defer {
            _ = chmodTree(root, writable: true)
            try? FileManager.default.removeItem(at: root)
        }
        #expect(chmodTree(corpus, writable: false))
        let before = FolderSnapshot(corpus)
        #expect(before.entries.count >= 18)

        for c in Self.cases {
            let run = try MeasuredRun.run(c.arguments + (c.status == 2 ? [] : ["--format", "json"]), in: corpus, scratch: scratch,
                                          environment: ["TMPDIR": temporary.path, "CI": "1"])
            #expect(run.status == c.status, "\(c.description): exit \(run.status)\n\(run.stderr.prefix(2000))")
            if ResourceBounds.asserted {
                #expect(run.cpuSeconds < Self.cpuSecondsAllowed, "\(c.description): \(run.cpuSeconds) s of processor time")
                #expect(run.seconds < Self.secondsAllowed, "\(c.description): \(run.seconds) s")
            }
            if let limit = Self.peakMiBAllowed { #expect(run.peakMiB < limit, "\(c.description): peak \(run.peakMiB) MiB") }
            if c.status == 2 {
                for text in c.expect { #expect(run.stderr.contains(text), "\(c.description): \(run.stderr)") }
            } else {
                #expect(Set(c.expect).isSubset(of: run.failedRules), "\(c.description): \(run.failedRules.sorted())")
            }
            print("hostile: \(c.description) → exit \(run.status), \(String(format: "%.2f", run.seconds)) s (cpu \(String(format: "%.2f", run.cpuSeconds)) s), \(String(format: "%.0f", run.peakMiB)) MiB")
        }
        #expect(FolderSnapshot(corpus) == before, "the read-only folder was changed")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? ["?"]).isEmpty, "files left in TMPDIR")
    }

    @Test func theWavThatClaimsFourGigabytesIsMeasuredAtItsRealLength() throws {
        let corpus = try Self.buildCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.deletingLastPathComponent()) }
        let scratch = corpus.deletingLastPathComponent()
        let run = try MeasuredRun.run(["probe", "claims-4gb.wav", "--format", "json"], in: corpus, scratch: scratch)
        let json = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        let facts = json?["facts"] as? [String: Any]
        #expect((facts?["audio.duration"] as? Double).map { abs($0 - 3) < 0.01 } == true, "\(run.stdout.prefix(600))")
        #expect(facts?["audio.frames"] as? Int == 72_000)
    }

    @Test func limitFlagsOfTheCommandLineChangeWhereReadingStops() throws {
        let corpus = try Self.buildCorpus()
        defer { try? FileManager.default.removeItem(at: corpus.deletingLastPathComponent()) }
        // Ratio check off: the bomb is inflated, and stopped by the per-entry byte limit instead.
        let run = try ToolRun.run(["check", "--type", "VOICE", "--material", "bomb-ratio.zip", "--format", "json",
                                   "--max-compression-ratio", "100000", "--max-entry-inflated-bytes", "1MB"], in: corpus)
        let inputs = run.json["inputs"] as? [[String: Any]]
        let entries = inputs?.first?["entries"] as? [[String: Any]]
        let silence = entries?.first { $0["name"] as? String == "silence.wav" }
        let message = (silence?["error"] as? [String: Any])?["message"] as? [String: String]
        #expect(message?["en"]?.contains("--max-entry-inflated-bytes") == true, "\(run.stdout.prefix(800))")
        #expect(message?["zh"]?.contains("--max-entry-inflated-bytes") == true)
        #expect(try ToolRun.run(["check", "--type", "VOICE", "--material", "bomb-ratio.zip", "--max-inflated-bytes", "10 fps"], in: corpus).status == 2)
    }

    /// Adds or removes write permission everywhere under `root` (`chmod -R u+w` / `a-w`).
    func chmodTree(_ root: URL, writable: Bool) -> Bool {
        var ok = true
        var paths = [root.path]
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            for case let relative as String in walker { paths.append(root.path + "/" + relative) }
        }
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
            let mode = writable ? info.st_mode | 0o200 : info.st_mode & ~0o222
            if chmod(path, mode) != 0 { ok = false }
        }
        return ok
    }

    /// Writes the hostile inputs next to copies of authorization.mp4, small_320.jpg and take-24k16.wav.
    static let script = #"""
        import struct, zipfile, zlib
        def be32(v): return struct.pack('>I', v)
        wav = open('take-24k16.wav', 'rb').read()
        # Zip bomb by ratio: 100 MB of silence deflates to about 100 KB (ratio ~1000).
        with zipfile.ZipFile('bomb-ratio.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr('take.wav', wav)
            z.writestr('silence.wav', wav[:44] + bytes(100_000_000))
        # Zip bomb by a size lie: the entry declares 1000 bytes and inflates to 10 MiB.
        with zipfile.ZipFile('bomb-lie.zip', 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('take.wav', wav[:44] + bytes(10 << 20))
        b = bytearray(open('bomb-lie.zip', 'rb').read())
        for sig, at in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
            off = b.find(sig) + at
            assert b[off:off + 4] == struct.pack('<I', 44 + (10 << 20))
            b[off:off + 4] = struct.pack('<I', 1000)
        open('bomb-lie.zip', 'wb').write(b)
        # A PNG declaring 60000 x 60000 pixels (valid CRCs).
        def chunk(t, d): return be32(len(d)) + t + d + be32(zlib.crc32(t + d) & 0xffffffff)
        png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 60000, 60000, 8, 2, 0, 0, 0))
        open('huge-60000.png', 'wb').write(png + chunk(b'IDAT', zlib.compress(bytes(1000))) + chunk(b'IEND', b''))
        # A JPEG whose EXIF IFD0 points back to itself, as its next IFD and as its Exif IFD.
        jpg = open('small_320.jpg', 'rb').read()
        ifd = struct.pack('<H', 2) + struct.pack('<HHII', 0x0112, 3, 1, 6) + struct.pack('<HHII', 0x8769, 4, 1, 8) + struct.pack('<I', 8)
        app1 = b'Exif\x00\x00' + b'II*\x00' + struct.pack('<I', 8) + ifd
        open('exif-loop.jpg', 'wb').write(jpg[:2] + b'\xff\xe1' + struct.pack('>H', len(app1) + 2) + app1 + jpg[2:])
        # mp4 sample tables: stts claiming 4 billion samples; stts, stsc and stsz agreeing on 50 million.
        src = open('authorization.mp4', 'rb').read()
        def box(b, name): return b.find(name) - 4
        def put(b, off, v): b[off:off + 4] = be32(v)
        b = bytearray(src); put(b, box(b, b'stts') + 16, 0xFFFFFFF0); open('samples-billions.mp4', 'wb').write(b)
        b = bytearray(src); n = 50_000_000
        stts, stsc, stsz = box(b, b'stts'), box(b, b'stsc'), box(b, b'stsz')
        put(b, stts + 16, n); put(b, stsc + 12, 1); put(b, stsc + 16, 1); put(b, stsc + 20, n); put(b, stsc + 24, 1)
        put(b, stsz + 12, 1); put(b, stsz + 16, n)
        open('samples-50m.mp4', 'wb').write(b)
        # A WAV whose RIFF and data sizes claim 4 GB.
        w = bytearray(wav)
        w[4:8] = struct.pack('<I', 0xFFFFFFFF)
        d = w.find(b'data'); w[d + 4:d + 8] = struct.pack('<I', 0xFFFFFFF0)
        open('claims-4gb.wav', 'wb').write(w)
        # A WAV declaring 2.97 MHz (libsndfile opens it; preflight refuses it as implausible).
        w = bytearray(wav); w[24:28] = struct.pack('<I', 2_973_120)
        open('rate-2970khz.wav', 'wb').write(w)
        # Rule files and manifests: a self include; billion laughs (aliases as mapping keys).
        open('self-include.yaml', 'w').write('include: [self-include.yaml]\nrules:\n  - id: material.frame_rate\n    min: 30 fps\n')
        laughs = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]']
        for i in range(1, 9): laughs.append(f'l{i}: &l{i} [' + ', '.join([f'*l{i-1}'] * 10) + ']')
        open('laughs-rules.yaml', 'w').write('\n'.join(laughs) + '\nrules:\n  ? *l8\n  : x\n')
        open('laughs-manifest.yaml', 'w').write('\n'.join(laughs) + '\nsubmissions:\n  - MakeType: IMAGE\n    files: {material: authorization.mp4}\n    ? *l8\n    : x\n')
        # An HLS playlist posing as a video: it names other files, which must never be opened.
        open('playlist.mp4', 'w').write('#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n/etc/passwd\n#EXTINF:10,\n/dev/zero\n#EXT-X-ENDLIST\n')
        """#
}
