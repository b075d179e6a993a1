@_spi(Calibration) import Preflight
import Foundation

/// The wider SNR calibration: many voices (one folder of sentences each, made by
/// `Fixtures/make-calibration-voices.sh`), each read three ways, under seven noises from 0 to 40 dB and clean.
///
/// - **continuous** reading: sentences joined by 40–120 ms gaps, so pauses are under 10 % of the time;
/// - **natural** reading: 0.5–2 s between sentences;
/// - **run-on** reading: the sentences back to back with no silence before the first, every pause of the
///   recording cut out (only those inside the sentences are left).
///
/// The true SNR is the one `audio.snr_db` is defined by (``Calibration/mix(_:noise:snr:sampleRate:)``);
/// "clean" is the take stored as a 16-bit recorder stores it (dithered, a floor near −101 dBFS), which must
/// read at least 40 dB.
public struct CalibrationVoices: Sendable {
    /// One voice: its sentences, mono, at ``sampleRate``.
    public struct Voice: Sendable {
        /// The folder's name (`espeak-en-m3`, `flite-awb`, `human-alsa` …).
        public var name: String
        /// Its sentences, in order.
        public var sentences: [[Float]]
    }

    /// How the sentences are joined.
    public enum Reading: String, CaseIterable, Sendable {
        /// 40–120 ms between sentences.
        case continuous
        /// 0.5–2 s between sentences.
        case natural
        /// Sentences back to back, with no silence before the first: every pause of the recording cut out,
        /// only those inside the sentences left.
        case runOn = "run-on"
    }

    /// The voices, sorted by name.
    public var voices: [Voice]
    /// Their common sample rate.
    public var sampleRate: Int

    /// Loads every sub-folder of `folder` that holds WAV sentences (`sNN.wav`), all at one rate.
    public static func load(from folder: URL) throws -> CalibrationVoices {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var voices: [Voice] = []
        var rate = 0
        for name in names {
            let dir = folder.appendingPathComponent(name)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            let sentences = files.filter { $0.hasPrefix("s") && $0.hasSuffix(".wav") }.sorted()
            guard !sentences.isEmpty else { continue }
            var voice = Voice(name: name, sentences: [])
            for file in sentences {
                let audio = try SoundFileReader.read(dir.appendingPathComponent(file))
                if rate == 0 { rate = audio.sampleRate }
                guard audio.sampleRate == rate, audio.channels == 1 else {
                    throw SoundFileReader.Failure(description: "\(name)/\(file): \(audio.sampleRate) Hz, \(audio.channels) channels; expected \(rate) Hz mono")
                }
                voice.sentences.append(audio.samples)
            }
            voices.append(voice)
        }
        guard !voices.isEmpty else { throw SoundFileReader.Failure(description: "no voice folders in \(folder.path)") }
        return CalibrationVoices(voices: voices, sampleRate: rate)
    }

    /// The sentences of `voice` joined as `reading`, up to `seconds` of speech (at least one sentence),
    /// with 0.3 s of silence before the first (none when run-on).
    public func take(_ voice: Voice, _ reading: Reading, seconds: Double = 75, seed: UInt64) -> [Float] {
        var rng = SignalSynthesis.Random(seed: seed)
        var out = [Float](repeating: 0, count: reading == .runOn ? 0 : sampleRate * 3 / 10)
        var spoken = 0.0
        for s in voice.sentences {
            out += s
            spoken += Double(s.count) / Double(sampleRate)
            let gap = switch reading {
            case .continuous: 0.04 + 0.08 * rng.uniform()
            case .natural: 0.5 + 1.5 * rng.uniform()
            case .runOn: 0.0
            }
            out += [Float](repeating: 0, count: Int(gap * Double(sampleRate)))
            if spoken >= seconds { break }
        }
        return out
    }

    /// One SNR case of the wider calibration.
    public struct SNRCase: Sendable {
        /// Voice, reading and noise.
        public var voice: String, reading: Reading, noise: SignalSynthesis.Noise
        /// True SNR (nil: clean).
        public var truth: Double?
        /// `audio.snr_db` (nil: not measured).
        public var estimate: Double?
        /// `audio.snr_method`.
        public var method: String
        /// `audio.snr_uncertainty_db` (nil: not measured).
        public var uncertainty: Double?
    }

    /// Every voice × reading × noise × SNR (and clean, once per voice and reading).
    public func snrCases(voices only: [String]? = nil, readings: [Reading] = Reading.allCases,
                         noises: [SignalSynthesis.Noise] = SignalSynthesis.everyNoise,
                         snrs: [Double] = [0, 5, 10, 15, 20, 25, 30, 35, 40], seconds: Double = 75) -> [SNRCase] {
        let babble = voices.filter { $0.name.hasPrefix("espeak-en") || $0.name.hasPrefix("flite") }.map { ($0.name, $0.sentences.reduce([], +)) }
        var cases: [SNRCase] = []
        for (v, voice) in voices.enumerated() where only?.contains(voice.name) ?? true {
            for reading in readings {
                // Seeds follow the position in the full lists, so a subset reads the same cases.
                let r = Reading.allCases.firstIndex(of: reading) ?? 0
                let seed = UInt64(v * 100 + r * 10)
                let clean = Calibration.leveled(take(voice, reading, seconds: seconds, seed: seed), sampleRate: sampleRate)
                var stored = clean
                SignalSynthesis.quantize16Dithered(&stored, seed: seed + 1)
                let c = Calibration.analyse(stored, sampleRate: sampleRate)
                cases.append(SNRCase(voice: voice.name, reading: reading, noise: .white, truth: nil,
                                     estimate: c.facts["audio.snr_db"]?.number, method: c.facts["audio.snr_method"]?.text ?? "",
                                     uncertainty: c.facts["audio.snr_uncertainty_db"]?.number))
                for kind in noises {
                    let k = SignalSynthesis.everyNoise.firstIndex(of: kind) ?? 0
                    // Babble from the other voices only.
                    let talkers = babble.filter { $0.0 != voice.name }.map(\.1)
                    let noise = SignalSynthesis.noise(kind, count: clean.count, seed: seed + UInt64(k) + 3, talkers: talkers, sampleRate: sampleRate)
                    for snr in snrs {
                        let r = Calibration.analyse(Calibration.mix(clean, noise: noise, snr: snr, sampleRate: sampleRate), sampleRate: sampleRate)
                        cases.append(SNRCase(voice: voice.name, reading: reading, noise: kind, truth: snr,
                                             estimate: r.facts["audio.snr_db"]?.number, method: r.facts["audio.snr_method"]?.text ?? "",
                                             uncertainty: r.facts["audio.snr_uncertainty_db"]?.number))
                    }
                }
            }
        }
        return cases
    }

    /// The wider calibration as Markdown: per voice × noise × reading the mean and worst error over
    /// 0–40 dB, the agreement with the truth at the service's thresholds (20, 25, 30 dB), whether adding
    /// noise ever raised the reading, how many cases lie within the uncertainty they report and the
    /// widest one reported, and per voice the clean reading; then how far continuous and run-on reading
    /// move the estimate from natural reading.
    public static func snrReport(_ cases: [SNRCase]) -> String {
        var out = """
        # SNR calibration over voices, readings and noises

        Made by `make calibrate` (Fixtures/make-calibration-voices.sh, then AudioQualityCalibrationTests/voiceCalibration): \
        nine synthetic voices (espeak-ng en, en-us, cmn, yue; flite awb, kal16, rms, slt; festival HTS slt) and two human \
        recordings (the alsa-utils prompts, pyannote.audio's sample), each read continuously (40–120 ms between sentences), \
        naturally (0.5–2 s) and run-on (the sentences back to back, no silence before the first: every pause cut out), \
        under seven noises at 0–40 dB, 16 kHz, 16-bit. Error = audio.snr_db − true SNR. The human recordings' own noise \
        lives under their voice (their sentences are trimmed and joined by silence), where no method sees it; at 0–5 dB \
        their segments keep only the louder speech, so they read high there. pyannote.audio's sample opens with 2.4 s of \
        its own room tone, 38 dB under its speech, which every reading keeps (run-on, as its only pause) and the true SNR \
        does not count.

        Each estimate reports its own uncertainty (`audio.snr_uncertainty_db`, "± reported" below): 3 dB where the noise \
        was measured in the pauses, wider where the noise sample was short for how much the noise rises and falls, where \
        another pause stands above a short sample, where the short pauses stand above the quietest frames, below 10 dB \
        SNR (7 dB, more below 0 dB), and for the short-pause (8 dB) and quietest-frame (10 dB) methods. "Within ± \
        reported" counts the cases whose error lies inside it. The rule files widen their SNR band to it \
        (`uncertainty_fact`).


        """
        out += "| voice | noise | reading | cases | mean error | worst error | agree @20 / 25 / 30 dB | noise raised it | within ± reported | widest ± | method |\n"
            + "| --- | --- | --- | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |\n"
        var keys: [String] = []
        var groups: [String: [SNRCase]] = [:]
        for c in cases where c.truth != nil {
            let key = "\(c.voice)|\(c.noise.rawValue)|\(c.reading.rawValue)"
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(c)
        }
        var worstOver: [String: Double] = [:]
        for key in keys {
            let g = groups[key]!.sorted { $0.truth! < $1.truth! }
            let errors = g.map { ($0.estimate ?? .nan) - $0.truth! }
            let finite = errors.filter(\.isFinite)
            let mean = finite.isEmpty ? Double.nan : finite.reduce(0, +) / Double(finite.count)
            let worst = finite.max { abs($0) < abs($1) } ?? .nan
            let agree = [20.0, 25, 30].map { t -> String in
                let ok = g.filter { (($0.estimate ?? -100) >= t) == ($0.truth! >= t) }.count
                return "\(100 * ok / max(1, g.count)) %"
            }.joined(separator: " / ")
            // Adding noise (a lower true SNR) must not read higher than the cleaner take, beyond 0.5 dB.
            var raised = 0
            for i in 1..<max(1, g.count) where (g[i - 1].estimate ?? -100) > (g[i].estimate ?? -100) + 0.5 { raised += 1 }
            let methods = Set(g.map(\.method)).sorted().joined(separator: ", ")
            let covered = g.filter { c in c.estimate.map { abs($0 - c.truth!) <= (c.uncertainty ?? 0) } ?? false }.count
            let widest = g.compactMap(\.uncertainty).max() ?? .nan
            let p = key.split(separator: "|")
            out += String(format: "| %@ | %@ | %@ | %d | %+.1f dB | %+.1f dB | %@ | %@ | %d/%d | %.1f dB | %@ |\n", String(p[0]), String(p[1]), String(p[2]), g.count,
                          mean, worst, agree, raised == 0 ? "no" : "\(raised)×", covered, g.count, widest, methods)
            let overKey = "\(p[1])|\(p[2])"
            worstOver[overKey] = max(worstOver[overKey] ?? -.infinity, finite.max() ?? .nan)
        }
        out += "\nClean takes (16-bit, dithered; must read at least 40 dB):\n\n| voice | reading | audio.snr_db | ± | method |\n| --- | --- | ---: | ---: | --- |\n"
        for c in cases where c.truth == nil {
            out += String(format: "| %@ | %@ | %.1f | %.1f | %@ |\n", c.voice, c.reading.rawValue, c.estimate ?? .nan, c.uncertainty ?? .nan, c.method)
        }
        out += "\nWhere the reported uncertainty is 3 dB (cases with a true SNR of 0–40 dB):\n\n| reading | cases at ±3 dB | of them beyond ±3 dB | all cases | beyond their reported ± |\n| --- | ---: | ---: | ---: | ---: |\n"
        for reading in Reading.allCases {
            let all = cases.filter { $0.reading == reading && $0.truth != nil && $0.estimate != nil }
            let three = all.filter { ($0.uncertainty ?? 99) <= 3 }
            let beyond = three.filter { abs($0.estimate! - $0.truth!) > 3 }.count
            let outside = all.filter { abs($0.estimate! - $0.truth!) > ($0.uncertainty ?? 0) }.count
            out += "| \(reading.rawValue) | \(three.count) | \(beyond) | \(all.count) | \(outside) |\n"
        }
        out += "\nContinuous and run-on against natural reading, same voice, noise and true SNR (cutting the pauses out; cases that move by more than 3 dB, and the largest |difference|):\n\n| noise | reading | moved > 3 dB | largest difference | voice, SNR |\n| --- | --- | ---: | ---: | --- |\n"
        var natural: [String: Double] = [:]
        for c in cases where c.reading == .natural { if let t = c.truth, let e = c.estimate { natural["\(c.voice)|\(c.noise.rawValue)|\(t)"] = e } }
        for reading in Reading.allCases where reading != .natural {
            var byNoise: [String: (Double, Int, String)] = [:]
            for c in cases where c.reading == reading {
                guard let t = c.truth, let e = c.estimate, let n = natural["\(c.voice)|\(c.noise.rawValue)|\(t)"] else { continue }
                let d = abs(e - n)
                var entry = byNoise[c.noise.rawValue] ?? (-1, 0, "")
                if d > 3 { entry.1 += 1 }
                if d > entry.0 { entry.0 = d; entry.2 = String(format: "%@, %.0f dB", c.voice, t) }
                byNoise[c.noise.rawValue] = entry
            }
            for kind in SignalSynthesis.everyNoise {
                if let (d, moved, at) = byNoise[kind.rawValue] { out += String(format: "| %@ | %@ | %d | %.1f dB | %@ |\n", kind.rawValue, reading.rawValue, moved, d, at) }
            }
        }
        return out
    }
}
