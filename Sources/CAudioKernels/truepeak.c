#include "kernel_target.h"

#if PREFLIGHT_HAS_AVX2_KERNELS


PF_TARGET float preflight_abs_max_avx2(const float *x, long n) {
    __m256 m0 = _mm256_setzero_ps(), m1 = m0;
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        m0 = _mm256_max_ps(m0, pf_abs(_mm256_loadu_ps(x + i)));
        m1 = _mm256_max_ps(m1, pf_abs(_mm256_loadu_ps(x + i + 8)));
    }
    float best = pf_hmax(_mm256_max_ps(m0, m1));
    for (; i < n; i++) {
        float a = x[i] < 0 ? -x[i] : x[i];
        if (a > best) best = a;
    }
    return best;
}

PF_TARGET float preflight_step_max_avx2(const float *x, long n) {
    __m256 m0 = _mm256_setzero_ps(), m1 = m0;
    long i = 0;
    for (; i + 17 <= n; i += 16) {
        m0 = _mm256_max_ps(m0, pf_abs(_mm256_sub_ps(_mm256_loadu_ps(x + i + 1), _mm256_loadu_ps(x + i))));
        m1 = _mm256_max_ps(m1, pf_abs(_mm256_sub_ps(_mm256_loadu_ps(x + i + 9), _mm256_loadu_ps(x + i + 8))));
    }
    float best = pf_hmax(_mm256_max_ps(m0, m1));
    for (; i + 1 < n; i++) {
        float d = x[i + 1] - x[i];
        float a = d < 0 ? -d : d;
        if (a > best) best = a;
    }
    return best;
}

PF_TARGET float preflight_fir_abs_max_avx2(const float *x, long m, const float *taps, long count) {
    __m256 most0 = _mm256_setzero_ps(), most1 = most0;
    long i = 0;
    /* Sixteen positions at a time in two independent sums (the same sum for each position). */
    for (; i + 16 <= m; i += 16) {
        __m256 a0 = _mm256_setzero_ps(), a1 = a0;
        for (long j = 0; j < count; j++) {
            __m256 h = _mm256_set1_ps(taps[j]);
            a0 = _mm256_add_ps(a0, _mm256_mul_ps(h, _mm256_loadu_ps(x + i + j)));
            a1 = _mm256_add_ps(a1, _mm256_mul_ps(h, _mm256_loadu_ps(x + i + 8 + j)));
        }
        most0 = _mm256_max_ps(most0, pf_abs(a0));
        most1 = _mm256_max_ps(most1, pf_abs(a1));
    }
    for (; i + 8 <= m; i += 8) {
        __m256 a0 = _mm256_setzero_ps();
        for (long j = 0; j < count; j++) a0 = _mm256_add_ps(a0, _mm256_mul_ps(_mm256_set1_ps(taps[j]), _mm256_loadu_ps(x + i + j)));
        most0 = _mm256_max_ps(most0, pf_abs(a0));
    }
    float best = pf_hmax(_mm256_max_ps(most0, most1));
    for (; i < m; i++) {
        float acc = 0;
        for (long j = 0; j < count; j++) acc += taps[j] * x[i + j];
        float a = acc < 0 ? -acc : acc;
        if (a > best) best = a;
    }
    return best;
}

#else

float preflight_abs_max_avx2(const float *x, long n) { (void)x; (void)n; return 0; }
float preflight_step_max_avx2(const float *x, long n) { (void)x; (void)n; return 0; }
float preflight_fir_abs_max_avx2(const float *x, long m, const float *taps, long count) {
    (void)x; (void)m; (void)taps; (void)count; return 0;
}

#endif
