/* What every kernel file shares: whether the AVX2 versions are built here, the attribute that compiles
   one function for AVX2, and exact rounding (each multiplication and addition rounds on its own, as the
   portable loops' do, so both give the same bits). */
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

#endif
