import CFFmpeg
import Foundation

/// Measures a video file with libavformat: container, streams, display geometry and frame timing.
///
/// Reads headers and, for mp4/mov, the sample index already loaded at open; other containers have
/// their packet headers read (never decoded). Nothing is written anywhere.
public enum VideoProbe {
    /// The `container.*`, `video.*` and `audio.*` facts of a file. Throws ``ProbeError`` when
    /// libavformat cannot open it or a limit is hit.
    public static func facts(of url: URL, options: ProbeOptions = ProbeOptions(), detectedType: String? = nil) throws -> Facts {
        let deadline = ReadDeadline(seconds: options.timeout)
        let source = try FileByteSource(url: url, deadline: deadline)
        return try facts(of: source, nameHint: url.lastPathComponent, options: options, deadline: deadline, detectedType: detectedType)
    }

    /// The same facts from bytes in memory, read through the same custom I/O as a file (for tests,
    /// fuzzing, and callers that hold the video already). Nothing touches the disk.
    public static func facts(of data: Data, options: ProbeOptions = ProbeOptions(), detectedType: String? = nil) throws -> Facts {
        let deadline = ReadDeadline(seconds: options.timeout)
        let source = MemoryByteSource(data, deadline: deadline)
        return try facts(of: source, nameHint: nil, options: options, deadline: deadline, detectedType: detectedType)
    }

    /// The facts through libavformat only, never the native ISO-BMFF reader (the reference the
    /// reader's tests compare with).
    static func libavFacts(of url: URL, options: ProbeOptions = ProbeOptions(), detectedType: String? = nil) throws -> Facts {
        let deadline = ReadDeadline(seconds: options.timeout)
        let source = try FileByteSource(url: url, deadline: deadline)
        return try facts(of: source, nameHint: url.lastPathComponent, options: options, deadline: deadline,
                         detectedType: detectedType, allowNative: false)
    }

    static func facts(of source: ByteSource, nameHint: String?, options: ProbeOptions, deadline: ReadDeadline,
                      detectedType: String?, allowNative: Bool = true) throws -> Facts {
        // A header-only probe of a plain mp4/mov is answered without opening libavformat when the
        // native reader is sure; frame sampling needs libavcodec anyway.
        if allowNative, !(options.content && options.videoContent), isISOCandidate(source, detectedType: detectedType),
           let facts = try ISOBMFFReader.facts(of: source, options: options, deadline: deadline) {
            return facts
        }
        let container: LibavInput
        do {
            container = try LibavInput(source: source, nameHint: nameHint, options: options, deadline: deadline, findStreamInfo: false)
        } catch let e as ProbeError where e.kind == .unreadable && source.failure == nil {
            throw ProbeError(.unreadable, MediaText.videoUnreadable,
                detail: e.detail)
        }
        let streams = container.streams
        guard streams.count <= options.streamLimit else {
            throw ProbeError(.limitExceeded, MediaText.tooManyStreams(streams.count, limit: options.streamLimit))
        }
        // Every frame takes at least a byte: a sample table declaring more is forged or damaged.
        if let forged = streams.first(where: { $0.pointee.nb_frames > max(1, source.length) }) {
            throw ProbeError(.unreadable, MediaText.forgedSampleTable(frames: forged.pointee.nb_frames, bytes: source.length))
        }
        let isMov = container.demuxerName.hasPrefix("mov,")
        let video = streams.first(where: LibavInput.isVideo)
        if !isMov || video.map({ $0.pointee.codecpar.pointee.width == 0 }) ?? true {
            container.findStreamInfo()
        }
        if container.timedOut { throw container.deadline.error }

        var facts = Facts()
        let format = containerFormat(demuxer: container.demuxerName, brand: container.isoBrand, detectedType: detectedType)
        facts.set(.containerFormat, format)
        facts.set(.containerFormatLong, container.demuxerName + (container.tag("major_brand").map { " (\($0.trimmingCharacters(in: .whitespaces)))" } ?? ""))
        facts.set(.containerDuration, container.duration)
        facts.set(.containerBitRate, container.bitRate)
        facts.set(.containerVideoStreams, container.videoStreams.count)
        let audioStreams = streams.filter { $0.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_AUDIO }
        facts.set(.containerAudioStreams, audioStreams.count)
        facts.set(.videoHasAudio, !audioStreams.isEmpty)
        if let audio = audioStreams.first?.pointee.codecpar.pointee {
            facts.set(.audioCodec, String(cString: avcodec_get_name(audio.codec_id)))
            if audio.sample_rate > 0 { facts.set(.audioSampleRate, Int(audio.sample_rate)) }
            if audio.ch_layout.nb_channels > 0 { facts.set(.audioChannels, Int(audio.ch_layout.nb_channels)) }
            facts.set(.videoAudioCodec, facts[.audioCodec]?.text)
            facts.set(.videoAudioSampleRate, facts[.audioSampleRate]?.number.map { Int($0) })
            facts.set(.videoAudioChannels, facts[.audioChannels]?.number.map { Int($0) })
        }
        guard let stream = video else { return facts }
        try addVideoFacts(stream, container: container, useIndex: isMov, options: options, into: &facts)
        if options.content && options.videoContent, let duration = facts[.videoDuration]?.number ?? container.duration, duration > 0,
           let sampler = try? VideoFrameSampler(input: container, stream: stream, rotation: Int(facts[.videoRotation]?.number ?? 0)) {
            facts.merge(VideoContent.facts(sampler, duration: duration, deadline: container.deadline))
        }
        if container.timedOut { throw container.deadline.error }
        return facts
    }

    /// Whether the native ISO-BMFF reader may try a file: detected as mp4 or mov, or, with no
    /// detection given (bytes in memory), starting with an `ftyp` box that names no image brand.
    static func isISOCandidate(_ source: ByteSource, detectedType: String?) -> Bool {
        if let detectedType { return detectedType == "mp4" || detectedType == "mov" }
        let head = source.head(64)
        return ByteReader.matches(head, 4, "ftyp") && ISOBrand(ftyp: head).imageType == nil
    }

    /// The short container name: the container-brand rule (``ISOBrand``) for the ISO demuxer,
    /// `webm` or `matroska` by content for Matroska, else libavformat's demuxer name.
    static func containerFormat(demuxer: String, brand: ISOBrand, detectedType: String?) -> String {
        if demuxer.hasPrefix("mov,") { return brand.detectedType }
        if demuxer.hasPrefix("matroska") { return detectedType == "webm" ? "webm" : "matroska" }
        var name = String(demuxer.split(separator: ",").first ?? "unknown")
        if name.hasSuffix("_pipe") { name = String(name.dropLast(5)) }
        return name
    }

    static func addVideoFacts(_ stream: UnsafeMutablePointer<AVStream>, container: LibavInput, useIndex: Bool,
                              options: ProbeOptions, into facts: inout Facts) throws {
        let par = stream.pointee.codecpar.pointee
        facts.set(.videoCodec, String(cString: avcodec_get_name(par.codec_id)))
        if par.bit_rate > 0 { facts.set(.videoBitRate, par.bit_rate) }
        let width = Int(par.width), height = Int(par.height)
        facts.set(.videoWidth, width)
        facts.set(.videoHeight, height)

        var sar = stream.pointee.sample_aspect_ratio
        if sar.num <= 0 || sar.den <= 0 { sar = par.sample_aspect_ratio }
        if sar.num <= 0 || sar.den <= 0 { sar = AVRational(num: 1, den: 1) }
        DisplayGeometry.set(width: width, height: height, sampleAspect: (Int(sar.num), Int(sar.den)),
                            rotation: clockwiseRotation(stream), into: &facts)

        let timeBase = av_q2d(stream.pointee.time_base)
        if stream.pointee.duration > 0 && stream.pointee.duration != cff_nopts_value() {
            facts.set(.videoDuration, Double(stream.pointee.duration) * timeBase)
        } else {
            facts.set(.videoDuration, container.duration)
        }

        let (timestamps, source) = try frameTimestamps(stream, container: container, useIndex: useIndex, options: options)
        // The index path has read no packet, so the first one can still be parsed for the header.
        VideoHeader.addFacts(stream, container: container, parseFirstPacket: source == "index", into: &facts)
        let timing = FrameTiming(timestamps: timestamps, timeBase: timeBase)
        let headerCount = Int(stream.pointee.nb_frames)
        let avg = stream.pointee.avg_frame_rate
        let headerRate = avg.num > 0 && avg.den > 0 ? av_q2d(avg) : nil
        timing.addFacts(source: source, headerFrameCount: headerCount > 0 ? headerCount : nil,
                        headerRate: headerRate ?? (stream.pointee.r_frame_rate.den > 0 ? av_q2d(stream.pointee.r_frame_rate) : nil),
                        into: &facts)
    }

    /// The clockwise turn a player applies, from the display matrix: 0, 90, 180 or 270.
    ///
    /// `av_display_rotation_get` returns counter-clockwise degrees (an iPhone portrait clip gives −90),
    /// so the clockwise turn is its negation, taken modulo 360.
    static func clockwiseRotation(_ stream: UnsafeMutablePointer<AVStream>) -> Int {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size), size >= 9 * 4 else { return 0 }
        let ccw = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        return DisplayGeometry.clockwiseRotation(counterClockwise: ccw)
    }

    /// Decode timestamps of every frame: from the sample index (mp4/mov), else from packet headers.
    static func frameTimestamps(_ stream: UnsafeMutablePointer<AVStream>, container: LibavInput, useIndex: Bool,
                                options: ProbeOptions) throws -> ([Int64], String) {
        if useIndex {
            let n = Int(avformat_index_get_entries_count(stream))
            if n > 0 {
                var out: [Int64] = []
                out.reserveCapacity(min(n, options.packetLimit))
                for i in 0..<min(n, options.packetLimit) {
                    guard let e = avformat_index_get_entry(stream, Int32(i)) else { continue }
                    if e.pointee.flags & AVINDEX_DISCARD_FRAME != 0 { continue }
                    out.append(e.pointee.timestamp)
                }
                return (out, "index")
            }
        }
        for s in container.streams where s != stream { s.pointee.discard = AVDISCARD_ALL }
        guard let packet = av_packet_alloc() else { return ([], "packets") }
        var pkt: UnsafeMutablePointer<AVPacket>? = packet
        defer { av_packet_free(&pkt) }
        var out: [Int64] = []
        var usedPTS = false
        let index = stream.pointee.index
        var read = 0
        while container.nextPacket(packet) {
            defer { av_packet_unref(packet) }
            read += 1
            if read > options.packetLimit {
                throw ProbeError(.limitExceeded, MediaText.tooManyPackets(limit: options.packetLimit))
            }
            guard packet.pointee.stream_index == index else { continue }
            if packet.pointee.dts != cff_nopts_value() { out.append(packet.pointee.dts) }
            else if packet.pointee.pts != cff_nopts_value() { out.append(packet.pointee.pts); usedPTS = true }
        }
        if container.timedOut { throw container.deadline.error }
        if usedPTS { out.sort() }
        return (out, "packets")
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? max(abs(a), 1) : gcd(b, a % b) }
}
