import CFFmpeg
import CLazyLibraries
import Foundation

/// The one place libav logging is set: quiet by default, shown on standard error with `--verbose`.
public enum AVLog {
    /// Sets libav's log level: errors and warnings when `verbose`, nothing otherwise. Opens nothing:
    /// the level is applied to libavutil right after it is first loaded (or at once if it is).
    public static func configure(verbose: Bool) {
        cff_set_log_level(verbose ? AV_LOG_WARNING : AV_LOG_QUIET)
    }

    /// libavformat's version, e.g. `59.27.100`, for reports: the loaded library's own when a probe
    /// has opened it already, else the version of the headers preflight was built with
    /// (`LIBAVFORMAT_VERSION_INT`), so a report never loads FFmpeg just to name it (a photo check).
    public static var formatVersion: String { version(cff_library_version(CFF_AVFORMAT)) }
    /// libavcodec's version: the loaded library's, else the headers' (`LIBAVCODEC_VERSION_INT`).
    public static var codecVersion: String { version(cff_library_version(CFF_AVCODEC)) }
    /// libavutil's version: the loaded library's, else the headers' (`LIBAVUTIL_VERSION_INT`).
    public static var utilVersion: String { version(cff_library_version(CFF_AVUTIL)) }

    private static func version(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xff).\(v & 0xff)" }

    /// The text of a libav error code (`av_strerror`).
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        av_strerror(code, &buffer, buffer.count)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
