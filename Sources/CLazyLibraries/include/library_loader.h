#ifndef PREFLIGHT_LIBRARY_LOADER_H
#define PREFLIGHT_LIBRARY_LOADER_H
/*
 * Shared libraries opened on first use instead of at process start: FFmpeg's (libavformat,
 * libavcodec, libavutil, libswresample), libsndfile and libzip. The target is still named
 * CLazyLibraries because FFmpeg came first; it covers all six.
 *
 * preflight links none of them: this target defines every function of theirs the program calls
 * (ffmpeg_functions.h, sndfile_functions.h, zip_functions.h) as a trampoline that opens the
 * function's own library with dlopen() the first time, resolves the real function with dlsym() on
 * that handle, and jumps to it. A photo check or `--version` then maps none of them nor their
 * dependencies (FFmpeg's ~130; libsndfile's FLAC, Vorbis, Opus, mpg123, LAME; libzip's libcrypto
 * and libbz2). The functions here answer "can the libraries be loaded?" without exiting, so
 * callers can report a missing library as a finding; a trampoline whose library cannot be loaded
 * prints an install hint and exits with status 2.
 *
 * For tests of that path, the environment can make libraries count as missing:
 *   PREFLIGHT_DISABLE_LIBRARIES=sndfile,zip   the named families ("ffmpeg", "sndfile", "zip",
 *                                             or "all"), separated by commas or spaces;
 *   PREFLIGHT_DISABLE_FFMPEG=1                FFmpeg's four (any value but "" and "0").
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
/** libsndfile (libsndfile.so.1). */
#define CFF_SNDFILE 0x10u
/** libzip (libzip.so.4). */
#define CFF_ZIP 0x20u

/** Opens every library in `libraries` (and the libraries they need) unless already open.
    Returns 1 when all of them are loaded, 0 otherwise. Thread-safe; a failure is remembered. */
int cff_libraries_available(unsigned libraries);

/** 1 when every library in `libraries` is open already; never opens anything. */
int cff_libraries_loaded(unsigned libraries);

/** The libraries of `libraries` that failed to open (a mask); never opens anything. */
unsigned cff_libraries_failed(unsigned libraries);

/** The loader's error (dlerror text) for the first library in `libraries` that failed to open,
    or NULL when none failed. */
const char *cff_library_error(unsigned libraries);

/** The file name dlopen() is given for `library` (one bit), e.g. "libavformat.so.59", or NULL. */
const char *cff_library_soname(unsigned library);

/** What to tell a person when `library` (one bit) is missing: the Debian packages of its family
    to install (all four for any FFmpeg library), or NULL for an unknown bit. */
const char *cff_unavailable_message_zh(unsigned library);
/** The English version of cff_unavailable_message_zh(). */
const char *cff_unavailable_message_en(unsigned library);

/** `library`'s AV_VERSION_INT: the loaded library's own (its *_version() function) when it is
    already open, else the version of the headers preflight was built with. Never opens anything.
    0 for libsndfile and libzip, which have no such number. */
unsigned cff_library_version(unsigned library);

/** Sets libavutil's log level (av_log_set_level) now if libavutil is open, else right after it
    is opened. */
void cff_set_log_level(int level);

/** How many functions have a trampoline (all libraries). */
unsigned cff_function_count(void);
/** The name of trampoline `index` (< cff_function_count()), e.g. "avformat_open_input". */
const char *cff_function_name(unsigned index);
/** The library (one bit) that trampoline `index` resolves in. */
unsigned cff_function_library(unsigned index);
/** 1 when trampoline `index`'s function is found in its library (opening it); for tests. */
int cff_function_resolves(unsigned index);

#endif
