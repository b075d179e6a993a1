import CAudioKernels
import Foundation

/// The K-weighting filter of ITU-R BS.1770-4 (a high shelf of about +4 dB above 1.5 kHz, then the
/// RLB high-pass at 38 Hz) at any sample rate, with libebur128's bilinear-transform design of the two
/// biquads; at 48 kHz the coefficients are those printed in the Recommendation.
///
/// The cascade is a linear system of four states (the two transposed direct-form II biquads), which
/// ``KWeightedEnergy`` uses to filter eight stretches of a block at once.
struct KWeighting: Sendable {
    /// Shelf (stage 1) and high-pass (stage 2): b0, b1, b2, a1, a2 with a0 = 1.
    let shelf: (Double, Double, Double, Double, Double)
    let highPass: (Double, Double, Double, Double, Double)

    init(sampleRate: Int) {
        let rate = Double(max(1, sampleRate))
        var f0 = 1681.974450955533, q = 0.7071752369554196
        let gain = 3.999843853973347
        var k = tan(Double.pi * min(f0 / rate, 0.499))
        let vh = pow(10, gain / 20), vb = pow(vh, 0.4996667741545416)
        var a0 = 1 + k / q + k * k
        shelf = ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
        f0 = 38.13547087602444; q = 0.5003270373238773
        k = tan(Double.pi * min(f0 / rate, 0.499))
        a0 = 1 + k / q + k * k
        highPass = (1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
    }

    /// One step of the cascade in double precision: the new state and the output.
    func step(_ s: SIMD4<Double>, _ x: Double) -> (SIMD4<Double>, Double) {
        let (b0, b1, b2, a1, a2) = shelf
        let u = b0 * x + s[0]
        let s0 = b1 * x - a1 * u + s[1], s1 = b2 * x - a2 * u
        let (c0, c1, c2, d1, d2) = highPass
        let y = c0 * u + s[2]
        let s2 = c1 * u - d1 * y + s[3], s3 = c2 * u - d2 * y
        return (SIMD4(s0, s1, s2, s3), y)
    }
}

/// Mean square of K-weighted audio over consecutive blocks of one channel, exact to rounding, at a
/// cost close to one pass of an 8-lane vector loop.
///
/// A block of `n` samples is cut into eight stretches filtered side by side (one SIMD lane each) from a
/// zero state. Since the filter is linear, each stretch's true output is its zero-state output plus the
/// decay of the state it really starts from, y = y₀ + C·Aⁿ·s; the block's energy follows from three
/// sums the lanes keep (Σy₀², Σy₀·C·Aⁿ, and a fixed Gram matrix of C·Aⁿ), and each stretch's true start
/// state from the one before it (s' = Aᴸ·s + the lane's zero-state end state). The samples left over
/// after eight equal stretches are filtered one by one.
struct KWeightedEnergy {
    let blockLength: Int
    private let filter: KWeighting
    private let lane: Int
    /// State-space form of the cascade: s' = A s + B x, y = C s + D x (A and C kept as columns/rows).
    private let a: [SIMD4<Double>]
    /// C·Aⁿ for n < lane, as four Float tables one after the other (one per state component); shared,
    /// never written after init.
    private let decay: AlignedBuffer<Float>
    /// Σₙ (C·Aⁿ)ᵀ(C·Aⁿ) over one lane, and A to the power of the lane length (columns).
    private let gram: [SIMD4<Double>]
    private let aLane: [SIMD4<Double>]
    /// The lanes' zero-state outputs of the block being measured, lane by lane in 8-float groups:
    /// scratch of the portable lanes, overwritten by every ``portableLanes(_:)`` (copies share it, so
    /// they must not measure at the same time).
    private let outputs: AlignedBuffer<SIMD8<Float>>
    private var state = SIMD4<Double>()
    /// The shelf's b0 b1 b2 a1 a2 and the high-pass's c1 d1 d2 in single precision, as the lanes use them.
    private let coefficients: [Float]

    /// Prepares blocks of `blockLength` samples at `sampleRate`.
    init(sampleRate: Int, blockLength: Int) {
        filter = KWeighting(sampleRate: sampleRate)
        self.blockLength = max(1, blockLength)
        lane = self.blockLength / 8
        let basis = (0..<4).map { i -> SIMD4<Double> in var e = SIMD4<Double>(); e[i] = 1; return e }
        let f = filter
        let columns = basis.map { f.step($0, 0).0 }
        a = columns
        let c = SIMD4<Double>(basis.map { f.step($0, 0).1 })
        // Rows C·Aⁿ, built as (Aᵀ)ⁿ·Cᵀ: row(n+1)_k = Σ_j row(n)_j A[j][k] = row(n) · column k of A.
        var rows: [SIMD4<Double>] = []
        rows.reserveCapacity(lane)
        var row = c
        for _ in 0..<lane {
            rows.append(row)
            let r = row
            row = SIMD4((0..<4).map { (r * columns[$0]).sum() })
        }
        let table = AlignedBuffer<Float>(count: 4 * lane, repeating: 0)
        for k in 0..<4 { for n in 0..<lane { table[k * lane + n] = Float(rows[n][k]) } }
        decay = table
        gram = (0..<4).map { j in rows.reduce(SIMD4<Double>()) { $0 + $1 * $1[j] } }
        var power = basis
        for _ in 0..<lane { power = power.map { Self.times(columns, $0) } }
        aLane = power
        outputs = AlignedBuffer<SIMD8<Float>>(count: max(1, lane), repeating: SIMD8<Float>())
        let (b0, b1, b2, a1, a2) = f.shelf
        let (_, c1, _, d1, d2) = f.highPass
        coefficients = [b0, b1, b2, a1, a2, c1, d1, d2].map { Float($0) }
    }

    /// The 4×4 matrix given by its columns `m`, times `v`.
    @inline(__always) static func times(_ m: [SIMD4<Double>], _ v: SIMD4<Double>) -> SIMD4<Double> {
        var r = m[0] * v[0]
        r += m[1] * v[1]
        r += m[2] * v[2]
        r += m[3] * v[3]
        return r
    }

    /// What the eight zero-state lanes of one block leave behind: per lane (stretch) Σy², the four
    /// correction sums Σy·(C·Aⁿ)ₖ and the four end states.
    struct Lanes: Equatable {
        var energy, k0, k1, k2, k3, z0, z1, z2, z3: SIMD8<Float>

        init(energy: SIMD8<Float>, k0: SIMD8<Float>, k1: SIMD8<Float>, k2: SIMD8<Float>, k3: SIMD8<Float>,
             z0: SIMD8<Float>, z1: SIMD8<Float>, z2: SIMD8<Float>, z3: SIMD8<Float>) {
            self.energy = energy; self.k0 = k0; self.k1 = k1; self.k2 = k2; self.k3 = k3
            self.z0 = z0; self.z1 = z1; self.z2 = z2; self.z3 = z3
        }

        /// The kernel's result, lane j of each row being stretch j.
        init(_ out: preflight_kweighting_lanes) {
            var o = out
            let v = withUnsafeBytes(of: &o) { raw in (0..<9).map { raw.loadUnaligned(fromByteOffset: 32 * $0, as: SIMD8<Float>.self) } }
            self.init(energy: v[0], k0: v[1], k1: v[2], k2: v[3], k3: v[4], z0: v[5], z1: v[6], z2: v[7], z3: v[8])
        }

        /// Equal bit for bit (NaN equal to itself), which ``==`` on floats is not.
        func sameBits(as other: Lanes) -> Bool {
            var a = self, b = other
            return withUnsafeBytes(of: &a) { x in withUnsafeBytes(of: &b) { y in x.elementsEqual(y) } }
        }
    }

    /// Σy² of the K-weighted block `x` (``blockLength`` samples), the filter state carried on. The
    /// lanes run in the vector kernel where the CPU has it, in the portable loop otherwise or with
    /// `portable`; both give the same bits.
    @_optimize(speed)
    mutating func energy(_ x: UnsafePointer<Float>, portable: Bool = false) -> Double {
        finish(portable || !VectorKernels.wide ? portableLanes(x) : vectorLanes(x), x)
    }

    /// Σy² of two consecutive blocks, `x` then `x2`: the same two values as ``energy(_:)`` of `x`, then
    /// of `x2`, with the two blocks' lanes run side by side in the vector kernel where the CPU has it.
    @_optimize(speed)
    mutating func energies(_ x: UnsafePointer<Float>, _ x2: UnsafePointer<Float>) -> (Double, Double) {
        guard VectorKernels.wide else { return (energy(x), energy(x2)) }
        var out = preflight_kweighting_lanes(), out2 = preflight_kweighting_lanes()
        coefficients.withUnsafeBufferPointer { c in
            preflight_kweighting_lane_pairs_avx2(x, x2, lane, c.baseAddress!, decay.pointer, &out, &out2)
        }
        let first = finish(Lanes(out), x)
        return (first, finish(Lanes(out2), x2))
    }

    /// The block's Σy² from its lanes: each stretch corrected for the state it really starts from, the
    /// samples after the eight stretches filtered one by one; the state carried on.
    @_optimize(speed)
    private mutating func finish(_ l: Lanes, _ x: UnsafePointer<Float>) -> Double {
        var total = 0.0
        var s = state
        for j in 0..<8 {
            let cross = SIMD4<Double>(Double(l.k0[j]), Double(l.k1[j]), Double(l.k2[j]), Double(l.k3[j]))
            let g = Self.times(gram, s)
            let own = Double(l.energy[j])
            let mixed: Double = 2 * (s * cross).sum()
            let decayed: Double = (s * g).sum()
            total += own + mixed + decayed
            let end = SIMD4<Double>(Double(l.z0[j]), Double(l.z1[j]), Double(l.z2[j]), Double(l.z3[j]))
            s = Self.times(aLane, s) + end
        }
        for i in (8 * lane)..<blockLength {
            let (next, y) = filter.step(s, Double(x[i]))
            s = next
            total += y * y
        }
        state = s
        return total
    }

    /// The lanes of block `x` through `CAudioKernels` (only when ``VectorKernels/wide``).
    func vectorLanes(_ x: UnsafePointer<Float>) -> Lanes {
        var out = preflight_kweighting_lanes()
        coefficients.withUnsafeBufferPointer { c in
            preflight_kweighting_lanes_avx2(x, lane, c.baseAddress!, decay.pointer, &out)
        }
        return Lanes(out)
    }

    /// The lanes of block `x` in portable Swift (8-lane vectors, whatever instructions the target has).
    @_optimize(speed)
    func portableLanes(_ x: UnsafePointer<Float>) -> Lanes {
        let (b0, b1, b2, a1, a2) = filter.shelf
        // The high-pass numerator is (1, −2, 1) (see ``KWeighting``): its products by 1 are left out,
        // which changes no result (a product by 1 is exact).
        let (_, c1, _, d1, d2) = filter.highPass
        let sb0 = SIMD8<Float>(repeating: Float(b0)), sb1 = SIMD8<Float>(repeating: Float(b1)), sb2 = SIMD8<Float>(repeating: Float(b2))
        let sa1 = SIMD8<Float>(repeating: Float(a1)), sa2 = SIMD8<Float>(repeating: Float(a2))
        let sc1 = SIMD8<Float>(repeating: Float(c1))
        let sd1 = SIMD8<Float>(repeating: Float(d1)), sd2 = SIMD8<Float>(repeating: Float(d2))
        var z0 = SIMD8<Float>(), z1 = SIMD8<Float>(), z2 = SIMD8<Float>(), z3 = SIMD8<Float>()
        var e = SIMD8<Float>(), k0 = SIMD8<Float>(), k1 = SIMD8<Float>(), k2 = SIMD8<Float>(), k3 = SIMD8<Float>()
        let n = lane
        let t0 = decay.pointer, t1 = t0 + n, t2 = t1 + n, t3 = t2 + n
        let ys = outputs.pointer
        // The filter first, its outputs kept; the four correction sums in a second loop over them: in
        // one loop the states, sums and coefficients need more vector registers than there are.
        for i in 0..<n {
            let v = SIMD8<Float>(x[i], x[n + i], x[2 * n + i], x[3 * n + i], x[4 * n + i], x[5 * n + i], x[6 * n + i], x[7 * n + i])
            let u = sb0 * v + z0
            z0 = sb1 * v - sa1 * u + z1
            z1 = sb2 * v - sa2 * u
            let y = u + z2
            z2 = sc1 * u - sd1 * y + z3
            z3 = u - sd2 * y
            e += y * y
            ys[i] = y
        }
        for i in 0..<n {
            let y = ys[i]
            k0 += y * t0[i]; k1 += y * t1[i]; k2 += y * t2[i]; k3 += y * t3[i]
        }
        return Lanes(energy: e, k0: k0, k1: k1, k2: k2, k3: k3, z0: z0, z1: z1, z2: z2, z3: z3)
    }

    /// Σy² of a block by the plain one-sample-at-a-time cascade in double precision, the state carried
    /// on: the reference ``energy(_:)`` is tested against.
    mutating func directEnergy(_ x: UnsafePointer<Float>) -> Double {
        var total = 0.0
        for i in 0..<blockLength {
            let (next, y) = filter.step(state, Double(x[i]))
            state = next
            total += y * y
        }
        return total
    }
}
