@_spi(Calibration) import Preflight
import Foundation

/// Calibration on ground truth made outside this project (`Fixtures/make-room-fixtures.sh`):
/// room impulse responses from pyroomacoustics' image-source model, and a real two-speaker recording
/// with human-annotated speaker turns (the pyannote.audio sample).
///
/// - **C50**: dry speech convolved with each room; the truth is computed from the response itself
///   (``SignalSynthesis/c50(of:sampleRate:)``).
/// - **Effective speech duration**: the real recording, dry and convolved with the rooms (far-field),
///   against the union of its annotated turns.
/// - **Clipping** on quiet far-field speech: none invented, every inserted stretch found.
public enum RoomCalibration {
    /// One room: its impulse response and how it was made.
    public struct Room: Sendable {
        /// File name without extension (`ism-03`).
        public var name: String
        /// The impulse response at ``sampleRate``.
        public var response: [Float]
        /// Room size, RT60 and distance, from `rooms.tsv`.
        public var description: String
        /// C50 of the response (dB).
        public var c50: Double
    }

    /// A recording with annotated speech.
    public struct AnnotatedRecording: Sendable {
        /// Mono samples.
        public var samples: [Float]
        /// Their rate.
        public var sampleRate: Int
        /// Speech intervals (seconds), merged where turns overlap.
        public var speech: [(start: Double, end: Double)]
        /// Seconds of annotated speech.
        public var speechSeconds: Double { speech.reduce(0) { $0 + $1.end - $1.start } }
    }

    /// Loads every `ism-*.flac` of `folder` (all at `sampleRate`), described by `rooms.tsv`.
    public static func rooms(in folder: URL, sampleRate: Int) throws -> [Room] {
        var described: [String: String] = [:]
        if let tsv = try? String(contentsOf: folder.appendingPathComponent("rooms.tsv"), encoding: .utf8) {
            for line in tsv.split(separator: "\n").dropFirst() {
                let f = line.split(separator: "\t").map(String.init)
                if f.count >= 4 { described[f[0]] = "\(f[1]) m, RT60 \(f[2]) s, \(f[3]) m away" }
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("ism-") && $0.hasSuffix(".flac") }.sorted()
        return try files.map { file in
            let audio = try SoundFileReader.read(folder.appendingPathComponent(file))
            guard audio.sampleRate == sampleRate, audio.channels == 1 else {
                throw SoundFileReader.Failure(description: "\(file): \(audio.sampleRate) Hz, \(audio.channels) channels; expected \(sampleRate) Hz mono")
            }
            let name = String(file.dropLast(5))
            return Room(name: name, response: audio.samples, description: described[name] ?? "",
                        c50: SignalSynthesis.c50(of: audio.samples, sampleRate: sampleRate))
        }
    }

    /// Reads a recording and its RTTM speaker turns (`SPEAKER file channel start duration …`).
    public static func annotated(_ audioURL: URL, rttm: URL) throws -> AnnotatedRecording {
        let audio = try SoundFileReader.read(audioURL)
        var mono = [Float](repeating: 0, count: audio.samples.count / max(1, audio.channels))
        for i in mono.indices {
            var s: Float = 0
            for c in 0..<audio.channels { s += audio.samples[i * audio.channels + c] }
            mono[i] = s / Float(audio.channels)
        }
        var turns: [(Double, Double)] = []
        for line in try String(contentsOf: rttm, encoding: .utf8).split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 5, f[0] == "SPEAKER", let start = Double(f[3]), let length = Double(f[4]) else { continue }
            turns.append((start, start + length))
        }
        var merged: [(start: Double, end: Double)] = []
        for (a, b) in turns.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, a <= last.end { merged[merged.count - 1].end = max(last.end, b) } else { merged.append((a, b)) }
        }
        return AnnotatedRecording(samples: mono, sampleRate: audio.sampleRate, speech: merged)
    }

    /// `x` in `room`, scaled back to the dry signal's active level.
    static func reverberant(_ x: [Float], in room: Room, sampleRate: Int) -> [Float] {
        var wet = SignalSynthesis.convolve(x, room.response)
        let gain = Float((Calibration.activePower(x, sampleRate: sampleRate) / max(Calibration.activePower(wet, sampleRate: sampleRate), 1e-20)).squareRoot())
        for i in wet.indices { wet[i] *= gain }
        return wet
    }

    /// C50 cases: each talk of `speech` alone in each room, white noise at `snr` dB. Rows by true C50 band.
    public static func c50Cases(_ speech: CalibrationSpeech, rooms: [Room], snr: Double = 60) -> [Calibration.Case] {
        var cases: [Calibration.Case] = []
        for (t, talk) in speech.talks.enumerated() {
            let clean = Calibration.leveled([Float](repeating: 0, count: speech.sampleRate / 2) + talk + [Float](repeating: 0, count: speech.sampleRate / 2),
                                            sampleRate: speech.sampleRate)
            let noise = SignalSynthesis.noise(.white, count: clean.count, seed: UInt64(50 + t), talkers: speech.babble)
            for room in rooms {
                let r = Calibration.analyse(Calibration.mix(reverberant(clean, in: room, sampleRate: speech.sampleRate), noise: noise, snr: snr,
                                                            sampleRate: speech.sampleRate), sampleRate: speech.sampleRate)
                let truth = room.c50
                let band = truth < 10 ? "< 10" : truth < 20 ? "10–20" : truth < 30 ? "20–30" : "≥ 30"
                cases.append(Calibration.Case(condition: "image-source rooms, C50 \(band) dB", truth: truth,
                                              estimate: r.facts["audio.c50_db"]?.number ?? .nan,
                                              detail: "\(speech.names[t]), \(room.name) (\(room.description))"))
            }
        }
        return cases
    }

    /// Effective-duration cases on an annotated recording: dry, and in each room, each with white noise
    /// at each of `snrs` (nil: the recording as it is). Estimate and truth in seconds.
    public static func durationCases(_ recording: AnnotatedRecording, rooms: [Room], snrs: [Double?] = [nil, 30, 20]) -> [Calibration.Case] {
        let rate = recording.sampleRate
        var cases: [Calibration.Case] = []
        let noise = SignalSynthesis.noise(.white, count: recording.samples.count, seed: 77, talkers: [])
        for room in [Room?.none] + rooms.map(Optional.some) {
            let x = room.map { reverberant(recording.samples, in: $0, sampleRate: rate) } ?? recording.samples
            for snr in snrs {
                var y = x
                if let snr { y = mix(x, noise: noise, snr: snr, speech: recording.speech, sampleRate: rate) } else { SignalSynthesis.quantize16(&y) }
                let r = Calibration.analyse(y, sampleRate: rate)
                let place = room.map { "far field (\($0.name), C50 \(String(format: "%.0f", $0.c50)) dB)" } ?? "as recorded"
                let condition = (room == nil ? "as recorded" : "image-source rooms") + (snr.map { ", white noise \(Int($0)) dB" } ?? "")
                cases.append(Calibration.Case(condition: condition, truth: recording.speechSeconds,
                                              estimate: r.facts["audio.speech_duration"]?.number ?? 0, detail: place))
            }
        }
        return cases
    }

    /// `x` plus `noise` at `snr` dB below the mean power of the annotated speech.
    static func mix(_ x: [Float], noise: [Float], snr: Double, speech: [(start: Double, end: Double)], sampleRate: Int) -> [Float] {
        var ps = 0.0, n = 0
        for s in speech {
            for i in Int(s.start * Double(sampleRate))..<min(x.count, Int(s.end * Double(sampleRate))) { ps += Double(x[i]) * Double(x[i]); n += 1 }
        }
        ps /= Double(max(n, 1))
        var pn = 0.0
        for v in noise { pn += Double(v) * Double(v) }
        pn /= Double(max(noise.count, 1))
        let g = Float((ps / (pn * pow(10, snr / 10))).squareRoot())
        var out = x
        for i in out.indices { out[i] += g * noise[i % noise.count] }
        SignalSynthesis.quantize16(&out)
        return out
    }

    /// Clipping on quiet far-field speech (the recording in each room at −35 dBFS active level): runs
    /// invented on the clean take; then the loudest quarter second of up to `stretches` annotated turns
    /// hard-clipped at the take's own peak after 12 dB of gain, found or not.
    public static func clippingCases(_ recording: AnnotatedRecording, rooms: [Room], stretches: Int = 4) -> [Calibration.ClippingOutcome] {
        let rate = recording.sampleRate
        let len = rate / 4
        var outcomes: [Calibration.ClippingOutcome] = []
        for room in rooms {
            let quiet = Calibration.leveled(reverberant(recording.samples, in: room, sampleRate: rate), sampleRate: rate, dbfs: -35)
            var clean = quiet
            SignalSynthesis.quantize16(&clean)
            let r0 = Calibration.analyse(clean, sampleRate: rate)
            // The loudest quarter second of each annotated turn at least 1 s long.
            let long = recording.speech.filter { $0.end - $0.start >= 1 }
            let chosen = long.prefix(stretches).map { turn -> Int in
                let from = Int(turn.start * Double(rate)), to = Int(turn.end * Double(rate)) - len
                return stride(from: from, through: max(from, to), by: len / 2).max { Calibration.energy(quiet, $0, len) < Calibration.energy(quiet, $1, len) } ?? from
            }
            var z = quiet
            // The ceiling is the take's own loudest sample (on the 16-bit grid): a limiter caps every peak.
            let ceiling = Float(Int((quiet.map(abs).max() ?? 0.25) * 32768)) / 32768
            // A stretch counts as inserted when the gain drove at least 3 consecutive samples of one sign past
            // the ceiling (a flat top the length of the detector's shortest run at 16 kHz).
            var clipped: [Int] = []
            for start in chosen {
                var run = 0, longest = 0, sign: Float = 0
                for i in start..<min(z.count, start + len) {
                    let v = z[i] * 4
                    if abs(v) > ceiling { run = (v > 0 ? 1 : -1) == sign ? run + 1 : 1; sign = v > 0 ? 1 : -1 } else { run = 0; sign = 0 }
                    longest = max(longest, run)
                    z[i] = min(max(v, -ceiling), ceiling)
                }
                if longest >= 3 { clipped.append(start) }
            }
            SignalSynthesis.quantize16(&z)
            let r = Calibration.analyse(z, sampleRate: rate)
            let runs = r.details.clippedRunStarts
            outcomes.append(Calibration.ClippingOutcome(
                condition: "far field \(room.name), −35 dBFS", inserted: clipped.count,
                found: clipped.filter { s in runs.contains { $0 >= s && $0 < s + len } }.count,
                invented: r0.details.clippedRunStarts.count + runs.filter { p in !chosen.contains { p >= $0 && p < $0 + len } }.count,
                index: r.facts["audio.clipping_index"]?.number ?? 0))
        }
        return outcomes
    }

    /// The room calibration as Markdown: C50 by band (mean and worst error, agreement at the service's
    /// 20 and 30 dB thresholds), effective duration against the annotation, clipping far-field.
    public static func report(speech: CalibrationSpeech, rooms: [Room], recording: AnnotatedRecording) -> String {
        let c50 = c50Cases(speech, rooms: rooms)
        var out = "### C50 on image-source rooms (pyroomacoustics, \(rooms.count) rooms × \(speech.talks.count) talks, white noise 60 dB)\n\n"
        out += Calibration.table(Calibration.rows(c50, target: nil, unit: "dB").sorted { $0.condition < $1.condition })
        let agree = [20.0, 30].map { t in "\(100 * c50.filter { ($0.estimate >= t) == ($0.truth >= t) }.count / max(1, c50.count)) % at \(Int(t)) dB" }
        out += "\nDecision agreement with the truth: " + agree.joined(separator: ", ") + ".\n"
        let worst = c50.filter { $0.truth < 30 }.max { abs($0.error) < abs($1.error) }
        if let w = worst { out += String(format: "Worst error below 30 dB: %+.1f dB (%@, true %.1f dB).\n", w.error, w.detail, w.truth) }
        let d = durationCases(recording, rooms: rooms)
        out += String(format: "\n### Effective speech duration on a real recording (pyannote.audio sample, %.2f s annotated)\n\n", recording.speechSeconds)
        out += "| condition | cases | mean error | worst error | worst case |\n| --- | ---: | ---: | ---: | --- |\n"
        var order: [String] = []
        var groups: [String: [Calibration.Case]] = [:]
        for c in d { if groups[c.condition] == nil { order.append(c.condition) }; groups[c.condition, default: []].append(c) }
        for name in order {
            let g = groups[name]!
            let rel = g.map { 100 * ($0.estimate - $0.truth) / $0.truth }
            let w = zip(g, rel).max { abs($0.1) < abs($1.1) }!
            out += String(format: "| %@ | %d | %+.1f %% | %+.1f %% | %@ |\n", name, g.count, rel.reduce(0, +) / Double(rel.count), w.1, w.0.detail)
        }
        out += "\n### Clipping on quiet far-field speech\n\n" + Calibration.clippingTable(clippingCases(recording, rooms: rooms))
        return out
    }
}
