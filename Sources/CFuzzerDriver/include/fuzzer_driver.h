#ifndef PREFLIGHT_FUZZER_DRIVER_H
#define PREFLIGHT_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/* One input through the code under test; returns 0 (libFuzzer's LLVMFuzzerTestOneInput contract). */
typedef int (*pf_fuzz_callback)(const uint8_t *data, size_t size);

/* Whether libFuzzer is linked in (`make fuzz` builds with -DPREFLIGHT_LIBFUZZER and its archive). */
int pf_fuzzer_linked(void);

/* Runs libFuzzer's driver (LLVMFuzzerRunDriver) over `callback` with the process arguments;
   -1 when libFuzzer is not linked. */
int pf_fuzzer_run(int *argc, char ***argv, pf_fuzz_callback callback);
#endif
