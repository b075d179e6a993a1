import CFFmpeg
import Foundation

/// An open libavformat input. Owns its `AVFormatContext` and closes it on deinit.
///
/// Reading is bounded in time: every blocking call made through it gives up with an error once the
/// deadline passes (libavformat's interrupt callback).
final class MediaContainer {
    private(set) var context: UnsafeMutablePointer<AVFormatContext>
    /// Monotonic deadline in nanoseconds, read by the interrupt callback.
    private let deadline: UnsafeMutablePointer<UInt64>

    /// Opens `path` (without reading more than the headers). Throws ``ProbeError`` with libav's message.
    init(path: String, timeout: Double, probeSize: Int = 5_000_000) throws {
        guard let ctx = avformat_alloc_context() else {
            throw ProbeError(.unreadable, LocalizedText(zh: "内存不足", en: "Out of memory"))
        }
        deadline = .allocate(capacity: 1)
        deadline.pointee = DispatchTime.now().uptimeNanoseconds + UInt64(max(0.001, timeout) * 1e9)
        ctx.pointee.interrupt_callback.callback = { opaque in
            guard let opaque else { return 0 }
            return DispatchTime.now().uptimeNanoseconds > opaque.load(as: UInt64.self) ? 1 : 0
        }
        ctx.pointee.interrupt_callback.opaque = UnsafeMutableRawPointer(deadline)
        var options: OpaquePointer?
        av_dict_set(&options, "probesize", String(probeSize), 0)
        var opened: UnsafeMutablePointer<AVFormatContext>? = ctx
        let status = avformat_open_input(&opened, path, nil, &options)
        av_dict_free(&options)
        guard status >= 0, let opened else {
            // A failed open frees the context itself.
            let timedOut = DispatchTime.now().uptimeNanoseconds > deadline.pointee
            deadline.deallocate()
            if timedOut { throw Self.timeoutError(timeout) }
            throw ProbeError(.unreadable, LocalizedText(
                zh: "无法作为视频读取：文件可能已损坏、被截断（例如缺少 moov 信息），或不是视频。",
                en: "Cannot be read as a video: the file may be damaged, cut short (an mp4 missing its moov box, say), or not a video."),
                detail: AVLog.message(status))
        }
        context = opened
    }

    deinit {
        var ctx: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&ctx)
        deadline.deallocate()
    }

    /// Whether the time allowed has run out.
    var timedOut: Bool { DispatchTime.now().uptimeNanoseconds > deadline.pointee }

    static func timeoutError(_ timeout: Double) -> ProbeError {
        ProbeError(.limitExceeded, LocalizedText(
            zh: "读取超时（超过 \(FactFormatting.trim(timeout, digits: 1)) 秒），已放弃；可用 --timeout 放宽。",
            en: "Gave up after \(FactFormatting.trim(timeout, digits: 1)) s reading the file; raise --timeout to allow more."))
    }

    /// Reads packets to learn stream parameters the headers did not give (slow on some containers).
    func findStreamInfo() {
        _ = avformat_find_stream_info(context, nil)
    }

    /// The streams of the container.
    var streams: [UnsafeMutablePointer<AVStream>] {
        let n = Int(context.pointee.nb_streams)
        guard n > 0, let list = context.pointee.streams else { return [] }
        return (0..<n).compactMap { list[$0] }
    }

    /// The demuxer's short name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
    var demuxerName: String {
        guard let f = context.pointee.iformat, let name = f.pointee.name else { return "unknown" }
        return String(cString: name)
    }

    /// A container-level metadata tag, e.g. `major_brand`.
    func tag(_ key: String) -> String? {
        guard let entry = av_dict_get(context.pointee.metadata, key, nil, 0), let value = entry.pointee.value else { return nil }
        return String(cString: value)
    }

    /// Container duration in seconds, if known.
    var duration: Double? {
        let d = context.pointee.duration
        return d > 0 && d != cff_nopts_value() ? Double(d) / Double(AV_TIME_BASE) : nil
    }

    /// Container bit rate, if known.
    var bitRate: Int64? { context.pointee.bit_rate > 0 ? context.pointee.bit_rate : nil }

    /// Reads the next packet's stream index and timestamps, or nil at the end, on an error or past the deadline.
    func nextPacket(_ packet: UnsafeMutablePointer<AVPacket>) -> Bool {
        av_read_frame(context, packet) >= 0
    }
}
