import CFFmpeg
import Foundation

/// The one place libav logging is set: quiet by default, shown on standard error with `--verbose`.
public enum AVLog {
    /// Sets libav's log level: errors and warnings when `verbose`, nothing otherwise.
    public static func configure(verbose: Bool) {
        av_log_set_level(verbose ? AV_LOG_WARNING : AV_LOG_QUIET)
    }

    /// libavformat's version, e.g. `59.27.100`, for reports.
    public static var formatVersion: String { version(avformat_version()) }
    /// libavcodec's version.
    public static var codecVersion: String { version(avcodec_version()) }
    /// libavutil's version.
    public static var utilVersion: String { version(avutil_version()) }

    private static func version(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xff).\(v & 0xff)" }

    /// The text of a libav error code (`av_strerror`).
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        av_strerror(code, &buffer, buffer.count)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
