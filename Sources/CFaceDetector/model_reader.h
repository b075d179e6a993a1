// A quick reader of dlib's 68-point shape predictor file.
#ifndef PREFLIGHT_MODEL_READER_H
#define PREFLIGHT_MODEL_READER_H
#include <dlib/image_processing/shape_predictor.h>
#include <string>

// Reads dlib's serialized shape predictor at `path` into `predictor` from one read of the file into
// memory, decoding dlib's integer and floating-point encodings directly instead of through an
// istream a byte at a time. The predictor is the one dlib::deserialize gives (the same floats, bit
// for bit, through dlib's own float_details conversion). Returns false with `problem` set when the
// file cannot be read or is not in the binary format of a version-1 predictor whose indices are all
// in range; `predictor` is then unchanged.
bool read_shape_predictor(const char *path, dlib::shape_predictor &predictor, std::string &problem);
#endif
