import Foundation

/// Reads one audio stream from a byte source: chooses the decoder by content, decodes it once in
/// fixed-size blocks through ``AudioAnalysis``, and gives the `audio.*` facts.
enum AudioStreamReader {
    /// What reading found.
    struct Outcome {
        /// The `audio.*` facts, quality facts included.
        var facts: Facts
        /// How far decoding got.
        var progress: AudioDecodeProgress
        /// The source's own failure (a limit, a damaged zip entry), if reading stopped on one.
        var failure: ProbeError?
    }

    /// Content types libsndfile reads best; everything else goes to libavformat first. Not Ogg:
    /// libsndfile 1.2.0 leaks libvorbis state when it refuses a damaged Ogg stream (found by
    /// fuzzing, Fuzz/regressions/audio/), and libavformat reads Vorbis and Opus as well.
    static let sndfileTypes: Set<String> = ["wav", "flac"]

    /// Decodes `source` whose first bytes sniffed as `type`.
    ///
    /// - Throws: ``ProbeError`` `wrongKind` when the content is not audio, `unreadable` when it is
    ///   audio that no decoder opens, `libraryMissing` when a library it needs cannot be loaded.
    static func read(_ source: ByteSource, type: String, deadline: ReadDeadline, options: ProbeOptions) throws -> Outcome {
        try LazyLibraries.require(.audioAnalysis)
        var firstError: ProbeError?
        if sndfileTypes.contains(type) {
            try LazyLibraries.require(.sndfile)
            do {
                let decoder = try SndFileAudioDecoder(source: source)
                return run(decoder.description, source: source, deadline: deadline, options: options) { decoder.decode($0, shouldStop: $1) }
            } catch let e as ProbeError {
                firstError = e
            }
        }
        if let failure = source.failure { throw failure }
        source.position = 0
        do {
            let decoder = try LibavAudioDecoder(source: source, options: options, deadline: deadline)
            return run(decoder.description, source: source, deadline: deadline, options: options) { decoder.decode($0, shouldStop: $1) }
        } catch let e as ProbeError {
            if let failure = source.failure { throw failure }
            if e.kind == .limitExceeded || e.kind == .libraryMissing { throw e }
            if ContentSniffer.audioTypes.contains(type) && e.kind != .wrongKind || firstError != nil {
                throw ProbeError(.unreadable, MediaText.audioUndecodable(type),
                    detail: (firstError ?? e).detail ?? e.detail)
            }
            throw ProbeError(.wrongKind, MediaText.notAudio(type), detail: e.detail)
        }
    }

    /// Decodes through the analysis and assembles the facts.
    private static func run(_ description: AudioStreamDescription, source: ByteSource, deadline: ReadDeadline, options: ProbeOptions,
                            decode: ((UnsafeBufferPointer<Float>) -> Void, () -> Bool) -> AudioDecodeProgress) -> Outcome {
        var analysis = AudioAnalysis(sampleRate: description.sampleRate, channels: description.channels, threads: options.threads,
                                     takeQuality: !AudioAnalysis.benchmarkLeavesOutTakeQuality)
        var stopped = false
        let ticket = ProgressTicket.current
        var blocks = 0
        let progress = decode({ analysis.consume($0) }, {
            if !stopped, source.failure != nil || deadline.passed { stopped = true }
            blocks += 1
            if let ticket, blocks % 64 == 0 { ticket.update(done: source.position, total: source.length) }
            return stopped
        })
        ticket?.update(done: source.position, total: source.length)
        var facts = description.facts
        let rate = Double(description.sampleRate)
        // PCM: the decoded length is the truth when the whole stream was read. Compressed audio in a
        // container with a sample table (m4a, wma, ogg …): the header's, as players show it (decoders
        // keep encoder padding or drop priming). Raw mp3/aac headers only estimate: decoded wins.
        let decoded = Double(progress.frames) / rate
        let headerFirst = description.compressed && !["mp3", "aac"].contains(description.format)
        let duration: Double
        if let header = description.headerDuration, headerFirst || !progress.complete { duration = header } else { duration = decoded }
        facts.set(.audioDuration, duration)
        facts.set(.audioFrames, progress.frames)
        facts.set(.audioComplete, progress.complete)
        if description.compressed, facts[.audioBitRate] == nil, duration > 0 {
            facts.set(.audioBitRate, Double(source.length) * 8 / duration)
        }
        if progress.frames > 0 { facts.merge(analysis.finish().facts) }
        let failure = source.failure ?? (deadline.passed ? deadline.error : nil)
        return Outcome(facts: facts, progress: progress, failure: failure)
    }
}
