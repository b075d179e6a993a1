import Foundation

/// Blind clarity C50 from the decay that follows speech offsets, measured per band: the interrupted-noise
/// method of ISO 3382-1 (M. R. Schroeder, "New method of measuring reverberation time", JASA 1965)
/// applied to the speech itself, in the 1–2, 2–3 and 3–4 kHz bands of ``ShortTimeSpectrum``.
///
/// When a steady source stops, the power 50 ms later relative to the power just before is the late
/// fraction `1 / (1 + C50)`. Speech is not a steady source that stops at once: what follows an offset is
/// the room's decay convolved with the voice's own release, and the two cannot be told apart in one
/// band (a slow release in a dry room reads like a quick release in a short, live room). Releases are
/// slowest where vowels carry their energy, below about 1 kHz, and a single 250–3500 Hz band is
/// dominated by exactly that region; above 1 kHz consonants stop abruptly. So each band keeps its own
/// ``OffsetDecay`` (before: the 20 ms up to a hop; after: 35–50 ms after it; its own loudest level and
/// noise floor), the sharpest 1 % of its offsets (99th percentile of before/after − 1) gives that band's
/// ratio in dB, and the bands' ratios are averaged in dB (ISO 3382-1 likewise averages clarity in dB over
/// octave bands, there 500 Hz and 1 kHz).
/// The after-window sits a little before 50 ms because in running speech the next sound often starts
/// within 50–60 ms of an offset, which would cut the sharpest decays short.
///
/// The averaged ratio still reads the room through the voice's release and a short after-window, so a
/// line fitted on synthetic rooms maps it to C50: `raw = slope · C50 + offset` (exponentially decaying
/// noise impulse responses under Polack's model, RT60 0.1–1.2 s, direct-to-reverberant ratio −5…+30 dB;
/// see the PreflightCalibration target). A band can show no more than its own signal-to-noise ratio, so C50 above the
/// recording's SNR in 1–4 kHz reads low.
struct ReverberationEstimator {
    /// Hops (5 ms) between the "before" and the "after" windows in each band.
    static let delayHops = 8
    /// The percentile of each band's before/after ratios: its sharpest 1 % of offsets.
    static let percentile = 0.99
    /// raw = slope · C50 + offset for the band average, refitted by `Calibration.fitReverberation`;
    /// inverted in ``c50()``.
    static let slope = 0.797
    static let offset = 6.48

    /// One ``OffsetDecay`` per band of 1–2, 2–3 and 3–4 kHz, made on the first hop.
    private var bands: [OffsetDecay] = []

    /// Adds one hop: its 1–2, 2–3 and 3–4 kHz band powers.
    mutating func add(_ hop: ShortTimeSpectrum.Hop) {
        if bands.isEmpty { bands = (0..<3).map { _ in OffsetDecay(delayHops: Self.delayHops) } }
        bands[0].add(hop.bands.3)
        bands[1].add(hop.bands.4)
        bands[2].add(hop.bands.5)
    }

    /// The uncorrected estimate in dB: the bands' ratios at `percentile` (default ``percentile``)
    /// averaged in dB, or nil with too little speech (under 0.5 s of loud hops in every band).
    func rawC50(percentile: Double? = nil) -> Double? {
        let values = bands.compactMap { $0.ratio(percentile: percentile ?? Self.percentile) }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// C50 in dB after the linear correction, clamped to −10 … 60 dB (Brouhaha's range).
    func c50() -> Double? {
        guard let raw = rawC50() else { return nil }
        return Swift.min(Swift.max((raw - Self.offset) / Self.slope, -10), 60)
    }
}
