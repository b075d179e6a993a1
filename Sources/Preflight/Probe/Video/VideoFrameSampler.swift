import CFFmpeg
import CPixelDecode
import Foundation

/// One decoded frame of a take, reduced for the content checks.
struct SampledFrame {
    /// Seconds from the start of the stream.
    var time: Double
    /// The luma, at most ``VideoFrameSampler/maxSide`` on the long side, turned as the stream's rotation says.
    var luma: GrayPicture
    /// The keying colours of the frame's border region; nil for pixel formats other than planar 8-bit Y'CbCr.
    var border: pf_border_colour?
}

/// Decodes a bounded sample of a video stream's frames with libavcodec, never the whole file: about
/// five a second over the first ``startSeconds`` (decoded in order from the start), then one frame at
/// each of ``spreadCount`` points spread over the rest of the take, each the keyframe at or before
/// its point (reached by seeking, so the cost does not grow with the take's length).
final class VideoFrameSampler {
    /// Frames spread over the take after its start.
    static let spreadCount = 12
    /// The start of the take sampled closely (the service asks for a closed mouth in the first 1–3 s).
    static let startSeconds = 3.0
    /// Seconds between the start's samples.
    static let startStep = 0.2
    /// The long side of a sampled frame's luma: a face in a head-and-shoulders take spans far more
    /// than the detector's 80 px at this size.
    static let maxSide = 640
    /// Packets read for one spread sample before it is given up (a keyframe interval of ~40 s at 25 fps).
    static let packetsPerSeek = 1000

    private let input: LibavInput
    private let stream: UnsafeMutablePointer<AVStream>
    private let index: Int32
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var frame: UnsafeMutablePointer<AVFrame>?
    private let orientation: Int
    private var packetBudget = 0

    /// Opens a decoder for `stream` of `input`; `rotation` is the clockwise display turn (0, 90, 180, 270).
    init(input: LibavInput, stream: UnsafeMutablePointer<AVStream>, rotation: Int) throws {
        self.input = input
        self.stream = stream
        index = stream.pointee.index
        orientation = [90: 6, 180: 3, 270: 8][rotation] ?? 1
        let parameters = stream.pointee.codecpar!
        guard let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw ProbeError(.unreadable, MediaText.noVideoDecoder)
        }
        codec = avcodec_alloc_context3(decoder)
        packet = av_packet_alloc()
        frame = av_frame_alloc()
        guard let codec, packet != nil, frame != nil else { throw ProbeError(.unreadable, FileText.outOfMemory) }
        var status = avcodec_parameters_to_context(codec, parameters)
        codec.pointee.thread_count = 1
        if status >= 0 { status = avcodec_open2(codec, decoder, nil) }
        guard status >= 0 else {
            throw ProbeError(.unreadable, MediaText.videoUndecodable, detail: AVLog.message(status))
        }
    }

    deinit {
        avcodec_free_context(&codec)
        av_packet_free(&packet)
        av_frame_free(&frame)
    }

    /// The sampled frames of a take lasting `duration` seconds, in time order; stops early when `deadline` passes.
    func sample(duration: Double, deadline: ReadDeadline) -> [SampledFrame] {
        var frames: [SampledFrame] = []
        // The start, in order.
        seek(to: 0)
        var next = 0.0
        packetBudget = Self.packetsPerSeek * 2
        while next < min(Self.startSeconds, duration), !deadline.passed, let t = decodeFrame() {
            if t + 0.02 >= next {
                if let f = capture(at: t) { frames.append(f) }
                while next <= t + 0.02 { next += Self.startStep }
            }
        }
        // The rest, spread.
        for k in 0..<Self.spreadCount where !deadline.passed {
            let target = duration * (Double(k) + 0.5) / Double(Self.spreadCount)
            guard target >= Self.startSeconds else { continue }
            seek(to: target)
            packetBudget = Self.packetsPerSeek
            guard let t = decodeFrame(), t >= Self.startSeconds, !frames.contains(where: { abs($0.time - t) < 0.01 }) else { continue }
            if let f = capture(at: t) { frames.append(f) }
        }
        return frames.sorted { $0.time < $1.time }
    }

    private var timeBase: Double { av_q2d(stream.pointee.time_base) }
    private var startTime: Int64 { stream.pointee.start_time == cff_nopts_value() ? 0 : stream.pointee.start_time }

    private func seek(to seconds: Double) {
        let pts = startTime + Int64((seconds / max(timeBase, 1e-9)).rounded(.down))
        _ = av_seek_frame(input.context, index, pts, AVSEEK_FLAG_BACKWARD)
        avcodec_flush_buffers(codec)
    }

    /// Decodes the next frame of the stream into `frame`; its time, or nil at the end, on an error, or
    /// when the packet budget is spent.
    private func decodeFrame() -> Double? {
        guard let codec, let packet, let frame else { return nil }
        av_frame_unref(frame)
        while true {
            let received = avcodec_receive_frame(codec, frame)
            if received >= 0 {
                let pts = frame.pointee.best_effort_timestamp
                return pts == cff_nopts_value() ? 0 : Double(pts - startTime) * timeBase
            }
            if received != cff_averror(EAGAIN) { return nil }
            var sent = false
            while !sent {
                guard packetBudget > 0 else { return nil }
                packetBudget -= 1
                if av_read_frame(input.context, packet) < 0 {
                    _ = avcodec_send_packet(codec, nil)
                    sent = true
                } else {
                    if packet.pointee.stream_index == index {
                        _ = avcodec_send_packet(codec, packet)
                        sent = true
                    }
                    av_packet_unref(packet)
                }
            }
        }
    }

    /// The decoded frame, reduced; nil when it has no pixels.
    private func capture(at time: Double) -> SampledFrame? {
        guard let frame, frame.pointee.width > 0, frame.pointee.height > 0, let y = frame.pointee.data.0 else { return nil }
        let f = frame.pointee
        var reduced = pf_gray_picture()
        guard pf_gray_reduce(y, f.width, f.height, f.linesize.0, Int32(Self.maxSide), &reduced) == 0, let pixels = reduced.pixels else { return nil }
        defer { pf_gray_picture_free(&reduced) }
        let luma = GrayPicture(width: Int(reduced.width), height: Int(reduced.height),
                               pixels: Array(UnsafeBufferPointer(start: pixels, count: Int(reduced.width) * Int(reduced.height))))
        var border: pf_border_colour?
        // Chroma shifts and full range of the planar 8-bit formats.
        let planar: [Int32: (Int32, Int32, Int32)] = [
            AV_PIX_FMT_YUV420P.rawValue: (1, 1, 0), AV_PIX_FMT_YUVJ420P.rawValue: (1, 1, 1), AV_PIX_FMT_YUV422P.rawValue: (1, 0, 0),
            AV_PIX_FMT_YUVJ422P.rawValue: (1, 0, 1), AV_PIX_FMT_YUV444P.rawValue: (0, 0, 0), AV_PIX_FMT_YUVJ444P.rawValue: (0, 0, 1),
        ]
        if let (sx, sy, jpegRange) = planar[f.format], let cb = f.data.1, let cr = f.data.2 {
            let full: Int32 = jpegRange == 1 || f.color_range == AVCOL_RANGE_JPEG ? 1 : 0
            var measured = pf_border_colour()
            pf_border_measure(y, f.linesize.0, cb, f.linesize.1, cr, f.linesize.2, f.width, f.height, sx, sy, full, &measured)
            border = measured
        }
        return SampledFrame(time: time, luma: luma.oriented(orientation), border: border)
    }
}
