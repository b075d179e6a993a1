import Foundation
import PreflightTestSupport
import Testing
@testable import Preflight

/// The native ISO-BMFF reader against libavformat: on every mp4/mov it either declines or gives the
/// very facts the libavformat path gives; it answers the common cases; hostile bytes never crash it.
@Suite struct ISOBMFFReaderTests {
    /// Every mp4/mov fixture of the video suites.
    static let fixtures: [String] = {
        let fm = FileManager.default
        var names: [String] = []
        for dir in ["video", "video/takes", "video-content"] {
            let files = (try? fm.contentsOfDirectory(atPath: Fixture.url(dir).path)) ?? []
            names += files.filter { $0.hasSuffix(".mp4") || $0.hasSuffix(".mov") }.sorted().map { "\(dir)/\($0)" }
        }
        return names
    }()

    /// The native reader's facts for a file (nil: declined).
    static func native(_ url: URL) throws -> Facts? {
        let deadline = ReadDeadline(seconds: 60)
        return try ISOBMFFReader.facts(of: try FileByteSource(url: url, deadline: deadline), options: ProbeOptions(), deadline: deadline)
    }

    /// Checks that the reader declines or agrees with libavformat on every fact; returns whether it answered.
    @discardableResult
    static func agrees(_ url: URL, _ name: String) throws -> Bool {
        let native = try? Self.native(url)
        guard let answer = native ?? nil else { return false }
        let detected = try FileFacts.read(url)[.fileDetectedType]?.text
        let reference = try VideoProbe.libavFacts(of: url, detectedType: detected)
        for key in Set(answer.values.keys).union(reference.values.keys).sorted() {
            #expect(answer[key] == reference[key], "\(name): \(key) is \(String(describing: answer[key])), libavformat says \(String(describing: reference[key]))")
        }
        return answer == reference
    }

    @Test(arguments: fixtures)
    func declinesOrAgreesWithLibavformat(name: String) throws {
        try Self.agrees(Fixture.url(name), name)
    }

    /// The common cases are answered, so the agreement above cannot come from always declining.
    @Test(arguments: ["video/take-1080p25-90s.mp4", "video/phone-portrait.mp4", "video/takes/hlg.mp4", "video/take.mov",
                      "video/takes/sdr.mp4", "video/takes/h264-422-10bit.mov", "video/vfr.mp4"])
    func answersTheCommonCases(name: String) throws {
        let reason = ISOBMFFReader.declineReason(try FileByteSource(url: Fixture.url(name)))
        #expect(reason == nil, "\(name) declined: \(reason ?? "")")
        #expect(try Self.agrees(Fixture.url(name), name))
    }

    /// A bare probe of a plain mp4 goes through the native reader (no libavformat needed for it).
    @Test func bareProbeUsesTheNativeReader() throws {
        let url = Fixture.video("take-1080p25-90s.mp4")
        let viaProbe = try VideoProbe.facts(of: url, detectedType: "mp4")
        #expect(viaProbe == (try Self.native(url)))
    }

    /// Takes encoded here the ways cameras and editors write them.
    static let made: [(String, [String])] = [
        ("bframes.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=30", "-f", "lavfi", "-i", "sine=r=48000", "-t", "3",
                         "-c:v", "libx264", "-preset", "medium", "-c:a", "aac", "-ac", "2"]),
        ("bframes.mov", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=24000/1001", "-f", "lavfi", "-i", "sine=r=44100", "-t", "3",
                         "-c:v", "libx264", "-profile:v", "main", "-c:a", "aac"]),
        ("rotated.mp4", ["-f", "lavfi", "-i", "testsrc2=s=640x360:r=30", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
                         "-metadata:s:v:0", "rotate=270"]),
        ("anamorphic.mp4", ["-f", "lavfi", "-i", "testsrc2=s=720x576:r=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-aspect", "16:9"]),
        ("hevc.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine", "-t", "2", "-c:v", "libx265",
                      "-x265-params", "log-level=none", "-c:a", "aac"]),
        ("hevc-tagged.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx265", "-tag:v", "hvc1",
                             "-x265-params", "log-level=none", "-field_order", "progressive"]),
        ("high10.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p10le"]),
        ("interlaced.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-flags", "+ildct+ilme"]),
        ("surround.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine", "-t", "2", "-c:v", "libx264",
                          "-preset", "ultrafast", "-c:a", "aac", "-ac", "6"]),
        ("full-range.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
                            "-pix_fmt", "yuvj420p", "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"]),
        ("trimmed.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine", "-t", "3", "-c:v", "libx264",
                         "-c:a", "aac", "-ss", "0.7"]),
        ("fragmented.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
                            "-movflags", "frag_keyframe+empty_moov"]),
        ("faststart.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine", "-t", "2", "-c:v", "libx264",
                           "-c:a", "aac", "-movflags", "+faststart"]),
        ("two-audio-tracks.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine=r=48000", "-t", "2",
                                  "-map", "0:v", "-map", "1:a", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"]),
        ("cbr-hrd.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-x264-params", "nal-hrd=cbr:force-cfr=1",
                         "-b:v", "1M", "-minrate", "1M", "-maxrate", "1M", "-bufsize", "2M"]),
        ("sixteen-bframes.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-bf", "16"]),
        ("sar-in-sps.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
                            "-vf", "setsar=64/45"]),
        ("hevc-422-10bit.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2", "-c:v", "libx265", "-tag:v", "hvc1",
                                "-x265-params", "log-level=none", "-pix_fmt", "yuv422p10le"]),
        ("he-aac.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-f", "lavfi", "-i", "sine=r=48000", "-t", "2", "-c:v", "libx264",
                        "-preset", "ultrafast", "-c:a", "aac", "-profile:a", "aac_he"]),
    ]

    @Test func takesMadeHereDeclineOrAgree() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var answered: [String] = []
        for (name, arguments) in Self.made {
            let out = dir.appendingPathComponent(name)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["ffmpeg", "-nostdin", "-v", "error", "-y"] + arguments + [out.path]
            try p.run(); p.waitUntilExit()
            try #require(p.terminationStatus == 0, "ffmpeg failed for \(name)")
            if try Self.agrees(out, name) { answered.append(name) }
            else { print("\(name) declined: \(ISOBMFFReader.declineReason(try FileByteSource(url: out)) ?? "disagrees")") }
        }
        // The plain H.264 cases are answered; fragmented and interlaced are declined.
        #expect(Set(answered).isSuperset(of: ["bframes.mp4", "bframes.mov", "rotated.mp4", "faststart.mp4", "two-audio-tracks.mp4",
                                              "cbr-hrd.mp4", "sixteen-bframes.mp4", "sar-in-sps.mp4", "hevc-422-10bit.mp4"]), "\(answered)")
        #expect(!answered.contains("fragmented.mp4") && !answered.contains("interlaced.mp4"), "\(answered)")
    }

    /// Hostile inputs: nil or a ProbeError, never a crash, a hang or a large allocation.
    @Test func hostileInputsDeclineQuickly() throws {
        let good = try Data(contentsOf: Fixture.video("takes/sdr.mp4"))
        var inputs: [Data] = []
        for cut in stride(from: 0, to: good.count, by: 97) { inputs.append(good.prefix(cut)) }
        // A top-level box declaring 2^64 − 1 bytes.
        inputs.append(Data(good.prefix(32)) + Data([0, 0, 0, 1]) + Data("moov".utf8) + Data(repeating: 0xFF, count: 8))
        // A moov child declaring 2^64 − 1 bytes.
        inputs.append(Data(good.prefix(32)) + Data([0, 0, 0, 32]) + Data("moov".utf8) + Data([0, 0, 0, 1]) + Data("trak".utf8)
                      + Data(repeating: 0xFF, count: 8) + Data(repeating: 0, count: 8))
        // Sample tables declaring 10^9 samples in a tiny file.
        var forged = good
        for table in ["stsz", "stts"] {
            if let r = forged.range(of: Data(table.utf8)) {
                let at = r.upperBound + (table == "stsz" ? 8 : 4)
                forged.replaceSubrange(at..<at + 4, with: [0x3B, 0x9A, 0xCA, 0x00])
            }
        }
        inputs.append(forged)
        // Thousands of empty boxes, and a box claiming to hold itself.
        inputs.append(Data(good.prefix(32)) + Data((0..<100_000).flatMap { _ in [0, 0, 0, 8] + Array("free".utf8) }))
        inputs.append(Data(good.prefix(32)) + Data([0, 0, 0, 16]) + Data("moov".utf8) + Data([0, 0, 0, 16]) + Data("moov".utf8))
        inputs.append(Data(good.prefix(32)) + Data([0, 0, 0, 4]) + Data("moov".utf8))
        let start = Date()
        for input in inputs {
            do {
                let facts = try ISOBMFFReader.facts(of: input)
                #expect(facts == nil || input == good, "\(input.count) bytes answered")
            } catch is ProbeError {
            }
        }
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(try ISOBMFFReader.facts(of: good) != nil)
    }

    /// A 3 GB file (sparse: the take, then a `free` box to the end) whose `stsz` declares 2³¹ − 1 samples of
    /// one byte: within the file's size, so only the sample limit keeps the reader from building a 16 GiB
    /// table. Declined at once; libavformat gives its own answer.
    @Test func aHugeFileCannotDeclareAHugeSampleTable() throws {
        var bytes = [UInt8](try Data(contentsOf: Fixture.video("takes/sdr.mp4")))
        let stsz = try #require(Data(bytes).range(of: Data("stsz".utf8)))
        bytes.replaceSubrange((stsz.upperBound + 4)..<(stsz.upperBound + 12), with: [0, 0, 0, 1, 0x7F, 0xFF, 0xFF, 0xFF])
        let size: UInt64 = 3 << 30
        let rest = size - UInt64(bytes.count)
        bytes += [0, 0, 0, 1] + Array("free".utf8) + (0..<8).map { UInt8(truncatingIfNeeded: rest >> (56 - 8 * UInt64($0))) }
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("huge.mp4")
        try Data(bytes).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: size)
        try handle.close()
        let reason = ISOBMFFReader.declineReason(try FileByteSource(url: url))
        #expect(reason == "stsz declares too many samples", "\(reason ?? "answered")")
    }

    /// Seeded mutations of the header of real takes (H.264 and HEVC, mp4 and mov): bytes flipped, 32-bit
    /// fields set to 0, 1, 4, 8 or their largest values, box sizes shrunk to their header, so every
    /// reader of every box meets short, empty and absurd payloads. Each is declined, answered or a
    /// ProbeError, never a trap. (A `mvhd` holding no payload, last in its `moov`, once read past the end.)
    @Test func mutatedHeadersNeverTrap() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["PREFLIGHT_ISOBMFF_MUTATIONS"] ?? "") ?? 1500
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(Swift.max(bound, 1)))
        }
        for name in ["takes/sdr.mp4", "phone-portrait.mp4", "take.mov", "takes/hlg.mp4"] {
            let good = try Data(contentsOf: Fixture.video(name))
            let moov = try #require(good.range(of: Data("moov".utf8)))
            // The header region: from the moov box to its end (faststart or not), and the first kilobytes of mdat.
            let size = Int(good[moov.lowerBound - 4]) << 24 | Int(good[moov.lowerBound - 3]) << 16
                | Int(good[moov.lowerBound - 2]) << 8 | Int(good[moov.lowerBound - 1])
            let region = (moov.lowerBound - 4)..<Swift.min(good.count, moov.lowerBound - 4 + size)
            for _ in 0..<(iterations / 4) {
                var bytes = [UInt8](good)
                for _ in 0..<(1 + next(3)) {
                    let at = region.lowerBound + next(region.count - 4)
                    switch next(3) {
                    case 0: bytes[at] ^= UInt8(1 << next(8))
                    case 1:
                        let values: [UInt32] = [0, 1, 4, 8, 0x7FFF_FFFF, 0xFFFF_FFFF]
                        let v = values[next(values.count)]
                        for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: v >> (24 - 8 * UInt32(k))) }
                    default:
                        // A box type found here keeps only its header: size 8.
                        if at >= 4, bytes[at...].count >= 4, (bytes[at] | 0x20) >= 0x61 {
                            bytes.replaceSubrange((at - 4)..<at, with: [0, 0, 0, 8])
                        }
                    }
                }
                do { _ = try ISOBMFFReader.facts(of: Data(bytes)) } catch is ProbeError {}
            }
        }
        // The case that trapped: an empty `mvhd`, last in its `moov`.
        let empty = Data([0, 0, 0, 20] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isom".utf8)
                         + [0, 0, 0, 16] + Array("moov".utf8) + [0, 0, 0, 8] + Array("mvhd".utf8))
        #expect(try ISOBMFFReader.facts(of: empty) == nil)
        // An `mvhd` six bytes short of its matrix, last in its `moov`.
        let short = Data([0, 0, 0, 20] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isom".utf8)
                         + [0, 0, 0, 82] + Array("moov".utf8) + [0, 0, 0, 74] + Array("mvhd".utf8)
                         + [0, 0, 0, 0] + [UInt8](repeating: 0, count: 8) + [0, 0, 0x03, 0xE8] + [0, 0, 0x03, 0xE8]
                         + [UInt8](repeating: 0, count: 46))
        #expect(try ISOBMFFReader.facts(of: short) == nil)
    }

    @Test func bitReaderReadsExpGolombAndRemovesEmulationPrevention() {
        #expect(BitReader.rbsp([0x65, 0x00, 0x00, 0x03, 0x01, 0x80, 0x00]) == [0x65, 0x00, 0x00, 0x01, 0x80])
        #expect(BitReader.rbsp([0x65, 0x00, 0x00, 0x01]) == nil)
        var r = BitReader([0b1010_0110, 0b1100_1000])
        #expect(r.ue() == 0)
        #expect(r.ue() == 1)
        #expect(r.ue() == 2)
        #expect(r.se() == -1)
        #expect(r.se() == 2)
        #expect(!r.overread)
    }
}
