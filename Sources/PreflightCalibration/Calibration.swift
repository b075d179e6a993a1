@_spi(Calibration) import Preflight
import Foundation

/// The calibration harness: builds signals whose true SNR, C50, speech duration and clipping are known
/// exactly, runs ``AudioAnalysis`` on them and reports the error per condition against the targets
/// (SNR within 3 dB over 5–35 dB, C50 within 5 dB over 0–40 dB, speech duration within 5 %,
/// every clipped segment found and none invented).
///
/// Ground truth definitions:
/// - **SNR**: mean power of the clean speech over its active 20 ms frames (frames within 40 dB of the
///   loudest, pauses under 300 ms bridged, as ``SpeechSegmenter`` does) over the mean noise power.
/// - **C50**: computed from the synthetic impulse response itself (``SignalSynthesis/c50(of:sampleRate:)``).
/// - **Speech duration**: the active frames of the clean signal, by the same rule.
/// - **Clipping**: the positions where a gain was applied and the signal clipped.
///
/// Every signal is quantised to 16 bits, as a WAV file would store it.
public enum Calibration {
    /// One calibration case.
    public struct Case: Sendable {
        /// The condition it belongs to (a row of the table).
        public var condition: String
        /// The true value.
        public var truth: Double
        /// The estimate.
        public var estimate: Double
        /// What the case was made of (talk, room), for the case listing; may be empty.
        public var detail = ""
        /// estimate − truth (dB), or the relative error in % for durations.
        public var error: Double { estimate - truth }
    }

    /// One row of the report.
    public struct Row: Sendable {
        /// What was tested.
        public var condition: String
        /// Cases in the row.
        public var count: Int
        /// Mean signed error.
        public var meanError: Double
        /// Largest absolute error.
        public var maxError: Double
        /// The target on the absolute error, if any.
        public var target: Double?
        /// Unit of the errors.
        public var unit: String
        /// Whether the largest error is within the target.
        public var passed: Bool { target.map { maxError <= $0 } ?? true }
    }

    /// Rows from cases grouped by condition.
    public static func rows(_ cases: [Case], target: Double?, unit: String) -> [Row] {
        var order: [String] = []
        var groups: [String: [Case]] = [:]
        for c in cases {
            if groups[c.condition] == nil { order.append(c.condition) }
            groups[c.condition, default: []].append(c)
        }
        return order.map { name in
            let g = groups[name]!
            let errors = g.map(\.error)
            return Row(condition: name, count: g.count, meanError: errors.reduce(0, +) / Double(errors.count),
                       maxError: errors.map(abs).max() ?? 0, target: target, unit: unit)
        }
    }

    /// The rows as a Markdown table.
    public static func table(_ rows: [Row]) -> String {
        var out = "| condition | cases | mean error | max abs error | target | result |\n| --- | ---: | ---: | ---: | ---: | --- |\n"
        for r in rows {
            let target = r.target.map { String(format: "≤ %.0f %@", $0, r.unit) } ?? "—"
            out += String(format: "| %@ | %d | %+.1f %@ | %.1f %@ | %@ | %@ |\n", r.condition, r.count, r.meanError, r.unit,
                          r.maxError, r.unit, target, r.target == nil ? "info" : (r.passed ? "pass" : "FAIL"))
        }
        return out
    }

    /// Runs the analysis over a mono signal in 4096-sample blocks.
    public static func analyse(_ x: [Float], sampleRate: Int) -> AudioAnalysisResult {
        var a = AudioAnalysis(sampleRate: sampleRate, channels: 1)
        x.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let n = min(4096, buf.count - i)
                a.consume(UnsafeBufferPointer(rebasing: buf[i..<(i + n)]))
                i += n
            }
        }
        return a.finish()
    }

    // MARK: Ground truth

    /// Active 20 ms frames of a clean signal (within 40 dB of the loudest, pauses < 300 ms bridged,
    /// stretches < 100 ms dropped).
    public static func activeFrames(_ clean: [Float], sampleRate: Int) -> [Bool] {
        let len = max(1, sampleRate / 50)
        let n = clean.count / len
        guard n > 0 else { return [] }
        var power = [Double](repeating: 0, count: n)
        for f in 0..<n {
            var s = 0.0
            for i in (f * len)..<((f + 1) * len) { s += Double(clean[i]) * Double(clean[i]) }
            power[f] = s / Double(len)
        }
        let threshold = (power.max() ?? 0) * 1e-4
        var raw = power.map { $0 > threshold && $0 > 0 }
        // Bridge short pauses, then drop short stretches.
        var f = 0
        while f < n {
            if !raw[f], f > 0, raw[f - 1] {
                var g = f
                while g < n, !raw[g] { g += 1 }
                if g < n, g - f <= CalibrationConstants.pauseBridgeFrames { for k in f..<g { raw[k] = true } }
                f = g
            } else { f += 1 }
        }
        f = 0
        while f < n {
            if raw[f] {
                var g = f
                while g < n, raw[g] { g += 1 }
                if g - f < CalibrationConstants.shortestSegmentFrames { for k in f..<g { raw[k] = false } }
                f = g
            } else { f += 1 }
        }
        return raw
    }

    /// Mean power of the clean signal over its active frames, each frame around its own mean.
    public static func activePower(_ clean: [Float], sampleRate: Int) -> Double {
        let mask = activeFrames(clean, sampleRate: sampleRate)
        let len = max(1, sampleRate / 50)
        var s = 0.0, n = 0
        for (f, on) in mask.enumerated() where on {
            s += framePower(clean, f * len, len)
            n += 1
        }
        return n > 0 ? s / Double(n) : 0
    }

    /// Mean power of a signal over all its 20 ms frames, each around its own mean: the band that
    /// `audio.snr_db` measures (a frame's mean takes away what lies below about 50 Hz, where speech
    /// has no energy: DC, infrasound, the bottom of rumble).
    public static func bandPower(_ x: [Float], sampleRate: Int) -> Double {
        let len = max(1, sampleRate / 50)
        let frames = x.count / len
        guard frames > 0 else { return 0 }
        var s = 0.0
        for f in 0..<frames { s += framePower(x, f * len, len) }
        return s / Double(frames)
    }

    /// Power of `n` samples from `start` around their mean.
    static func framePower(_ x: [Float], _ start: Int, _ n: Int) -> Double {
        var sum = 0.0, squares = 0.0
        for i in start..<(start + n) { sum += Double(x[i]); squares += Double(x[i]) * Double(x[i]) }
        let mean = sum / Double(n)
        return max(0, squares / Double(n) - mean * mean)
    }

    /// The clean signal scaled to an active speech level of `dbfs`.
    static func leveled(_ clean: [Float], sampleRate: Int, dbfs: Double = -26) -> [Float] {
        let p = activePower(clean, sampleRate: sampleRate)
        guard p > 0 else { return clean }
        let g = Float((pow(10, dbfs / 10) / p).squareRoot())
        return clean.map { $0 * g }
    }

    /// Speech plus noise scaled to a true active-speech SNR.
    public static func mix(_ clean: [Float], noise: [Float], snr: Double, sampleRate: Int) -> [Float] {
        let ps = activePower(clean, sampleRate: sampleRate)
        let pn = bandPower(noise, sampleRate: sampleRate)
        let g = Float((ps / (pn * pow(10, snr / 10))).squareRoot())
        var out = clean
        for i in out.indices { out[i] += g * noise[i % noise.count] }
        SignalSynthesis.quantize16(&out)
        return out
    }

    // MARK: Conditions

    /// SNR cases: each talk-take mixed with each noise at each SNR.
    public static func snrCases(_ speech: CalibrationSpeech, talks: Int? = nil, noises: [SignalSynthesis.Noise] = SignalSynthesis.Noise.allCases,
                                snrs: [Double] = [0, 5, 10, 15, 20, 25, 30, 35, 40], seed: UInt64 = 0) -> [Case] {
        let clean = leveled(speech.take(limit: talks), sampleRate: speech.sampleRate)
        var cases: [Case] = []
        for (k, kind) in noises.enumerated() {
            let noise = SignalSynthesis.noise(kind, count: clean.count, seed: seed &+ UInt64(100 + k), talkers: speech.babble)
            for snr in snrs {
                let r = analyse(mix(clean, noise: noise, snr: snr, sampleRate: speech.sampleRate), sampleRate: speech.sampleRate)
                let band = snr < 5 ? "0 dB" : (snr > 35 ? "40 dB" : "5–35 dB")
                cases.append(Case(condition: "SNR, \(kind.rawValue) noise, \(band)", truth: snr, estimate: r.facts["audio.snr_db"]?.number ?? .nan))
                if ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_CASES"] != nil {
                    print(String(format: "snr %@ %.0f: wada %.1f vad %.1f activity %.2f", kind.rawValue, snr, r.details.wadaSNR ?? -99, r.details.vadSNR ?? -99, r.details.speechActivity))
                }
            }
        }
        return cases
    }

    /// C50 cases: the take convolved with Polack-model rooms, a little white noise (60 dB SNR) added, or
    /// `noise` at `snr`. Rooms whose true C50 falls outside 0–45 dB are skipped; rows are 10 dB wide up to
    /// 40 dB (the target range), and 40–45 dB is a row for information. Conditions other than
    /// white noise at 60 dB name the noise in the row.
    public static func reverberationCases(_ speech: CalibrationSpeech, talks: Int? = nil, rt60s: [Double] = [0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.2],
                                          drrs: [Double] = [-5, 0, 5, 10, 15, 20, 30], noise kind: SignalSynthesis.Noise = .white, snr: Double = 60,
                                          raw: Bool = false, seed: UInt64 = 1) -> [Case] {
        let clean = leveled(speech.take(limit: talks), sampleRate: speech.sampleRate)
        let noise = SignalSynthesis.noise(kind, count: clean.count, seed: 7, talkers: speech.babble)
        let suffix = kind == .white && snr == 60 ? "" : ", \(kind.rawValue) noise \(Int(snr)) dB"
        var cases: [Case] = []
        var seed = seed
        for rt60 in rt60s {
            for drr in drrs {
                seed += 1
                let h = SignalSynthesis.impulseResponse(rt60: rt60, drr: drr, sampleRate: speech.sampleRate, seed: seed)
                let truth = SignalSynthesis.c50(of: h, sampleRate: speech.sampleRate)
                guard truth >= 0, truth <= 45 else { continue }
                var wet = SignalSynthesis.convolve(clean, h)
                let gain = Float((activePower(clean, sampleRate: speech.sampleRate) / max(activePower(wet, sampleRate: speech.sampleRate), 1e-20)).squareRoot())
                for i in wet.indices { wet[i] *= gain }
                let r = analyse(mix(wet, noise: noise, snr: snr, sampleRate: speech.sampleRate), sampleRate: speech.sampleRate)
                let value = raw ? r.details.rawC50 : r.facts["audio.c50_db"]?.number
                if raw, ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_CASES"] != nil {
                    print(String(format: "c50 %.2f %.1f %.2f %.2f %.2f", rt60, drr, truth, r.details.rawC50 ?? -99, r.details.rawC50Sharpest ?? -99))
                }
                let band = truth < 10 ? "0–10" : truth < 20 ? "10–20" : truth < 30 ? "20–30" : truth <= 40 ? "30–40" : "40–45"
                cases.append(Case(condition: "C50 \(band) dB\(suffix)", truth: truth, estimate: value ?? .nan,
                                  detail: String(format: "%@, RT60 %.1f s, DRR %+.0f dB", speech.names.prefix(talks ?? speech.names.count).joined(separator: "+"), rt60, drr)))
            }
        }
        return cases
    }

    /// The least-squares line raw = slope · truth + offset, for ``ReverberationEstimator``'s correction.
    public static func fitReverberation(_ rawCases: [Case]) -> (slope: Double, offset: Double) {
        let c = rawCases.filter { $0.estimate.isFinite }
        let n = Double(c.count)
        guard n >= 2 else { return (1, 0) }
        let mx = c.map(\.truth).reduce(0, +) / n, my = c.map(\.estimate).reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for k in c { sxy += (k.truth - mx) * (k.estimate - my); sxx += (k.truth - mx) * (k.truth - mx) }
        let slope = sxx > 0 ? sxy / sxx : 1
        return (slope, my - slope * mx)
    }

    /// Speech-duration cases: talks separated by known silences (0.4–3 s), clean and under noise.
    /// Errors are in percent of the true duration.
    public static func durationCases(_ speech: CalibrationSpeech, talks: Int? = nil,
                                     conditions: [(SignalSynthesis.Noise?, Double)] = [(nil, 0), (.white, 30), (.pink, 20), (.white, 15), (.babble, 20)],
                                     seed: UInt64 = 42) -> [Case] {
        var rng = SignalSynthesis.Random(seed: seed)
        var clean: [Float] = []
        let rate = speech.sampleRate
        for t in speech.talks.prefix(talks ?? speech.talks.count) {
            for _ in 0..<2 {
                clean += [Float](repeating: 0, count: Int((0.4 + 2.6 * rng.uniform()) * Double(rate)))
                clean += t
            }
        }
        clean += [Float](repeating: 0, count: rate)
        clean = leveled(clean, sampleRate: rate)
        let truth = Double(activeFrames(clean, sampleRate: rate).filter { $0 }.count) * 0.02
        var cases: [Case] = []
        for (k, (kind, snr)) in conditions.enumerated() {
            var x = clean
            if let kind {
                x = mix(clean, noise: SignalSynthesis.noise(kind, count: clean.count, seed: UInt64(300 + k), talkers: speech.babble), snr: snr, sampleRate: rate)
            } else { SignalSynthesis.quantize16(&x) }
            let r = analyse(x, sampleRate: rate)
            let d = r.facts["audio.speech_duration"]?.number ?? 0
            let name = kind.map { "speech duration, \($0.rawValue) noise \(Int(snr)) dB" } ?? "speech duration, clean"
            cases.append(Case(condition: name, truth: 100, estimate: 100 * d / truth))
        }
        return cases
    }

    /// Clipping outcome of one signal.
    public struct ClippingOutcome: Sendable {
        /// The condition.
        public var condition: String
        /// Clipped stretches inserted.
        public var inserted: Int
        /// Inserted stretches in which at least one clipped run was reported.
        public var found: Int
        /// Reported runs outside every inserted stretch.
        public var invented: Int
        /// The clipping index reported.
        public var index: Double
    }

    /// Clipping cases: clean speech (nothing to find), then speech with `stretches` 0.25 s stretches
    /// amplified by 12 dB and hard-clipped at full scale, and the same clipped at half scale
    /// (gain, then a limiter below full scale).
    public static func clippingCases(_ speech: CalibrationSpeech, talks: Int? = nil, stretches: Int = 6) -> [ClippingOutcome] {
        let rate = speech.sampleRate
        var clean = speech.take(limit: talks)
        let peak = clean.map(abs).max() ?? 1
        clean = clean.map { $0 / peak * 0.7 }
        var outcomes: [ClippingOutcome] = []
        var x = clean
        SignalSynthesis.quantize16(&x)
        let r0 = analyse(x, sampleRate: rate)
        outcomes.append(ClippingOutcome(condition: "clean speech, peak −3 dBFS", inserted: 0, found: 0,
                                        invented: r0.details.clippedRunStarts.count, index: r0.facts["audio.clipping_index"]?.number ?? 0))
        var y = clean.map { $0 / 0.7 * 0.999_97 }
        SignalSynthesis.quantize16(&y)
        let r1 = analyse(y, sampleRate: rate)
        outcomes.append(ClippingOutcome(condition: "clean speech normalised to 0 dBFS", inserted: 0, found: 0,
                                        invented: r1.details.clippedRunStarts.count, index: r1.facts["audio.clipping_index"]?.number ?? 0))
        // Loud places to clip: the frames of highest power, spread over the take.
        let len = rate / 4
        let slots = clean.count / len
        var chosen: [Int] = []
        if slots > 0 {
            let spacing = max(1, slots / stretches)
            for s in 0..<stretches {
                let from = s * spacing, to = min(slots, from + spacing)
                guard from < to else { break }
                let best = (from..<to).max { a, b in
                    energy(clean, a * len, len) < energy(clean, b * len, len)
                }!
                chosen.append(best * len)
            }
        }
        for (name, level, ceiling) in [("hard clip at full scale (peak −3 dBFS, +12 dB)", Float(0.7), Float(1.0)),
                                       ("gain then limit at −6 dBFS (peak −9 dBFS, +12 dB)", Float(0.35), Float(0.5))] {
            var z = clean.map { $0 / 0.7 * level }
            for start in chosen {
                for i in start..<min(z.count, start + len) { z[i] = min(max(z[i] * 4, -ceiling), ceiling) }
            }
            SignalSynthesis.quantize16(&z)
            let r = analyse(z, sampleRate: rate)
            let runs = r.details.clippedRunStarts
            let found = chosen.filter { s in runs.contains { $0 >= s && $0 < s + len } }.count
            let invented = runs.filter { p in !chosen.contains { p >= $0 && p < $0 + len } }.count
            outcomes.append(ClippingOutcome(condition: name, inserted: chosen.count, found: found, invented: invented,
                                            index: r.facts["audio.clipping_index"]?.number ?? 0))
        }
        return outcomes
    }

    static func energy(_ x: [Float], _ start: Int, _ n: Int) -> Double {
        var s = 0.0
        for i in start..<min(x.count, start + n) { s += Double(x[i]) * Double(x[i]) }
        return s
    }

    /// The clipping outcomes as a Markdown table.
    public static func clippingTable(_ outcomes: [ClippingOutcome]) -> String {
        var out = "| condition | clipped stretches | found | runs invented | clipping index |\n| --- | ---: | ---: | ---: | ---: |\n"
        for o in outcomes { out += String(format: "| %@ | %d | %d | %d | %.1f |\n", o.condition, o.inserted, o.found, o.invented, o.index) }
        return out
    }

    /// The full calibration as Markdown (what `make calibrate` prints): every case is run once per talk
    /// (each talk alone as the recording), with its own noise and room seeds. The C50 correction was
    /// fitted on the three talks joined with the default seeds (printed below the C50 table, beside the
    /// code's constants); the first line printed there is refitted on these cases, as a check that it
    /// still holds.
    public static func report(_ speech: CalibrationSpeech) -> String {
        let talks = (0..<speech.talks.count).map { speech.only($0) }
        let names = speech.names.joined(separator: ", ")
        var out = "Speech: \(names) (espeak-ng, \(speech.sampleRate) Hz), each talk alone; 16-bit quantised.\n\n"
        var snr: [Case] = [], c50: [Case] = [], c50Noisy: [Case] = [], raw: [Case] = [], duration: [Case] = [], clipping: [ClippingOutcome] = []
        for (i, t) in talks.enumerated() {
            let s = UInt64(i) * 1000
            snr += snrCases(t, seed: s)
            c50 += reverberationCases(t, seed: s + 1)
            for kind in [SignalSynthesis.Noise.white, .pink] { c50Noisy += reverberationCases(t, noise: kind, snr: 30, seed: s + 1) }
            raw += reverberationCases(t, raw: true, seed: s + 1)
            duration += durationCases(t, seed: s + 42)
            clipping += clippingCases(t)
        }
        if ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_CASES"] != nil {
            for c in snr + c50 + c50Noisy + duration {
                out += String(format: "case %@: truth %.1f estimate %.1f%@\n", c.condition, c.truth, c.estimate, c.detail.isEmpty ? "" : " (\(c.detail))")
            }
        }
        out += "### SNR (dB)\n\n" + table(rows(snr, target: nil, unit: "dB").map { r in
            var r = r; if r.condition.hasSuffix("5–35 dB") { r.target = 3 }; return r
        })
        let fit = fitReverberation(raw)
        out += "\n### C50 (dB)\n\n" + table(rows(c50, target: 5, unit: "dB").map { r in
            var r = r; if r.condition.hasPrefix("C50 40") { r.target = nil }; return r
        }.sorted { $0.condition.count == $1.condition.count ? $0.condition < $1.condition : $0.condition.count < $1.condition.count })
        let joined = fitReverberation(reverberationCases(speech, raw: true))
        out += String(format: "\nUncorrected estimator on these cases: raw = %.3f · C50 %+.2f (the code uses %.3f, %+.2f,"
                      + " fitted on the talks joined: %.3f, %+.2f).\n",
                      fit.slope, fit.offset, CalibrationConstants.reverberationSlope, CalibrationConstants.reverberationOffset, joined.slope, joined.offset)
        out += "\nThe same rooms under noise at 30 dB SNR (information: a band shows no more than its own SNR):\n\n"
            + table(rows(c50Noisy, target: nil, unit: "dB").sorted {
                ($0.condition.contains("pink") ? 1 : 0, $0.condition.count, $0.condition) < ($1.condition.contains("pink") ? 1 : 0, $1.condition.count, $1.condition)
            })
        out += "\n### Effective speech duration (% of the true duration; error in percentage points)\n\n"
            + table(rows(duration, target: 5, unit: "%").map { r in
                var r = r; if r.condition.contains("babble") || r.condition.contains("15 dB") { r.target = nil }; return r
            })
        out += "\nTarget rows: SNR ≥ 20 dB (both voice kinds reject less). At 15 dB the weakest word endings drown; babble is\n"
            + "speech, and the detector counts audible background talkers as voice activity (rows for information).\n"
        var merged: [String: ClippingOutcome] = [:]
        var order: [String] = []
        for o in clipping {
            if var m = merged[o.condition] {
                m.inserted += o.inserted; m.found += o.found; m.invented += o.invented; m.index = max(m.index, o.index)
                merged[o.condition] = m
            } else { merged[o.condition] = o; order.append(o.condition) }
        }
        out += "\n### Clipping (summed over the talks; index: the highest)\n\n" + clippingTable(order.map { merged[$0]! })
        return out
    }
}
