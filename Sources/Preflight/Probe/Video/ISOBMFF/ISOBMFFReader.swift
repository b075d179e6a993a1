import Foundation

/// Answers a header-only video probe of an mp4/mov without libavformat: the same ``Facts`` as
/// ``VideoProbe`` reads through FFmpeg 5.1 with content off, or nil ("not sure") so the caller falls
/// back to libavformat.
///
/// Reads the top-level boxes, `moov` (at most ``moovLimit`` bytes) and the first video sample, all
/// through the ``ByteSource``. Answers only for one H.264 (`avc1`/`avc3`) or HEVC (`hvc1`/`hev1`)
/// track, with any number of AAC-LC (`mp4a`) tracks, no fragments, at most one edit per track and a
/// parameter set the parser would read the same way; everything else, and anything not plainly
/// understood, is nil. Never traps, allocates at most what the file's size allows, and throws only
/// the deadline's ``ProbeError``.
enum ISOBMFFReader {
    /// The largest `moov` read into memory.
    static let moovLimit = 64 << 20
    /// The largest first video sample read.
    static let sampleLimit = 8 << 20
    /// The most top-level boxes walked.
    static let topLevelLimit = 4096
    /// The most tracks answered for.
    static let trackLimit = 8
    /// libavformat's demuxer name for every ISO file.
    static let demuxer = "mov,mp4,m4a,3gp,3g2,mj2"

    /// The facts, or nil to fall back. Throws the deadline's error once it passes.
    static func facts(of source: ByteSource, options: ProbeOptions, deadline: ReadDeadline) throws -> Facts? {
        do {
            return try read(source, options: options, deadline: deadline)
        } catch is NotPlainlyUnderstood {
            if deadline.passed { throw deadline.error }
            return nil
        }
    }

    /// Why the reader declines a file, nil when it answers (for tests and debugging).
    static func declineReason(_ source: ByteSource, options: ProbeOptions = ProbeOptions()) -> String? {
        let deadline = ReadDeadline(seconds: options.timeout)
        do {
            _ = try read(source, options: options, deadline: deadline)
            return nil
        } catch let e as NotPlainlyUnderstood {
            return e.reason
        } catch {
            return "\(error)"
        }
    }

    /// Bytes in memory, for tests and the fuzzer.
    static func facts(of data: Data, options: ProbeOptions = ProbeOptions()) throws -> Facts? {
        let deadline = ReadDeadline(seconds: options.timeout)
        return try facts(of: MemoryByteSource(data, deadline: deadline), options: options, deadline: deadline)
    }

    private static func read(_ source: ByteSource, options: ProbeOptions, deadline: ReadDeadline) throws -> Facts {
        let length = source.length
        var offset: Int64 = 0, boxes = 0
        var ftyp: [UInt8]?, moov: [UInt8]?
        while length - offset >= 8 {
            if deadline.passed { throw deadline.error }
            boxes += 1
            try require(boxes <= topLevelLimit, "too many top-level boxes")
            let head = source.bytes(at: offset, count: 16)
            try require(head.count >= 8 && source.failure == nil, "read")
            var size = Int64(ByteReader.u32(head, 0, bigEndian: true)!), header: Int64 = 8
            if size == 1 {
                guard let big = ByteReader.u64(head, 8, bigEndian: true) else { throw NotPlainlyUnderstood("64-bit size") }
                size = Int64(big); header = 16
            } else if size == 0 {
                size = length - offset
            }
            try require(size >= header && size <= length - offset, "top-level box size")
            let type = ByteReader.fourCC(head, 4)
            switch type {
            case "ftyp":
                try require(ftyp == nil && moov == nil && size <= 4096, "ftyp")
                ftyp = source.bytes(at: offset + header, count: Int(size - header))
            case "moov":
                try require(moov == nil && size - header <= moovLimit, "moov")
                moov = source.bytes(at: offset + header, count: Int(size - header))
                try require(moov!.count == Int(size - header), "short moov")
            case "mdat", "free", "skip", "wide": break
            default: throw NotPlainlyUnderstood("top-level \(type)")
            }
            offset += size
        }
        try require(source.failure == nil, "read failure")
        guard let moov else { throw NotPlainlyUnderstood("no moov") }
        let brand = try brands(ftyp)
        return try facts(moov: moov, brand: brand, source: source, options: options, deadline: deadline)
    }

    /// The major brand and the compatible brands as libavformat's tags hold them (printable ASCII only).
    static func brands(_ ftyp: [UInt8]?) throws -> (major: String, compatible: String)? {
        guard let ftyp else { return nil }
        try require(ftyp.count >= 8, "ftyp size")
        let text = ftyp.prefix(4) + ftyp.dropFirst(8)
        try require(text.allSatisfy { (0x20...0x7E).contains($0) }, "brand bytes")
        return (String(decoding: ftyp.prefix(4), as: UTF8.self), String(decoding: ftyp.dropFirst(8), as: UTF8.self))
    }

    private static func facts(moov b: [UInt8], brand: (major: String, compatible: String)?, source: ByteSource,
                              options: ProbeOptions, deadline: ReadDeadline) throws -> Facts {
        var movieScale: Int64 = 0, movieDuration: Int64 = 0
        var movieMatrix: [Int32]?
        var tracks: [TrackBoxes] = []
        for box in try Box.children(of: b, from: 0, to: b.count) {
            switch box.type {
            case "mvhd":
                try require(movieMatrix == nil && tracks.isEmpty, "mvhd")
                let timing = try box.scaleAndDuration(b)
                // Rate (4), volume (2) and reserved (10) bytes, then the 3×3 matrix.
                try require(timing.next + 4 + 2 + 10 + 36 <= box.end, "mvhd size")
                movieScale = timing.scale
                movieDuration = timing.duration
                let m = timing.next + 4 + 2 + 10
                movieMatrix = (0..<9).map { Int32(truncatingIfNeeded: ByteReader.u32(b, m + 4 * $0, bigEndian: true)!) }
            case "trak":
                guard let movieMatrix else { throw NotPlainlyUnderstood("trak before mvhd") }
                try require(tracks.count < trackLimit, "too many tracks")
                tracks.append(try TrackBoxes(b, box, movieMatrix: movieMatrix, fileLength: source.length))
            case "udta", "meta":
                // Cover art in the item list becomes an attached-picture stream in libavformat.
                let payload = box.payload(b)
                try require(!payload.indices.dropLast(3).contains { payload[$0] == 0x63 && payload[$0 + 1] == 0x6F && payload[$0 + 2] == 0x76 && payload[$0 + 3] == 0x72 }, "covr")
            case "iods", "free", "skip": continue
            default: throw NotPlainlyUnderstood("moov child \(box.type)")
            }
            if deadline.passed { throw deadline.error }
        }
        try require(movieScale > 0, "no mvhd")
        try require(tracks.count <= options.streamLimit, "stream limit")
        // libavformat refuses a sample table declaring more frames than the file has bytes.
        try require(!tracks.contains { $0.declaredSamples > max(1, source.length) }, "forged sample table")
        let videos = tracks.filter { $0.handler == "vide" }
        let audios = tracks.filter { $0.handler == "soun" }
        try require(videos.count == 1, "video track count")
        let video = videos[0]
        try require(video.width > 0 && video.height > 0, "video size")

        var facts = Facts()
        let isoBrand = ISOBrand(major: brand?.major, compatible: brand?.compatible)
        facts.set(.containerFormat, isoBrand.detectedType)
        facts.set(.containerFormatLong, demuxer + (brand.map { " (\($0.major.trimmingCharacters(in: .whitespaces)))" } ?? ""))
        let containerDuration: Double?
        if movieDuration > 0 {
            let micros = try SampleIndex.rescale(movieDuration, 1_000_000, movieScale)
            containerDuration = micros > 0 ? Double(micros) / 1_000_000 : nil
        } else {
            containerDuration = nil
        }
        facts.set(.containerDuration, containerDuration)
        facts.set(.containerVideoStreams, 1)
        facts.set(.containerAudioStreams, audios.count)
        facts.set(.videoHasAudio, !audios.isEmpty)
        if let audio = audios.first {
            facts.set(.audioCodec, "aac")
            facts.set(.audioSampleRate, audio.audioRate)
            facts.set(.audioChannels, audio.audioChannels)
            facts.set(.videoAudioCodec, "aac")
            facts.set(.videoAudioSampleRate, audio.audioRate)
            facts.set(.videoAudioChannels, audio.audioChannels)
        }

        // Video stream duration as libavformat holds it: mdhd, shortened to the stts total.
        let sttsTotal = video.timeToSample.reduce(Int64(0)) { $0 + Int64($1.count) * $1.duration }
        let streamDuration = sttsTotal != 0 ? min(video.mediaDuration, sttsTotal) : video.mediaDuration
        let index = try SampleIndex(video, duration: streamDuration, movieTimeScale: movieScale)
        try require(!index.entries.isEmpty && !index.entries[0].discard, "first entry")
        let isHEVC = video.format == "hvc1" || video.format == "hev1"
        facts.set(.videoCodec, isHEVC ? "hevc" : "h264")
        if streamDuration > 0 {
            let (bits, o1) = UInt64(index.dataSize).multipliedReportingOverflow(by: 8)
            let (scaled, o2) = bits.multipliedReportingOverflow(by: UInt64(video.timeScale))
            try require(!o1 && !o2, "bit rate overflow")
            let rate = scaled / UInt64(streamDuration)
            if rate > 0 && rate <= UInt64(Int64.max) { facts.set(.videoBitRate, Int64(rate)) }
        }
        facts.set(.videoWidth, video.width)
        facts.set(.videoHeight, video.height)
        var sar = (num: 1, den: 1)
        if let (num, den) = video.pixelAspect {
            let g = VideoProbe.gcd(Int(num), Int(den))
            sar = (Int(num) / g, Int(den) / g)
        } else {
            try require(video.trackWidth == 0 || video.trackHeight == 0
                        || (video.trackWidth == video.width && video.trackHeight == video.height), "tkhd size differs")
        }
        DisplayGeometry.set(width: video.width, height: video.height, sampleAspect: sar,
                            rotation: clockwiseRotation(video.matrix), into: &facts)
        let timeBase = 1 / Double(video.timeScale)
        if index.duration > 0 {
            facts.set(.videoDuration, Double(index.duration) * timeBase)
        } else {
            facts.set(.videoDuration, containerDuration)
        }

        try requireFirstPacketFound(video: index, videoScale: video.timeScale, others: tracks.filter { $0.handler != "vide" })
        if deadline.passed { throw deadline.error }
        let first = index.entries[0]
        try require(first.size <= sampleLimit, "first sample size")
        let sample = source.bytes(at: first.position, count: first.size)
        try require(sample.count == first.size && source.failure == nil, "first sample read")
        let coded = isHEVC ? try HEVCHeader.header(hvcC: video.codecConfig, firstSample: sample)
                           : try H264Header.header(avcC: video.codecConfig, firstSample: sample)
        try addHeaderFacts(video, coded: coded, isHEVC: isHEVC, into: &facts)

        let timestamps = index.entries.filter { !$0.discard }.map { $0.timestamp }
        try require(timestamps.count >= 2 && timestamps.count <= options.packetLimit, "frame count")
        let timing = FrameTiming(timestamps: timestamps, timeBase: timeBase)
        try require(timing.averageRate != nil, "no frame rate from timestamps")
        timing.addFacts(source: "index", into: &facts)
        return facts
    }

    /// ``VideoHeader``'s facts from the sample entry (`colr`, `fiel`, `dvcC`) and the parsed header.
    static func addHeaderFacts(_ video: TrackBoxes, coded: CodedHeader, isHEVC: Bool, into facts: inout Facts) throws {
        if let profile = coded.profile { facts.set(.videoProfile, profile) }
        facts.set(.videoPixelFormat, coded.pixelFormat)
        facts.set(.videoBitDepth, coded.bitDepth)
        facts.set(.videoChromaSubsampling, coded.chromaSubsampling)
        var transfer = 2
        if let colour = video.colour {
            let primaries = colourPrimaries[colour.primaries] != nil ? colour.primaries : 2
            transfer = colourTransfers[colour.transfer] != nil ? colour.transfer : 2
            if primaries != 2 { facts.set(.videoColorPrimaries, colourPrimaries[primaries]) }
            if transfer != 2 { facts.set(.videoColorTransfer, colourTransfers[transfer]) }
            if let full = colour.fullRange { facts.set(.videoColorRange, full ? "full" : "limited") }
        }
        facts.set(.videoHdr, VideoHeader.hdrName(dolbyVision: video.dolbyVision, transfer: transfer))
        var order = video.fieldInfo.flatMap(fieldOrder)
        if order == nil {
            try require(!isHEVC, "HEVC without a fiel box")
            order = coded.fieldOrder
        }
        if let order {
            facts.set(.videoFieldOrder, order)
            facts.set(.videoInterlaced, order != "progressive")
        }
    }

    /// libavformat's `mov_read_fiel`: the field order a `fiel` value names, nil for unknown codes.
    static func fieldOrder(_ fiel: UInt16) -> String? {
        if fiel & 0xFF00 == 0x0100 { return "progressive" }
        guard fiel & 0xFF00 == 0x0200 else { return nil }
        switch fiel & 0xFF {
        case 0x01: return "tt"
        case 0x06: return "bb"
        case 0x09: return "tb"
        case 0x0E: return "bt"
        default: return nil
        }
    }

    /// `av_color_primaries_name` of FFmpeg 5.1 by value.
    static let colourPrimaries: [Int: String] = [
        0: "reserved", 1: "bt709", 2: "unknown", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
        7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428", 11: "smpte431", 12: "smpte432", 22: "ebu3213",
    ]
    /// `av_color_transfer_name` of FFmpeg 5.1 by value.
    static let colourTransfers: [Int: String] = [
        0: "reserved", 1: "bt709", 2: "unknown", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
        7: "smpte240m", 8: "linear", 9: "log100", 10: "log316", 11: "iec61966-2-4", 12: "bt1361e",
        13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12", 16: "smpte2084", 17: "smpte428", 18: "arib-std-b67",
    ]

    /// ``VideoProbe/clockwiseRotation(_:)`` on a display matrix as libavformat stores it (none when it
    /// is the identity), with `av_display_rotation_get`'s arithmetic.
    static func clockwiseRotation(_ m: [Int32]) -> Int {
        let identity: [Int32] = [1 << 16, 0, 0, 0, 1 << 16, 0, 0, 0, 1 << 30]
        guard m.count == 9, m != identity else { return 0 }
        func fp(_ x: Int32) -> Double { Double(x) / Double(1 << 16) }
        let s0 = hypot(fp(m[0]), fp(m[3])), s1 = hypot(fp(m[1]), fp(m[4]))
        guard s0 != 0, s1 != 0 else { return 0 }
        return DisplayGeometry.clockwiseRotation(counterClockwise: -(atan2(fp(m[1]) / s1, fp(m[0]) / s0) * 180 / Double.pi))
    }

    /// ``VideoHeader`` parses the first video packet among the first 64 that libavformat returns,
    /// which it orders by file position while timestamps stay within a second of each other. This
    /// requires that at most 48 samples of other tracks lie before the first video sample, that the
    /// first video timestamp is within half a second of zero, and that no other track starts more
    /// than half a second early; otherwise the answer could differ.
    static func requireFirstPacketFound(video: SampleIndex, videoScale: Int64, others: [TrackBoxes]) throws {
        let first = video.entries[0]
        try require(abs(first.timestamp) * 2 <= videoScale, "first video timestamp")
        var before = 0
        for track in others {
            try require(track.edits.allSatisfy { $0.time == -1 || $0.time * 2 <= track.timeScale } && track.edits.count <= 2, "other track edits")
            var plain = track
            plain.edits = []
            plain.compositionOffsets = nil
            let index = try SampleIndex(plain, duration: track.mediaDuration, movieTimeScale: 1)
            before += index.entries.lazy.filter { $0.position < first.position }.count
            try require(before <= 48, "first video sample after many other samples")
        }
    }
}
