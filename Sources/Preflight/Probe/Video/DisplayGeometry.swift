import Foundation

/// The picture as a player shows it: the coded size stretched by the sample aspect ratio, then turned by
/// the rotation. One rule for every video reader, so libavformat's path and the native ISO-BMFF reader
/// cannot disagree on it.
enum DisplayGeometry {
    /// Sets `video.sample_aspect_ratio` (reduced, `num:den`, both positive), `video.rotation`,
    /// `video.display_width` (the width times the sample aspect, rounded), `video.display_height`,
    /// `video.display_resolution` and, when both sides are positive, `video.display_aspect`; a rotation
    /// of 90 or 270 degrees swaps the sides.
    /// The clockwise turn a player applies (0, 90, 180 or 270) for a display matrix whose rotation is
    /// `ccw` degrees counter-clockwise (`av_display_rotation_get`'s sign: an iPhone portrait clip gives
    /// −90): the negation, taken modulo 360 and rounded to a quarter turn; 0 when `ccw` is not finite.
    static func clockwiseRotation(counterClockwise ccw: Double) -> Int {
        guard ccw.isFinite else { return 0 }
        let turned = Int((-ccw).rounded())
        let normal = ((turned % 360) + 360) % 360
        return (Int((Double(normal) / 90).rounded()) * 90) % 360
    }

    static func set(width: Int, height: Int, sampleAspect: (num: Int, den: Int), rotation: Int, into facts: inout Facts) {
        let g = VideoProbe.gcd(sampleAspect.num, sampleAspect.den)
        facts.set(.videoSampleAspectRatio, "\(sampleAspect.num / g):\(sampleAspect.den / g)")
        facts.set(.videoRotation, rotation)
        var displayWidth = Int((Double(width) * Double(sampleAspect.num) / Double(sampleAspect.den)).rounded())
        var displayHeight = height
        if rotation == 90 || rotation == 270 { swap(&displayWidth, &displayHeight) }
        facts.set(.videoDisplayWidth, displayWidth)
        facts.set(.videoDisplayHeight, displayHeight)
        facts.set(.videoDisplayResolution, "\(displayWidth)x\(displayHeight)")
        if displayWidth > 0 && displayHeight > 0 {
            facts.set(.videoDisplayAspect, AspectRatio.name(width: displayWidth, height: displayHeight))
        }
    }
}
