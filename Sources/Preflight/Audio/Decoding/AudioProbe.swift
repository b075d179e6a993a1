import Foundation

/// Measures one audio file: format by content, codec, sample rate, channels, bit depth, bit rate
/// and duration, plus the quality facts of one streaming pass through ``AudioAnalysis``.
public enum AudioProbe {
    /// The `audio.*` facts of the file at `url` (its `file.*` facts are the caller's).
    ///
    /// WAV and FLAC are read by libsndfile; Ogg, mp3, m4a/aac, wma/asf and anything libsndfile
    /// refuses by libavformat and libavcodec. Samples are decoded in fixed-size blocks, so memory
    /// stays bounded whatever the length.
    ///
    /// - Throws: ``ProbeError``: `wrongKind` when the content is not audio (a zip bundle included),
    ///   `unreadable` when it is damaged, `limitExceeded` when ``ProbeOptions/timeout`` runs out.
    public static func facts(of url: URL, options: ProbeOptions = ProbeOptions()) throws -> Facts {
        let deadline = ReadDeadline(seconds: options.timeout)
        return try facts(of: try FileByteSource(url: url, deadline: deadline), options: options, deadline: deadline)
    }

    /// The same facts from bytes in memory, decoded through the same virtual I/O as a file (for
    /// tests, fuzzing, and callers that hold the audio already). Nothing touches the disk.
    public static func facts(of data: Data, options: ProbeOptions = ProbeOptions()) throws -> Facts {
        let deadline = ReadDeadline(seconds: options.timeout)
        return try facts(of: MemoryByteSource(data, deadline: deadline), options: options, deadline: deadline)
    }

    static func facts(of source: ByteSource, options: ProbeOptions, deadline: ReadDeadline) throws -> Facts {
        let type = ContentSniffer.detect(source.head(ContentSniffer.headerLength))
        if let failure = source.failure { throw failure }
        if type == "empty" {
            throw ProbeError(.empty, FileText.empty)
        }
        if type == "zip" {
            throw ProbeError(.wrongKind, MediaText.zipNotAudio)
        }
        let outcome = try AudioStreamReader.read(source, type: type, deadline: deadline, options: options)
        if let failure = outcome.failure { throw failure }
        return outcome.facts
    }
}
