@_spi(Calibration) import Preflight
import Foundation

/// The speech the calibration mixes: `talk-*` files are the material under test, `babble-*` files make
/// babble noise. Loaded from `Fixtures/speech` (see `Fixtures/make-speech-fixtures.sh`), all at one rate.
public struct CalibrationSpeech: Sendable {
    /// Utterances under test, mono.
    public var talks: [[Float]]
    /// Names of the talks, for the report.
    public var names: [String]
    /// Talkers for babble noise, mono.
    public var babble: [[Float]]
    /// Their common sample rate.
    public var sampleRate: Int

    /// Loads every `talk-*` and `babble-*` file of a folder (FLAC or WAV), mixing channels to mono.
    public static func load(from folder: URL) throws -> CalibrationSpeech {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["flac", "wav"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var speech = CalibrationSpeech(talks: [], names: [], babble: [], sampleRate: 0)
        for url in files {
            let audio = try SoundFileReader.read(url)
            if speech.sampleRate == 0 { speech.sampleRate = audio.sampleRate }
            guard audio.sampleRate == speech.sampleRate else {
                throw SoundFileReader.Failure(description: "\(url.lastPathComponent): \(audio.sampleRate) Hz, expected \(speech.sampleRate) Hz")
            }
            var mono = [Float](repeating: 0, count: audio.samples.count / audio.channels)
            for i in mono.indices {
                var s: Float = 0
                for c in 0..<audio.channels { s += audio.samples[i * audio.channels + c] }
                mono[i] = s / Float(audio.channels)
            }
            let name = url.deletingPathExtension().lastPathComponent
            if name.hasPrefix("talk") { speech.talks.append(mono); speech.names.append(name) }
            else if name.hasPrefix("babble") { speech.babble.append(mono) }
        }
        guard !speech.talks.isEmpty else { throw SoundFileReader.Failure(description: "no talk-* files in \(folder.path)") }
        return speech
    }

    /// The same material with only talk `i` under test.
    public func only(_ i: Int) -> CalibrationSpeech {
        CalibrationSpeech(talks: [talks[i]], names: [names[i]], babble: babble, sampleRate: sampleRate)
    }

    /// The talks (or the first `limit`) joined with `gap` seconds of silence between and around them.
    public func take(limit: Int? = nil, gap: Double = 0.6) -> [Float] {
        let silence = [Float](repeating: 0, count: Int(gap * Double(sampleRate)))
        var out = silence
        for t in talks.prefix(limit ?? talks.count) { out += t; out += silence }
        return out
    }
}
