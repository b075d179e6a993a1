import CFFmpeg
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A libavformat input read through a custom `AVIOContext` over a ``ByteSource``: a file, bytes in
/// memory or a zip entry. The one place preflight hands bytes to libavformat (video and audio).
///
/// Owns the format context, the I/O context, its buffer, the callback box and the deadline.
/// libavformat never frees a custom `pb`, and may reallocate its buffer, so deinit frees
/// `pb.buffer` (not the original pointer) and then the context.
///
/// Reading is bounded: every blocking call gives up once the deadline passes (the interrupt
/// callback), a demuxer may never open another file or URL (`io_open` refuses: an HLS playlist or
/// a concat list is not followed), and no single libav allocation may exceed
/// ``ProbeOptions/maxAllocation`` (`av_max_alloc`).
final class LibavInput {
    private(set) var context: UnsafeMutablePointer<AVFormatContext>
    private var io: UnsafeMutablePointer<AVIOContext>?
    private let box: UnsafeMutableRawPointer
    /// Monotonic deadline in nanoseconds, read by the interrupt callback.
    private let deadlineNanoseconds: UnsafeMutablePointer<UInt64>
    /// When reading gives up.
    let deadline: ReadDeadline

    /// Bytes of the I/O buffer: large reads keep the zip stream fast.
    static let bufferSize = 1 << 16

    /// Opens the source and reads its headers (and, with `findStreamInfo`, a few packets, within `probeSize`).
    ///
    /// - Parameter nameHint: the file name, which libavformat weighs when guessing the format (as
    ///   it does for a path); never opened.
    /// - Throws: ``ProbeError`` `unreadable` with libav's message, the deadline's `limitExceeded`, or
    ///   `libraryMissing` when FFmpeg's libraries cannot be loaded.
    init(source: ByteSource, nameHint: String? = nil, options: ProbeOptions, deadline: ReadDeadline, findStreamInfo: Bool = true) throws {
        try LazyLibraries.require(.video)
        LibavAllocationLimit.apply(options.maxAllocation)
        self.deadline = deadline
        box = ByteSourceBox.retain(source)
        deadlineNanoseconds = .allocate(capacity: 1)
        deadlineNanoseconds.pointee = deadline.uptimeNanoseconds
        guard let buffer = av_malloc(Self.bufferSize) else {
            Self.free(io: &io, box: box, deadline: deadlineNanoseconds)
            throw ProbeError(.unreadable, FileText.outOfMemory)
        }
        io = avio_alloc_context(buffer.assumingMemoryBound(to: UInt8.self), Int32(Self.bufferSize), 0, box, { user, buffer, size in
            guard let buffer, size > 0 else { return cff_averror_eof() }
            let n = ByteSourceBox.source(user).read(into: buffer, count: Int(size))
            if n < 0 { return cff_averror_exit() }
            return n == 0 ? cff_averror_eof() : Int32(n)
        }, nil, { user, offset, whence in
            let source = ByteSourceBox.source(user)
            if whence & AVSEEK_SIZE != 0 { return source.length }
            let target: Int64
            switch whence & ~AVSEEK_FORCE {
            case SEEK_CUR: target = source.position.addingReportingOverflow(offset).overflow ? -1 : source.position + offset
            case SEEK_END: target = source.length.addingReportingOverflow(offset).overflow ? -1 : source.length + offset
            case SEEK_SET: target = offset
            default: return Int64(cff_averror(EINVAL))
            }
            guard target >= 0 else { return Int64(cff_averror(EINVAL)) }
            source.position = target
            return target
        })
        guard io != nil, let ctx = avformat_alloc_context() else {
            if io == nil { av_free(buffer) }
            Self.free(io: &io, box: box, deadline: deadlineNanoseconds)
            throw ProbeError(.unreadable, FileText.outOfMemory)
        }
        ctx.pointee.pb = io
        ctx.pointee.interrupt_callback.callback = { opaque in
            guard let opaque else { return 0 }
            return DispatchTime.now().uptimeNanoseconds > opaque.load(as: UInt64.self) ? 1 : 0
        }
        ctx.pointee.interrupt_callback.opaque = UnsafeMutableRawPointer(deadlineNanoseconds)
        // Demuxers that name other files (HLS, concat, image sequences, dash) get nothing opened.
        ctx.pointee.io_open = { _, _, _, _, _ in cff_averror(EPERM) }
        var dictionary: OpaquePointer?
        av_dict_set(&dictionary, "probesize", String(max(32, options.probeSize)), 0)
        var opened: UnsafeMutablePointer<AVFormatContext>? = ctx
        let status = avformat_open_input(&opened, nameHint, nil, &dictionary)
        av_dict_free(&dictionary)
        guard status >= 0, let opened else {
            // A failed open frees the format context, never the custom pb. (No deinit runs: `context` is unset.)
            Self.free(io: &io, box: box, deadline: deadlineNanoseconds)
            if deadline.passed { throw deadline.error }
            if let failure = source.failure { throw failure }
            throw ProbeError(.unreadable, FileText.unrecognisedContainer,
                             detail: AVLog.message(status))
        }
        context = opened
        if findStreamInfo { self.findStreamInfo() }
    }

    deinit {
        var ctx: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&ctx)
        Self.free(io: &io, box: box, deadline: deadlineNanoseconds)
    }

    private static func free(io: inout UnsafeMutablePointer<AVIOContext>?, box: UnsafeMutableRawPointer, deadline: UnsafeMutablePointer<UInt64>) {
        if io != nil {
            av_freep(&io!.pointee.buffer)
            avio_context_free(&io)
        }
        ByteSourceBox.release(box)
        deadline.deallocate()
    }

    /// The most pixels per frame the decoders opened by ``findStreamInfo()`` may allocate (4096×2304,
    /// above 4K DCI): a crafted 8K stream with 16 reference frames would otherwise hold gigabytes.
    static let maxDecodedPixels = 4096 * 2304

    /// Reads packets to learn stream parameters the headers did not give (slow on some containers).
    /// The decoders it opens refuse frames larger than ``maxDecodedPixels``.
    func findStreamInfo() {
        let count = Int(context.pointee.nb_streams)
        guard count > 0 else { _ = avformat_find_stream_info(context, nil); return }
        let perStream = UnsafeMutablePointer<OpaquePointer?>.allocate(capacity: count)
        perStream.initialize(repeating: nil, count: count)
        defer {
            for i in 0..<count { av_dict_free(&perStream[i]) }
            perStream.deallocate()
        }
        for i in 0..<count { av_dict_set(&perStream[i], "max_pixels", String(Self.maxDecodedPixels), 0) }
        _ = avformat_find_stream_info(context, perStream)
    }

    /// Whether the time allowed has run out.
    var timedOut: Bool { deadline.passed }

    /// The streams of the input.
    var streams: [UnsafeMutablePointer<AVStream>] {
        let n = Int(context.pointee.nb_streams)
        guard n > 0, let list = context.pointee.streams else { return [] }
        return (0..<n).compactMap { list[$0] }
    }

    /// The demuxer's full short name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
    var demuxerName: String {
        guard let f = context.pointee.iformat, let name = f.pointee.name else { return "unknown" }
        return String(cString: name)
    }

    /// The demuxer's first short name: `mov`, `mp3`, `aac`, `asf`, `wav` …
    var demuxer: String { String(demuxerName.split(separator: ",").first ?? "unknown") }

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

    /// Reads the next packet; false at the end, on an error or past the deadline.
    func nextPacket(_ packet: UnsafeMutablePointer<AVPacket>) -> Bool {
        av_read_frame(context, packet) >= 0
    }
}

/// libavutil's process-wide cap on one allocation (`av_max_alloc`), set from ``ProbeOptions/maxAllocation``.
///
/// A damaged mp4 can declare tens of millions of samples: libavformat sizes its index from the
/// declaration before reading anything, so the cap is what keeps it from taking gigabytes.
enum LibavAllocationLimit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current = 0

    /// Sets the cap to `bytes` (the last probe's value wins: the setting is global to libavutil).
    static func apply(_ bytes: Int) {
        let wanted = max(1 << 20, bytes)
        lock.withLock {
            guard wanted != current else { return }
            current = wanted
            av_max_alloc(wanted)
        }
    }
}
