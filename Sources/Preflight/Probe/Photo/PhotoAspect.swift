import Foundation

/// Names a photo's shape and computes the centred crop that reaches an accepted one.
enum PhotoAspect {
    /// A ratio `across:down`, with its name.
    struct Ratio: Equatable {
        /// `16:9`.
        let name: String
        /// Units across.
        let across: Int
        /// Units down.
        let down: Int
        /// across / down.
        var value: Double { Double(across) / Double(down) }
    }

    /// Ratios people name, landscape and portrait: `photo.aspect` is the nearest of these.
    static let named: [Ratio] = [
        .init(name: "1:1", across: 1, down: 1), .init(name: "4:3", across: 4, down: 3), .init(name: "3:4", across: 3, down: 4),
        .init(name: "16:9", across: 16, down: 9), .init(name: "9:16", across: 9, down: 16), .init(name: "3:2", across: 3, down: 2),
        .init(name: "2:3", across: 2, down: 3), .init(name: "5:4", across: 5, down: 4), .init(name: "4:5", across: 4, down: 5),
        .init(name: "2:1", across: 2, down: 1), .init(name: "1:2", across: 1, down: 2), .init(name: "21:9", across: 21, down: 9),
        .init(name: "9:21", across: 9, down: 21),
    ]

    /// The ratios IMAGE_PHOTO accepts (docs/service-limits.md §3.4): `photo.nearest_allowed_aspect` and
    /// `photo.crop_to_allowed` aim at these. The rule file states the same list and the tolerance.
    static let allowed: [Ratio] = [
        .init(name: "1:1", across: 1, down: 1), .init(name: "9:16", across: 9, down: 16),
        .init(name: "16:9", across: 16, down: 9), .init(name: "4:3", across: 4, down: 3),
    ]

    /// The ratio of `among` closest to width:height (by the factor between them, so 3:4 is as far
    /// from 9:16 as from 1:1; a tie goes to the ratio of the same orientation), and the relative
    /// error |(width/height) / ratio − 1|.
    static func nearest(width: Int, height: Int, among ratios: [Ratio]) -> (ratio: Ratio, error: Double) {
        let value = Double(max(width, 1)) / Double(max(height, 1))
        let portrait = height > width
        var best = ratios[0]
        var bestDistance = Double.infinity
        for r in ratios {
            let distance = abs(log(value / r.value))
            let sameOrientation = (r.down > r.across) == portrait
            if distance < bestDistance - 1e-9 || (abs(distance - bestDistance) <= 1e-9 && sameOrientation) {
                best = r
                bestDistance = distance
            }
        }
        return (best, abs(value / best.value - 1))
    }

    /// The largest centred crop of exactly `ratio`, as ImageMagick geometry `WxH+X+Y`
    /// (e.g. `900x1600+150+0` for 1200x1600 to 9:16); nil when the image is smaller than the ratio's terms.
    static func crop(width: Int, height: Int, to ratio: Ratio) -> String? {
        let k = min(width / ratio.across, height / ratio.down)
        guard k > 0 else { return nil }
        let w = ratio.across * k, h = ratio.down * k
        return "\(w)x\(h)+\((width - w) / 2)+\((height - h) / 2)"
    }
}
