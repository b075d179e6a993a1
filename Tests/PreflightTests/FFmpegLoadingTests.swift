import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Preflight

/// FFmpeg is opened on first use (CFFmpegLoader), never linked: every FFmpeg function the code
/// calls has a trampoline, nothing loads FFmpeg that does not need it, and a machine without the
/// libraries gets a finding, not a crash.
@Suite struct FFmpegLoadingTests {
    /// Whether `symbol` is named like an FFmpeg function (`av_`, `avformat_`, `avio_`, `swr_` …).
    static func isFFmpeg(_ symbol: String) -> Bool {
        ["av_", "avformat_", "avcodec_", "avio_", "avutil_", "swr_", "swresample_"].contains { symbol.hasPrefix($0) }
    }

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

    /// The FFmpeg functions that `files` reference without defining (`nm -u`).
    static func undefinedFFmpegFunctions(_ files: [String]) throws -> Set<String> {
        let text = try output("nm", ["-u"] + files)
        return Set(text.split(separator: "\n").compactMap { line in
            guard let name = line.split(separator: " ").last.map(String.init), isFFmpeg(name) else { return nil }
            return name
        })
    }

    @Test func everyReferencedFunctionHasATrampolineAndNoneIsStale() throws {
        let fm = FileManager.default
        let folders = try fm.contentsOfDirectory(atPath: Self.products.path)
            .filter { $0.hasSuffix(".build") && $0 != "CFFmpegLoader.build" }
        var objects: [String] = []
        for folder in folders {
            let dir = Self.products.appendingPathComponent(folder)
            guard let walker = fm.enumerator(atPath: dir.path) else { continue }
            for case let file as String in walker where file.hasSuffix(".o") { objects.append(dir.appendingPathComponent(file).path) }
        }
        try #require(objects.contains { $0.contains("/Preflight.build/") }, "no object files of Preflight under \(Self.products.path)")
        let referenced = try Self.undefinedFFmpegFunctions(objects)
        let table = Set(FFmpegLibraries.functions.map(\.name))
        #expect(referenced.subtracting(table).sorted() == [], "add these to Sources/CFFmpegLoader/ffmpeg_functions.h")
        #expect(table.subtracting(referenced).sorted() == [], "no longer called: remove from ffmpeg_functions.h")
        #expect(table.count == FFmpegLibraries.functions.count, "a function is listed twice")
    }

    @Test func binariesNeitherLinkNorReferenceFFmpeg() throws {
        let binaries = [CommandLine.arguments[0], Fixture.tool.path].filter { FileManager.default.isExecutableFile(atPath: $0) }
        for binary in binaries {
            #expect(try Self.undefinedFFmpegFunctions([binary]).sorted() == [], "\(binary)")
            let needed = try Self.output("readelf", ["-d", binary]).split(separator: "\n").filter { $0.contains("(NEEDED)") }
            #expect(!needed.isEmpty, "readelf gave nothing for \(binary)")
            #expect(needed.filter { $0.contains("libav") || $0.contains("libswresample") } == [], "\(binary)")
        }
    }

    @Test func everyFunctionIsFoundInItsOwnLibrary() {
        #expect(FFmpegLibraries.available([.avformat, .avcodec, .avutil, .swresample]))
        #expect(FFmpegLibraries.unresolvedFunctions == [])
        #expect(FFmpegLibraries.functions.allSatisfy { $0.library.hasPrefix($0.name.hasPrefix("swr_") ? "libswresample.so." : "libav") })
    }

    /// The FFmpeg libraries the tool loaded, from the dynamic loader's own log (written to a file:
    /// it is too long for a pipe that is read after standard output).
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
            .filter { $0.hasPrefix("libav") || $0.hasPrefix("libswresample") }
        return (run, Set(loaded).sorted())
    }

    @Test func photoChecksAndVersionLoadNoFFmpeg() throws {
        let (version, forVersion) = try Self.librariesLoaded(["--version"])
        #expect(version.status == 0)
        #expect(forVersion == [])
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
        #expect(wav == ["libavutil.so.57", "libswresample.so.4"])
        let (video, forVideo) = try Self.librariesLoaded(
            ["check", "--type", "IMAGE_GENERAL", "--material", "Fixtures/video/fps24.mp4", "--format", "json"])
        #expect(forVideo == ["libavcodec.so.59", "libavformat.so.59", "libavutil.so.57", "libswresample.so.4"])
        #expect(video.stdout.contains("\"video.frame_rate\""))
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
        let photo = try ToolRun.run(["check", "--type", "IMAGE_PHOTO", "--material", "Fixtures/photo/photo_1600x1200.jpg"], environment: off)
        #expect(photo.status == 0)
        let pdf = try ToolRun.run(["probe", "Fixtures/pdf/one-page.pdf", "--format", "json"], environment: off)
        #expect(pdf.stdout.contains("\"pdf.page_count\" : 1"))
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

    @Test func theLogLevelWaitsForLibavutil() async {
        await #expect(processExitsWith: .success) {
            AVLog.configure(verbose: true)
            precondition(!FFmpegLibraries.loaded(.avutil), "configure loaded libavutil")
            precondition(FFmpegLibraries.available(.avutil))
            let avutil = dlopen("libavutil.so.57", RTLD_NOW | RTLD_NOLOAD)
            let getLevel = unsafeBitCast(dlsym(avutil, "av_log_get_level"), to: (@convention(c) () -> Int32).self)
            precondition(getLevel() == 24, "AV_LOG_WARNING expected, got \(getLevel())")
            AVLog.configure(verbose: false)
            precondition(getLevel() == -8, "AV_LOG_QUIET expected, got \(getLevel())")
        }
    }
}
