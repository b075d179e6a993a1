#define _GNU_SOURCE
#include "face_loader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*detect_fn)(const unsigned char *, int, int, int, int, double, const char *, double, pf_face *, int, char *, size_t);
typedef int (*check_fn)(const char *, char *, size_t);
typedef int (*version_fn)(void);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static detect_fn detect;
static check_fn check_reader;
static char error[512];

static const char library_name[] = "libPreflightFaces.so";
/* The same detector compiled for AVX2 and FMA (Package.swift): the same faces, found faster. */
static const char avx2_library_name[] = "libPreflightFacesAVX2.so";

/* The folder of the file holding this code (the program, or the test bundle), with a slash. */
static int own_folder(char *path, size_t size) {
    Dl_info info;
    if (!dladdr((void *)&own_folder, &info) || !info.dli_fname) return 0;
    char resolved[4096];
    const char *name = realpath(info.dli_fname, resolved) ? resolved : info.dli_fname;
    const char *slash = strrchr(name, '/');
    if (!slash) return 0;
    size_t length = (size_t)(slash - name) + 1;
    if (length + sizeof avx2_library_name > size) return 0;
    memcpy(path, name, length);
    path[length] = 0;
    return 1;
}

/* Whether the processor runs the AVX2 build: it has AVX2 and FMA. */
static int processor_has_avx2(void) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

/* `name` next to the running program, else through the loader's search path. */
static void *open_named(const char *name) {
    char path[4096 + sizeof avx2_library_name];
    if (own_folder(path, sizeof path)) {
        strcat(path, name);
        void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
    }
    return dlopen(name, RTLD_NOW | RTLD_LOCAL);
}

/* PREFLIGHT_FACES_LIBRARY when set; else the AVX2 build when the processor can run it and it is
   found; else the baseline build. */
static void *open_library(void) {
    const char *given = getenv("PREFLIGHT_FACES_LIBRARY");
    if (given && given[0]) return dlopen(given, RTLD_NOW | RTLD_LOCAL);
    if (processor_has_avx2()) {
        void *handle = open_named(avx2_library_name);
        if (handle) return handle;
    }
    return open_named(library_name);
}

static void load(void) {
    const char *disabled = getenv("PREFLIGHT_DISABLE_FACES");
    if (disabled && strcmp(disabled, "1") == 0) {
        snprintf(error, sizeof error, "disabled by PREFLIGHT_DISABLE_FACES=1");
        return;
    }
    void *handle = open_library();
    if (!handle) {
        const char *why = dlerror();
        snprintf(error, sizeof error, "%s", why ? why : "cannot open libPreflightFaces.so");
        return;
    }
    version_fn version = (version_fn)dlsym(handle, "pf_faces_interface_version");
    detect_fn found = (detect_fn)dlsym(handle, "pf_faces_detect");
    check_fn checker = (check_fn)dlsym(handle, "pf_faces_check_model_reader");
    if (!version || !found || !checker || version() != 3) {
        snprintf(error, sizeof error, "libPreflightFaces.so does not have interface version 3");
        dlclose(handle);
        return;
    }
    check_reader = checker;
    detect = found;
}

int pf_faces_available(void) {
    pthread_once(&once, load);
    return detect != NULL;
}

int pf_faces_loaded(void) { return detect != NULL; }

const char *pf_faces_error(void) {
    pthread_once(&once, load);
    return error[0] ? error : NULL;
}

int pf_faces_run(const unsigned char *gray, int width, int height, int upsample, int first_level, double threshold,
                 const char *landmark_model, double seconds, pf_face *faces, int max_faces, char *message, size_t message_size) {
    if (!pf_faces_available()) {
        if (message_size > 0) snprintf(message, message_size, "%s", error);
        return -1;
    }
    return detect(gray, width, height, upsample, first_level, threshold, landmark_model, seconds, faces, max_faces, message, message_size);
}

int pf_faces_run_model_reader_check(const char *landmark_model, char *message, size_t message_size) {
    if (!pf_faces_available()) {
        if (message_size > 0) snprintf(message, message_size, "%s", error);
        return 0;
    }
    return check_reader(landmark_model, message, message_size);
}
