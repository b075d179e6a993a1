import Foundation

/// Names a display aspect ratio the way people say it.
public enum AspectRatio {
    /// Common ratios, portrait and landscape.
    public static let named: [(name: String, value: Double)] = [
        ("16:9", 16.0 / 9), ("9:16", 9.0 / 16), ("4:3", 4.0 / 3), ("3:4", 3.0 / 4), ("1:1", 1),
        ("21:9", 21.0 / 9), ("3:2", 3.0 / 2), ("2:3", 2.0 / 3), ("5:4", 5.0 / 4), ("4:5", 4.0 / 5),
        ("256:135", 256.0 / 135), ("135:256", 135.0 / 256),
    ]

    /// The largest relative difference still called by a common name.
    public static let tolerance = 0.01

    /// The nearest common ratio within 1 % (`1366x768` is 16:9), else the reduced fraction (`1000:999`).
    public static func name(width: Int, height: Int) -> String {
        guard width > 0, height > 0 else { return "unknown" }
        let value = Double(width) / Double(height)
        if let best = named.min(by: { abs($0.value - value) < abs($1.value - value) }),
           abs(best.value - value) / best.value <= tolerance {
            return best.name
        }
        let g = VideoProbe.gcd(width, height)
        return "\(width / g):\(height / g)"
    }
}
