#include "kernel_target.h"

#if PREFLIGHT_HAS_AVX2_KERNELS


PF_TARGET void preflight_window_levels_avx2(const float *x, long windows, long length, float *peaks, float *squares) {
    const __m256 sign = _mm256_set1_ps(-0.0f);
    for (long w = 0; w < windows; w++, x += length) {
        __m256 p = _mm256_setzero_ps(), q = p;
        long i = 0;
        for (; i + 8 <= length; i += 8) {
            __m256 v = _mm256_loadu_ps(x + i);
            p = _mm256_max_ps(p, _mm256_andnot_ps(sign, v));
            q = _mm256_add_ps(q, _mm256_mul_ps(v, v));
        }
        /* The portable reduction: halves added (lanes j and j + 4), then again, then the last two. */
        __m128 h = _mm_add_ps(_mm256_castps256_ps128(q), _mm256_extractf128_ps(q, 1));
        __m128 t = _mm_add_ps(h, _mm_movehl_ps(h, h));
        float qq = _mm_cvtss_f32(t) + _mm_cvtss_f32(_mm_shuffle_ps(t, t, 1));
        __m128 m = _mm_max_ps(_mm256_castps256_ps128(p), _mm256_extractf128_ps(p, 1));
        m = _mm_max_ps(m, _mm_movehl_ps(m, m));
        m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
        float pp = _mm_cvtss_f32(m);
        for (; i < length; i++) {
            float a = x[i] < 0 ? -x[i] : x[i];
            if (a > pp) pp = a;
            qq += x[i] * x[i];
        }
        peaks[w] = pp;
        squares[w] = qq;
    }
}

#else

void preflight_window_levels_avx2(const float *x, long windows, long length, float *peaks, float *squares) {
    (void)x; (void)windows; (void)length; (void)peaks; (void)squares;
}

#endif
