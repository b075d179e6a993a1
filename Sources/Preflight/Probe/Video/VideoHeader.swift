import CFFmpeg
import Foundation

/// Header facts of a video stream: pixel format and what follows from it (bit depth, chroma
/// subsampling), codec profile, colour description, HDR signalling and field order.
///
/// The container's parameters come first (for mp4/mov the `colr`, `fiel`, `dvcC` and `dvvC` boxes).
/// What they leave open (pixel format, profile and field order of H.264/HEVC in mp4, which the mov
/// demuxer never derives) is read by libavcodec's bitstream parser from the codec configuration and
/// the first video packet, or for ProRes, which has no parser, from its frame header
/// (``ProResHeader``): a header parse, no frame is decoded.
enum VideoHeader {
    /// At most this many packets are read looking for the first packet of the video stream.
    static let packetsSearched = 64

    /// Sets `video.pixel_format`, `video.bit_depth`, `video.chroma_subsampling`, `video.profile`,
    /// `video.color_*`, `video.hdr`, `video.field_order` and `video.interlaced` from what is known.
    /// With `parseFirstPacket`, reads packets from the current position (the index path of
    /// ``VideoProbe`` has read none) until the first one of `stream`.
    static func addFacts(_ stream: UnsafeMutablePointer<AVStream>, container: LibavInput, parseFirstPacket: Bool,
                         into facts: inout Facts) {
        let par = stream.pointee.codecpar.pointee
        var format = par.format
        var profile = par.profile
        var fieldOrder = par.field_order
        var primaries = par.color_primaries, transfer = par.color_trc, range = par.color_range
        if parseFirstPacket, format < 0 || profile == FF_PROFILE_UNKNOWN || fieldOrder == AV_FIELD_UNKNOWN
            || primaries == AVCOL_PRI_UNSPECIFIED || transfer == AVCOL_TRC_UNSPECIFIED || range == AVCOL_RANGE_UNSPECIFIED,
           let parsed = parseFirstPacketHeader(stream, container: container) {
            if format < 0 { format = parsed.format }
            if profile == FF_PROFILE_UNKNOWN { profile = parsed.profile }
            if fieldOrder == AV_FIELD_UNKNOWN { fieldOrder = parsed.fieldOrder }
            if primaries == AVCOL_PRI_UNSPECIFIED { primaries = parsed.primaries }
            if transfer == AVCOL_TRC_UNSPECIFIED { transfer = parsed.transfer }
            if range == AVCOL_RANGE_UNSPECIFIED { range = parsed.range }
        }
        if profile != FF_PROFILE_UNKNOWN, let name = avcodec_profile_name(par.codec_id, profile) {
            facts.set(.videoProfile, String(cString: name))
        }
        if format >= 0 {
            let pixel = AVPixelFormat(rawValue: format)
            if let name = av_get_pix_fmt_name(pixel) { facts.set(.videoPixelFormat, String(cString: name)) }
            if let desc = av_pix_fmt_desc_get(pixel) {
                let d = desc.pointee
                if d.nb_components > 0 { facts.set(.videoBitDepth, Int(d.comp.0.depth)) }
                facts.set(.videoChromaSubsampling, chromaSubsampling(log2Width: Int(d.log2_chroma_w), log2Height: Int(d.log2_chroma_h),
                                                                       components: Int(d.nb_components), flags: d.flags))
            }
        }
        if primaries != AVCOL_PRI_UNSPECIFIED, let n = av_color_primaries_name(primaries) {
            facts.set(.videoColorPrimaries, String(cString: n))
        }
        if transfer != AVCOL_TRC_UNSPECIFIED, let n = av_color_transfer_name(transfer) {
            facts.set(.videoColorTransfer, String(cString: n))
        }
        if range != AVCOL_RANGE_UNSPECIFIED, let n = av_color_range_name(range) {
            // FFmpeg's names are "tv" and "pc"; the facts say what they mean.
            facts.set(.videoColorRange, range == AVCOL_RANGE_JPEG ? "full" : (range == AVCOL_RANGE_MPEG ? "limited" : String(cString: n)))
        }
        facts.set(.videoHdr, hdr(stream, transfer: transfer))
        if let order = fieldOrderName(fieldOrder) {
            facts.set(.videoFieldOrder, order)
            facts.set(.videoInterlaced, order != "progressive")
        }
    }

    /// "4:2:0", "4:2:2", "4:4:4", "4:1:1", "4:4:0", "4:0:0" (grey) or "rgb", from a pixel format's
    /// chroma shifts and flags.
    static func chromaSubsampling(log2Width: Int, log2Height: Int, components: Int, flags: UInt64) -> String {
        if flags & UInt64(AV_PIX_FMT_FLAG_RGB) != 0 { return "rgb" }
        if components <= 2 { return "4:0:0" }
        switch (log2Width, log2Height) {
        case (0, 0): return "4:4:4"
        case (1, 0): return "4:2:2"
        case (1, 1): return "4:2:0"
        case (2, 0): return "4:1:1"
        case (0, 1): return "4:4:0"
        case (2, 2): return "4:1:0"
        default: return "\(log2Width):\(log2Height)"
        }
    }

    /// "dolby-vision" when the stream carries a Dolby Vision configuration (dvcC/dvvC in mp4, the
    /// block addition mapping in Matroska), else "pq" (SMPTE ST 2084) or "hlg" (ARIB STD-B67) from the
    /// transfer characteristic, else "none".
    static func hdr(_ stream: UnsafeMutablePointer<AVStream>, transfer: AVColorTransferCharacteristic) -> String {
        var size = 0
        let dolbyVision = av_stream_get_side_data(stream, AV_PKT_DATA_DOVI_CONF, &size) != nil && size > 0
        return hdrName(dolbyVision: dolbyVision, transfer: Int(transfer.rawValue))
    }

    /// The `video.hdr` value for a stream with or without a Dolby Vision configuration and the transfer
    /// characteristic `transfer` (ISO/IEC 23091-2 code, as `AVColorTransferCharacteristic` numbers it: 16
    /// is SMPTE ST 2084, 18 ARIB STD-B67). Pure: the native ISO-BMFF reader calls it without FFmpeg.
    static func hdrName(dolbyVision: Bool, transfer: Int) -> String {
        if dolbyVision { return "dolby-vision" }
        switch transfer {
        case 16: return "pq"
        case 18: return "hlg"
        default: return "none"
        }
    }

    /// ffprobe's names: "progressive", "tt" (top field first, shown first), "bb", "tb", "bt"; nil when unknown.
    static func fieldOrderName(_ order: AVFieldOrder) -> String? {
        switch order {
        case AV_FIELD_PROGRESSIVE: return "progressive"
        case AV_FIELD_TT: return "tt"
        case AV_FIELD_BB: return "bb"
        case AV_FIELD_TB: return "tb"
        case AV_FIELD_BT: return "bt"
        default: return nil
        }
    }

    /// What the bitstream parser read from the codec configuration and the first packet.
    struct Parsed {
        var format: Int32, profile: Int32, fieldOrder: AVFieldOrder
        var primaries: AVColorPrimaries, transfer: AVColorTransferCharacteristic, range: AVColorRange
    }

    /// Runs libavcodec's parser for the stream's codec over its first packet (ProRes: reads its frame
    /// header); nil when the codec has neither or no packet of the stream comes within ``packetsSearched``.
    static func parseFirstPacketHeader(_ stream: UnsafeMutablePointer<AVStream>, container: LibavInput) -> Parsed? {
        guard let par = stream.pointee.codecpar else { return nil }
        if par.pointee.codec_id == AV_CODEC_ID_PRORES {
            let tag = par.pointee.codec_tag
            return withFirstPacket(of: stream, container: container) { packet in
                let frame = [UInt8](UnsafeBufferPointer(start: packet.pointee.data, count: Swift.min(Int(packet.pointee.size), 64)))
                return ProResHeader(frame: frame, codecTag: tag).map(parsed)
            }
        }
        guard let parser = av_parser_init(Int32(bitPattern: par.pointee.codec_id.rawValue)) else { return nil }
        defer { av_parser_close(parser) }
        parser.pointee.flags |= PARSER_FLAG_COMPLETE_FRAMES
        var context = avcodec_alloc_context3(nil)
        guard let ctx = context else { return nil }
        defer { avcodec_free_context(&context) }
        guard avcodec_parameters_to_context(ctx, par) >= 0 else { return nil }
        return withFirstPacket(of: stream, container: container) { packet in
            var out: UnsafeMutablePointer<UInt8>?
            var outSize: Int32 = 0
            _ = av_parser_parse2(parser, ctx, &out, &outSize, packet.pointee.data, packet.pointee.size,
                                 packet.pointee.pts, packet.pointee.dts, packet.pointee.pos)
            let p = parser.pointee
            let c = ctx.pointee
            return Parsed(format: p.format, profile: c.profile, fieldOrder: p.field_order,
                          primaries: c.color_primaries, transfer: c.color_trc, range: c.color_range)
        }
    }

    /// `body` of the first non-empty packet of `stream`, reading from the current position; nil when
    /// none comes within ``packetsSearched`` packets.
    static func withFirstPacket(of stream: UnsafeMutablePointer<AVStream>, container: LibavInput,
                                _ body: (UnsafeMutablePointer<AVPacket>) -> Parsed?) -> Parsed? {
        guard let packet = av_packet_alloc() else { return nil }
        var pkt: UnsafeMutablePointer<AVPacket>? = packet
        defer { av_packet_free(&pkt) }
        for _ in 0..<packetsSearched {
            guard container.nextPacket(packet) else { return nil }
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == stream.pointee.index, packet.pointee.size > 0, packet.pointee.data != nil else { continue }
            return body(packet)
        }
        return nil
    }

    /// A ProRes header as the parser's answer: the pixel format FFmpeg's decoder gives such a frame.
    static func parsed(_ h: ProResHeader) -> Parsed {
        let format: AVPixelFormat = switch (h.chroma444, h.alpha, h.twelveBit) {
        case (false, false, false): AV_PIX_FMT_YUV422P10LE
        case (false, false, true): AV_PIX_FMT_YUV422P12LE
        case (false, true, false): AV_PIX_FMT_YUVA422P10LE
        case (false, true, true): AV_PIX_FMT_YUVA422P12LE
        case (true, false, false): AV_PIX_FMT_YUV444P10LE
        case (true, false, true): AV_PIX_FMT_YUV444P12LE
        case (true, true, false): AV_PIX_FMT_YUVA444P10LE
        case (true, true, true): AV_PIX_FMT_YUVA444P12LE
        }
        let order = [AV_FIELD_PROGRESSIVE, AV_FIELD_TT, AV_FIELD_BB][h.interlaceMode]
        return Parsed(format: format.rawValue, profile: h.profile ?? FF_PROFILE_UNKNOWN, fieldOrder: order,
                      primaries: AVCOL_PRI_UNSPECIFIED, transfer: AVCOL_TRC_UNSPECIFIED, range: AVCOL_RANGE_UNSPECIFIED)
    }
}
