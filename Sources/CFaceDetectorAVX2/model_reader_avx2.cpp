// The landmark model reader of Sources/CFaceDetector, compiled for AVX2 (see face_detector_avx2.cpp).
#include "../CFaceDetector/model_reader.cpp"
