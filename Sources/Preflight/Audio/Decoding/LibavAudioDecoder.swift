import CFFmpeg
import Foundation

/// The first audio stream of a libavformat input, decoded by libavcodec to interleaved floats.
/// Owns the codec context, packet, frame and converter.
final class LibavAudioDecoder {
    /// What the headers say.
    let description: AudioStreamDescription
    private let input: LibavInput
    private let stream: UnsafeMutablePointer<AVStream>
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var frame: UnsafeMutablePointer<AVFrame>?
    private let converter: SampleConverter

    /// Packets that may fail to decode before the stream counts as undecodable.
    static let decodeErrorLimit = 200

    /// Opens the input's best audio stream; throws ``ProbeError`` `wrongKind` when there is none.
    init(source: ByteSource, options: ProbeOptions, deadline: ReadDeadline) throws {
        try LazyLibraries.require(.audioDecoding)
        input = try LibavInput(source: source, options: options, deadline: deadline)
        let index = av_find_best_stream(input.context, AVMEDIA_TYPE_AUDIO, -1, -1, nil, 0)
        guard index >= 0, Int(index) < input.streams.count else {
            throw ProbeError(.wrongKind, MediaText.noAudioStream(input.demuxer))
        }
        stream = input.streams[Int(index)]
        let parameters = stream.pointee.codecpar!
        guard let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
            let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
            throw ProbeError(.unreadable, MediaText.noAudioDecoder(name))
        }
        codec = avcodec_alloc_context3(decoder)
        packet = av_packet_alloc()
        frame = av_frame_alloc()
        converter = SampleConverter()
        guard let codec, packet != nil, frame != nil else {
            Self.release(codec: &codec, packet: &packet, frame: &frame)
            throw ProbeError(.unreadable, FileText.outOfMemory)
        }
        var status = avcodec_parameters_to_context(codec, parameters)
        if status >= 0 { status = avcodec_open2(codec, decoder, nil) }
        let described = Self.describe(input: input, stream: stream, codec: codec, length: source.length)
        guard status >= 0, described.isPlausible else {
            Self.release(codec: &self.codec, packet: &packet, frame: &frame)
            throw ProbeError(.unreadable, MediaText.audioCannotDecode,
                             detail: status < 0 ? AVLog.message(status) : "\(described.sampleRate) Hz, \(described.channels) channels")
        }
        description = described
    }

    deinit { Self.release(codec: &codec, packet: &packet, frame: &frame) }

    private static func release(codec: inout UnsafeMutablePointer<AVCodecContext>?, packet: inout UnsafeMutablePointer<AVPacket>?,
                                frame: inout UnsafeMutablePointer<AVFrame>?) {
        avcodec_free_context(&codec)
        av_packet_free(&packet)
        av_frame_free(&frame)
    }

    /// Decodes every packet of the stream, handing blocks of interleaved floats to `consume`.
    func decode(_ consume: (UnsafeBufferPointer<Float>) -> Void, shouldStop: () -> Bool) -> AudioDecodeProgress {
        var progress = AudioDecodeProgress()
        guard let codec, let packet, let frame else { return progress }
        let channels = description.channels, rate = description.sampleRate
        var reachedEnd = false
        func drain() {
            while avcodec_receive_frame(codec, frame) >= 0 {
                progress.frames += converter.convert(frame, channels: channels, rate: rate, into: consume)
                av_frame_unref(frame)
            }
        }
        while !shouldStop() && progress.errors <= Self.decodeErrorLimit {
            let status = av_read_frame(input.context, packet)
            if status < 0 { reachedEnd = status == cff_averror_eof(); break }
            if packet.pointee.stream_index == stream.pointee.index {
                if avcodec_send_packet(codec, packet) < 0 { progress.errors += 1 }
                drain()
            }
            av_packet_unref(packet)
        }
        if avcodec_send_packet(codec, nil) >= 0 { drain() }
        progress.frames += converter.flush(channels: channels, rate: rate, into: consume)
        progress.complete = reachedEnd && !shouldStop() && progress.errors <= Self.decodeErrorLimit
        return progress
    }

    /// The stream's format, codec and parameters in the names the rules use.
    static func describe(input: LibavInput, stream: UnsafeMutablePointer<AVStream>, codec: UnsafeMutablePointer<AVCodecContext>,
                         length: Int64) -> AudioStreamDescription {
        let parameters = stream.pointee.codecpar.pointee
        let codecName = String(cString: avcodec_get_name(parameters.codec_id))
        let hasVideo = !input.videoStreams.isEmpty
        let format: String
        switch input.demuxer {
        case "mov": format = hasVideo ? input.isoBrand.detectedType : "m4a"
        case "asf": format = codecName.hasPrefix("wma") && !hasVideo ? "wma" : "asf"
        case "matroska": format = hasVideo ? "matroska" : "mka"
        case let other: format = other
        }
        let isPCM = codecName.hasPrefix("pcm_")
        var bitDepth: Int?
        if isPCM {
            let bits = Int(av_get_bits_per_sample(parameters.codec_id))
            bitDepth = bits > 0 ? bits : (parameters.bits_per_coded_sample > 0 ? Int(parameters.bits_per_coded_sample) : nil)
        }
        let tb = stream.pointee.time_base
        var duration: Double?
        if stream.pointee.duration > 0, stream.pointee.duration != cff_nopts_value(), tb.den > 0 {
            duration = Double(stream.pointee.duration) * av_q2d(tb)
        } else {
            duration = input.duration
        }
        var bitRate: Double?
        if parameters.bit_rate > 0 { bitRate = Double(parameters.bit_rate) }
        else if codec.pointee.bit_rate > 0 { bitRate = Double(codec.pointee.bit_rate) }
        else if let b = input.bitRate { bitRate = Double(b) }
        else if let d = duration, d > 0 { bitRate = Double(length) * 8 / d }
        let channels = codec.pointee.ch_layout.nb_channels > 0 ? codec.pointee.ch_layout.nb_channels : parameters.ch_layout.nb_channels
        let rate = codec.pointee.sample_rate > 0 ? codec.pointee.sample_rate : parameters.sample_rate
        return AudioStreamDescription(
            format: format, codec: codecName, sampleFormat: codecName, sampleRate: Int(rate), channels: Int(channels),
            bitDepth: bitDepth, bitRate: bitRate, headerDuration: duration, decoder: "libavcodec", compressed: !isPCM)
    }
}
