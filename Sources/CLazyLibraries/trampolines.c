/* Defines every function of ffmpeg_functions.h, sndfile_functions.h and zip_functions.h as a
   trampoline into its library, which is opened on the first call. The real headers are included
   first, so each definition is checked against the library's own declaration. */
#include "loader_internal.h"

#include <dlfcn.h>
#include <stdatomic.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/aes.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/display.h>
#include <libavutil/frame.h>
#include <libavutil/md5.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/rc4.h>
#include <libavutil/sha.h>
#include <libavutil/sha512.h>
#include <libavutil/tx.h>
#include <libswresample/swresample.h>

#include <sndfile.h>

/* zip.h marks its functions visibility("default"), which a hidden definition may not redeclare. */
#define ZIP_EXTERN
#include <zip.h>

#include "ffmpeg_functions.h"
#include "sndfile_functions.h"
#include "zip_functions.h"

/* Every table, one after the other: the index of a function is its place here. */
#define CFF_FUNCTIONS(FN, PROC) \
    CFF_FFMPEG_FUNCTIONS(FN, PROC) CFF_SNDFILE_FUNCTIONS(FN, PROC) CFF_ZIP_FUNCTIONS(FN, PROC)

/* A table's library tag (AVUTIL …) as its bit. */
#define CFF_LIBRARY_AVUTIL CFF_AVUTIL
#define CFF_LIBRARY_SWRESAMPLE CFF_SWRESAMPLE
#define CFF_LIBRARY_AVCODEC CFF_AVCODEC
#define CFF_LIBRARY_AVFORMAT CFF_AVFORMAT
#define CFF_LIBRARY_SNDFILE CFF_SNDFILE
#define CFF_LIBRARY_ZIP CFF_ZIP

enum {
#define CFF_INDEX_FN(library, type, name, parameters, arguments) CFF_INDEX_##name,
#define CFF_INDEX_PROC(library, name, parameters, arguments) CFF_INDEX_##name,
    CFF_FUNCTIONS(CFF_INDEX_FN, CFF_INDEX_PROC)
    CFF_FUNCTION_COUNT
};

static const struct {
    const char *name;
    unsigned library;
} functions[CFF_FUNCTION_COUNT] = {
#define CFF_ENTRY_FN(library, type, name, parameters, arguments) { #name, CFF_LIBRARY_##library },
#define CFF_ENTRY_PROC(library, name, parameters, arguments) { #name, CFF_LIBRARY_##library },
    CFF_FUNCTIONS(CFF_ENTRY_FN, CFF_ENTRY_PROC)
};

/* The resolved address of each function; NULL until its first call. */
static _Atomic(void *) resolved[CFF_FUNCTION_COUNT];

/* Opens the library of function `index` and finds the function in it (never via RTLD_DEFAULT,
   which would find the trampoline itself); exits when either fails. */
__attribute__((noinline, cold)) static void *resolve(unsigned index) {
    unsigned library = functions[index].library;
    void *handle = cff_open_library(library);
    if (handle == NULL) cff_fail(functions[index].name, library, cff_library_error(library));
    void *address = dlsym(handle, functions[index].name);
    if (address == NULL) cff_fail(functions[index].name, library, dlerror());
    atomic_store_explicit(&resolved[index], address, memory_order_release);
    return address;
}

static inline void *address_of(unsigned index) {
    void *address = atomic_load_explicit(&resolved[index], memory_order_acquire);
    return address != NULL ? address : resolve(index);
}

/* Taking the address of a deprecated function is not a use worth a warning here. */
#pragma clang diagnostic ignored "-Wdeprecated-declarations"

#define CFF_DEFINE_FN(library, type, name, parameters, arguments) \
    CFF_HIDDEN type name parameters { return ((__typeof__(&name))address_of(CFF_INDEX_##name)) arguments; }
#define CFF_DEFINE_PROC(library, name, parameters, arguments) \
    CFF_HIDDEN void name parameters { ((__typeof__(&name))address_of(CFF_INDEX_##name)) arguments; }
CFF_FUNCTIONS(CFF_DEFINE_FN, CFF_DEFINE_PROC)

unsigned cff_function_count(void) { return CFF_FUNCTION_COUNT; }

const char *cff_function_name(unsigned index) {
    return index < CFF_FUNCTION_COUNT ? functions[index].name : NULL;
}

unsigned cff_function_library(unsigned index) {
    return index < CFF_FUNCTION_COUNT ? functions[index].library : 0;
}

int cff_function_resolves(unsigned index) {
    if (index >= CFF_FUNCTION_COUNT) return 0;
    void *handle = cff_open_library(functions[index].library);
    return handle != NULL && dlsym(handle, functions[index].name) != NULL;
}
