// The C surface of the AVX2 build: the one of Sources/CFaceDetector, found under its own name here so
// that the included sources (#include "face_detector.h") compile unchanged.
#include "../../CFaceDetector/include/face_detector.h"
