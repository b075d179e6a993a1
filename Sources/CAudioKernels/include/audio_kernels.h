#ifndef PREFLIGHT_AUDIO_KERNELS_H
#define PREFLIGHT_AUDIO_KERNELS_H

/// What the eight zero-state K-weighting lanes of one step leave behind, lane j being stretch j of the
/// step: Σy², the four correction sums Σy·(C·Aⁿ)ₖ, and the four end states.
typedef struct preflight_kweighting_lanes {
    float energy[8];
    float cross[4][8];
    float state[4][8];
} preflight_kweighting_lanes;

/// Whether this CPU runs the 256-bit kernels below (AVX2, and the operating system saves its registers).
/// Decided once; the answer does not change while the process runs.
int preflight_audio_kernels_available(void);

/// Filters the eight stretches `x[j·lane ..< (j+1)·lane]` (j = 0…7) of one step side by side from a zero
/// state through the K-weighting cascade and accumulates Σy² and the correction sums against `decay`
/// (four tables of `lane` floats one after the other). `coefficients` holds b0 b1 b2 a1 a2 of the
/// shelf, then c1 d1 d2 of the high-pass (its c0 = c2 = 1 are products left out).
///
/// Every lane performs the same single-precision operations, in the same order and without fused
/// multiply-adds, as the portable 8-lane loop of `KWeightedEnergy`, so the results are the same bits.
/// Must only be called when `preflight_audio_kernels_available()` returned 1.
void preflight_kweighting_lanes_avx2(const float *x, long lane, const float coefficients[8], const float *decay,
                                     preflight_kweighting_lanes *out);

/// The same for two blocks at once (`x` into `out`, `x2` into `out2`), their recurrences interleaved so
/// that each hides the other's latency; each result is the same bits as one call for its block alone.
void preflight_kweighting_lane_pairs_avx2(const float *x, const float *x2, long lane, const float coefficients[8],
                                          const float *decay, preflight_kweighting_lanes *out,
                                          preflight_kweighting_lanes *out2);

/// The largest |x[i]| of `n` samples (0 when `n` is 0). AVX2 only, as above.
float preflight_abs_max_avx2(const float *x, long n);

/// The largest |x[i + 1] − x[i]| over i = 0 ..< `n` − 1 (0 when `n` is under 2). AVX2 only, as above.
float preflight_step_max_avx2(const float *x, long n);

/// The largest |Σⱼ taps[j]·x[i + j]| (j = 0 ..< `count`, summed in that order from zero) over the
/// positions i = 0 ..< `m`: the same bits as the portable 8-position loop of `TruePeakMeter` (AVX2 only).
float preflight_fir_abs_max_avx2(const float *x, long m, const float *taps, long count);

/// Of `n` samples: the largest |x|, Σ|x| and Σx² into `out[0...2]`: the same bits as the portable
/// `VectorKernels.stats` (AVX2 only).
void preflight_stats_avx2(const float *x, long n, float out[3]);

/// Of `n` samples: the largest |x| into `out[0]`, Σ|x|, Σx² and Σx into `out[1...3]`, the largest step
/// |x[i + 1] − x[i]| into `out[4]`: the same bits as the portable `VectorKernels.statsAndSum` (AVX2 only).
void preflight_mono_stats_avx2(const float *x, long n, float out[5]);

/// Per window of `length` samples, `windows` of them one after the other from `x`: the largest |x| into
/// `peaks` and Σx² into `squares`, the same bits as the portable `VectorKernels.stats` of that window
/// (AVX2 only).
void preflight_window_levels_avx2(const float *x, long windows, long length, float *peaks, float *squares);

#endif
