import CStreamingCopy
import Foundation

/// The 8 kHz half of the single pass (libswresample, then ``ShortTimeSpectrum`` → ``VoiceActivityDetector``
/// and ``ReverberationEstimator``), run on its own thread so it overlaps the decoding and the full-rate
/// analysers, or inline on the producer's thread when the caller allows one thread only (`threaded: false`).
///
/// The producer copies the mono samples into fixed batches (16 384 samples) handed over through a bounded
/// queue (at most 4 in flight, so memory stays flat and a slow consumer holds the producer back);
/// voice-activity decisions come back in order, and the ``ReverberationEstimator`` is handed over at the
/// end. The producer decodes and runs the full-rate analysers (levels, clipping, WADA-SNR, frame powers,
/// edge levels, and a mono input's loudness and true peak), this thread the resampler, the FFT, the
/// voice-activity detector and the reverberation estimator, and the meters riding along (below).
///
/// Full-rate meters may ride along (``RidingMeters``): a multichannel input's loudness and true-peak
/// meters read a copy of its frames that travels with each batch (meters of one channel would read the
/// mono batches themselves). This thread has time to spare while the producer's carries every channel's
/// clipping, levels and sums. The meters are handed back by ``finish()``; what they measure is the same
/// whichever thread and whatever blocks.
///
/// Owned by a ``FixedRateHandle``, which cancels the thread if an analysis is dropped unfinished.
final class FixedRatePipeline: @unchecked Sendable {
    static let batchSize = 16_384
    static let depth = 4

    /// A batch handed to the worker: the slot holding it, its length in frames, and at least the largest
    /// magnitude among the samples the riding true-peak meter reads.
    private enum Item { case batch(slot: Int, count: Int, peak: Float), end, cancel }

    private let lock = NSLock()
    private let items = DispatchSemaphore(value: 0)
    private let slots = DispatchSemaphore(value: depth)
    private let done = DispatchSemaphore(value: 0)
    // Shared, under `lock`.
    private var queue: [Item] = []
    private var free: [Int] = []
    private var decisions: [Bool] = []
    /// Per slot: the mono samples, and (for riding meters of several channels) the interleaved frames.
    private var monoBuffers: [UnsafeMutablePointer<Float>] = []
    private var frameBuffers: [UnsafeMutablePointer<Float>] = []
    /// Interleaved channels of the frames the riding meters read (1: they read the mono samples).
    private let meterChannels: Int
    // Worker side.
    private let spectrum: ShortTimeSpectrum
    /// The analysers the hops feed, changed in place through a pointer: as class properties, every
    /// change in the per-hop closure would cost a dynamic exclusivity check, and copying them out to
    /// locals for the call would copy their histograms.
    private let hopState: UnsafeMutablePointer<HopState>
    private let resampler: Resampler
    // Producer side.
    private var current: Int?
    private var fill = 0
    /// At least the largest magnitude in `current`'s samples for the meters (the peaks of the blocks that
    /// reached it).
    private var currentPeak: Float = 0
    private var ended = false
    private let threaded: Bool

    /// A pipeline through `resampler` and `spectrum`, on its own thread when `threaded`; `meters` measure
    /// the pushed frames too (of `meters.channels` channels, each meter made for that many and for blocks
    /// of up to ``batchSize`` frames).
    init(resampler: Resampler, spectrum: ShortTimeSpectrum, threaded: Bool = true, meters: RidingMeters = RidingMeters()) {
        self.resampler = resampler
        self.spectrum = spectrum
        self.threaded = threaded
        meterChannels = meters.isEmpty ? 1 : max(1, meters.channels)
        hopState = .allocate(capacity: 1)
        hopState.initialize(to: HopState(meters: meters))
        guard threaded else { return }
        for _ in 0...Self.depth {
            monoBuffers.append(Self.zeroed(Self.batchSize))
            if meterChannels > 1 { frameBuffers.append(Self.zeroed(Self.batchSize * meterChannels)) }
        }
        free = Array(monoBuffers.indices)
        let thread = Thread { [self] in run() }
        thread.name = "preflight.audio.8k"
        thread.start()
    }

    private static func zeroed(_ n: Int) -> UnsafeMutablePointer<Float> {
        let b = UnsafeMutablePointer<Float>.allocate(capacity: n)
        b.initialize(repeating: 0, count: n)
        return b
    }

    deinit {
        for b in monoBuffers + frameBuffers { b.deallocate() }
        hopState.deinitialize(count: 1)
        hopState.deallocate()
    }

    // MARK: Producer

    /// Queues `n` mono samples at the input rate and, when the riding meters read several channels, the
    /// `n` interleaved frames they come from (`frames`); `peak` is at least the largest magnitude among the
    /// samples the meters read (the frames, or the mono samples). Analysed at once when not threaded.
    func push(_ x: UnsafePointer<Float>, frames: UnsafePointer<Float>? = nil, count n: Int, peak: Float) {
        guard !ended else { return }
        precondition(meterChannels == 1 || frames != nil, "meters of several channels need the frames")
        let framed = meterChannels > 1 ? frames : nil
        guard threaded else {
            hopState.pointee.meters.add(framed ?? x, frames: n, peak: peak)
            return resampleAndProcess(x, count: n)
        }
        let ch = meterChannels
        var i = 0
        while i < n {
            if current == nil { lock.lock(); current = free.popLast(); lock.unlock() }
            guard let slot = current else { return }
            let m = min(n - i, Self.batchSize - fill)
            // Streaming stores: the worker read this batch last round and its core may still hold the
            // lines; an ordinary copy would fetch each one back first.
            preflight_streaming_copy(monoBuffers[slot] + fill, x + i, m)
            if let framed { preflight_streaming_copy(frameBuffers[slot] + fill * ch, framed + i * ch, m * ch) }
            currentPeak = max(currentPeak, peak)
            fill += m; i += m
            if fill == Self.batchSize { submit() }
        }
    }

    private func submit() {
        guard let slot = current, fill > 0 else { return }
        slots.wait()
        lock.lock(); queue.append(.batch(slot: slot, count: fill, peak: currentPeak)); lock.unlock()
        items.signal()
        current = nil; fill = 0; currentPeak = 0
    }

    /// The decisions made so far, in order, removed from the pipeline.
    func takeDecisions() -> [Bool] {
        lock.lock()
        let d = decisions
        decisions.removeAll(keepingCapacity: true)
        lock.unlock()
        return d
    }

    /// Flushes, waits for the worker, and returns the remaining decisions, the reverberation estimator and
    /// the riding meters given at the start.
    func finish() -> ([Bool], ReverberationEstimator, RidingMeters) {
        if !ended {
            ended = true
            if threaded {
                submit()
                lock.lock(); queue.append(.end); lock.unlock()
                items.signal()
                done.wait()
            } else {
                resampleAndProcess(nil, count: 0)
            }
        }
        // The worker has stopped (`done`), so its estimator is complete and no longer changing.
        return (takeDecisions(), hopState.pointee.reverb, hopState.pointee.meters)
    }

    /// Stops the worker without waiting (an analysis dropped unfinished).
    func cancel() {
        guard !ended, threaded else { return }
        ended = true
        lock.lock(); queue.append(.cancel); lock.unlock()
        items.signal()
    }

    // MARK: Worker

    private func run() {
        while true {
            items.wait()
            lock.lock()
            let item = queue.removeFirst()
            lock.unlock()
            switch item {
            case .batch(let slot, let n, let peak):
                let mono = monoBuffers[slot]
                resampleAndProcess(mono, count: n)
                // After the resampler, which fetched the mono batch while it computed: a mono meter finds
                // it in this core's cache.
                hopState.pointee.meters.add(meterChannels > 1 ? frameBuffers[slot] : mono, frames: n, peak: peak)
                lock.lock(); free.append(slot); lock.unlock()
                slots.signal()
            case .end:
                resampleAndProcess(nil, count: 0)
                done.signal()
                return
            case .cancel:
                return
            }
        }
    }

    /// Resamples `n` samples (nil flushes the resampler and the spectrum) and analyses the 8 kHz result.
    private func resampleAndProcess(_ x: UnsafePointer<Float>?, count n: Int) {
        resampler.convert(x, count: n) { out, k in process(out, count: k) }
        if x == nil { process(nil, count: 0) }
    }

    /// Analyses `n` samples at 8 kHz; nil reports the spectrum's last window.
    private func process(_ x: UnsafePointer<Float>?, count n: Int) {
        let state = hopState
        let body = { (hop: ShortTimeSpectrum.Hop) in
            state.pointee.reverb.add(hop)
            if let d = state.pointee.vad.add(hop) { state.pointee.decisions.append(d) }
        }
        if let x { spectrum.add(x, count: n, body) } else { spectrum.flush(body) }
        if !state.pointee.decisions.isEmpty {
            lock.lock()
            decisions.append(contentsOf: state.pointee.decisions)
            lock.unlock()
            state.pointee.decisions.removeAll(keepingCapacity: true)
        }
    }
}

/// What the 8 kHz hops feed: the voice-activity detector (and its decisions not yet handed over) and the
/// reverberation estimator; and the full-rate meters riding along.
private struct HopState {
    var vad = VoiceActivityDetector()
    var decisions: [Bool] = []
    var reverb = ReverberationEstimator()
    var meters: RidingMeters
}

/// Full-rate meters that read the pipeline's batches on its thread instead of the producer's: none, or
/// an input's loudness and true peak (of `channels` interleaved channels; of one, they read the mono
/// batches).
struct RidingMeters {
    var channels = 1
    var loudness: LoudnessMeter?
    var truePeak: TruePeakMeter?

    var isEmpty: Bool { loudness == nil && truePeak == nil }

    /// Feeds `frames` frames of `channels` interleaved channels, at most `peak` in magnitude.
    mutating func add(_ x: UnsafePointer<Float>, frames: Int, peak: Float) {
        truePeak?.add(x, frames: frames, framePeak: peak)
        loudness?.add(x, frames: frames)
    }
}

/// Owns a ``FixedRatePipeline`` for an ``AudioAnalysis`` and stops its thread when the analysis goes away.
final class FixedRateHandle {
    let pipeline: FixedRatePipeline
    init(_ pipeline: FixedRatePipeline) { self.pipeline = pipeline }
    deinit { pipeline.cancel() }
}
