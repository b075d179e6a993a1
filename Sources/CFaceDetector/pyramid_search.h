// dlib's frontal face detector run one pyramid level at a time, so a deadline can stop it.
#ifndef PREFLIGHT_PYRAMID_SEARCH_H
#define PREFLIGHT_PYRAMID_SEARCH_H
#include <dlib/image_processing/frontal_face_detector.h>
#include <chrono>
#include <vector>

// What one search did.
struct pyramid_outcome {
    // Every pyramid level was searched (false: the deadline passed first; `found` is then empty).
    bool complete;
    // Levels searched, and levels the picture has.
    unsigned long levels_searched, levels;
};

// Finds faces in `picture` as `detector(picture, found, threshold)` does (dlib's object_detector:
// the fHOG pyramid, each of the detector's filters at every level from `first_level` on (0: all, as
// dlib; each level is 5/6 of the one before, so skipping the first ones skips the smallest faces and
// most of the work), the same non-maximum suppression),
// but builds and searches the pyramid a level at a time and each filter separately, checking
// `deadline` before each: the search stops within one level's filtering of the deadline. Thread safe
// for distinct threads (each keeps its own scanner).
pyramid_outcome search_pyramid(const dlib::frontal_face_detector &detector, const dlib::array2d<unsigned char> &picture,
                               unsigned long first_level, double threshold, std::chrono::steady_clock::time_point deadline,
                               std::vector<dlib::rect_detection> &found);
#endif
