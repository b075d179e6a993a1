/* Opens the libraries behind the trampolines on first use (FFmpeg's four, libsndfile, libzip): one
   dlopen() handle per library, after the libraries it needs. */
#include "loader_internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/version.h>
#include <libavformat/version.h>
#include <libavutil/version.h>
#include <libswresample/version.h>

#define CFF_TEXT(x) #x
#define CFF_STRING(x) CFF_TEXT(x)
/* Sonames and Debian package names from the headers' majors, so new headers cannot silently
   load a library of another major. */
#define CFF_AVUTIL_NAME "libavutil" CFF_STRING(LIBAVUTIL_VERSION_MAJOR)
#define CFF_SWRESAMPLE_NAME "libswresample" CFF_STRING(LIBSWRESAMPLE_VERSION_MAJOR)
#define CFF_AVCODEC_NAME "libavcodec" CFF_STRING(LIBAVCODEC_VERSION_MAJOR)
#define CFF_AVFORMAT_NAME "libavformat" CFF_STRING(LIBAVFORMAT_VERSION_MAJOR)
#define CFF_FFMPEG_PACKAGES CFF_AVFORMAT_NAME " " CFF_AVCODEC_NAME " " CFF_AVUTIL_NAME " " CFF_SWRESAMPLE_NAME

/* Libraries that are installed together, named together in PREFLIGHT_DISABLE_LIBRARIES and in
   the install hint. */
struct cff_family {
    const char *name;             /* in PREFLIGHT_DISABLE_LIBRARIES */
    const char *hint_zh;
    const char *hint_en;
};

static const struct cff_family ffmpeg_family = {
    "ffmpeg", "无法加载 FFmpeg 库。请安装 Debian 软件包：sudo apt-get install " CFF_FFMPEG_PACKAGES,
    "The FFmpeg libraries cannot be loaded. Install the Debian packages: sudo apt-get install " CFF_FFMPEG_PACKAGES };
/* Neither header carries the ABI major of its soname (zipconf.h's LIBZIP_VERSION_MAJOR is 1 for
   libzip.so.4), so the sonames below are written out, as Debian names them; on a system where
   they differ, FFmpegLoadingTests.everyFunctionIsFoundInItsOwnLibrary fails. */
static const struct cff_family sndfile_family = {
    "sndfile", "无法加载 libsndfile 库。请安装 Debian 软件包：sudo apt-get install libsndfile1",
    "The libsndfile library cannot be loaded. Install the Debian package: sudo apt-get install libsndfile1" };
static const struct cff_family zip_family = {
    "zip", "无法加载 libzip 库。请安装 Debian 软件包：sudo apt-get install libzip4",
    "The libzip library cannot be loaded. Install the Debian package: sudo apt-get install libzip4" };

struct cff_library {
    unsigned bit;
    const char *soname;
    const struct cff_family *family;
    unsigned needs;               /* libraries opened first */
    unsigned header_version;      /* AV_VERSION_INT of the headers; 0 for libsndfile and libzip */
    const char *version_function; /* the function that returns the library's own, or NULL */
    _Atomic(void *) handle;       /* set once, after a successful open */
    int failed;                   /* under `lock` */
    char error[256];              /* under `lock` */
};

/* In dependency order. */
static struct cff_library libraries[] = {
    { CFF_AVUTIL, "libavutil.so." CFF_STRING(LIBAVUTIL_VERSION_MAJOR), &ffmpeg_family, 0,
      LIBAVUTIL_VERSION_INT, "avutil_version", NULL, 0, "" },
    { CFF_SWRESAMPLE, "libswresample.so." CFF_STRING(LIBSWRESAMPLE_VERSION_MAJOR), &ffmpeg_family, CFF_AVUTIL,
      LIBSWRESAMPLE_VERSION_INT, "swresample_version", NULL, 0, "" },
    { CFF_AVCODEC, "libavcodec.so." CFF_STRING(LIBAVCODEC_VERSION_MAJOR), &ffmpeg_family, CFF_AVUTIL | CFF_SWRESAMPLE,
      LIBAVCODEC_VERSION_INT, "avcodec_version", NULL, 0, "" },
    { CFF_AVFORMAT, "libavformat.so." CFF_STRING(LIBAVFORMAT_VERSION_MAJOR), &ffmpeg_family, CFF_AVUTIL | CFF_AVCODEC,
      LIBAVFORMAT_VERSION_INT, "avformat_version", NULL, 0, "" },
    { CFF_SNDFILE, "libsndfile.so.1", &sndfile_family, 0, 0, NULL, NULL, 0, "" },
    { CFF_ZIP, "libzip.so.4", &zip_family, 0, 0, NULL, NULL, 0, "" },
};
#define CFF_LIBRARY_COUNT (sizeof libraries / sizeof libraries[0])

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int log_level_set;         /* under `lock` */
static int log_level;             /* under `lock` */

static struct cff_library *find(unsigned bit) {
    for (size_t i = 0; i < CFF_LIBRARY_COUNT; i++) {
        if (libraries[i].bit == bit) return &libraries[i];
    }
    return NULL;
}

static void *loaded_handle(const struct cff_library *library) {
    return atomic_load_explicit(&library->handle, memory_order_acquire);
}

/* The variable that makes `family` count as missing (see library_loader.h), or NULL. */
static const char *disabled_by_environment(const struct cff_family *family) {
    const char *value = getenv("PREFLIGHT_DISABLE_FFMPEG");
    if (family == &ffmpeg_family && value != NULL && value[0] != '\0' && strcmp(value, "0") != 0) {
        return "PREFLIGHT_DISABLE_FFMPEG";
    }
    const char *list = getenv("PREFLIGHT_DISABLE_LIBRARIES");
    for (const char *p = list; p != NULL && *p != '\0';) {
        size_t length = strcspn(p, ", ");
        if ((length == strlen(family->name) && strncmp(p, family->name, length) == 0)
            || (length == 3 && strncmp(p, "all", 3) == 0)) return "PREFLIGHT_DISABLE_LIBRARIES";
        p += length;
        p += strspn(p, ", ");
    }
    return NULL;
}

/* Calls av_log_set_level in the opened libavutil. Under `lock`. */
static void apply_log_level(void *avutil) {
    if (!log_level_set || avutil == NULL) return;
    void (*set_level)(int) = (void (*)(int))dlsym(avutil, "av_log_set_level");
    if (set_level != NULL) set_level(log_level);
}

/* Opens `library` after the libraries it needs. Under `lock`. */
static void *open_locked(struct cff_library *library) {
    void *handle = loaded_handle(library);
    if (handle != NULL || library->failed) return handle;
    for (size_t i = 0; i < CFF_LIBRARY_COUNT; i++) {
        struct cff_library *need = &libraries[i];
        if ((library->needs & need->bit) && open_locked(need) == NULL) {
            library->failed = 1;
            snprintf(library->error, sizeof library->error, "%s: %s", need->soname, need->error);
            return NULL;
        }
    }
    const char *disabled_by = disabled_by_environment(library->family);
    if (disabled_by != NULL) {
        library->failed = 1;
        snprintf(library->error, sizeof library->error, "%s: disabled by %s", library->soname, disabled_by);
        return NULL;
    }
    /* RTLD_LAZY: the libraries' own calls are bound when first made, so opening libavformat does not
       resolve the ~29 000 relocations of its ~130 dependencies up front; the functions preflight calls
       are found with dlsym() by the trampolines either way. */
    handle = dlopen(library->soname, RTLD_LAZY | RTLD_LOCAL);
    if (handle == NULL) {
        const char *why = dlerror();
        library->failed = 1;
        snprintf(library->error, sizeof library->error, "%s", why != NULL ? why : library->soname);
        return NULL;
    }
    if (library->bit == CFF_AVUTIL) apply_log_level(handle);
    atomic_store_explicit(&library->handle, handle, memory_order_release);
    return handle;
}

void *cff_open_library(unsigned bit) {
    struct cff_library *library = find(bit);
    if (library == NULL) return NULL;
    void *handle = loaded_handle(library);
    if (handle != NULL) return handle;
    pthread_mutex_lock(&lock);
    handle = open_locked(library);
    pthread_mutex_unlock(&lock);
    return handle;
}

int cff_libraries_available(unsigned mask) {
    int available = 1;
    /* Tries them all, so that cff_libraries_failed() names every missing one. */
    for (size_t i = 0; i < CFF_LIBRARY_COUNT; i++) {
        if ((mask & libraries[i].bit) && cff_open_library(libraries[i].bit) == NULL) available = 0;
    }
    return available;
}

int cff_libraries_loaded(unsigned mask) {
    for (size_t i = 0; i < CFF_LIBRARY_COUNT; i++) {
        if ((mask & libraries[i].bit) && loaded_handle(&libraries[i]) == NULL) return 0;
    }
    return 1;
}

unsigned cff_libraries_failed(unsigned mask) {
    unsigned failed = 0;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < CFF_LIBRARY_COUNT; i++) {
        if ((mask & libraries[i].bit) && libraries[i].failed) failed |= libraries[i].bit;
    }
    pthread_mutex_unlock(&lock);
    return failed;
}

const char *cff_library_error(unsigned mask) {
    const char *error = NULL;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < CFF_LIBRARY_COUNT && error == NULL; i++) {
        if ((mask & libraries[i].bit) && libraries[i].failed) error = libraries[i].error;
    }
    pthread_mutex_unlock(&lock);
    return error; /* a failure's text never changes once written */
}

const char *cff_library_soname(unsigned bit) {
    const struct cff_library *library = find(bit);
    return library != NULL ? library->soname : NULL;
}

const char *cff_unavailable_message_zh(unsigned bit) {
    const struct cff_library *library = find(bit);
    return library != NULL ? library->family->hint_zh : NULL;
}

const char *cff_unavailable_message_en(unsigned bit) {
    const struct cff_library *library = find(bit);
    return library != NULL ? library->family->hint_en : NULL;
}

unsigned cff_library_version(unsigned bit) {
    const struct cff_library *library = find(bit);
    if (library == NULL) return 0;
    void *handle = loaded_handle(library);
    if (handle == NULL || library->version_function == NULL) return library->header_version;
    unsigned (*version)(void) = (unsigned (*)(void))dlsym(handle, library->version_function);
    return version != NULL ? version() : library->header_version;
}

void cff_set_log_level(int level) {
    pthread_mutex_lock(&lock);
    log_level_set = 1;
    log_level = level;
    apply_log_level(loaded_handle(find(CFF_AVUTIL)));
    pthread_mutex_unlock(&lock);
}

void cff_fail(const char *function, unsigned bit, const char *reason) {
    const struct cff_library *library = find(bit);
    fprintf(stderr, "preflight: %s\npreflight: %s\n(%s, %s: %s)\n", library != NULL ? library->family->hint_zh : "?",
            library != NULL ? library->family->hint_en : "?", function, library != NULL ? library->soname : "?",
            reason != NULL ? reason : "unknown error");
    fflush(stderr);
    exit(2);
}
