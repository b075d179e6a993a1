import Foundation

/// Turns per-frame voice-activity decisions into sentence-like speech segments, streaming: pauses
/// shorter than `bridge` (300 ms) are kept inside a segment, segments shorter than `shortest` (100 ms)
/// are dropped as clicks. Frame powers are routed to a speech or a non-speech account as soon as their
/// segment is decided, so memory stays bounded (only the segments themselves are kept).
///
/// Effective speech duration = the summed length of the segments (as dataspeech sums Brouhaha's VAD
/// segments), leaving out **faint** segments: those whose 90th-percentile level lies more than
/// `faintDrop` dB below the speech's typical level (the frame-weighted median of the segments' own
/// 90th percentiles) while standing at least `faintClearance` dB above the pauses' median level. A far talker,
/// a television in another room, or the faint sounds of a quiet room made audible by its reverberation are
/// not the voice being recorded; a soft word just above the noise of a noisy take is, and stays. Faint
/// segments stay in the power accounts.
///
/// For the noise estimate it also keeps the **pause interiors**: frames outside every kept segment and at
/// least `edge` frames (60 ms) from one, so a voice's release or onset is not taken for noise. Frames
/// below `digitalSilence` (−120 dBFS: exact zeros, edited silence) are counted apart and enter neither
/// noise account.
struct SpeechSegmenter {
    static let frameMs = 20
    static let bridge = 15
    static let shortest = 5
    static let segmentLimit = 100_000
    /// Frames on each side of speech left out of the pause interiors.
    static let edge = 3
    /// Frame power below which a frame is digital silence (−120 dBFS).
    static let digitalSilence = 1e-12
    /// How far below the speech's typical level a segment is faint (dB).
    static let faintDrop = 20.0
    /// How far above the pauses' median level a faint segment must stand (dB).
    static let faintClearance = 10.0

    /// The kept segments, faint ones removed by ``finish()``.
    private(set) var segments: [SpeechSegment] = []
    /// The 90th-percentile frame level of each entry of ``segments`` (dB).
    private var segmentTops: [Double] = []
    /// Every kept segment's 90th-percentile level, weighted by its frames.
    private var topLevels = DecibelHistogram(lowest: -200, highest: 30, binWidth: 0.5)
    /// Frames of kept segments, faint ones included (the speech power account's frames).
    private(set) var speechFrames = 0
    /// Frames of faint segments (inside ``speechFrames``), known after ``finish()``.
    private(set) var faintFrames = 0
    private(set) var totalFrames = 0
    private(set) var speechPower: Double = 0
    private(set) var noisePower: Double = 0
    private(set) var noiseFrames = 0
    /// Non-speech frame levels, for the noise floor.
    private(set) var noiseLevels = DecibelHistogram()
    /// Every frame level.
    private(set) var allLevels = DecibelHistogram()
    /// Frames of digital silence (below ``digitalSilence``), in or out of speech.
    private(set) var silentFrames = 0
    /// Power of the pause-interior frames.
    private(set) var interiorPower: Double = 0
    private(set) var interiorFrames = 0
    /// Non-speech frames not yet known to be interior: the last `edge` ones, which speech may follow.
    private var pendingNoise: [Double] = []
    /// Each pause interior as a run (at most ``segmentLimit`` runs).
    private(set) var pauseRuns: [PauseStretch] = []
    /// The pause interiors cut into pieces of at most ``chunkFrames`` frames (at most ``segmentLimit``):
    /// a long "pause" that holds a stretch of voice the detector missed at a low SNR is one run, but its
    /// pieces of voice stand above its pieces of noise alone.
    private(set) var pauseChunks: [PauseStretch] = []
    /// Frames of a piece of ``pauseChunks`` (200 ms).
    static let chunkFrames = 10
    /// The short pauses bridged inside segments (40–300 ms: between words, at stop closures), without
    /// their first and last frame, as runs (at most ``segmentLimit``).
    private(set) var shortRuns: [PauseStretch] = []
    private var run = PauseStretch()
    private var chunk = PauseStretch()

    private var open = false
    private var start = 0
    private var lastSpeech = 0
    private var segPower: Double = 0, segFrames = 0
    private var gapPower: Double = 0, gapFrames = 0
    private var gapLevels: [Double] = []
    private var gapPowers: [Double] = []
    private var segLevels = DecibelHistogram(lowest: -200, highest: 30, binWidth: 0.5)

    /// Adds frame number `totalFrames` with its power and decision.
    mutating func add(power: Double, speech: Bool) {
        let index = totalFrames
        totalFrames += 1
        let db = Decibels.power(power)
        allLevels.add(db)
        if power < Self.digitalSilence { silentFrames += 1 }
        if speech {
            if !open {
                open = true; start = index
                segPower = 0; segFrames = 0
                segLevels = DecibelHistogram(lowest: -200, highest: 30, binWidth: 0.5)
                // The frames just before an onset are not interior; the pause ends here.
                pendingNoise.removeAll(keepingCapacity: true)
                endRun()
            } else if gapFrames > 0 {
                // A bridged pause inside the segment: its frames but the first and last are a short pause.
                if gapPowers.count > 2, shortRuns.count < Self.segmentLimit {
                    let inner = gapPowers[1..<(gapPowers.count - 1)].filter { $0 >= Self.digitalSilence }
                    if !inner.isEmpty {
                        var stretch = PauseStretch()
                        for p in inner { stretch.add(p) }
                        shortRuns.append(stretch)
                    }
                }
                segPower += gapPower; segFrames += gapFrames
                gapPower = 0; gapFrames = 0; gapLevels.removeAll(keepingCapacity: true); gapPowers.removeAll(keepingCapacity: true)
            }
            segPower += power; segFrames += 1
            segLevels.add(db)
            lastSpeech = index
        } else if open {
            gapPower += power; gapFrames += 1
            if gapLevels.count < Self.bridge + 1 { gapLevels.append(db); gapPowers.append(power) }
            if gapFrames > Self.bridge { close() }
        } else {
            addNoise(power, db)
            offerInterior(power)
        }
    }

    private mutating func addNoise(_ power: Double, _ db: Double) {
        noisePower += power; noiseFrames += 1
        noiseLevels.add(db)
    }

    /// A non-speech frame that is interior once `edge` more non-speech frames follow it.
    private mutating func offerInterior(_ power: Double) {
        pendingNoise.append(power)
        if pendingNoise.count > Self.edge { admitInterior(pendingNoise.removeFirst()) }
    }

    private mutating func admitInterior(_ power: Double) {
        guard power >= Self.digitalSilence else { return }
        interiorPower += power; interiorFrames += 1
        run.add(power)
        chunk.add(power)
        if chunk.frames == Self.chunkFrames { endChunk() }
    }

    private mutating func endChunk() {
        if chunk.frames > 0, pauseChunks.count < Self.segmentLimit { pauseChunks.append(chunk) }
        chunk = PauseStretch()
    }

    private mutating func endRun() {
        if run.frames > 0, pauseRuns.count < Self.segmentLimit { pauseRuns.append(run) }
        run = PauseStretch()
        endChunk()
    }

    private mutating func close() {
        guard open else { return }
        open = false
        let length = lastSpeech + 1 - start
        if length >= Self.shortest {
            speechPower += segPower; speechFrames += segFrames
            let top = segLevels.percentile(0.9) ?? -200
            topLevels.add(top, weight: segFrames)
            if segments.count < Self.segmentLimit {
                segments.append(SpeechSegment(startMs: start * Self.frameMs, endMs: (lastSpeech + 1) * Self.frameMs))
                segmentTops.append(top)
            }
        } else {
            // A click: its frames are noise, and part of the pause they sit in.
            noisePower += segPower; noiseFrames += segFrames
            for (i, c) in segLevels.counts.enumerated() where c > 0 { noiseLevels.add(segLevels.level(ofBin: i), weight: c) }
            if segFrames > 0 { for _ in 0..<segFrames { offerInterior(segPower / Double(segFrames)) } }
        }
        for db in gapLevels { noiseLevels.add(db) }
        noisePower += gapPower; noiseFrames += gapFrames
        // The first `edge` frames of the pause follow speech (when the segment was kept); the rest may be interior.
        for (k, p) in gapPowers.enumerated() where k >= (length >= Self.shortest ? Self.edge : 0) { offerInterior(p) }
        gapPower = 0; gapFrames = 0; gapLevels.removeAll(keepingCapacity: true); gapPowers.removeAll(keepingCapacity: true)
    }

    /// Closes the segment still open at the end; the last non-speech frames, which no speech follows, are interior.
    mutating func finish() {
        close()
        for p in pendingNoise { admitInterior(p) }
        pendingNoise.removeAll()
        endRun()
        dropFaint()
    }

    /// Counts the faint segments' frames (from the level histogram, so also those past ``segmentLimit``)
    /// and removes them from ``segments``.
    private mutating func dropFaint() {
        guard let typical = topLevels.percentile(0.5) else { return }
        let ceiling = typical - Self.faintDrop
        let clear = (noiseLevels.percentile(0.5) ?? -200) + Self.faintClearance
        func faint(_ level: Double) -> Bool { level < ceiling && level > clear }
        faintFrames = 0
        for (i, c) in topLevels.counts.enumerated() where c > 0 && faint(topLevels.level(ofBin: i)) { faintFrames += c }
        var kept: [SpeechSegment] = []
        for (segment, top) in zip(segments, segmentTops) where !faint(topLevels.level(ofBin: topLevels.bin(top))) { kept.append(segment) }
        segments = kept
        segmentTops.removeAll()
    }

    /// The pause runs whose own mean lies within `spread` dB of the quietest run of at least
    /// `anchorFrames` frames, pooled: the pauses that hold the noise alone. A "pause" that holds a soft
    /// stretch of voice the detector missed stands well above the real pauses and is left out;
    /// fluctuating noise (babble, clicks, music) averages out over a run and stays in.
    func consistentPauses(spread: Double, anchorFrames: Int, short: Bool = false) -> PauseStretch? {
        let runs = short ? shortRuns : pauseRuns
        guard let anchor = runs.filter({ $0.frames >= anchorFrames }).map(\.meanPower).min() else { return nil }
        let ceiling = anchor * pow(10, spread / 10)
        var pooled = PauseStretch()
        for r in runs where r.meanPower <= ceiling { pooled.merge(r) }
        return pooled.frames > 0 ? pooled : nil
    }

    /// Steady noise: the pause pieces (``pauseChunks``) whose mean lies within `factor` times the
    /// quietest piece's own frame spread (at least `least` dB) of that piece, the quietest piece being
    /// one of at least `anchorFrames` frames, pooled. Nil when there is no such piece.
    func steadyPauses(factor: Double, least: Double, anchorFrames: Int) -> PauseStretch? {
        guard let anchor = pauseChunks.filter({ $0.frames >= anchorFrames }).min(by: { $0.meanPower < $1.meanPower }) else { return nil }
        let ceiling = anchor.meanPower * pow(10, Swift.max(factor * anchor.levelDeviation, least) / 10)
        var pooled = PauseStretch()
        for c in pauseChunks where c.meanPower <= ceiling { pooled.merge(c) }
        return pooled.frames > 0 ? pooled : nil
    }

    /// Mean power of the loudest pause run of at least `anchorFrames` frames; nil when no run is that long.
    func loudestPauseRun(anchorFrames: Int) -> Double? {
        pauseRuns.filter { $0.frames >= anchorFrames }.map(\.meanPower).max()
    }

    /// The smallest frame-level spread (dB) of the pause runs of at least `frames` frames: under a
    /// steady noise (hiss, hum, fan) the cleanest pause varies by a fraction of a dB from frame to frame,
    /// under clicks, babble or music by several. Nil when no run is that long.
    func steadiestPauseDeviation(frames: Int) -> Double? {
        pauseRuns.filter { $0.frames >= frames }.map(\.levelDeviation).min()
    }

    /// Mean power of the quietest `fraction` of the frames that are not digital silence (at least
    /// `minimum` frames), from the level histogram; nil when there are fewer such frames than `minimum`.
    func quietestMeanPower(fraction: Double, minimum: Int) -> Double? {
        let sounding = allLevels.total - silentFrames
        let wanted = Swift.max(minimum, Int((fraction * Double(sounding)).rounded(.up)))
        guard sounding >= minimum else { return nil }
        var skip = silentFrames, taken = 0, sum = 0.0
        for (i, c) in allLevels.counts.enumerated() where c > 0 {
            var n = c
            if skip > 0 { let s = Swift.min(skip, n); skip -= s; n -= s }
            guard n > 0 else { continue }
            let k = Swift.min(n, wanted - taken)
            sum += Double(k) * pow(10, allLevels.level(ofBin: i) / 10)
            taken += k
            if taken == wanted { break }
        }
        return taken > 0 ? sum / Double(taken) : nil
    }
}

/// A stretch of pause-interior frames: summed power and the sums of the frame levels (dB) and their squares.
struct PauseStretch: Sendable, Equatable {
    var power = 0.0
    var frames = 0
    var levelSum = 0.0
    var levelSquares = 0.0

    mutating func add(_ p: Double) {
        let db = Decibels.power(p)
        power += p; frames += 1
        levelSum += db; levelSquares += db * db
    }

    /// Adds the frames of another stretch.
    mutating func merge(_ other: PauseStretch) {
        power += other.power; frames += other.frames
        levelSum += other.levelSum; levelSquares += other.levelSquares
    }

    /// Mean power of the frames.
    var meanPower: Double { frames > 0 ? power / Double(frames) : 0 }
    /// Standard deviation of the frame levels (dB).
    var levelDeviation: Double {
        guard frames > 0 else { return 0 }
        let n = Double(frames), mean = levelSum / n
        return Swift.max(0, levelSquares / n - mean * mean).squareRoot()
    }
}
