import CLazyLibraries

/// A set of the shared libraries preflight opens on first use: FFmpeg's, libsndfile and libzip.
public struct LazyLibrary: OptionSet, Sendable {
    public let rawValue: UInt32
    /// Creates a set from the loader's bits (`CFF_AVUTIL` …).
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// libavutil: hashes, ciphers, FFT, memory.
    public static let avutil = LazyLibrary(rawValue: CFF_AVUTIL)
    /// libswresample: sample-rate and format conversion.
    public static let swresample = LazyLibrary(rawValue: CFF_SWRESAMPLE)
    /// libavcodec: decoders.
    public static let avcodec = LazyLibrary(rawValue: CFF_AVCODEC)
    /// libavformat: demuxers.
    public static let avformat = LazyLibrary(rawValue: CFF_AVFORMAT)
    /// libsndfile: WAV and FLAC decoding (Debian package libsndfile1).
    public static let sndfile = LazyLibrary(rawValue: CFF_SNDFILE)
    /// libzip: zip bundles (Debian package libzip4).
    public static let zip = LazyLibrary(rawValue: CFF_ZIP)

    /// What a video probe needs: demuxing and codec names.
    public static let video: LazyLibrary = [.avformat, .avcodec, .avutil]
    /// What decoding audio through libav needs.
    public static let audioDecoding: LazyLibrary = [.avformat, .avcodec, .avutil, .swresample]
    /// What the audio-quality analysis needs: the 8 kHz resampler and the FFT.
    public static let audioAnalysis: LazyLibrary = [.avutil, .swresample]
    /// What a zip bundle of takes needs besides the analysis: libzip, and libsndfile for its WAV takes.
    public static let zipBundle: LazyLibrary = [.zip, .sndfile]

    /// Each library of the set on its own, lowest bit first.
    var members: [LazyLibrary] {
        (0..<32).map { LazyLibrary(rawValue: 1 << $0) }.filter { contains($0) }
    }
}

/// FFmpeg's libraries, libsndfile and libzip, which preflight opens on first use rather than at
/// start (`CLazyLibraries` defines every function of theirs it calls as a trampoline): a photo check
/// or `--version` maps none.
///
/// Each probe that needs one asks for its libraries first, so a machine without them gets a
/// finding (`input.library_missing`) naming the Debian packages, not a crash.
public enum LazyLibraries {
    /// Whether every library of `libraries` can be used, opening them if need be (once: a failure
    /// is remembered). In the environment, `PREFLIGHT_DISABLE_FFMPEG=1` makes FFmpeg's missing and
    /// `PREFLIGHT_DISABLE_LIBRARIES=sndfile,zip` the named ones (`ffmpeg`, `sndfile`, `zip`, `all`).
    public static func available(_ libraries: LazyLibrary) -> Bool {
        cff_libraries_available(libraries.rawValue) != 0
    }

    /// Whether every library of `libraries` is open already (nothing is opened to answer).
    public static func loaded(_ libraries: LazyLibrary) -> Bool {
        cff_libraries_loaded(libraries.rawValue) != 0
    }

    /// Opens `libraries`, or throws ``ProbeError`` `libraryMissing` with the packages to install.
    static func require(_ libraries: LazyLibrary) throws {
        guard !available(libraries) else { return }
        throw missingError(libraries)
    }

    /// The error for libraries that cannot be loaded: the packages to install for each family of
    /// them that failed (all of `libraries` when none has yet), with the loader's message as detail.
    static func missingError(_ libraries: LazyLibrary) -> ProbeError {
        let failed = LazyLibrary(rawValue: cff_libraries_failed(libraries.rawValue))
        var zh: [String] = [], en: [String] = []
        for library in (failed.isEmpty ? libraries : failed).members {
            guard let z = cff_unavailable_message_zh(library.rawValue), let e = cff_unavailable_message_en(library.rawValue) else { continue }
            let hint = (zh: String(cString: z), en: String(cString: e))
            if !zh.contains(hint.zh) { zh.append(hint.zh); en.append(hint.en) }
        }
        return ProbeError(.libraryMissing, LocalizedText(zh: zh.joined(separator: FileText.hintSeparator.zh),
                                                         en: en.joined(separator: FileText.hintSeparator.en)),
                          detail: cff_library_error(libraries.rawValue).map { String(cString: $0) })
    }

    /// The functions that have a trampoline, with their library's soname (`ffmpeg_functions.h`,
    /// `sndfile_functions.h`, `zip_functions.h`).
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

extension LazyLibraries {
    /// The versions a report names, by library (`libavformat`, `libavcodec`, `libavutil`): each the
    /// loaded library's own when a probe has opened it already, else that of the headers preflight
    /// was built with. Reading them opens nothing.
    public static var reportedVersions: [String: String] {
        ["libavformat": AVLog.formatVersion, "libavcodec": AVLog.codecVersion, "libavutil": AVLog.utilVersion]
    }
}

/// The former name of ``LazyLibrary``, from when only FFmpeg's libraries were opened on first use.
@available(*, deprecated, renamed: "LazyLibrary")
public typealias FFmpegLibrary = LazyLibrary

/// The former name of ``LazyLibraries``.
@available(*, deprecated, renamed: "LazyLibraries")
public typealias FFmpegLibraries = LazyLibraries
