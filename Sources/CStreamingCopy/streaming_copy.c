#include "streaming_copy.h"
#include <string.h>
#include <stdint.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

void preflight_streaming_copy(float *destination, const float *source, size_t count) {
#if defined(__x86_64__)
    size_t i = 0;
    /* Plain stores up to the first 16-byte boundary of the destination. */
    while (i < count && ((uintptr_t)(destination + i) & 15) != 0) {
        destination[i] = source[i];
        i++;
    }
    for (; i + 4 <= count; i += 4) {
        _mm_stream_ps(destination + i, _mm_loadu_ps(source + i));
    }
    for (; i < count; i++) destination[i] = source[i];
    /* Order the streaming stores before the buffer is handed over (the hand-over's lock is a full
       barrier too; this keeps the function correct on its own). */
    _mm_sfence();
#else
    memcpy(destination, source, count * sizeof(float));
#endif
}
