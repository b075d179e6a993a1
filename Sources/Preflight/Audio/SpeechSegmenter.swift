import Foundation

/// Turns per-frame voice-activity decisions into sentence-like speech segments, streaming: pauses
/// shorter than `bridge` (300 ms) are kept inside a segment, segments shorter than `shortest` (100 ms)
/// are dropped as clicks. Frame powers are routed to a speech or a non-speech account as soon as their
/// segment is decided, so memory stays bounded (only the segments themselves are kept).
///
/// Effective speech duration = the summed length of the segments (as dataspeech sums Brouhaha's VAD
/// segments).
struct SpeechSegmenter {
    static let frameMs = 20
    static let bridge = 15
    static let shortest = 5
    static let segmentLimit = 100_000

    private(set) var segments: [SpeechSegment] = []
    private(set) var speechFrames = 0
    private(set) var totalFrames = 0
    private(set) var speechPower: Double = 0
    private(set) var noisePower: Double = 0
    private(set) var noiseFrames = 0
    /// Non-speech frame levels, for the noise floor.
    private(set) var noiseLevels = DecibelHistogram()
    /// Every frame level.
    private(set) var allLevels = DecibelHistogram()

    private var open = false
    private var start = 0
    private var lastSpeech = 0
    private var segPower: Double = 0, segFrames = 0
    private var gapPower: Double = 0, gapFrames = 0
    private var gapLevels: [Double] = []
    private var segLevels = DecibelHistogram(lowest: -200, highest: 30, binWidth: 0.5)

    /// Adds frame number `totalFrames` with its power and decision.
    mutating func add(power: Double, speech: Bool) {
        let index = totalFrames
        totalFrames += 1
        let db = Decibels.power(power)
        allLevels.add(db)
        if speech {
            if !open {
                open = true; start = index
                segPower = 0; segFrames = 0
                segLevels = DecibelHistogram(lowest: -200, highest: 30, binWidth: 0.5)
            } else if gapFrames > 0 {
                segPower += gapPower; segFrames += gapFrames
                gapPower = 0; gapFrames = 0; gapLevels.removeAll(keepingCapacity: true)
            }
            segPower += power; segFrames += 1
            segLevels.add(db)
            lastSpeech = index
        } else if open {
            gapPower += power; gapFrames += 1
            if gapLevels.count < Self.bridge + 1 { gapLevels.append(db) }
            if gapFrames > Self.bridge { close() }
        } else {
            addNoise(power, db)
        }
    }

    private mutating func addNoise(_ power: Double, _ db: Double) {
        noisePower += power; noiseFrames += 1
        noiseLevels.add(db)
    }

    private mutating func close() {
        guard open else { return }
        open = false
        let length = lastSpeech + 1 - start
        if length >= Self.shortest {
            speechPower += segPower; speechFrames += segFrames
            if segments.count < Self.segmentLimit {
                segments.append(SpeechSegment(startMs: start * Self.frameMs, endMs: (lastSpeech + 1) * Self.frameMs))
            }
        } else {
            // A click: its frames are noise.
            noisePower += segPower; noiseFrames += segFrames
            for (i, c) in segLevels.counts.enumerated() where c > 0 { noiseLevels.add(segLevels.level(ofBin: i), weight: c) }
        }
        for db in gapLevels { noiseLevels.add(db) }
        noisePower += gapPower; noiseFrames += gapFrames
        gapPower = 0; gapFrames = 0; gapLevels.removeAll(keepingCapacity: true)
    }

    /// Closes the segment still open at the end.
    mutating func finish() { close() }
}
