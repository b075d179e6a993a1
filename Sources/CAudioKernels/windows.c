#include "kernel_target.h"

#if PREFLIGHT_HAS_AVX2_KERNELS


PF_TARGET void preflight_window_levels_avx2(const float *x, long windows, long length, float *peaks, float *squares) {
    for (long w = 0; w < windows; w++, x += length) {
        __m256 p = _mm256_setzero_ps(), q = p;
        long i = 0;
        for (; i + 8 <= length; i += 8) {
            __m256 v = _mm256_loadu_ps(x + i);
            p = _mm256_max_ps(p, pf_abs(v));
            q = _mm256_add_ps(q, _mm256_mul_ps(v, v));
        }
        float qq = pf_hsum(q), pp = pf_hmax(p);
        for (; i < length; i++) {
            float a = x[i] < 0 ? -x[i] : x[i];
            if (a > pp) pp = a;
            qq += x[i] * x[i];
        }
        peaks[w] = pp;
        squares[w] = qq;
    }
}

/* Peak |x|, Σ|x| and Σx² of `n` samples into out[0...2] and, with `more`, Σx and the largest step
   |x[i + 1] − x[i]| into out[3...4]: each sum accumulated in the portable loops' order. */
PF_TARGET static inline void pf_stats(const float *x, long n, float *out, int more) {
    __m256 p = _mm256_setzero_ps(), s = p, q = p, t = p, d = p;
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 a = pf_abs(v);
        p = _mm256_max_ps(p, a);
        s = _mm256_add_ps(s, a);
        q = _mm256_add_ps(q, _mm256_mul_ps(v, v));
        if (more) {
            t = _mm256_add_ps(t, v);
            if (i + 9 <= n) d = _mm256_max_ps(d, pf_abs(_mm256_sub_ps(_mm256_loadu_ps(x + i + 1), v)));
        }
    }
    /* The steps the vectors did not take, from the last vector's first sample on (a few twice). */
    long k = i >= 8 ? i - 8 : 0;
    float pp = pf_hmax(p), ss = pf_hsum(s), qq = pf_hsum(q), tt = pf_hsum(t), dd = pf_hmax(d);
    for (; i < n; i++) {
        float a = x[i] < 0 ? -x[i] : x[i];
        if (a > pp) pp = a;
        ss += a;
        qq += x[i] * x[i];
        tt += x[i];
    }
    out[0] = pp; out[1] = ss; out[2] = qq;
    if (!more) return;
    for (; k + 1 < n; k++) {
        float e = x[k + 1] - x[k];
        float a = e < 0 ? -e : e;
        if (a > dd) dd = a;
    }
    out[3] = tt; out[4] = dd;
}

PF_TARGET void preflight_stats_avx2(const float *x, long n, float out[3]) { pf_stats(x, n, out, 0); }

PF_TARGET void preflight_mono_stats_avx2(const float *x, long n, float out[5]) { pf_stats(x, n, out, 1); }

#else

void preflight_stats_avx2(const float *x, long n, float out[3]) {
    (void)x; (void)n;
    for (int i = 0; i < 3; i++) out[i] = 0;
}

void preflight_mono_stats_avx2(const float *x, long n, float out[5]) {
    (void)x; (void)n;
    for (int i = 0; i < 5; i++) out[i] = 0;
}

void preflight_window_levels_avx2(const float *x, long windows, long length, float *peaks, float *squares) {
    (void)x; (void)windows; (void)length; (void)peaks; (void)squares;
}

#endif
