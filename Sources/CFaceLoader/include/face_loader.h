#ifndef PREFLIGHT_FACE_LOADER_H
#define PREFLIGHT_FACE_LOADER_H
#include <stddef.h>
#include "../../CFaceDetector/include/face_detector.h"

/// Opens libPreflightFaces.so (dlib's face detector) on first use: from PREFLIGHT_FACES_LIBRARY
/// when set, else next to the running program, else through the loader's search path; on an x86-64
/// processor with AVX2 and FMA, libPreflightFacesAVX2.so (the same code built for them) is tried
/// first the same way. Returns 1
/// when its functions can be called; a failure is remembered. PREFLIGHT_DISABLE_FACES=1 makes it
/// missing (for tests of the fallback).
int pf_faces_available(void);

/// Whether the library is open already (nothing is opened to answer).
int pf_faces_loaded(void);

/// The loader's message when the library could not be opened (dlerror's text), or NULL.
const char *pf_faces_error(void);

/// Calls pf_faces_detect of the opened library (`first_level`: the first pyramid level searched; `seconds`: the time the search may take); -1 with a
/// message when it is not available.
int pf_faces_run(const unsigned char *gray, int width, int height, int upsample, int first_level, double threshold,
                 const char *landmark_model, double seconds, pf_face *faces, int max_faces, char *message, size_t message_size);

/// Calls pf_faces_check_model_reader of the opened library; 0 with a message when it is not available.
int pf_faces_run_model_reader_check(const char *landmark_model, char *message, size_t message_size);
#endif
