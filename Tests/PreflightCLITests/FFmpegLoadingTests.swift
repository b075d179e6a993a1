import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightTestSupport
import Testing
@testable import PreflightCalibration
@testable import Preflight

/// FFmpeg, libsndfile and libzip are opened on first use (CLazyLibraries), never linked: every
/// function of theirs the code calls has a trampoline, nothing loads a library that does not need
/// it, and a machine without the libraries gets a finding, not a crash.
@Suite struct FFmpegLoadingTests {
    /// Whether `symbol` is named like an FFmpeg function (`av_`, `avformat_`, `avio_`, `swr_` …).
    static func isFFmpeg(_ symbol: String) -> Bool {
        ["av_", "avformat_", "avcodec_", "avio_", "avutil_", "swr_", "swresample_"].contains { symbol.hasPrefix($0) }
    }

    /// Whether `symbol` is named like a function of a library opened on first use: FFmpeg's,
    /// libsndfile's (`sf_`) or libzip's (`zip_`).
    static func isLoaded(_ symbol: String) -> Bool {
        isFFmpeg(symbol) || symbol.hasPrefix("sf_") || symbol.hasPrefix("zip_")
    }

    /// The libraries opened on first use, as the dynamic loader names them.
    static let loadedOnDemand = ["libav", "libswresample", "libsndfile", "libzip"]

    /// The folder of the built products (the test executable's).
    static var products: URL { URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent() }

    /// `tool` with `arguments`; its standard output (nil when it cannot be run).
    static func output(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The functions of the libraries opened on first use that `files` reference without defining (`nm -u`).
    static func undefinedLoadedFunctions(_ files: [String]) throws -> Set<String> {
        let text = try output("nm", ["-u"] + files)
        return Set(text.split(separator: "\n").compactMap { line in
            guard let name = line.split(separator: " ").last.map(String.init), isLoaded(name) else { return nil }
            return name
        })
    }

    @Test func everyReferencedFunctionHasATrampolineAndNoneIsStale() throws {
        let fm = FileManager.default
        let folders = try fm.contentsOfDirectory(atPath: Self.products.path)
            .filter { $0.hasSuffix(".build") && $0 != "CLazyLibraries.build" }
        var objects: [String] = []
        for folder in folders {
            let dir = Self.products.appendingPathComponent(folder)
            guard let walker = fm.enumerator(atPath: dir.path) else { continue }
            for case let file as String in walker where file.hasSuffix(".o") { objects.append(dir.appendingPathComponent(file).path) }
        }
        try #require(objects.contains { $0.contains("/Preflight.build/") }, "no object files of Preflight under \(Self.products.path)")
        let referenced = try Self.undefinedLoadedFunctions(objects)
        let table = Set(LazyLibraries.functions.map(\.name))
        #expect(referenced.subtracting(table).sorted() == [],
                "add these to Sources/CLazyLibraries/ffmpeg_functions.h, sndfile_functions.h or zip_functions.h")
        #expect(table.subtracting(referenced).sorted() == [], "no longer called: remove from the tables")
        #expect(table.count == LazyLibraries.functions.count, "a function is listed twice")
        // Each library has its table, and each table is checked.
        for prefix in ["sf_", "zip_", "av_", "swr_"] {
            #expect(table.contains { $0.hasPrefix(prefix) }, "no \(prefix) function in the tables")
        }
    }

    @Test func binariesNeitherLinkNorReferenceTheLibrariesOpenedOnFirstUse() throws {
        let binaries = [CommandLine.arguments[0], Fixture.tool.path].filter { FileManager.default.isExecutableFile(atPath: $0) }
        for binary in binaries {
            #expect(try Self.undefinedLoadedFunctions([binary]).sorted() == [], "\(binary)")
            let needed = try Self.output("readelf", ["-d", binary]).split(separator: "\n").filter { $0.contains("(NEEDED)") }
            #expect(!needed.isEmpty, "readelf gave nothing for \(binary)")
            #expect(needed.filter { line in Self.loadedOnDemand.contains { line.contains("[\($0)") } } == [], "\(binary)")
        }
    }

    @Test func everyFunctionIsFoundInItsOwnLibrary() {
        #expect(LazyLibraries.available([.avformat, .avcodec, .avutil, .swresample, .sndfile, .zip]))
        #expect(LazyLibraries.unresolvedFunctions == [])
        for function in LazyLibraries.functions {
            let library = switch function.name {
            case let name where name.hasPrefix("swr_"): "libswresample.so."
            case let name where name.hasPrefix("sf_"): "libsndfile.so.1"
            case let name where name.hasPrefix("zip_"): "libzip.so.4"
            default: "libav"
            }
            #expect(function.library.hasPrefix(library), "\(function.name) resolves in \(function.library)")
        }
    }

    /// The libraries opened on first use (FFmpeg's, libsndfile, libzip) that the tool loaded, from the
    /// dynamic loader's own log (written to a file: it is too long for a pipe that is read after
    /// standard output).
    static func librariesLoaded(_ arguments: [String]) throws -> (ToolRun, [String]) {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ToolRun.run(arguments, environment: ["LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": dir.appendingPathComponent("ld").path])
        var log = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            log += try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(log.contains("calling init:"), "no loader log for \(arguments)")
        let loaded = log.split(separator: "\n").filter { $0.contains("calling init:") }
            .compactMap { $0.split(separator: "/").last.map(String.init) }
            .filter { name in loadedOnDemand.contains { name.hasPrefix($0) } }
        return (run, Set(loaded).sorted())
    }

    @Test func photoChecksAndVersionLoadNoFFmpegSndfileOrZip() throws {
        let (version, forVersion) = try Self.librariesLoaded(["--version"])
        #expect(version.status == 0)
        #expect(forVersion == [])
        let (probe, forProbe) = try Self.librariesLoaded(["probe", "--kind", "photo", "Fixtures/photo/photo_1600x1200.jpg", "--format", "json"])
        #expect(probe.status == 0)
        #expect(forProbe == [])
        let (photo, forPhoto) = try Self.librariesLoaded(
            ["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/photo/photo_1600x1200.jpg", "--format", "json"])
        #expect(forPhoto == [])
        // The report still names libavformat: the version of the headers it was built with.
        let report = try JSONSerialization.jsonObject(with: Data(photo.stdout.utf8)) as? [String: Any]
        let libraries = report?["libraries"] as? [String: String]
        #expect(libraries?["libavformat"]?.split(separator: ".").count == 3)
    }

    @Test func eachProbeLoadsOnlyTheLibrariesItNeeds() throws {
        let (_, wav) = try Self.librariesLoaded(["probe", "Fixtures/audio/take-16k.wav", "--format", "json"])
        #expect(wav == ["libavutil.so.57", "libsndfile.so.1", "libswresample.so.4"])
        let (_, mp3) = try Self.librariesLoaded(["probe", "Fixtures/audio/take-44k.mp3", "--format", "json"])
        #expect(mp3 == ["libavcodec.so.59", "libavformat.so.59", "libavutil.so.57", "libswresample.so.4"])
        let (video, forVideo) = try Self.librariesLoaded(
            ["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video/fps24.mp4", "--format", "json"])
        #expect(forVideo == ["libavcodec.so.59", "libavformat.so.59", "libavutil.so.57", "libswresample.so.4"])
        #expect(video.stdout.contains("\"video.frame_rate\""))
        let takes = try VoiceFixture.zip([("take1.wav", "take-16k.wav"), ("take2.wav", "take-24k16.wav")])
        defer { try? FileManager.default.removeItem(at: takes.deletingLastPathComponent()) }
        let (bundle, forBundle) = try Self.librariesLoaded(["probe", "--kind", "voice", takes.path, "--format", "json"])
        #expect(forBundle == ["libavutil.so.57", "libsndfile.so.1", "libswresample.so.4", "libzip.so.4"])
        #expect(bundle.stdout.contains("\"audio.decoder\" : \"libsndfile\""))
    }

    @Test func missingLibrariesAreAFindingNamingThePackages() throws {
        let off = ["PREFLIGHT_DISABLE_FFMPEG": "1"]
        let video = try ToolRun.run(["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video/fps24.mp4", "--format", "json"],
                                    environment: off)
        #expect(video.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(video.stdout.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        let missing = findings.first { $0["rule"] as? String == "input.library_missing" }
        let message = missing?["message"] as? [String: String]
        #expect(message?["en"]?.contains("libavformat59 libavcodec59 libavutil57 libswresample4") == true)
        #expect(message?["zh"]?.contains("libavformat59") == true)

        for file in ["Fixtures/audio/take-16k.wav", "Fixtures/audio/clip-8k.m4a", "Fixtures/pdf/owner-only-r6-aes256.pdf"] {
            let probe = try ToolRun.run(["probe", file, "--format", "json"], environment: off)
            #expect(probe.stdout.contains("\"library_missing\""), "\(file)")
        }
        // Files that need no FFmpeg are measured as usual.
        let photo = try ToolRun.run(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/faces/hopper.jpg"], environment: off)
        #expect(photo.status == 0)
        let pdf = try ToolRun.run(["probe", "Fixtures/pdf/one-page.pdf", "--format", "json"], environment: off)
        #expect(pdf.stdout.contains("\"pdf.page_count\" : 1"))
    }

    /// The `error` of `preflight probe` run with `PREFLIGHT_DISABLE_LIBRARIES=disabled`.
    static func probeError(_ arguments: [String], disabled: String) throws -> [String: Any]? {
        let run = try ToolRun.run(["probe"] + arguments + ["--format", "json"], environment: ["PREFLIGHT_DISABLE_LIBRARIES": disabled])
        return run.json["error"] as? [String: Any]
    }

    @Test func missingSndfileOrZipIsAFindingNamingItsPackage() throws {
        let takes = try VoiceFixture.zip([("take1.wav", "take-16k.wav")])
        defer { try? FileManager.default.removeItem(at: takes.deletingLastPathComponent()) }
        let sndfile = "sudo apt-get install libsndfile1", zip = "sudo apt-get install libzip4"

        let wav = try Self.probeError(["Fixtures/audio/take-16k.wav"], disabled: "sndfile")
        #expect(wav?["kind"] as? String == "library_missing")
        let wavMessage = wav?["message"] as? [String: String]
        #expect(wavMessage?["en"]?.contains(sndfile) == true)
        #expect(wavMessage?["zh"]?.contains(sndfile) == true)
        #expect(wav?["detail"] as? String == "libsndfile.so.1: disabled by PREFLIGHT_DISABLE_LIBRARIES")

        let bundle = try Self.probeError(["--kind", "voice", takes.path], disabled: "zip")
        #expect(bundle?["kind"] as? String == "library_missing")
        let bundleMessage = (bundle?["message"] as? [String: String])?["en"] ?? ""
        #expect(bundleMessage.contains(zip) && !bundleMessage.contains(sndfile), "\(bundleMessage)")
        // Both missing: both named, once each.
        let both = (try Self.probeError(["--kind", "voice", takes.path], disabled: "sndfile, zip")?["message"] as? [String: String])?["en"] ?? ""
        #expect(both.contains(sndfile) && both.contains(zip) && !both.contains("libavformat"), "\(both)")
        let all = try Self.probeError(["--kind", "voice", takes.path], disabled: "all")
        #expect(all?["kind"] as? String == "library_missing")
        let allMessage = (all?["message"] as? [String: String])?["zh"] ?? ""
        #expect(allMessage.contains("libavformat59") && allMessage.contains(sndfile) && allMessage.contains(zip), "\(allMessage)")

        // What does not need them is measured as usual: mp3 through FFmpeg, a photo, a wav without zip.
        #expect(try Self.probeError(["Fixtures/audio/take-44k.mp3"], disabled: "sndfile,zip") == nil)
        #expect(try Self.probeError(["--kind", "photo", "Fixtures/photo/photo_1600x1200.jpg"], disabled: "all") == nil)
        #expect(try Self.probeError(["Fixtures/audio/take-16k.wav"], disabled: "zip ffmpegx") == nil)
    }

    @Test func aTrampolineWithoutItsLibraryExitsWithTheInstallHint() async {
        let result = await #expect(processExitsWith: .exitCode(2), observing: [\.standardErrorContent]) {
            setenv("PREFLIGHT_DISABLE_FFMPEG", "1", 1)
            _ = AVLog.message(-1) // av_strerror, with no availability check before it
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("sudo apt-get install libavformat59 libavcodec59 libavutil57 libswresample4"))
        #expect(stderr.contains("av_strerror"))
    }

    @Test func aSndfileTrampolineWithoutItsLibraryExitsWithTheInstallHint() async {
        let result = await #expect(processExitsWith: .exitCode(2), observing: [\.standardErrorContent]) {
            setenv("PREFLIGHT_DISABLE_LIBRARIES", "sndfile", 1)
            // The calibration reader calls sf_open with no availability check before it.
            _ = try? SoundFileReader.read(Fixture.url("audio/take-16k.wav"))
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("sudo apt-get install libsndfile1"))
        #expect(stderr.contains("sf_open, libsndfile.so.1: libsndfile.so.1: disabled by PREFLIGHT_DISABLE_LIBRARIES"))
    }

    @Test func theLogLevelWaitsForLibavutil() async {
        await #expect(processExitsWith: .success) {
            AVLog.configure(verbose: true)
            precondition(!LazyLibraries.loaded(.avutil), "configure loaded libavutil")
            precondition(LazyLibraries.available(.avutil))
            let avutil = dlopen("libavutil.so.57", RTLD_NOW | RTLD_NOLOAD)
            let getLevel = unsafeBitCast(dlsym(avutil, "av_log_get_level"), to: (@convention(c) () -> Int32).self)
            precondition(getLevel() == 24, "AV_LOG_WARNING expected, got \(getLevel())")
            AVLog.configure(verbose: false)
            precondition(getLevel() == -8, "AV_LOG_QUIET expected, got \(getLevel())")
        }
    }
}
