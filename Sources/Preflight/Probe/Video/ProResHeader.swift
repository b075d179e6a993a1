import Foundation

/// What an Apple ProRes frame says of itself, which libavformat leaves open (FFmpeg has no ProRes
/// parser, and the probe decodes no frame): the sample entry's FourCC names the profile, the frame
/// header the chroma format, the scan and whether an alpha channel follows (Apple's ProRes RAW and
/// bitstream description; FFmpeg's `proresdec2.c` reads the same bytes).
///
/// A frame starts with its size (4 bytes) and `icpf`, then the frame header: its size (2), version (2),
/// creator (4), width (2), height (2), a byte with the chroma format (bits 7–6: 2 is 4:2:2, 3 is 4:4:4)
/// and the interlace mode (bits 3–2: 0 progressive, 1 top field first, 2 bottom field first), and five
/// bytes later the alpha channel type (low 4 bits: 0 none, 1 8-bit, 2 16-bit).
struct ProResHeader: Equatable {
    /// 4:4:4 chroma (else 4:2:2).
    var chroma444: Bool
    /// An alpha channel follows the picture.
    var alpha: Bool
    /// 12 bits a sample, as FFmpeg decodes the 4444 profiles (else 10).
    var twelveBit: Bool
    /// 0 progressive, 1 top field first, 2 bottom field first.
    var interlaceMode: Int
    /// FFmpeg's profile number (`FF_PROFILE_PRORES_*`: 0 Proxy … 5 XQ), nil for an unknown FourCC.
    var profile: Int32?

    /// The FourCCs of the profiles, in FFmpeg's profile order.
    static let profileTags = ["apco", "apcs", "apcn", "apch", "ap4h", "ap4x"]

    /// The header of the frame starting at `frame`, for a track whose sample entry is `codecTag` (the
    /// FourCC as libavformat stores it, first character in the low byte); nil when it is no ProRes frame.
    init?(frame: [UInt8], codecTag: UInt32) {
        guard frame.count >= 26, Array(frame[4..<8]) == Array("icpf".utf8) else { return nil }
        let chroma = (frame[20] >> 6) & 3
        let mode = Int((frame[20] >> 2) & 3)
        guard chroma == 2 || chroma == 3, mode <= 2 else { return nil }
        let tag = String(decoding: (0..<4).map { UInt8(truncatingIfNeeded: codecTag >> (8 * $0)) }, as: UTF8.self)
        chroma444 = chroma == 3
        alpha = frame[25] & 0xF != 0
        twelveBit = tag == "ap4h" || tag == "ap4x"
        interlaceMode = mode
        profile = Self.profileTags.firstIndex(of: tag).map(Int32.init)
    }
}
