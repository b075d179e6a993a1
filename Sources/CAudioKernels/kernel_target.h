/* What every kernel file shares: whether the AVX2 versions are built here, the attribute that compiles
   one function for AVX2, exact rounding (each multiplication and addition rounds on its own, as the
   portable loops' do, so both give the same bits), and the lane reductions. */
#ifndef PREFLIGHT_KERNEL_TARGET_H
#define PREFLIGHT_KERNEL_TARGET_H

#include "audio_kernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define PREFLIGHT_HAS_AVX2_KERNELS 1
#endif

#if defined(__clang__)
#pragma clang fp contract(off)
#endif

#define PF_TARGET __attribute__((target("avx2")))

#if PREFLIGHT_HAS_AVX2_KERNELS
/* The reductions every kernel shares, in the portable loops' order. */
PF_TARGET static inline __m256 pf_abs(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }

/* The largest lane. */
PF_TARGET static inline float pf_hmax(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
    return _mm_cvtss_f32(m);
}

/* The sum of the lanes as the portable reduction takes it: halves added (lanes j and j + 4), then again,
   then the last two. */
PF_TARGET static inline float pf_hsum(__m256 q) {
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(q), _mm256_extractf128_ps(q, 1));
    __m128 t = _mm_add_ps(h, _mm_movehl_ps(h, h));
    return _mm_cvtss_f32(t) + _mm_cvtss_f32(_mm_shuffle_ps(t, t, 1));
}
#endif

#endif
