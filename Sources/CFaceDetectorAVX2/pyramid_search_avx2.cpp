// The pyramid search of Sources/CFaceDetector, compiled for AVX2 (see face_detector_avx2.cpp).
#include "../CFaceDetector/pyramid_search.cpp"
