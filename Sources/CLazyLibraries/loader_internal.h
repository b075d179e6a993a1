#ifndef PREFLIGHT_LOADER_INTERNAL_H
#define PREFLIGHT_LOADER_INTERNAL_H
/* Shared by the two files of this target; nothing here is visible outside the binary's own code. */
#include "library_loader.h"

#define CFF_HIDDEN __attribute__((visibility("hidden")))

/* The handle of `library` (one bit), opening it and the libraries it needs on first use;
   NULL when it cannot be loaded (cff_library_error says why). */
CFF_HIDDEN void *cff_open_library(unsigned library);

/* Prints the bilingual install hint naming `function` and exits with status 2: a trampoline's
   library cannot be loaded or lacks the function. */
CFF_HIDDEN _Noreturn void cff_fail(const char *function, unsigned library, const char *reason);

#endif
