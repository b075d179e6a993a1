import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The vocabulary promises only facts some probe sets: every committed fixture is probed as every kind
/// of slot, with a zip bundle and request fields made here, and each vocabulary fact must come out of
/// at least one of them.
@Suite struct FactCoverageTests {
    /// Facts no local probe sets, each with the reason it stays in the vocabulary.
    static let notProbed: [String: String] = [
        // The service's own score; the rule that names it reports it as not checked locally.
        "audio.text_accuracy": "needs speech recognition: only the service measures it",
        // Set by the judge of a manifest across submissions (BatchTests covers it), not by a probe of one file.
        "request.anchor_name_unique": "set across the submissions of a manifest",
        // Set only when the face library (dlib, libPreflightFaces) cannot be opened or fails.
        "photo.faces_problem": "set only when the face library cannot be used",
        "video.faces_problem": "set only when the face library cannot be used",
        "photo.faces_problem_zh": "set only when the face library cannot be used",
        "video.faces_problem_zh": "set only when the face library cannot be used",
        // Set only when the per-file time limit stops a face search (FaceSearchTests runs one out of time).
        "photo.faces_in_time": "set only when the time limit stops the face search",
        "video.faces_in_time": "set only when the time limit stops the face search",
    ]

    static func fixtureFiles() throws -> [URL] {
        let root = Fixture.root.appendingPathComponent("Fixtures")
        let skipped: Set<String> = ["sh", "py", "txt", "md"]
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walk.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true && !skipped.contains($0.pathExtension)
        }
    }

    /// Zip bundles made here: two takes (one in a folder), a text file, a nested zip and a GBK-named
    /// entry; then one bundle per hostile case (unsafe name, symlink, bomb, damaged data, overlapping
    /// entries) and an encrypted one by `zip -P`.
    static func makeBundles(in dir: URL) throws -> [URL] {
        let script = """
        import sys, zipfile, io, struct, os
        os.chdir(sys.argv[1]); w = open(sys.argv[2], "rb").read(); w2 = open(sys.argv[3], "rb").read()
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as z: z.writestr("x.txt", "x")
        with zipfile.ZipFile("takes.zip", "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("takes/one.wav", w)
            z.writestr("two.wav", w2)
            z.writestr("notes.txt", "read me")
            z.writestr("inner.zip", inner.getvalue())
            z.writestr(zipfile.ZipInfo("录音.txt".encode("gbk").decode("cp437")), "gbk name")
        with zipfile.ZipFile("evil.zip", "w") as z:
            z.writestr("good.wav", w); z.writestr(zipfile.ZipInfo("../evil.wav"), w)
        with zipfile.ZipFile("link.zip", "w") as z:
            z.writestr("take.wav", w)
            i = zipfile.ZipInfo("passwd.wav"); i.create_system = 3; i.external_attr = 0o120777 << 16
            z.writestr(i, "/etc/passwd")
        with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("take.wav", w); z.writestr("silence.wav", w[:44] + bytes(30_000_000))
        with zipfile.ZipFile("crc.zip", "w") as z: z.writestr("take.wav", w)
        d = bytearray(open("crc.zip", "rb").read()); d[30 + len("take.wav") + 5000] ^= 0xFF; open("crc.zip", "wb").write(d)
        with zipfile.ZipFile("overlap.zip", "w") as z: z.writestr("a.wav", w); z.writestr("b.wav", w)
        d = bytearray(open("overlap.zip", "rb").read())
        second = d.find(b"PK\\x01\\x02", d.find(b"PK\\x01\\x02") + 4)
        struct.pack_into("<I", d, second + 42, 0); open("overlap.zip", "wb").write(d)
        open("take.wav", "wb").write(w)
        """
        try run("/usr/bin/env", ["python3", "-c", script, dir.path, Fixture.url("audio/take-16k.wav").path, Fixture.url("audio/take-24k16.wav").path], in: dir)
        try run("/usr/bin/env", ["zip", "-q", "-P", "secret", "enc.zip", "take.wav"], in: dir)
        return ["takes", "evil", "link", "bomb", "crc", "overlap", "enc"].map { dir.appendingPathComponent("\($0).zip") }
    }

    static func run(_ tool: String, _ arguments: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.currentDirectoryURL = dir
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(arguments.prefix(2))")
    }

    @Test func everyVocabularyFactIsSetBySomeProbe() throws {
        var seen = Set<String>()
        func add(_ result: ProbeResult) {
            seen.formUnion(result.facts.orderedNames)
            for e in result.entries ?? [] { seen.formUnion(e.facts.orderedNames) }
        }
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files = try Self.fixtureFiles()
        files += try Self.makeBundles(in: dir)
        for file in files {
            for kind in [SlotKind.video, .audio, .photo, .pdf, .voice] { add(SlotProbe.probe(file, kind: kind).0) }
        }
        // The video content pass runs for checks (a frame sample); its background is judged against the request.
        var content = ProbeOptions()
        content.videoContent = true
        for file in files where ["mp4", "mov"].contains(file.pathExtension) {
            let result = SlotProbe.probe(file, kind: .video, options: content).0
            add(result)
            let judged = VideoContent.judgeBackground(InputReport(slot: "material", path: file.path, facts: result.facts, error: nil), request: nil)
            seen.formUnion(judged.facts.orderedNames)
        }
        for json in [#"{"AnchorName":"小明","SexType":"male","Notes":"n","TextDriver":"t","TimbreInfo":{"TimbreCode":"c","Speed":"1.0"},"IsHaveBackground":true,"RemoveBackground":1,"ZeroshortLang":"zh","PhotoVersion":2,"AudioId":"a"}"#,
                     #"{"TimbreInfo":{"Speed":"fast"}}"#] {
            let request = try JSONDecoder().decode(MakeRequest.self, from: Data(json.utf8))
            seen.formUnion(request.facts.orderedNames)
        }
        let unset = FactVocabulary.all.map(\.name).filter { !seen.contains($0) && Self.notProbed[$0] == nil }
        #expect(unset.isEmpty, "facts in the vocabulary that no probe set: \(unset)")
        // The exemptions stay honest: each is in the vocabulary and really never set by a probe.
        for name in Self.notProbed.keys {
            #expect(FactVocabulary.definition(name) != nil, "\(name)")
            #expect(!seen.contains(name), "\(name) is set by a probe now: drop its exemption")
        }
    }
}
