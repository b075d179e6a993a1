import CFFmpeg
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A libavformat input read through a custom `AVIOContext` over an ``AudioByteSource``.
///
/// Owns the format context, the I/O context, its buffer and the callback box. libavformat never
/// frees a custom `pb`, and may reallocate its buffer, so deinit frees `pb.buffer` (not the
/// original pointer) and then the context.
final class LibavInput {
    private(set) var context: UnsafeMutablePointer<AVFormatContext>
    private var io: UnsafeMutablePointer<AVIOContext>?
    private let box: UnsafeMutableRawPointer

    /// Bytes of the I/O buffer: large reads keep the zip stream fast.
    static let bufferSize = 1 << 16

    /// Opens the source and reads its headers (and a few packets, within `probeSize`).
    init(source: AudioByteSource, probeSize: Int) throws {
        box = AudioSourceBox.retain(source)
        guard let buffer = av_malloc(Self.bufferSize) else {
            AudioSourceBox.release(box)
            throw ProbeError(.unreadable, LocalizedText(zh: "内存不足", en: "Out of memory"))
        }
        io = avio_alloc_context(buffer.assumingMemoryBound(to: UInt8.self), Int32(Self.bufferSize), 0, box, { user, buffer, size in
            guard let buffer, size > 0 else { return cff_averror_eof() }
            let n = AudioSourceBox.source(user).read(into: buffer, count: Int(size))
            if n < 0 { return cff_averror_exit() }
            return n == 0 ? cff_averror_eof() : Int32(n)
        }, nil, { user, offset, whence in
            let source = AudioSourceBox.source(user)
            if whence & AVSEEK_SIZE != 0 { return source.length }
            let target: Int64
            switch whence & ~AVSEEK_FORCE {
            case SEEK_CUR: target = source.position + offset
            case SEEK_END: target = source.length + offset
            case SEEK_SET: target = offset
            default: return Int64(cff_averror(EINVAL))
            }
            guard target >= 0 else { return Int64(cff_averror(EINVAL)) }
            source.position = target
            return target
        })
        guard io != nil, let ctx = avformat_alloc_context() else {
            if io == nil { av_free(buffer) }
            Self.free(io: &io, box: box)
            throw ProbeError(.unreadable, LocalizedText(zh: "内存不足", en: "Out of memory"))
        }
        ctx.pointee.pb = io
        var options: OpaquePointer?
        av_dict_set(&options, "probesize", String(max(32, probeSize)), 0)
        var opened: UnsafeMutablePointer<AVFormatContext>? = ctx
        let status = avformat_open_input(&opened, nil, nil, &options)
        av_dict_free(&options)
        guard status >= 0, let opened else {
            // A failed open frees the format context, never the custom pb. (No deinit runs: `context` is unset.)
            Self.free(io: &io, box: box)
            throw ProbeError(.unreadable, LocalizedText(zh: "libavformat 无法识别此文件。", en: "libavformat does not recognise this file."),
                             detail: AVLog.message(status))
        }
        context = opened
        _ = avformat_find_stream_info(context, nil)
    }

    deinit {
        var ctx: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&ctx)
        Self.free(io: &io, box: box)
    }

    private static func free(io: inout UnsafeMutablePointer<AVIOContext>?, box: UnsafeMutableRawPointer) {
        if io != nil {
            av_freep(&io!.pointee.buffer)
            avio_context_free(&io)
        }
        AudioSourceBox.release(box)
    }

    /// The streams of the input.
    var streams: [UnsafeMutablePointer<AVStream>] {
        let n = Int(context.pointee.nb_streams)
        guard n > 0, let list = context.pointee.streams else { return [] }
        return (0..<n).compactMap { list[$0] }
    }

    /// The demuxer's first short name: `mov`, `mp3`, `aac`, `asf`, `wav` …
    var demuxer: String {
        guard let f = context.pointee.iformat, let name = f.pointee.name else { return "unknown" }
        return String(String(cString: name).split(separator: ",").first ?? "unknown")
    }

    /// A container metadata tag, e.g. `major_brand`.
    func tag(_ key: String) -> String? {
        guard let entry = av_dict_get(context.pointee.metadata, key, nil, 0), let value = entry.pointee.value else { return nil }
        return String(cString: value)
    }

    /// Container duration in seconds, when known.
    var duration: Double? {
        let d = context.pointee.duration
        return d > 0 && d != cff_nopts_value() ? Double(d) / Double(AV_TIME_BASE) : nil
    }

    /// Container bit rate, when known.
    var bitRate: Int64? { context.pointee.bit_rate > 0 ? context.pointee.bit_rate : nil }
}
