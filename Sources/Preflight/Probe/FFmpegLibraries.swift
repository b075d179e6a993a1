import CFFmpegLoader

/// A set of FFmpeg's shared libraries.
public struct FFmpegLibrary: OptionSet, Sendable {
    public let rawValue: UInt32
    /// Creates a set from the loader's bits (`CFF_AVUTIL` …).
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// libavutil: hashes, ciphers, FFT, memory.
    public static let avutil = FFmpegLibrary(rawValue: CFF_AVUTIL)
    /// libswresample: sample-rate and format conversion.
    public static let swresample = FFmpegLibrary(rawValue: CFF_SWRESAMPLE)
    /// libavcodec: decoders.
    public static let avcodec = FFmpegLibrary(rawValue: CFF_AVCODEC)
    /// libavformat: demuxers.
    public static let avformat = FFmpegLibrary(rawValue: CFF_AVFORMAT)

    /// What a video probe needs: demuxing and codec names.
    public static let video: FFmpegLibrary = [.avformat, .avcodec, .avutil]
    /// What decoding audio through libav needs.
    public static let audioDecoding: FFmpegLibrary = [.avformat, .avcodec, .avutil, .swresample]
    /// What the audio-quality analysis needs: the 8 kHz resampler and the FFT.
    public static let audioAnalysis: FFmpegLibrary = [.avutil, .swresample]
}

/// FFmpeg's libraries, which preflight opens on first use rather than at start (`CFFmpegLoader`
/// defines every FFmpeg function it calls as a trampoline): a photo check or `--version` maps none.
///
/// Each probe that needs FFmpeg asks for its libraries first, so a machine without them gets a
/// finding (`input.library_missing`) naming the Debian packages, not a crash.
public enum FFmpegLibraries {
    /// Whether every library of `libraries` can be used, opening them if need be (once: a failure
    /// is remembered). The environment variable `PREFLIGHT_DISABLE_FFMPEG=1` makes them all missing.
    public static func available(_ libraries: FFmpegLibrary) -> Bool {
        cff_libraries_available(libraries.rawValue) != 0
    }

    /// Whether every library of `libraries` is open already (nothing is opened to answer).
    public static func loaded(_ libraries: FFmpegLibrary) -> Bool {
        cff_libraries_loaded(libraries.rawValue) != 0
    }

    /// Opens `libraries`, or throws ``ProbeError`` `libraryMissing` with the packages to install.
    static func require(_ libraries: FFmpegLibrary) throws {
        guard !available(libraries) else { return }
        throw missingError(libraries)
    }

    /// The error for libraries that cannot be loaded, with the loader's message as detail.
    static func missingError(_ libraries: FFmpegLibrary) -> ProbeError {
        ProbeError(.libraryMissing, LocalizedText(zh: String(cString: cff_unavailable_message_zh()),
                                                  en: String(cString: cff_unavailable_message_en())),
                   detail: cff_library_error(libraries.rawValue).map { String(cString: $0) })
    }

    /// The FFmpeg functions that have a trampoline, with their library's soname (`ffmpeg_functions.h`).
    static var functions: [(name: String, library: String)] {
        (0..<cff_function_count()).map { i in
            (String(cString: cff_function_name(i)), String(cString: cff_library_soname(cff_function_library(i))))
        }
    }

    /// The functions that their library does not define (opens every library; for tests).
    static var unresolvedFunctions: [String] {
        (0..<cff_function_count()).filter { cff_function_resolves($0) == 0 }.map { String(cString: cff_function_name($0)) }
    }
}
