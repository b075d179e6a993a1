#ifndef PREFLIGHT_STREAMING_COPY_H
#define PREFLIGHT_STREAMING_COPY_H
#include <stddef.h>

/// Copies `count` floats from `source` to `destination` with non-temporal stores where the CPU has them
/// (SSE on x86-64): the written lines go to memory without first being read into this core's cache.
/// For a buffer handed to another thread, whose core may still hold those lines from the last round,
/// this skips fetching them back. A plain copy elsewhere. The areas must not overlap.
void preflight_streaming_copy(float *destination, const float *source, size_t count);

#endif
