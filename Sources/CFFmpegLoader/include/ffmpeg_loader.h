#ifndef PREFLIGHT_FFMPEG_LOADER_H
#define PREFLIGHT_FFMPEG_LOADER_H
/*
 * FFmpeg's shared libraries, opened on first use instead of at process start.
 *
 * preflight links none of libavformat, libavcodec, libavutil or libswresample: this target defines
 * every FFmpeg function the program calls (see ffmpeg_functions.h) as a trampoline that opens the
 * function's own library with dlopen() the first time, resolves the real function with dlsym() on
 * that handle, and jumps to it. A photo check or `--version` then maps none of FFmpeg's ~130
 * dependencies. The functions here answer "can the libraries be loaded?" without exiting, so
 * callers can report a missing library as a finding; a trampoline whose library cannot be loaded
 * prints an install hint and exits with status 2.
 *
 * Setting PREFLIGHT_DISABLE_FFMPEG=1 in the environment makes every library count as missing
 * (for tests of that path).
 */
#include <stddef.h>

/** libavutil (a bit of a library mask). */
#define CFF_AVUTIL 0x1u
/** libswresample (needs libavutil). */
#define CFF_SWRESAMPLE 0x2u
/** libavcodec (needs libswresample and libavutil). */
#define CFF_AVCODEC 0x4u
/** libavformat (needs libavcodec and libavutil). */
#define CFF_AVFORMAT 0x8u

/** Opens every library in `libraries` (and the FFmpeg libraries they need) unless already open.
    Returns 1 when all of them are loaded, 0 otherwise. Thread-safe; a failure is remembered. */
int cff_libraries_available(unsigned libraries);

/** 1 when every library in `libraries` is open already; never opens anything. */
int cff_libraries_loaded(unsigned libraries);

/** The loader's error (dlerror text) for the first library in `libraries` that failed to open,
    or NULL when none failed. */
const char *cff_library_error(unsigned libraries);

/** The file name dlopen() is given for `library` (one bit), e.g. "libavformat.so.59", or NULL. */
const char *cff_library_soname(unsigned library);

/** What to tell a person when the libraries are missing: the Debian packages to install. */
const char *cff_unavailable_message_zh(void);
/** The English version of cff_unavailable_message_zh(). */
const char *cff_unavailable_message_en(void);

/** `library`'s AV_VERSION_INT: the loaded library's own (its *_version() function) when it is
    already open, else the version of the headers preflight was built with. Never opens anything. */
unsigned cff_library_version(unsigned library);

/** Sets libavutil's log level (av_log_set_level) now if libavutil is open, else right after it
    is opened. */
void cff_set_log_level(int level);

/** How many FFmpeg functions have a trampoline. */
unsigned cff_function_count(void);
/** The name of trampoline `index` (< cff_function_count()), e.g. "avformat_open_input". */
const char *cff_function_name(unsigned index);
/** The library (one bit) that trampoline `index` resolves in. */
unsigned cff_function_library(unsigned index);
/** 1 when trampoline `index`'s function is found in its library (opening it); for tests. */
int cff_function_resolves(unsigned index);

#endif
