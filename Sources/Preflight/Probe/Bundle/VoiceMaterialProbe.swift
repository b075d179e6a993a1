import Foundation

/// Measures the file of a voice slot: a zip bundle of takes, or a single audio file.
public enum VoiceMaterialProbe {
    /// A zip bundle gives `bundle.*` facts and one ``EntryMeasurement`` per file entry, each streamed from
    /// the compressed data (never extracted; memory bounded). A single audio file gives its `audio.*`
    /// facts, both as the file's facts and as one entry named after the file (so entry-scoped rules
    /// apply to it too). The caller adds the file's own `file.*` facts.
    ///
    /// - Parameter detectedType: `file.detected_type` when the caller already sniffed it.
    /// - Throws: ``ProbeError`` for problems of the whole file (not a zip nor audio, a damaged or
    ///   truncated zip, a safety limit); problems of single entries are entry facts instead.
    public static func probe(_ url: URL, detectedType: String?, options: ProbeOptions = ProbeOptions()) throws -> ProbeResult {
        let type = try detectedType ?? FileFacts.read(url)[.fileDetectedType]?.text ?? "unknown"
        try LazyLibraries.require(type == "zip" ? LazyLibrary.audioAnalysis.union(.zipBundle) : .audioAnalysis)
        if type == "zip" { return summarised(try ZipBundleReader.read(url, options: options)) }
        let audio = try single(type) { try AudioProbe.facts(of: url, options: options) }
        var entry = (try? FileFacts.read(url)) ?? Facts()
        entry.merge(audio)
        entry.set(.entryPath, url.lastPathComponent)
        entry.set(.entryIsAudio, true)
        return ProbeResult(facts: audio, entries: [EntryMeasurement(name: url.lastPathComponent, facts: entry)])
    }

    /// The same from bytes in memory: a zip through a libzip buffer source, audio through the
    /// decoders' virtual I/O (for tests, fuzzing, and callers that hold the file already). Nothing
    /// touches the disk. `name` labels the single entry of an audio file.
    public static func probe(data: Data, name: String = "audio", options: ProbeOptions = ProbeOptions()) throws -> ProbeResult {
        let type = ContentSniffer.detect(Array(data.prefix(ContentSniffer.headerLength)))
        try LazyLibraries.require(type == "zip" ? LazyLibrary.audioAnalysis.union(.zipBundle) : .audioAnalysis)
        if type == "zip" { return summarised(try ZipBundleReader.read(data, options: options)) }
        let audio = try single(type) { try AudioProbe.facts(of: data, options: options) }
        var entry = audio
        entry.set(.entryPath, name)
        entry.set(.entryIsAudio, true)
        return ProbeResult(facts: audio, entries: [EntryMeasurement(name: name, facts: entry)])
    }

    /// Adds the bundle's audio quality from its takes: speech duration summed, SNR and C50 the worst take.
    private static func summarised(_ result: ProbeResult) -> ProbeResult {
        var out = result
        let takes = (result.entries ?? []).map { AudioAnalysisResult(facts: $0.facts) }
        out.facts.merge(AudioAnalysisResult.bundle(takes).facts)
        return out
    }

    /// Reads a single audio file, saying what it is when it is neither audio nor a zip.
    private static func single(_ type: String, _ read: () throws -> Facts) throws -> Facts {
        do {
            return try read()
        } catch let e as ProbeError where e.kind == .wrongKind {
            throw ProbeError(.wrongKind, BundleText.neitherAudioNorZip(type),
                detail: e.detail)
        }
    }
}
