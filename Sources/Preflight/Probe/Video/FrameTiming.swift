import Foundation

/// What the timestamps of a video stream say about its frame rate, read without decoding a frame.
///
/// Built from decode timestamps (DTS) in the stream's time base: from the container's sample index
/// (mp4/mov `stts`) or from packet headers. DTS steps are used, not packet durations, which libavformat
/// 5.1 reports wrongly for some B-frame files.
struct FrameTiming: Equatable {
    /// Number of frames timed.
    var frameCount: Int
    /// Average frames per second over the timed span.
    var averageRate: Double?
    /// 1 / the longest step.
    var minimumRate: Double?
    /// 1 / the shortest step.
    var maximumRate: Double?
    /// The typical (median) step, in seconds.
    var typicalStep: Double?
    /// The longest step, in seconds.
    var longestStep: Double?
    /// Steps longer than 1.5 typical steps.
    var gaps: Int
    /// Whether the rate varies: more than 1 % of steps (and at least 3) differ from the typical step
    /// by more than one tick and more than 1 %.
    var isVariable: Bool

    /// Sets `video.frame_timing_source` (`source`), `video.frame_count` and `video.frame_rate` (from the
    /// timestamps, else the container's `headerFrameCount` and `headerRate`), `video.frame_rate_min` and
    /// `_max`, and, with at least two frames timed, `video.frame_rate_mode`, `video.frame_gaps` and
    /// `video.longest_gap`. Every video reader sets them here, so they cannot disagree.
    func addFacts(source: String, headerFrameCount: Int? = nil, headerRate: Double? = nil, into facts: inout Facts) {
        facts.set(.videoFrameTimingSource, source)
        facts.set(.videoFrameCount, frameCount > 0 ? frameCount : headerFrameCount)
        facts.set(.videoFrameRate, averageRate ?? headerRate)
        facts.set(.videoFrameRateMin, minimumRate)
        facts.set(.videoFrameRateMax, maximumRate)
        if frameCount >= 2 {
            facts.set(.videoFrameRateMode, isVariable ? "variable" : "constant")
            facts.set(.videoFrameGaps, gaps)
            facts.set(.videoLongestGap, longestStep)
        }
    }

    /// Analyses timestamps (in decode order) given in units of `timeBase` seconds.
    init(timestamps: [Int64], timeBase: Double) {
        frameCount = timestamps.count
        gaps = 0
        isVariable = false
        guard timestamps.count >= 2, timeBase > 0 else { return }
        var steps: [Int64] = []
        steps.reserveCapacity(timestamps.count - 1)
        for i in 1..<timestamps.count {
            let (d, overflow) = timestamps[i].subtractingReportingOverflow(timestamps[i - 1])
            if !overflow && d > 0 { steps.append(d) }
        }
        guard !steps.isEmpty else { return }
        let sorted = steps.sorted()
        let median = sorted[sorted.count / 2]
        let tolerance = max(1.0, 0.01 * Double(median))
        var deviating = 0
        for s in steps {
            if abs(Double(s - median)) > tolerance { deviating += 1 }
            if Double(s) > 1.5 * Double(median) { gaps += 1 }
        }
        isVariable = deviating >= 3 && Double(deviating) > 0.01 * Double(steps.count)
        let span = Double(steps.reduce(0, +) + median) * timeBase
        averageRate = span > 0 ? Double(frameCount) / span : nil
        typicalStep = Double(median) * timeBase
        longestStep = Double(sorted.last!) * timeBase
        minimumRate = 1 / (Double(sorted.last!) * timeBase)
        maximumRate = 1 / (Double(sorted.first!) * timeBase)
    }
}
