/* libzip's declarations for Swift (libzip-dev: zip.h and zipconf.h in /usr/include). The functions
   are defined by CLazyLibraries (trampolines into libzip.so.4, opened on first use); a new one must be
   added to its zip_functions.h. */
#include <zip.h>
