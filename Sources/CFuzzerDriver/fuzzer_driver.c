#include "fuzzer_driver.h"

/* libFuzzer's entry for programs that keep their own main (LLVM 12+). Referenced only in fuzzing
   builds, so an ordinary build links without libFuzzer. */
#ifdef PREFLIGHT_LIBFUZZER
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int pf_fuzzer_linked(void) { return 1; }

int pf_fuzzer_run(int *argc, char ***argv, pf_fuzz_callback callback) {
    return LLVMFuzzerRunDriver(argc, argv, callback);
}
#else
int pf_fuzzer_linked(void) { return 0; }

int pf_fuzzer_run(int *argc, char ***argv, pf_fuzz_callback callback) {
    (void)argc; (void)argv; (void)callback;
    return -1;
}
#endif
