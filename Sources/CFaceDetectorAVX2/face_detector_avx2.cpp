// The same face detector as Sources/CFaceDetector, compiled for x86-64 processors with AVX2 and FMA
// (Package.swift gives the flags) and built as libPreflightFacesAVX2.so, which CFaceLoader opens
// instead of libPreflightFaces.so when the processor has both. dlib's fHOG features and separable
// filters are header templates, so they are compiled here: with AVX2 dlib uses its 8-lane
// vectors natively instead of pairs of 4-lane ones, lane for lane the same operations. Floating-point
// contraction is off (-ffp-contract=off), so no multiply and add is fused into one rounding: the
// boxes, scores and landmarks are the baseline library's, bit for bit (FaceSearchTests compares them).
#include "../CFaceDetector/face_detector.cpp"
