import Foundation

/// Sharpness and exposure of a region of a ``GrayPicture`` (a face box).
struct FaceRegionQuality: Equatable {
    /// Variance of the 4-neighbour Laplacian over the region (low: blurry).
    var sharpness: Double
    /// Mean luma, 0–255.
    var meanLevel: Double
    /// Share of the region's pixels at 250 or more (clipped highlights).
    var clippedShare: Double

    /// Measures the region `left, top, width, height` (clamped to the picture); nil when fewer than
    /// 3×3 pixels remain.
    static func measure(_ picture: GrayPicture, left: Double, top: Double, width: Double, height: Double) -> FaceRegionQuality? {
        let x0 = max(0, Int(left.rounded())), y0 = max(0, Int(top.rounded()))
        let x1 = min(picture.width, Int((left + width).rounded())), y1 = min(picture.height, Int((top + height).rounded()))
        guard x1 - x0 >= 3, y1 - y0 >= 3 else { return nil }
        var sum = 0.0, clipped = 0
        for y in y0..<y1 {
            for x in x0..<x1 {
                let v = picture[x, y]
                sum += Double(v)
                if v >= 250 { clipped += 1 }
            }
        }
        let count = Double((x1 - x0) * (y1 - y0))
        // The Laplacian on the interior only, so every neighbour is inside the region.
        var lapSum = 0.0, lapSquares = 0.0, lapCount = 0.0
        for y in (y0 + 1)..<(y1 - 1) {
            for x in (x0 + 1)..<(x1 - 1) {
                let l = Double(picture[x - 1, y]) + Double(picture[x + 1, y]) + Double(picture[x, y - 1]) + Double(picture[x, y + 1])
                    - 4 * Double(picture[x, y])
                lapSum += l
                lapSquares += l * l
                lapCount += 1
            }
        }
        let lapMean = lapSum / lapCount
        return FaceRegionQuality(sharpness: lapSquares / lapCount - lapMean * lapMean, meanLevel: sum / count,
                                 clippedShare: Double(clipped) / count)
    }
}
