import Foundation

/// What one `trak` box says, read only as far as the facts need; anything the reader does not
/// reproduce exactly throws ``NotPlainlyUnderstood``.
struct TrackBoxes {
    /// `vide` or `soun` (other handlers are declined).
    var handler = ""
    /// The display matrix of `tkhd` combined with the movie's, as libavformat combines them.
    var matrix: [Int32] = []
    /// `tkhd` width and height (integer part).
    var trackWidth = 0, trackHeight = 0
    /// `mdhd` time scale (ticks per second) and duration in ticks.
    var timeScale: Int64 = 0, mediaDuration: Int64 = 0
    /// `elst` entries: segment duration (movie ticks) and media time (track ticks, −1 for empty).
    var edits: [(duration: Int64, time: Int64)] = []
    /// The sample entry: its type (`avc1`, `mp4a` …), stored width and height.
    var format = "", width = 0, height = 0
    /// `avcC` or `hvcC` bytes.
    var codecConfig: [UInt8] = []
    /// `pasp` numerator and denominator.
    var pixelAspect: (Int64, Int64)?
    /// The last `colr` nclx/nclc values: primaries, transfer, and the full-range flag (nclx only).
    var colour: (primaries: Int, transfer: Int, fullRange: Bool?)?
    /// The `fiel` value.
    var fieldInfo: UInt16?
    /// Whether a `dvcC`/`dvvC` box libavformat accepts is present.
    var dolbyVision = false
    /// AAC sample rate and channels from the AudioSpecificConfig.
    var audioRate = 0, audioChannels = 0
    /// `stts` entries (count, duration).
    var timeToSample: [(count: Int, duration: Int64)] = []
    /// `ctts` offsets, one per sample (expanded), as libavformat expands them.
    var compositionOffsets: [Int64]?
    /// `stss` sample numbers (1-based), nil without the box.
    var syncSamples: [Int]?
    /// `stsz` sizes, one per sample.
    var sampleSizes: [Int] = []
    /// `stco`/`co64` chunk offsets.
    var chunkOffsets: [Int64] = []
    /// `stsc` entries (first chunk, samples per chunk).
    var sampleToChunk: [(first: Int, count: Int)] = []
    /// Whether the track has a `stts` box.
    var hasTimeToSample = false
    /// Total samples declared by `stts`.
    var declaredSamples: Int64 = 0

    /// The most entries any sample table may declare: libavformat keeps an index of 24-byte entries
    /// within its default 64 MiB allocation limit (``ProbeOptions/maxAllocation``), and a table
    /// declaring more is left to it. Bounds the reader's own memory and keeps every timestamp sum
    /// (at most this many durations below 2³¹) far from overflowing.
    static let sampleLimit = (64 << 20) / 24

    /// Reads a `trak` payload. `movieMatrix` is the `mvhd` matrix; `fileLength` bounds every table.
    init(_ b: [UInt8], _ trak: Box, movieMatrix: [Int32], fileLength: Int64) throws {
        var sawTkhd = false, sawMdhd = false
        for box in try Box.children(of: b, from: trak.start, to: trak.end) {
            switch box.type {
            case "tkhd": try require(!sawTkhd, "two tkhd"); sawTkhd = true; try readTkhd(b, box, movieMatrix)
            case "edts":
                for e in try Box.children(of: b, from: box.start, to: box.end) {
                    try require(e.type == "elst" && edits.isEmpty, "edts child \(e.type)")
                    try readElst(b, e)
                }
            case "mdia":
                for m in try Box.children(of: b, from: box.start, to: box.end) {
                    switch m.type {
                    case "mdhd": try require(!sawMdhd, "two mdhd"); sawMdhd = true; try readMdhd(b, m)
                    case "hdlr": try require(handler.isEmpty, "two hdlr"); handler = ByteReader.fourCC(b, m.start + 8)
                    case "minf": try readMinf(b, m, fileLength: fileLength)
                    case "free", "skip": continue
                    default: throw NotPlainlyUnderstood("mdia child \(m.type)")
                    }
                }
            case "udta", "free", "skip": continue
            default: throw NotPlainlyUnderstood("trak child \(box.type)")
            }
        }
        try require(sawTkhd && sawMdhd, "tkhd or mdhd missing")
        try require(handler == "vide" || handler == "soun", "handler \(handler)")
    }

    private mutating func readTkhd(_ b: [UInt8], _ box: Box, _ movie: [Int32]) throws {
        let version = try box.version(b)
        let base = box.start + (version == 1 ? 52 : 40)
        try require(version <= 1 && base + 44 <= box.end, "tkhd")
        var m = [Int64](repeating: 0, count: 9)
        for k in 0..<9 { m[k] = Int64(Int32(truncatingIfNeeded: ByteReader.u32(b, base + 4 * k, bigEndian: true)!)) }
        trackWidth = Int(Int32(truncatingIfNeeded: ByteReader.u32(b, base + 36, bigEndian: true)!) >> 16)
        trackHeight = Int(Int32(truncatingIfNeeded: ByteReader.u32(b, base + 40, bigEndian: true)!) >> 16)
        // mov_read_tkhd: res[i][j] += (display[i][e] * movie[e][j]) >> shift[e], in 32-bit ints.
        let shifts: [Int64] = [16, 16, 30]
        var out = [Int32](repeating: 0, count: 9)
        for i in 0..<3 {
            for j in 0..<3 {
                var acc: Int32 = 0
                for e in 0..<3 {
                    let (p, o) = m[i * 3 + e].multipliedReportingOverflow(by: Int64(movie[e * 3 + j]))
                    try require(!o, "matrix overflow")
                    acc = acc &+ Int32(truncatingIfNeeded: p >> shifts[e])
                }
                out[i * 3 + j] = acc
            }
        }
        matrix = out
        // A matrix that scales one axis more than the other changes libavformat's aspect ratio.
        let sx = hypot(Double(out[0]), Double(out[3])), sy = hypot(Double(out[1]), Double(out[4]))
        try require(sx == sy, "scaling display matrix")
    }

    private mutating func readMdhd(_ b: [UInt8], _ box: Box) throws {
        let timing = try box.scaleAndDuration(b)
        timeScale = timing.scale
        mediaDuration = timing.duration
    }

    private mutating func readElst(_ b: [UInt8], _ box: Box) throws {
        let version = try box.version(b)
        let entrySize = version == 1 ? 20 : 12
        guard version <= 1, let count = ByteReader.u32(b, box.start + 4, bigEndian: true),
              count * entrySize == box.end - box.start - 8, count <= 16 else { throw NotPlainlyUnderstood("elst") }
        var i = box.start + 8
        for _ in 0..<count {
            let duration: Int64, time: Int64
            if version == 1 {
                guard let d = ByteReader.u64(b, i, bigEndian: true), let t = ByteReader.u64(b, i + 8, bigEndian: true) else { throw NotPlainlyUnderstood("elst 64") }
                duration = Int64(d); time = Int64(t)
            } else {
                duration = Int64(ByteReader.u32(b, i, bigEndian: true)!)
                time = Int64(Int32(truncatingIfNeeded: ByteReader.u32(b, i + 4, bigEndian: true)!))
            }
            try require(time >= -1, "negative media time")
            edits.append((duration, time))
            i += entrySize
        }
    }

    private mutating func readMinf(_ b: [UInt8], _ box: Box, fileLength: Int64) throws {
        var sawStbl = false
        for m in try Box.children(of: b, from: box.start, to: box.end) {
            switch m.type {
            case "vmhd", "smhd", "free", "skip": continue
            case "hdlr": continue // QuickTime's data handler: libavformat reads nothing from it here
            case "dinf":
                for d in try Box.children(of: b, from: m.start, to: m.end) {
                    try require(d.type == "dref", "dinf child")
                    // Only self-contained data references: no alias to another file.
                    guard let n = ByteReader.u32(b, d.start + 4, bigEndian: true), n >= 1 else { throw NotPlainlyUnderstood("dref") }
                    for e in try Box.children(of: b, from: d.start + 8, to: d.end) {
                        try require(e.type == "url " && e.end - e.start >= 4 && b[e.start + 3] & 1 == 1, "external data reference")
                    }
                }
            case "stbl": try require(!sawStbl, "two stbl"); sawStbl = true; try readStbl(b, m, fileLength: fileLength)
            default: throw NotPlainlyUnderstood("minf child \(m.type)")
            }
        }
        try require(sawStbl, "no stbl")
    }

    private mutating func readStbl(_ b: [UInt8], _ box: Box, fileLength: Int64) throws {
        var seen = Set<String>()
        let cap = Int(min(fileLength, Int64(Self.sampleLimit)))
        for t in try Box.children(of: b, from: box.start, to: box.end) {
            try require(!seen.contains(t.type), "two \(t.type)")
            seen.insert(t.type)
            let count = ByteReader.u32(b, t.start + 4, bigEndian: true) ?? -1
            switch t.type {
            case "stsd": try readStsd(b, t)
            case "stts":
                try require(count >= 0 && count * 8 == t.end - t.start - 8 && count <= cap, "stts size")
                hasTimeToSample = true
                for k in 0..<count {
                    let n = ByteReader.u32(b, t.start + 8 + 8 * k, bigEndian: true)!
                    let d = ByteReader.u32(b, t.start + 12 + 8 * k, bigEndian: true)!
                    try require(d < 0x8000_0000, "stts duration correction")
                    timeToSample.append((n, Int64(d)))
                    declaredSamples += Int64(n)
                }
            case "ctts":
                try require(count >= 0 && count * 8 == t.end - t.start - 8 && count <= cap, "ctts size")
                var offsets: [Int64] = []
                for k in 0..<count {
                    let n = Int32(truncatingIfNeeded: ByteReader.u32(b, t.start + 8 + 8 * k, bigEndian: true)!)
                    let d = Int32(truncatingIfNeeded: ByteReader.u32(b, t.start + 12 + 8 * k, bigEndian: true)!)
                    try require(n > 0 && d >= 0 && d < 1 << 28, "ctts entry")
                    try require(offsets.count + Int(n) <= cap, "ctts count")
                    offsets.append(contentsOf: repeatElement(Int64(d), count: Int(n)))
                }
                if count > 0 { compositionOffsets = offsets }
            case "stss":
                try require(count > 0 && count * 4 == t.end - t.start - 8 && count <= cap, "stss size")
                syncSamples = (0..<count).map { ByteReader.u32(b, t.start + 8 + 4 * $0, bigEndian: true)! }
            case "stsz":
                try require(t.end - t.start >= 12, "stsz size")
                guard let constant = ByteReader.u32(b, t.start + 4, bigEndian: true),
                      let n = ByteReader.u32(b, t.start + 8, bigEndian: true) else { throw NotPlainlyUnderstood("stsz") }
                // Every sample takes at least a byte of the file, and the index stays within the sample limit.
                try require(n <= cap, "stsz declares too many samples")
                if constant > 0 {
                    try require(constant <= 0x3FFF_FFFF, "sample size")
                    sampleSizes = Array(repeating: constant, count: n)
                } else {
                    try require(n * 4 == t.end - t.start - 12, "stsz size")
                    sampleSizes = (0..<n).map { ByteReader.u32(b, t.start + 12 + 4 * $0, bigEndian: true)! }
                    try require(!sampleSizes.contains { $0 > 0x3FFF_FFFF }, "sample size")
                }
            case "stco", "co64":
                let width = t.type == "co64" ? 8 : 4
                try require(count >= 1 && count * width == t.end - t.start - 8 && count <= cap, "\(t.type) size")
                try require(!seen.contains("stco") || !seen.contains("co64"), "stco and co64")
                chunkOffsets = try (0..<count).map { k in
                    if width == 4 { return Int64(ByteReader.u32(b, t.start + 8 + 4 * k, bigEndian: true)!) }
                    guard let v = ByteReader.u64(b, t.start + 8 + 8 * k, bigEndian: true) else { throw NotPlainlyUnderstood("co64") }
                    return Int64(v)
                }
                // A chunk beyond the end of the file: libavformat's answer (data missing) is left to it.
                try require(!chunkOffsets.contains { $0 > fileLength }, "chunk beyond the file")
            case "stsc":
                try require(count >= 1 && count * 12 == t.end - t.start - 8 && count <= cap, "stsc size")
                var previous = 0
                for k in 0..<count {
                    let first = ByteReader.u32(b, t.start + 8 + 12 * k, bigEndian: true)!
                    let n = ByteReader.u32(b, t.start + 12 + 12 * k, bigEndian: true)!
                    let id = ByteReader.u32(b, t.start + 16 + 12 * k, bigEndian: true)!
                    try require(first > previous && (k > 0 || first == 1) && n >= 1 && n <= cap && id == 1, "stsc entry")
                    sampleToChunk.append((first, n))
                    previous = first
                }
            case "sdtp", "cslg", "free", "skip": continue
            case "sgpd", "sbgp": try require(handler == "soun", "sample groups on video")
            default: throw NotPlainlyUnderstood("stbl child \(t.type)")
            }
        }
        try require(seen.isSuperset(of: ["stsd", "stts", "stsz", "stsc"]) && !chunkOffsets.isEmpty, "sample table incomplete")
        try require(Int64(sampleSizes.count) == declaredSamples, "stts and stsz disagree")
        try require(sampleToChunk.last!.first <= chunkOffsets.count, "stsc and stco disagree")
    }

    private mutating func readStsd(_ b: [UInt8], _ box: Box) throws {
        guard try box.version(b) == 0, ByteReader.u32(b, box.start + 4, bigEndian: true) == 1 else { throw NotPlainlyUnderstood("stsd entries") }
        let entries = try Box.children(of: b, from: box.start + 8, to: box.end)
        try require(entries.count == 1, "stsd entries")
        let e = entries[0]
        format = e.type
        switch (handler, format) {
        case ("vide", "avc1"), ("vide", "avc3"), ("vide", "hvc1"), ("vide", "hev1"):
            try require(e.end - e.start >= 78, "video sample entry")
            width = ByteReader.u16(b, e.start + 24, bigEndian: true)!
            height = ByteReader.u16(b, e.start + 26, bigEndian: true)!
            var configs = 0
            for c in try Box.children(of: b, from: e.start + 78, to: e.end) {
                switch c.type {
                case "avcC" where format.hasPrefix("avc"), "hvcC" where !format.hasPrefix("avc"):
                    configs += 1
                    codecConfig = Array(c.payload(b))
                case "pasp":
                    try require(c.end - c.start >= 8, "pasp")
                    let num = Int64(Int32(truncatingIfNeeded: ByteReader.u32(b, c.start, bigEndian: true)!))
                    let den = Int64(Int32(truncatingIfNeeded: ByteReader.u32(b, c.start + 4, bigEndian: true)!))
                    try require(num > 0 && den > 0 && num <= 32767 && den <= 32767, "pasp values")
                    pixelAspect = (num, den)
                case "colr":
                    let kind = ByteReader.fourCC(b, c.start)
                    if kind == "nclx" || kind == "nclc" {
                        try require(c.end - c.start >= (kind == "nclx" ? 11 : 10), "colr")
                        colour = (ByteReader.u16(b, c.start + 4, bigEndian: true)!, ByteReader.u16(b, c.start + 6, bigEndian: true)!,
                                  kind == "nclx" ? b[c.start + 10] >> 7 == 1 : nil)
                    } else {
                        try require(kind == "prof", "colr type \(kind)")
                    }
                case "fiel":
                    try require(c.end - c.start >= 2, "fiel")
                    fieldInfo = UInt16(ByteReader.u16(b, c.start, bigEndian: true)!)
                case "dvcC", "dvvC":
                    try require(c.end - c.start >= 4 && !dolbyVision, "dovi")
                    dolbyVision = true
                case "btrt", "clli", "mdcv", "clap", "free": continue
                default: throw NotPlainlyUnderstood("video sample entry child \(c.type)")
                }
            }
            try require(configs == 1, "codec configuration")
        case ("soun", "mp4a"):
            guard let version = ByteReader.u16(b, e.start + 8, bigEndian: true), version <= 1 else { throw NotPlainlyUnderstood("audio entry version") }
            let childStart = e.start + (version == 1 ? 44 : 28)
            try require(childStart <= e.end, "audio sample entry")
            var esds = 0
            for c in try Box.children(of: b, from: childStart, to: e.end) {
                switch c.type {
                case "esds": esds += 1; try readEsds(b, c)
                case "wave":
                    for w in try Box.children(of: b, from: c.start, to: c.end) {
                        switch w.type {
                        case "esds": esds += 1; try readEsds(b, w)
                        case "frma": try require(ByteReader.fourCC(b, w.start) == "mp4a", "frma")
                        case "mp4a", "chan", "\0\0\0\0": continue
                        default: throw NotPlainlyUnderstood("wave child \(w.type)")
                        }
                    }
                // `chan` never changes the channel count an AudioSpecificConfig gave (ff_mov_read_chan).
                case "btrt", "chan", "free": continue
                default: throw NotPlainlyUnderstood("audio sample entry child \(c.type)")
                }
            }
            try require(esds == 1, "esds")
        default: throw NotPlainlyUnderstood("sample entry \(handler)/\(format)")
        }
    }

    /// Reads the `esds` descriptors: an MPEG-4 audio (0x40) decoder configuration with an AAC-LC
    /// AudioSpecificConfig (``AudioSpecificConfig``).
    private mutating func readEsds(_ b: [UInt8], _ box: Box) throws {
        var i = box.start + 4
        func descriptor() throws -> (tag: UInt8, length: Int) {
            guard i < box.end else { throw NotPlainlyUnderstood("esds") }
            let tag = b[i]; i += 1
            var length = 0
            for _ in 0..<4 {
                guard i < box.end else { throw NotPlainlyUnderstood("esds") }
                let c = b[i]; i += 1
                length = length << 7 | Int(c & 0x7F)
                if c & 0x80 == 0 { break }
            }
            return (tag, length)
        }
        let es = try descriptor()
        try require(es.tag == 3, "ES descriptor")
        guard i + 3 <= box.end else { throw NotPlainlyUnderstood("esds") }
        let flags = b[i + 2]
        i += 3
        try require(flags & 0xE0 == 0, "ES descriptor flags")
        let config = try descriptor()
        try require(config.tag == 4 && i + 13 <= box.end && b[i] == 0x40, "decoder config")
        i += 13
        let specific = try descriptor()
        try require(specific.tag == 5 && (2...64).contains(specific.length) && i + specific.length <= box.end, "AudioSpecificConfig")
        let asc = try AudioSpecificConfig(Array(b[i..<i + specific.length]))
        audioRate = asc.sampleRate
        audioChannels = asc.channels
    }
}

/// An AAC-LC AudioSpecificConfig read as FFmpeg 5.1's `avpriv_mpeg4audio_get_config2` reads it from
/// an `esds` (with the backward-compatible SBR sync extension, which changes the sample rate
/// libavformat reports). Other object types, escape codes and channel configurations outside 1–7
/// throw ``NotPlainlyUnderstood``.
struct AudioSpecificConfig {
    /// The sample rate libavformat reports: the SBR rate when an extension signals one.
    let sampleRate: Int
    /// The channel count of the channel configuration.
    let channels: Int

    static let rates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]
    static let channelCounts = [0, 1, 2, 3, 4, 5, 6, 8]

    init(_ bytes: [UInt8]) throws {
        var r = BitReader(bytes)
        let objectType = r.bits(5), rateIndex = r.bits(4), channelConfig = r.bits(4)
        try require(objectType == 2 && rateIndex < Self.rates.count && (1...7).contains(channelConfig), "AAC configuration")
        var rate = Self.rates[rateIndex]
        while r.bitsLeft > 15 {
            var peek = r
            if peek.bits(11) == 0x2B7 {
                r = peek
                let extType = r.bits(5)
                try require(extType != 31, "extension object type escape")
                if extType == 5 && r.bit() == 1 {
                    let extIndex = r.bits(4)
                    try require(extIndex < Self.rates.count, "SBR rate")
                    rate = Self.rates[extIndex]
                }
                break
            }
            _ = r.bit()
        }
        sampleRate = rate
        channels = Self.channelCounts[channelConfig]
    }
}
