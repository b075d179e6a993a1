import CPixelDecode
import Foundation

/// The content facts of a take from a bounded sample of its frames (``VideoFrameSampler``): the
/// background of the border region (green screen, white wall or other) and the faces.
enum VideoContent {
    /// Share of the border region in one keying colour over which the background is that colour.
    static let keyShare = 0.5
    /// Standard deviation of the luma of the key-coloured pixels at which uniformity reaches 0.
    static let uniformitySpread = 40.0
    /// Mouth opening over which a mouth counts as open (as for photos, see rules/shared/photo-content.yaml).
    static let mouthOpenRatio = 0.08
    /// Sampled frames searched at twice their size (one upsampling) instead of as sampled, spread over
    /// the sample: there faces down to about 48 px of the sampled frame (an eighth of its long side
    /// at 640 px is 80 px) are found, such as a second person beside the first, which at the sampled
    /// size fall under the detector's 80 px. A fixed number, so the pass's cost does not grow with
    /// the take; each such search costs about three of the others.
    static let fineSearches = 4
    /// The first pyramid level of a fine search: level 1 of the doubled frame is 5/3 of the sampled
    /// size; level 0 (twice the size) would add faces of 40–48 px for a third more work.
    static let fineFirstLevel = 1

    /// The `video.*` content facts of a stream lasting `duration` seconds; nothing when no frame decodes.
    static func facts(_ sampler: VideoFrameSampler, duration: Double, deadline: ReadDeadline) -> Facts {
        let frames = sampler.sample(duration: duration, deadline: deadline)
        var f = Facts()
        guard !frames.isEmpty else { return f }
        f.set(.videoSampledFrames, frames.count)
        f.merge(background(frames))
        f.merge(faces(frames, deadline: deadline))
        return f
    }

    /// `video.background`, `video.background_coverage`, `video.background_uniformity`.
    static func background(_ frames: [SampledFrame]) -> Facts {
        var f = Facts()
        let borders = frames.compactMap(\.border)
        guard !borders.isEmpty else { return f }
        let n = Double(borders.count)
        let green = borders.map(\.green_share).reduce(0, +) / n, white = borders.map(\.white_share).reduce(0, +) / n
        let kind: String, coverage: Double, spread: Double
        if green >= keyShare && green >= white {
            (kind, coverage, spread) = ("green", green, borders.map(\.green_luma_sd).reduce(0, +) / n)
        } else if white >= keyShare {
            (kind, coverage, spread) = ("white", white, borders.map(\.white_luma_sd).reduce(0, +) / n)
        } else {
            (kind, coverage, spread) = ("other", max(green, white), borders.map(\.luma_sd).reduce(0, +) / n)
        }
        f.set(.videoBackground, kind)
        f.set(.videoBackgroundCoverage, round3(coverage))
        f.set(.videoBackgroundUniformity, round3(max(0, 1 - spread / uniformitySpread)))
        return f
    }

    /// The indices of the frames, of `count` in time order, searched at twice their size: ``fineSearches``
    /// of them (or every one, when there are fewer), the middles of equal parts of the sample.
    static func fineSearchIndices(count: Int) -> Set<Int> {
        guard count > fineSearches else { return Set(0..<count) }
        return Set((0..<fineSearches).map { k in (2 * k + 1) * count / (2 * fineSearches) })
    }

    /// The face facts; nothing when the face library cannot be opened (`video.faces_measured` false);
    /// `video.faces_in_time` false and no other face fact when `deadline` passed during the searches.
    static func faces(_ frames: [SampledFrame], deadline: ReadDeadline? = nil) -> Facts {
        var f = Facts()
        let model = FaceDetector.landmarkModel
        var searches: [(time: Double, search: FaceDetector.Search)] = []
        let fine = fineSearchIndices(count: frames.count)
        do {
            for (i, frame) in frames.enumerated() {
                let isFine = fine.contains(i)
                let search = try FaceDetector.search(frame.luma, upsample: isFine ? 1 : 0, firstLevel: isFine ? fineFirstLevel : 0,
                                                     threshold: PhotoContent.threshold, landmarks: model, deadline: deadline)
                searches.append((frame.time, search))
            }
        } catch let e as ProbeError {
            f.setSearchStopped(e, inTime: .videoFacesInTime, measured: .videoFacesMeasured, problem: (.videoFacesProblem, .videoFacesProblemZh))
            return f
        } catch {
            return f
        }
        f.set(.videoFacesMeasured, true)
        let single = searches.filter { $0.search.count == 1 }
        f.set(.videoFaceFramesRatio, round3(Double(single.count) / Double(searches.count)))
        let most = searches.max { $0.search.count < $1.search.count }
        f.set(.videoFaceCountMax, most?.search.count ?? 0)
        if let most, most.search.count > 1 { f.set(.videoFaceCountMaxAt, seconds(most.time)) }
        if let missing = searches.first(where: { $0.search.count == 0 }) { f.set(.videoFaceMissingAt, seconds(missing.time)) }
        let landmarks = searches.compactMap { s in s.search.faces.first?.landmarks.map { (s.time, $0) } }
        f.set(.videoLandmarksMeasured, model != nil && !landmarks.isEmpty)
        guard !landmarks.isEmpty else { return f }
        let start = landmarks.filter { $0.0 < VideoFrameSampler.startSeconds }
        if !start.isEmpty {
            // Open when two or more of the start's samples are: one alone is within the landmarks' noise.
            let opened = start.filter { $0.1.mouthOpen > mouthOpenRatio }
            let open = opened.count >= 2 ? opened.first : nil
            f.set(.videoMouthClosedStart, open == nil)
            f.set(.videoMouthOpenStartMax, round3(start.map(\.1.mouthOpen).max() ?? 0))
            if let open { f.set(.videoMouthOpenAt, seconds(open.0)) }
        }
        if let tilt = landmarks.max(by: { abs($0.1.roll) < abs($1.1.roll) }) {
            f.set(.videoHeadRollMax, (abs(tilt.1.roll) * 10).rounded() / 10)
            f.set(.videoHeadRollMaxAt, seconds(tilt.0))
        }
        return f
    }

    /// The input with `video.background_expected` (`green`, `white` or `kept`, from the request's
    /// IsHaveBackground and RemoveBackground, with the service's defaults false and 1 when not
    /// given) and `video.background_keyable` (the background is the one the service will remove, or
    /// it is kept) added, when the input's background was measured.
    static func judgeBackground(_ input: InputReport, request: MakeRequest?) -> InputReport {
        guard let background = input.facts[.videoBackground]?.text else { return input }
        var input = input
        let expected = request?.isHaveBackground == true ? "kept" : (request?.removeBackground == 2 ? "white" : "green")
        input.facts.set(.videoBackgroundExpected, expected)
        input.facts.set(.videoBackgroundKeyable, expected == "kept" || expected == background)
        return input
    }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    /// A time in the take, as people read it: `12.4 s`.
    static func seconds(_ t: Double) -> String { String(format: "%.1f s", t) }
}
