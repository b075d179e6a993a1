#include "kernel_target.h"

#if PREFLIGHT_HAS_AVX2_KERNELS

int preflight_audio_kernels_available(void) {
    static int answer = -1;
    if (answer < 0) {
        __builtin_cpu_init();
        answer = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return answer;
}


/* Rows r[j] = eight consecutive samples of stretch j; afterwards r[i] = sample i of every stretch. */
PF_TARGET static inline void transpose8(__m256 r[8]) {
    __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
    __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
    __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
    __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
    __m256 s0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0)), s1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
    __m256 s2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0)), s3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
    __m256 s4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0)), s5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
    __m256 s6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0)), s7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
    r[0] = _mm256_permute2f128_ps(s0, s4, 0x20); r[1] = _mm256_permute2f128_ps(s1, s5, 0x20);
    r[2] = _mm256_permute2f128_ps(s2, s6, 0x20); r[3] = _mm256_permute2f128_ps(s3, s7, 0x20);
    r[4] = _mm256_permute2f128_ps(s0, s4, 0x31); r[5] = _mm256_permute2f128_ps(s1, s5, 0x31);
    r[6] = _mm256_permute2f128_ps(s2, s6, 0x31); r[7] = _mm256_permute2f128_ps(s3, s7, 0x31);
}

/* The lane state of one block: the four filter states, Σy² and the four correction sums. */
typedef struct { __m256 z0, z1, z2, z3, e, k0, k1, k2, k3; } pf_lanes;

/* One lane step of block state `s` on the samples `v` (one per stretch) at position `i`: the same
   expressions, in the same order, as the portable loop. */
#define PF_STEP(s, v, i)                                                                              \
    do {                                                                                              \
        __m256 u_ = _mm256_add_ps(_mm256_mul_ps(b0, (v)), (s).z0);                                    \
        (s).z0 = _mm256_add_ps(_mm256_sub_ps(_mm256_mul_ps(b1, (v)), _mm256_mul_ps(a1, u_)), (s).z1);  \
        (s).z1 = _mm256_sub_ps(_mm256_mul_ps(b2, (v)), _mm256_mul_ps(a2, u_));                        \
        __m256 y_ = _mm256_add_ps(u_, (s).z2);                                                        \
        (s).z2 = _mm256_add_ps(_mm256_sub_ps(_mm256_mul_ps(c1, u_), _mm256_mul_ps(d1, y_)), (s).z3);   \
        (s).z3 = _mm256_sub_ps(u_, _mm256_mul_ps(d2, y_));                                            \
        (s).e = _mm256_add_ps((s).e, _mm256_mul_ps(y_, y_));                                          \
        (s).k0 = _mm256_add_ps((s).k0, _mm256_mul_ps(y_, _mm256_set1_ps(t0[i])));                     \
        (s).k1 = _mm256_add_ps((s).k1, _mm256_mul_ps(y_, _mm256_set1_ps(t1[i])));                     \
        (s).k2 = _mm256_add_ps((s).k2, _mm256_mul_ps(y_, _mm256_set1_ps(t2[i])));                     \
        (s).k3 = _mm256_add_ps((s).k3, _mm256_mul_ps(y_, _mm256_set1_ps(t3[i])));                     \
    } while (0)

#define PF_COEFFICIENTS                                                                                                       \
    const __m256 b0 = _mm256_set1_ps(coefficients[0]), b1 = _mm256_set1_ps(coefficients[1]), b2 = _mm256_set1_ps(coefficients[2]); \
    const __m256 a1 = _mm256_set1_ps(coefficients[3]), a2 = _mm256_set1_ps(coefficients[4]);                                    \
    const __m256 c1 = _mm256_set1_ps(coefficients[5]), d1 = _mm256_set1_ps(coefficients[6]), d2 = _mm256_set1_ps(coefficients[7]); \
    const float *t0 = decay, *t1 = decay + lane, *t2 = decay + 2 * lane, *t3 = decay + 3 * lane

PF_TARGET static inline __m256 pf_column(const float *x, long n, long i) {
    return _mm256_setr_ps(x[i], x[n + i], x[2 * n + i], x[3 * n + i], x[4 * n + i], x[5 * n + i], x[6 * n + i], x[7 * n + i]);
}

PF_TARGET static inline void pf_store(const pf_lanes *s, preflight_kweighting_lanes *out) {
    _mm256_storeu_ps(out->energy, s->e);
    _mm256_storeu_ps(out->cross[0], s->k0); _mm256_storeu_ps(out->cross[1], s->k1);
    _mm256_storeu_ps(out->cross[2], s->k2); _mm256_storeu_ps(out->cross[3], s->k3);
    _mm256_storeu_ps(out->state[0], s->z0); _mm256_storeu_ps(out->state[1], s->z1);
    _mm256_storeu_ps(out->state[2], s->z2); _mm256_storeu_ps(out->state[3], s->z3);
}

PF_TARGET void preflight_kweighting_lanes_avx2(const float *x, long lane, const float coefficients[8], const float *decay,
                                               preflight_kweighting_lanes *out) {
    PF_COEFFICIENTS;
    const long n = lane;
    pf_lanes s;
    s.z0 = s.z1 = s.z2 = s.z3 = s.e = s.k0 = s.k1 = s.k2 = s.k3 = _mm256_setzero_ps();
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 r[8];
        for (int j = 0; j < 8; j++) r[j] = _mm256_loadu_ps(x + j * n + i);
        transpose8(r);
        for (int j = 0; j < 8; j++) PF_STEP(s, r[j], i + j);
    }
    for (; i < n; i++) PF_STEP(s, pf_column(x, n, i), i);
    pf_store(&s, out);
}

/* The body of the pair kernel, inlined into a function for each instruction set below: with AVX-512VL
   the compiler has 32 vector registers for the two blocks' states, sums and coefficients instead of 16,
   and keeps them all in registers (256-bit operations still, the same instructions' arithmetic). */
__attribute__((always_inline, target("avx2"))) static inline void
pf_lane_pairs(const float *x, const float *x2, long lane, const float coefficients[8], const float *decay,
              preflight_kweighting_lanes *out, preflight_kweighting_lanes *out2) {
    PF_COEFFICIENTS;
    const long n = lane;
    pf_lanes s;
    s.z0 = s.z1 = s.z2 = s.z3 = s.e = s.k0 = s.k1 = s.k2 = s.k3 = _mm256_setzero_ps();
    pf_lanes s2 = s;
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 r[8], q[8];
        for (int j = 0; j < 8; j++) r[j] = _mm256_loadu_ps(x + j * n + i);
        transpose8(r);
        for (int j = 0; j < 8; j++) q[j] = _mm256_loadu_ps(x2 + j * n + i);
        transpose8(q);
        /* Two independent recurrences, interleaved: each hides the other's latency. */
        for (int j = 0; j < 8; j++) { PF_STEP(s, r[j], i + j); PF_STEP(s2, q[j], i + j); }
    }
    for (; i < n; i++) { PF_STEP(s, pf_column(x, n, i), i); PF_STEP(s2, pf_column(x2, n, i), i); }
    pf_store(&s, out);
    pf_store(&s2, out2);
}

PF_TARGET static void pf_lane_pairs_avx2(const float *x, const float *x2, long lane, const float coefficients[8],
                                         const float *decay, preflight_kweighting_lanes *out,
                                         preflight_kweighting_lanes *out2) {
    pf_lane_pairs(x, x2, lane, coefficients, decay, out, out2);
}

__attribute__((target("avx2,avx512f,avx512vl"))) static void
pf_lane_pairs_avx512vl(const float *x, const float *x2, long lane, const float coefficients[8], const float *decay,
                       preflight_kweighting_lanes *out, preflight_kweighting_lanes *out2) {
    pf_lane_pairs(x, x2, lane, coefficients, decay, out, out2);
}

/* Whether the CPU (and the operating system) gives AVX-512VL; decided once. */
static int pf_has_avx512vl(void) {
    static int answer = -1;
    if (answer < 0) {
        __builtin_cpu_init();
        answer = __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512f") ? 1 : 0;
    }
    return answer;
}

PF_TARGET void preflight_kweighting_lane_pairs_avx2(const float *x, const float *x2, long lane, const float coefficients[8],
                                                    const float *decay, preflight_kweighting_lanes *out,
                                                    preflight_kweighting_lanes *out2) {
    if (pf_has_avx512vl()) pf_lane_pairs_avx512vl(x, x2, lane, coefficients, decay, out, out2);
    else pf_lane_pairs_avx2(x, x2, lane, coefficients, decay, out, out2);
}

#else

int preflight_audio_kernels_available(void) { return 0; }

void preflight_kweighting_lanes_avx2(const float *x, long lane, const float coefficients[8], const float *decay,
                                     preflight_kweighting_lanes *out) {
    (void)x; (void)lane; (void)coefficients; (void)decay; (void)out;
}

void preflight_kweighting_lane_pairs_avx2(const float *x, const float *x2, long lane, const float coefficients[8],
                                          const float *decay, preflight_kweighting_lanes *out,
                                          preflight_kweighting_lanes *out2) {
    (void)x; (void)x2; (void)lane; (void)coefficients; (void)decay; (void)out; (void)out2;
}

#endif
