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
/// loudness, edge levels), this thread the resampler, the FFT, the voice-activity detector and the
/// reverberation estimator (and a mono input's true peak, below).
///
/// A mono input's ``TruePeakMeter`` may ride along (`truePeak:`): it reads the same batches on this thread,
/// which has time to spare while the producer's thread carries the other full-rate analysers, and is
/// handed back by ``finish()``. Its peak is the same whichever thread and whatever blocks measured it.
///
/// Owned by a ``FixedRateHandle``, which cancels the thread if an analysis is dropped unfinished.
final class FixedRatePipeline: @unchecked Sendable {
    static let batchSize = 16_384
    static let depth = 4

    private enum Item { case samples(UnsafeMutablePointer<Float>, Int, peak: Float), end, cancel }

    private let lock = NSLock()
    private let items = DispatchSemaphore(value: 0)
    private let slots = DispatchSemaphore(value: depth)
    private let done = DispatchSemaphore(value: 0)
    // Shared, under `lock`.
    private var queue: [Item] = []
    private var free: [UnsafeMutablePointer<Float>] = []
    private var decisions: [Bool] = []
    private var buffers: [UnsafeMutablePointer<Float>] = []
    // Worker side.
    private let spectrum: ShortTimeSpectrum
    /// The analysers the hops feed, changed in place through a pointer: as class properties, every
    /// change in the per-hop closure would cost a dynamic exclusivity check, and copying them out to
    /// locals for the call would copy their histograms.
    private let hopState: UnsafeMutablePointer<HopState>
    private let resampler: Resampler
    // Producer side.
    private var current: UnsafeMutablePointer<Float>?
    private var fill = 0
    /// At least the largest magnitude in `current` (the peaks of the blocks that reached it).
    private var currentPeak: Float = 0
    private var ended = false
    private let threaded: Bool

    /// A pipeline through `resampler` and `spectrum`, on its own thread when `threaded`; `truePeak`, a
    /// meter for one channel, measures the pushed samples too.
    init(resampler: Resampler, spectrum: ShortTimeSpectrum, threaded: Bool = true, truePeak: TruePeakMeter? = nil) {
        self.resampler = resampler
        self.spectrum = spectrum
        self.threaded = threaded
        hopState = .allocate(capacity: 1)
        hopState.initialize(to: HopState(truePeak: truePeak))
        guard threaded else { return }
        for _ in 0...Self.depth {
            let b = UnsafeMutablePointer<Float>.allocate(capacity: Self.batchSize)
            b.initialize(repeating: 0, count: Self.batchSize)
            buffers.append(b)
        }
        free = buffers
        let thread = Thread { [self] in run() }
        thread.name = "preflight.audio.8k"
        thread.start()
    }

    deinit {
        for b in buffers { b.deallocate() }
        hopState.deinitialize(count: 1)
        hopState.deallocate()
    }

    // MARK: Producer

    /// Queues `n` mono samples at the input rate, none larger than `peak` in magnitude (analysed at once
    /// when not threaded).
    func push(_ x: UnsafePointer<Float>, count n: Int, peak: Float) {
        guard !ended else { return }
        guard threaded else {
            hopState.pointee.truePeak?.add(x, frames: n, framePeak: peak)
            return resampleAndProcess(x, count: n)
        }
        var i = 0
        while i < n {
            if current == nil { lock.lock(); current = free.popLast(); lock.unlock() }
            guard let buf = current else { return }
            let m = min(n - i, Self.batchSize - fill)
            // Streaming stores: the worker read this batch last round and its core may still hold the
            // lines; an ordinary copy would fetch each one back first.
            preflight_streaming_copy(buf + fill, x + i, m)
            currentPeak = max(currentPeak, peak)
            fill += m; i += m
            if fill == Self.batchSize { submit() }
        }
    }

    private func submit() {
        guard let buf = current, fill > 0 else { return }
        slots.wait()
        lock.lock(); queue.append(.samples(buf, fill, peak: currentPeak)); lock.unlock()
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
    /// the true-peak meter given at the start.
    func finish() -> ([Bool], ReverberationEstimator, TruePeakMeter?) {
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
        return (takeDecisions(), hopState.pointee.reverb, hopState.pointee.truePeak)
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
            case .samples(let buf, let n, let peak):
                resampleAndProcess(buf, count: n)
                // After the resampler, which fetched the batch while it computed: the meter's copy finds
                // it in this core's cache.
                hopState.pointee.truePeak?.add(buf, frames: n, framePeak: peak)
                lock.lock(); free.append(buf); lock.unlock()
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
/// reverberation estimator; and the full-rate true-peak meter riding along, if any.
private struct HopState {
    var vad = VoiceActivityDetector()
    var decisions: [Bool] = []
    var reverb = ReverberationEstimator()
    var truePeak: TruePeakMeter?
}

/// Owns a ``FixedRatePipeline`` for an ``AudioAnalysis`` and stops its thread when the analysis goes away.
final class FixedRateHandle {
    let pipeline: FixedRatePipeline
    init(_ pipeline: FixedRatePipeline) { self.pipeline = pipeline }
    deinit { pipeline.cancel() }
}
