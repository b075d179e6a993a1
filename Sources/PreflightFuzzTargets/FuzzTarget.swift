@_spi(Fuzzing) import Preflight
import Foundation

/// The readers of a user's file, each fed from memory: what `make fuzz` runs under libFuzzer with
/// the address sanitizer, and what the regression tests replay (every committed corpus and crash
/// input goes through ``run(_:)`` in-process). Nothing reads or writes the disk.
///
/// ``run(_:)`` never throws: an input a reader refuses is the expected outcome. A crash, a sanitizer
/// report, a hang or unbounded memory is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Rule-file YAML: parse (units, patterns), includes resolved in memory, merge over a built-in
    /// kind, profiles, lint.
    case rules
    /// A manifest (YAML or JSON) of submissions.
    case manifest
    /// The video/container probe over the bytes: an input starting with `ftyp` goes to the native
    /// ISO-BMFF reader first (content sampling is off in ``options``), then, when it declines,
    /// through libavformat's custom I/O.
    case video
    /// The audio probe: libsndfile's virtual I/O or libavformat, decoding and analysis.
    case audio
    /// The zip bundle reader: central directory, name decoding, streamed decode of each entry.
    case zip
    /// The photo header readers: JPEG markers and EXIF, PNG chunks, WebP, refused formats.
    case photo
    /// The authorization PDF check.
    case pdf

    /// The limits fuzzing runs with: the defaults, with a time allowance under libFuzzer's own
    /// timeout so the readers' deadlines are what stops slow inputs.
    public static var options: ProbeOptions {
        var options = ProbeOptions()
        options.timeout = 3
        return options
    }

    /// Runs one input through the reader.
    public func run(_ data: Data) {
        AVLog.configure(verbose: false)
        switch self {
        case .rules: Self.rules(data)
        case .manifest:
            let text = String(decoding: data, as: UTF8.self)
            if let manifest = try? Manifest.parse(text, path: "fuzz.yaml", base: URL(fileURLWithPath: "/nonexistent/fuzz")) {
                _ = manifest.entries.map(\.submission)
            }
        case .video: _ = try? VideoProbe.facts(of: data, options: Self.options)
        case .audio: _ = try? AudioProbe.facts(of: data, options: Self.options)
        case .zip: _ = try? VoiceMaterialProbe.probe(data: data, options: Self.options)
        case .photo: _ = try? PhotoProbe.facts(of: data, options: Self.options)
        case .pdf: _ = try? PDFProbe.facts(of: data)
        }
    }

    /// The rule file alone (parse, merge, lint), then over a built-in kind with its includes read
    /// from memory (the input may include itself; other files are missing), with each profile.
    private static func rules(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let path = "/nonexistent/fuzz/studio.yaml"
        if let file = try? RuleFile.parse(text, path: path) {
            _ = RuleLint.check(RuleSet.merge([file], type: file.type ?? "user"))
        }
        var loader = RuleSetLoader(store: .embedded)
        loader.memoryFiles = [path: text]
        let types = loader.availableTypes()
        guard !types.isEmpty else { return }
        let type = types[data.count % types.count]
        let url = URL(fileURLWithPath: path)
        guard let set = try? loader.load(type: type, extraFiles: [url]) else { return }
        for profile in set.profiles.keys.sorted().prefix(2) { _ = try? loader.load(type: type, extraFiles: [url], profile: profile) }
    }
}
