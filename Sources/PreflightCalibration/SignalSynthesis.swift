@_spi(Calibration) import Preflight
import CFFmpeg
import Foundation

/// Builds the calibration signals with exactly known ground truth: noise of three colours, synthetic
/// room impulse responses, FFT convolution, clipping and 16-bit quantisation. Deterministic (seeded).
public enum SignalSynthesis {
    /// SplitMix64 with Gaussian draws (Box–Muller).
    public struct Random {
        private var state: UInt64
        /// A generator from a seed.
        public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        /// A uniform value in [0, 1).
        public mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        /// A standard normal value.
        public mutating func gaussian() -> Double {
            let u = max(uniform(), 1e-300), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    /// Noise colours.
    public enum Noise: String, CaseIterable, Sendable {
        /// Gaussian white noise.
        case white
        /// Pink (1/f) noise from Paul Kellet's refined filter.
        case pink
        /// Babble: several talkers (the `babble-*` fixtures at different offsets) summed.
        case babble
        /// Brown (1/f², leaky-integrated white) noise high-passed at 20 Hz: ventilation rumble.
        case brown
        /// A fan or mains hum: 50 Hz and 11 harmonics falling 3 dB each, a little broadband noise.
        case hum
        /// Keyboard-like clicks (bursts of 3–12 ms, 1–5 kHz, about 6 a second) over faint pink noise.
        case clicks
        /// Low music: three-note chords with four harmonics, a new chord every 0.25–0.6 s.
        case music
    }

    /// Every noise of the wider calibration (white, pink, brown, babble, hum, clicks, music).
    public static let everyNoise: [Noise] = [.white, .pink, .brown, .babble, .hum, .clicks, .music]

    /// `count` samples of noise with unit mean power.
    public static func noise(_ kind: Noise, count: Int, seed: UInt64, talkers: [[Float]] = [], sampleRate: Int = 16000) -> [Float] {
        var rng = Random(seed: seed)
        var out = [Float](repeating: 0, count: count)
        switch kind {
        case .white:
            for i in 0..<count { out[i] = Float(rng.gaussian()) }
        case .pink:
            var b = [Double](repeating: 0, count: 7)
            for i in 0..<count {
                let w = rng.gaussian()
                b[0] = 0.99886 * b[0] + w * 0.0555179
                b[1] = 0.99332 * b[1] + w * 0.0750759
                b[2] = 0.96900 * b[2] + w * 0.1538520
                b[3] = 0.86650 * b[3] + w * 0.3104856
                b[4] = 0.55000 * b[4] + w * 0.5329522
                b[5] = -0.7616 * b[5] - w * 0.0168980
                out[i] = Float(b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + w * 0.5362)
                b[6] = w * 0.115926
            }
        case .brown:
            var level = 0.0, lowpassed = 0.0
            for i in 0..<count {
                level = 0.999 * level + rng.gaussian()
                // One-pole high-pass at about 20 Hz (16 kHz).
                lowpassed += 0.0078 * (level - lowpassed)
                out[i] = Float(level - lowpassed)
            }
        case .hum:
            let f0 = 50 * (1 + 0.002 * rng.gaussian())
            let phases = (0..<12).map { _ in 2 * Double.pi * rng.uniform() }
            let rate = Double(sampleRate)
            for i in 0..<count {
                var v = 0.0
                for h in 0..<12 { v += pow(0.7, Double(h)) * sin(2 * .pi * f0 * Double(h + 1) * Double(i) / rate + phases[h]) }
                out[i] = Float(v / 1.4 + 0.05 * rng.gaussian())
            }
        case .clicks:
            let background = noise(.pink, count: count, seed: seed &+ 1)
            for i in 0..<count { out[i] = 0.03 * background[i] }
            var t = 0
            let rate = Double(sampleRate)
            while true {
                t += Int(-log(max(rng.uniform(), 1e-12)) * rate / 6)
                guard t < count - sampleRate / 50 else { break }
                let length = Int((0.003 + 0.009 * rng.uniform()) * rate)
                let gain = 0.5 + rng.uniform()
                // A decaying burst, band-limited by differencing twice a two-pole resonance near 3 kHz.
                var y1 = 0.0, y2 = 0.0
                let r = 0.9, w = 2 * Double.pi * 3000 / rate
                for k in 0..<length where t + k < count {
                    let x = rng.gaussian() * exp(-Double(k) / (Double(length) / 4)) * gain
                    let y = x + 2 * r * cos(w) * y1 - r * r * y2
                    y2 = y1; y1 = y
                    out[t + k] += Float(y * 0.1)
                }
            }
        case .music:
            var t = 0
            let rate = Double(sampleRate)
            while t < count {
                let length = min(Int((0.25 + 0.35 * rng.uniform()) * rate), count - t)
                let root = 110 * pow(2, Double(Int(rng.uniform() * 24)) / 12)
                for k in 0..<length {
                    let time = Double(k) / rate
                    let envelope = min(1, time / 0.02) * exp(-time / 0.4)
                    var v = 0.0
                    for ratio in [1.0, 1.26, 1.5] {
                        for h in 0..<4 { v += pow(0.5, Double(h)) * sin(2 * .pi * root * ratio * Double(h + 1) * time) }
                    }
                    out[t + k] = Float(envelope * v)
                }
                t += length
            }
            for i in 0..<count { out[i] += Float(0.01 * rng.gaussian()) }
        case .babble:
            let sources = talkers.filter { !$0.isEmpty }
            guard !sources.isEmpty else { return noise(.pink, count: count, seed: seed) }
            for copy in 0..<2 {
                for (k, t) in sources.enumerated() {
                    let gain = Float(1 / max(rms(t), 1e-9))
                    var offset = Int(rng.uniform() * Double(t.count)) + copy * t.count / 2
                    let sign: Float = (copy + k) % 2 == 0 ? 1 : -1
                    for i in 0..<count {
                        out[i] += sign * gain * t[offset % t.count]
                        offset += 1
                    }
                }
            }
        }
        let r = rms(out)
        if r > 0 { let g = Float(1 / r); for i in 0..<count { out[i] *= g } }
        return out
    }

    /// Root mean square.
    public static func rms(_ x: [Float]) -> Double {
        guard !x.isEmpty else { return 0 }
        var s = 0.0
        for v in x { s += Double(v) * Double(v) }
        return (s / Double(x.count)).squareRoot()
    }

    /// A room impulse response under Polack's model: a direct impulse, then Gaussian noise decaying
    /// by 60 dB in `rt60` seconds, scaled so direct energy / reverberant energy = `drr` dB.
    public static func impulseResponse(rt60: Double, drr: Double, sampleRate: Int, seed: UInt64) -> [Float] {
        var rng = Random(seed: seed)
        let n = max(Int(Double(sampleRate) * max(1.5 * rt60, 0.3)), 16)
        var h = [Float](repeating: 0, count: n)
        var tail = 0.0
        for i in 1..<n {
            let v = rng.gaussian() * exp(-6.907_755 * Double(i) / (rt60 * Double(sampleRate)))
            h[i] = Float(v)
            tail += v * v
        }
        h[0] = Float((tail * pow(10, drr / 10)).squareRoot())
        let peak = h.map(abs).max() ?? 1
        return h.map { $0 / peak }
    }

    /// C50 of an impulse response: energy in the 50 ms after its largest sample over the energy after that.
    public static func c50(of h: [Float], sampleRate: Int) -> Double {
        guard let t0 = h.indices.max(by: { abs(h[$0]) < abs(h[$1]) }) else { return 0 }
        let split = min(h.count, t0 + sampleRate / 20)
        var early = 0.0, late = 0.0
        for i in t0..<split { early += Double(h[i]) * Double(h[i]) }
        for i in split..<h.count { late += Double(h[i]) * Double(h[i]) }
        return 10 * log10(early / max(late, 1e-30))
    }

    /// `x` convolved with `h`, cut to the length of `x` (overlap-add with libavutil's real FFT).
    public static func convolve(_ x: [Float], _ h: [Float]) -> [Float] {
        guard !x.isEmpty, !h.isEmpty else { return x }
        var size = 1
        while size < 2 * h.count { size <<= 1 }
        size = max(size, 4096)
        let block = size - h.count + 1
        var one: Float = 1, inverseScale: Float = 1 / Float(size)
        var fwd: OpaquePointer?, inv: OpaquePointer?
        var fwdFn: av_tx_fn?, invFn: av_tx_fn?
        guard av_tx_init(&fwd, &fwdFn, AV_TX_FLOAT_RDFT, 0, Int32(size), &one, 0) >= 0,
              av_tx_init(&inv, &invFn, AV_TX_FLOAT_RDFT, 1, Int32(size), &inverseScale, 0) >= 0,
              let fwdFn, let invFn else { return x }
        defer { av_tx_uninit(&fwd); av_tx_uninit(&inv) }
        let bins = size / 2 + 1
        let hBuf = AlignedBuffer<Float>(count: size + 2, repeating: 0)
        for i in 0..<h.count { hBuf[i] = h[i] }
        let hSpec = AlignedBuffer<AVComplexFloat>(count: bins, repeating: AVComplexFloat(re: 0, im: 0))
        fwdFn(fwd, hSpec.pointer, hBuf.pointer, 4)
        var out = [Float](repeating: 0, count: x.count + size)
        let buf = AlignedBuffer<Float>(count: size + 2, repeating: 0)
        let spec = AlignedBuffer<AVComplexFloat>(count: bins, repeating: AVComplexFloat(re: 0, im: 0))
        let res = AlignedBuffer<Float>(count: size + 2, repeating: 0)
        var start = 0
        while start < x.count {
            let m = min(block, x.count - start)
            for i in 0..<buf.count { buf[i] = i < m ? x[start + i] : 0 }
            fwdFn(fwd, spec.pointer, buf.pointer, 4)
            for k in 0..<bins {
                let a = spec[k], b = hSpec[k]
                spec[k] = AVComplexFloat(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re)
            }
            invFn(inv, res.pointer, spec.pointer, 4)
            for i in 0..<size { out[start + i] += res[i] }
            start += m
        }
        return Array(out[0..<x.count])
    }

    /// Rounds to 16-bit steps with triangular dither of ±1 step and clamps to the int16 range, as a
    /// recorder's 16-bit output stores a signal: its floor is the dither (about −101 dBFS), never exact zeros.
    public static func quantize16Dithered(_ x: inout [Float], seed: UInt64) {
        var rng = Random(seed: seed)
        for i in x.indices {
            let v = (x[i] * 32768 + Float(rng.uniform() - rng.uniform())).rounded()
            x[i] = min(max(v, -32768), 32767) / 32768
        }
    }

    /// Rounds to 16-bit steps and clamps to the int16 range, as a WAV file would store it.
    public static func quantize16(_ x: inout [Float]) {
        for i in x.indices {
            let v = (x[i] * 32768).rounded()
            x[i] = min(max(v, -32768), 32767) / 32768
        }
    }
}
