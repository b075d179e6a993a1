import Foundation

/// What a fact measures, and so which units its limits may be written in.
///
/// Every numeric fact is stored in the SI base unit of its dimension (seconds, bytes, hertz …);
/// rule files may use any unit of the same dimension (`5 GiB`, `10 min`, `25 fps`).
public enum Dimension: String, Sendable, Codable, CaseIterable {
    /// A size in bytes (`B`, `KB`, `MB`, `GB`, `KiB`, `MiB`, `GiB`, `TiB`).
    case bytes
    /// A time in seconds (`ms`, `s`, `min`, `h`).
    case seconds
    /// A frame rate in frames per second (`fps`).
    case frameRate = "frame_rate"
    /// A frequency in hertz (`Hz`, `kHz`).
    case hertz
    /// A bit rate in bits per second (`bps`, `kbps`, `Mbps`).
    case bitRate = "bit_rate"
    /// An angle in degrees (`deg`).
    case degrees
    /// A length in pixels (`px`).
    case pixels
    /// A level or ratio in decibels (`dB`).
    case decibels
    /// A plain count or index without unit.
    case count
    /// A piece of text, compared as a string (`"16:9"`, `"mp4"`).
    case text
    /// A yes/no fact.
    case flag

    /// The units a limit of this dimension may be written in, with their factor to the base unit.
    public var units: [(symbol: String, factor: Double)] {
        switch self {
        case .bytes:
            return [("B", 1), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12),
                    ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776)]
        case .seconds: return [("ms", 0.001), ("s", 1), ("min", 60), ("h", 3600)]
        case .frameRate: return [("fps", 1)]
        case .hertz: return [("Hz", 1), ("kHz", 1000)]
        case .bitRate: return [("bps", 1), ("kbps", 1000), ("Mbps", 1_000_000)]
        case .degrees: return [("deg", 1), ("°", 1)]
        case .pixels: return [("px", 1)]
        case .decibels: return [("dB", 1)]
        case .count, .text, .flag: return []
        }
    }

    /// The symbol used when printing a value of this dimension in its base unit.
    public var baseSymbol: String {
        switch self {
        case .bytes: return "B"
        case .seconds: return "s"
        case .frameRate: return "fps"
        case .hertz: return "Hz"
        case .bitRate: return "bps"
        case .degrees: return "°"
        case .pixels: return "px"
        case .decibels: return "dB"
        case .count, .text, .flag: return ""
        }
    }

    /// Finds the dimension and factor of a unit symbol (case-sensitive first, then case-insensitive).
    public static func unit(_ symbol: String) -> (Dimension, Double)? {
        for d in Dimension.allCases {
            if let u = d.units.first(where: { $0.symbol == symbol }) { return (d, u.factor) }
        }
        for d in Dimension.allCases {
            if let u = d.units.first(where: { $0.symbol.lowercased() == symbol.lowercased() }) { return (d, u.factor) }
        }
        return nil
    }
}
