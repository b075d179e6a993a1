import Foundation

/// What libavcodec's bitstream parser (FFmpeg 5.1) reports for the first video packet of an H.264 or
/// HEVC track in mp4: profile name, pixel format and, when the container gives none, field order.
struct CodedHeader: Equatable {
    /// `avcodec_profile_name`'s text ("High", "Main 10" …), nil when libavcodec names none.
    var profile: String?
    /// The pixel format name (`yuv420p`, `yuv422p10le` …).
    var pixelFormat: String
    /// Bits per luma sample.
    var bitDepth: Int
    /// "4:2:0" or "4:2:2".
    var chromaSubsampling: String
    /// The parser's field order ("progressive", "tt", "bb"), nil when it reports none.
    var fieldOrder: String?

    /// The pixel format libavcodec 5.1 picks for a chroma format and bit depth (the H.264 parser's
    /// and HEVC's `map_pixel_format` agree on these four); nil for anything else.
    static func pixelFormat(chroma: Int, bitDepth: Int) -> (String, String)? {
        switch (chroma, bitDepth) {
        case (1, 8): return ("yuv420p", "4:2:0")
        case (2, 8): return ("yuv422p", "4:2:2")
        case (1, 10): return ("yuv420p10le", "4:2:0")
        case (2, 10): return ("yuv422p10le", "4:2:2")
        default: return nil
        }
    }

    /// The NAL units of a length-prefixed sample (`lengthSize` bytes of big-endian length each);
    /// nil when a length runs past the end, as libavcodec's `get_nalsize` refuses it.
    static func nalUnits(_ sample: [UInt8], lengthSize: Int) -> [ArraySlice<UInt8>]? {
        var units: [ArraySlice<UInt8>] = []
        var i = 0
        while i < sample.count {
            guard i + lengthSize <= sample.count else { return nil }
            var n = 0
            for k in 0..<lengthSize { n = n << 8 | Int(sample[i + k]) }
            i += lengthSize
            guard n > 0, n <= sample.count - i else { return nil }
            units.append(sample[i..<i + n])
            i += n
            if units.count > 1000 { return nil }
        }
        return units
    }
}

/// The H.264 parameter sets and the first slice header, read the way FFmpeg 5.1's `h264_ps.c` and
/// `h264_parser.c` read them. Anything those would refuse, or that this reader does not follow
/// (scaling matrices, interlaced coding, picture-timing SEI, POC type 1, FMO), throws
/// ``NotPlainlyUnderstood``.
enum H264Header {
    /// The parts of a sequence parameter set the parser's answer depends on.
    struct SPS: Equatable {
        var profileIdc: Int, constraintFlags: Int, chroma: Int, bitDepth: Int
        var log2MaxFrameNum: Int, pocType: Int, log2MaxPocLsb: Int
    }
    /// The parts of a picture parameter set the slice header needs.
    struct PPS: Equatable { var spsID: Int, picOrderPresent: Bool }

    /// Profile names of `avcodec_profile_name` for the profiles read here (`profiles.c`).
    static func profileName(_ sps: SPS) -> String? {
        switch sps.profileIdc {
        case 66: return sps.constraintFlags & 2 != 0 ? "Constrained Baseline" : "Baseline"
        case 77: return "Main"
        case 100: return "High"
        case 110: return sps.constraintFlags & 8 != 0 ? "High 10 Intra" : "High 10"
        case 122: return sps.constraintFlags & 8 != 0 ? "High 4:2:2 Intra" : "High 4:2:2"
        default: return nil
        }
    }

    /// Parses a sequence parameter set NAL (header byte included).
    static func sps(_ nal: [UInt8]) throws -> (id: Int, sps: SPS) {
        var r = BitReader(Array(nal.dropFirst()))
        let profile = r.bits(8)
        var flags = 0 // constraint_set0_flag in bit 0, as libavcodec keeps them
        for k in 0..<6 { flags |= r.bit() << k }
        r.skip(2)
        _ = r.bits(8) // level
        guard let id = r.ue(), id < 32 else { throw NotPlainlyUnderstood("sps id") }
        try require([66, 77, 100, 110, 122].contains(profile), "H.264 profile \(profile)")
        var chroma = 1, depth = 8
        if profile >= 100 {
            guard let c = r.ue(), let dl = r.ue(), let dc = r.ue() else { throw NotPlainlyUnderstood("sps chroma") }
            try require(c == 1 || c == 2, "chroma_format_idc \(c)")
            try require(dl == dc && (dl == 0 || dl == 2), "bit depth")
            chroma = c; depth = dl + 8
            _ = r.bit() // transform bypass
            try require(r.bit() == 0, "scaling matrix")
        }
        guard let frameNum = r.ue(), frameNum <= 12 else { throw NotPlainlyUnderstood("log2_max_frame_num") }
        guard let poc = r.ue() else { throw NotPlainlyUnderstood("poc") }
        var pocLsb = 0
        if poc == 0 {
            guard let t = r.ue(), t <= 12 else { throw NotPlainlyUnderstood("poc lsb") }
            pocLsb = t + 4
        } else {
            try require(poc == 2, "POC type \(poc)")
        }
        guard let refs = r.ue(), refs <= 16 else { throw NotPlainlyUnderstood("ref frames") }
        _ = r.bit() // gaps
        guard let mbw = r.ue(), let mbh = r.ue() else { throw NotPlainlyUnderstood("size") }
        try require(r.bit() == 1, "interlaced coding (frame_mbs_only_flag = 0)")
        try require(mbw + 1 < 1024 && mbh + 1 < 1024, "size")
        _ = r.bit() // direct_8x8
        if r.bit() == 1 {
            guard let cl = r.ue(), let cr = r.ue(), let ct = r.ue(), let cb = r.ue() else { throw NotPlainlyUnderstood("crop") }
            let stepX = 2, stepY = chroma == 1 ? 2 : 1
            try require((cl + cr) * stepX < 16 * (mbw + 1) && (ct + cb) * stepY < 16 * (mbh + 1), "crop")
        }
        if r.bit() == 1 { try vui(&r) }
        try require(!r.overread, "SPS overread")
        return (id, SPS(profileIdc: profile, constraintFlags: flags, chroma: chroma, bitDepth: depth,
                        log2MaxFrameNum: frameNum + 4, pocType: poc, log2MaxPocLsb: pocLsb))
    }

    /// Reads the VUI, refusing what `decode_vui_parameters` refuses and a picture-timing structure
    /// (`pic_struct_present_flag`), which would let SEI decide the field order.
    static func vui(_ r: inout BitReader) throws {
        if r.bit() == 1 {
            let idc = r.bits(8)
            if idc == 255 { r.skip(32) } else { try require(idc < 17, "aspect idc") }
        }
        if r.bit() == 1 { _ = r.bit() }
        if r.bit() == 1 {
            r.skip(4)
            if r.bit() == 1 { r.skip(24) }
        }
        if r.bit() == 1 { _ = r.ue(); _ = r.ue() }
        // libavcodec stops here on a truncated VUI; nothing after it is needed then.
        try require(r.bitsLeft >= 10, "truncated VUI")
        if r.bit() == 1 { r.skip(65) }
        let nal = r.bit() == 1
        if nal { try hrd(&r) }
        let vcl = r.bit() == 1
        if vcl { try hrd(&r) }
        if nal || vcl { _ = r.bit() }
        try require(r.bit() == 0, "pic_struct_present_flag")
        if r.bitsLeft == 0 { return }
        if r.bit() == 1 {
            _ = r.bit()
            for _ in 0..<4 { _ = r.ue() }
            guard let reorder = r.ue(), reorder <= 16 else { throw NotPlainlyUnderstood("num_reorder_frames") }
            _ = r.ue()
        }
    }

    /// Skips HRD parameters, refusing more than 32 CPBs as libavcodec does.
    static func hrd(_ r: inout BitReader) throws {
        guard let n = r.ue(), n < 32 else { throw NotPlainlyUnderstood("cpb count") }
        r.skip(8)
        for _ in 0...n {
            guard r.ue() != nil, r.ue() != nil else { throw NotPlainlyUnderstood("hrd") }
            _ = r.bit()
        }
        r.skip(20)
    }

    /// Parses a picture parameter set NAL against the sequence parameter sets known so far.
    static func pps(_ nal: [UInt8], sets: [Int: SPS]) throws -> (id: Int, pps: PPS) {
        let payload = Array(nal.dropFirst())
        let sizeBits = BitReader.sizeInBits(payload)
        var r = BitReader(payload)
        guard let id = r.ue(), id < 256, let spsID = r.ue(), let sps = sets[spsID] else { throw NotPlainlyUnderstood("pps ids") }
        _ = r.bit() // cabac
        let pocPresent = r.bit() == 1
        guard let groups = r.ue(), groups == 0 else { throw NotPlainlyUnderstood("FMO") }
        guard let r0 = r.ue(), let r1 = r.ue(), r0 < 32, r1 < 32 else { throw NotPlainlyUnderstood("ref count") }
        r.skip(3)
        guard r.se() != nil, r.se() != nil, let qp = r.se(), (-12...12).contains(qp) else { throw NotPlainlyUnderstood("qp") }
        r.skip(3)
        let more = !([66, 77, 88].contains(sps.profileIdc) && sps.constraintFlags & 7 != 0)
        if sizeBits - r.position > 0 && more {
            _ = r.bit()
            try require(r.bit() == 0, "PPS scaling matrix")
            guard let qp2 = r.se(), (-12...12).contains(qp2) else { throw NotPlainlyUnderstood("qp2") }
        }
        try require(!r.overread, "PPS overread")
        return (id, PPS(spsID: spsID, picOrderPresent: pocPresent))
    }

    /// The parser's answer for a track: parameter sets from `avcC`, then the first sample's NAL units
    /// up to its first slice, which must be an IDR slice.
    static func header(avcC: [UInt8], firstSample: [UInt8]) throws -> CodedHeader {
        try require(avcC.count >= 7 && avcC[0] == 1, "avcC")
        let lengthSize = Int(avcC[4] & 3) + 1
        var spsSets: [Int: SPS] = [:], ppsSets: [Int: PPS] = [:]
        var i = 5
        for kind in 0..<2 {
            guard i < avcC.count else { throw NotPlainlyUnderstood("avcC") }
            let count = Int(avcC[i]) & (kind == 0 ? 0x1F : 0xFF)
            i += 1
            for _ in 0..<count {
                guard let n = ByteReader.u16(avcC, i, bigEndian: true), i + 2 + n <= avcC.count, n > 0 else { throw NotPlainlyUnderstood("avcC") }
                try addParameterSet(avcC[(i + 2)..<(i + 2 + n)], sps: &spsSets, pps: &ppsSets)
                i += 2 + n
            }
        }
        guard let units = CodedHeader.nalUnits(firstSample, lengthSize: lengthSize) else { throw NotPlainlyUnderstood("nal sizes") }
        for unit in units {
            let type = Int(unit.first! & 0x1F)
            switch type {
            case 7, 8: try addParameterSet(unit, sps: &spsSets, pps: &ppsSets)
            case 1: throw NotPlainlyUnderstood("first slice is not IDR")
            case 5: return try slice(unit, sps: spsSets, pps: ppsSets)
            default: continue
            }
        }
        throw NotPlainlyUnderstood("no slice in the first sample")
    }

    static func addParameterSet(_ unit: ArraySlice<UInt8>, sps: inout [Int: SPS], pps: inout [Int: PPS]) throws {
        guard let rbsp = BitReader.rbsp(unit), let head = rbsp.first else { throw NotPlainlyUnderstood("rbsp") }
        switch head & 0x1F {
        case 7:
            let s = try self.sps(rbsp)
            // A changed SPS drops the PPSs that refer to it (libavcodec's remove_sps).
            if sps[s.id] != s.sps { pps = pps.filter { $0.value.spsID != s.id } }
            sps[s.id] = s.sps
        case 8:
            let p = try self.pps(rbsp, sets: sps)
            pps[p.id] = p.pps
        default: throw NotPlainlyUnderstood("parameter set type")
        }
    }

    /// Reads an IDR slice header up to `delta_pic_order_cnt_bottom` (within the first 60 bytes, as
    /// the parser does) and derives the field order from the picture order counts.
    static func slice(_ unit: ArraySlice<UInt8>, sps: [Int: SPS], pps: [Int: PPS]) throws -> CodedHeader {
        guard let rbsp = BitReader.rbsp(unit.prefix(60)) else { throw NotPlainlyUnderstood("slice rbsp") }
        var r = BitReader(Array(rbsp.dropFirst()))
        guard r.ue() != nil, let sliceType = r.ue(), sliceType <= 31, let ppsID = r.ue(), ppsID < 256,
              let p = pps[ppsID], let s = sps[p.spsID] else { throw NotPlainlyUnderstood("slice header") }
        r.skip(s.log2MaxFrameNum)
        guard r.ue() != nil else { throw NotPlainlyUnderstood("idr_pic_id") }
        var deltaBottom = 0
        if s.pocType == 0 {
            r.skip(s.log2MaxPocLsb)
            if p.picOrderPresent { guard let d = r.se() else { throw NotPlainlyUnderstood("delta poc") }; deltaBottom = d }
        }
        try require(!r.overread, "slice overread")
        guard let (format, chroma) = CodedHeader.pixelFormat(chroma: s.chroma, bitDepth: s.bitDepth) else { throw NotPlainlyUnderstood("pixel format") }
        let order = deltaBottom > 0 ? "tt" : (deltaBottom < 0 ? "bb" : "progressive")
        return CodedHeader(profile: profileName(s), pixelFormat: format, bitDepth: s.bitDepth, chromaSubsampling: chroma, fieldOrder: order)
    }
}

/// The HEVC sequence parameter set, read far enough for what FFmpeg 5.1's HEVC parser reports:
/// `general_profile_idc` (with libavcodec's fall-back to the first compatibility flag), chroma format
/// and bit depth. Field order is never taken from here: tracks without a `fiel` box are declined.
enum HEVCHeader {
    /// Profile names of `avcodec_profile_name` for HEVC (`profiles.c`).
    static func profileName(_ idc: Int) -> String? {
        switch idc {
        case 1: return "Main"
        case 2: return "Main 10"
        case 3: return "Main Still Picture"
        case 4: return "Rext"
        default: return nil
        }
    }

    /// The parser's answer for a track: VPS, SPS and PPS from `hvcC` (each present), then the first
    /// sample, whose first base-layer slice must be a random-access picture's first slice referring
    /// to a known PPS.
    static func header(hvcC: [UInt8], firstSample: [UInt8]) throws -> CodedHeader {
        try require(hvcC.count >= 23 && hvcC[0] == 1, "hvcC")
        let lengthSize = Int(hvcC[21] & 3) + 1
        var vps: Set<Int> = [], spsSets: [Int: (vps: Int, profile: Int, chroma: Int, depth: Int)] = [:], ppsSets: [Int: Int] = [:]
        var i = 23
        for _ in 0..<Int(hvcC[22]) {
            guard i + 3 <= hvcC.count, let n = ByteReader.u16(hvcC, i + 1, bigEndian: true) else { throw NotPlainlyUnderstood("hvcC") }
            i += 3
            for _ in 0..<n {
                guard let len = ByteReader.u16(hvcC, i, bigEndian: true), len >= 2, i + 2 + len <= hvcC.count else { throw NotPlainlyUnderstood("hvcC") }
                let unit = hvcC[(i + 2)..<(i + 2 + len)]
                i += 2 + len
                guard let rbsp = BitReader.rbsp(unit), rbsp.count > 2 else { throw NotPlainlyUnderstood("rbsp") }
                try require(rbsp[1] >> 3 == 0 && rbsp[0] & 1 == 0, "layer id")
                var r = BitReader(Array(rbsp.dropFirst(2)))
                switch Int(rbsp[0] >> 1) & 0x3F {
                case 32: vps.insert(r.bits(4))
                case 33:
                    let s = try sps(&r)
                    spsSets[s.id] = (s.vps, s.profile, s.chroma, s.depth)
                case 34:
                    guard let id = r.ue(), id < 64, let sid = r.ue(), sid < 16 else { throw NotPlainlyUnderstood("pps") }
                    ppsSets[id] = sid
                case 39, 40: continue
                default: throw NotPlainlyUnderstood("hvcC NAL type")
                }
            }
        }
        guard let units = CodedHeader.nalUnits(firstSample, lengthSize: lengthSize) else { throw NotPlainlyUnderstood("nal sizes") }
        for unit in units {
            guard unit.count >= 3 else { throw NotPlainlyUnderstood("short NAL") }
            let type = Int(unit[unit.startIndex] >> 1) & 0x3F
            let layer = Int(unit[unit.startIndex] & 1) << 5 | Int(unit[unit.startIndex + 1] >> 3)
            if layer > 0 { continue }
            switch type {
            case 32, 33, 34: throw NotPlainlyUnderstood("parameter sets in the first sample")
            case 16...21:
                guard let rbsp = BitReader.rbsp(unit.prefix(64)) else { throw NotPlainlyUnderstood("slice rbsp") }
                var r = BitReader(Array(rbsp.dropFirst(2)))
                try require(r.bit() == 1, "not the first slice of the picture")
                _ = r.bit()
                guard let ppsID = r.ue(), let spsID = ppsSets[ppsID], let s = spsSets[spsID], vps.contains(s.vps) else { throw NotPlainlyUnderstood("slice ids") }
                guard let (format, chroma) = CodedHeader.pixelFormat(chroma: s.chroma, bitDepth: s.depth) else { throw NotPlainlyUnderstood("pixel format") }
                return CodedHeader(profile: profileName(s.profile), pixelFormat: format, bitDepth: s.depth, chromaSubsampling: chroma, fieldOrder: nil)
            case 0...15, 22...31: throw NotPlainlyUnderstood("first slice is not a random-access picture")
            default: continue
            }
        }
        throw NotPlainlyUnderstood("no slice in the first sample")
    }

    /// Reads an SPS (after its two-byte NAL header) up to the bit depths.
    static func sps(_ r: inout BitReader) throws -> (id: Int, vps: Int, profile: Int, chroma: Int, depth: Int) {
        let vps = r.bits(4)
        let subLayers = r.bits(3)
        try require(subLayers < 7, "sub layers")
        _ = r.bit()
        r.skip(3) // profile space, tier
        var profile = r.bits(5)
        for j in 0..<32 where r.bit() == 1 && profile == 0 && j > 0 { profile = j }
        r.skip(4 + 43 + 1 + 8)
        var present: [(Bool, Bool)] = []
        for _ in 0..<subLayers { present.append((r.bit() == 1, r.bit() == 1)) }
        if subLayers > 0 { r.skip(2 * (8 - subLayers)) }
        for (p, l) in present {
            if p { r.skip(88) }
            if l { r.skip(8) }
        }
        guard let id = r.ue(), id < 16, let chroma = r.ue() else { throw NotPlainlyUnderstood("sps id") }
        try require(chroma == 1 || chroma == 2, "chroma_format_idc \(chroma)")
        guard let w = r.ue(), let h = r.ue(), w > 0, h > 0 else { throw NotPlainlyUnderstood("size") }
        if r.bit() == 1 { for _ in 0..<4 { guard r.ue() != nil else { throw NotPlainlyUnderstood("window") } } }
        guard let dl = r.ue(), let dc = r.ue(), dl == dc else { throw NotPlainlyUnderstood("bit depth") }
        try require(!r.overread, "SPS overread")
        return (id, vps, profile, chroma, dl + 8)
    }
}
