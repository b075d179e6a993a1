// dlib's HOG frontal face detector and 68-point shape predictor behind a C interface, built as its
// own shared library (libPreflightFaces.so) that preflight opens on first use.
#include "face_detector.h"
#include "frontal_model.h"
#include "model_reader.h"
#include "pyramid_search.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/image_transforms/interpolation.h>
#include <dlib/serialize.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace {

void copy_message(char *message, size_t size, const std::string &text) {
    if (size == 0) return;
    std::strncpy(message, text.c_str(), size - 1);
    message[size - 1] = 0;
}

// Characters outside the alphabet ('=' padding) are skipped. One table look-up a character.
std::string decode_base64(const char *text) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    signed char values[256];
    std::memset(values, -1, sizeof values);
    for (int i = 0; i < 64; i++) values[(unsigned char)alphabet[i]] = (signed char)i;
    std::string out;
    out.reserve(std::strlen(text) / 4 * 3);
    unsigned buffer = 0;
    int bits = 0;
    for (const char *p = text; *p; p++) {
        int value = values[(unsigned char)*p];
        if (value < 0) continue;
        buffer = (buffer << 6) | unsigned(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

// The detector every thread copies: read once from the embedded serialized model (milliseconds),
// or from dlib's own compressed copy (about half a second) if the embedded one does not load.
const dlib::frontal_face_detector &prototype() {
    static const dlib::frontal_face_detector detector = [] {
        dlib::frontal_face_detector d;
        try {
            std::istringstream in(decode_base64(frontal_model_base64));
            dlib::deserialize(d, in);
            if (d.num_detectors() == 5) return d;
        } catch (const std::exception &) {
        }
        return dlib::get_frontal_face_detector();
    }();
    return detector;
}

// One shape predictor for the process, loaded on first use; `model_path` is the file it came from.
std::mutex model_lock;
std::shared_ptr<dlib::shape_predictor> model;
std::string model_path;
std::string model_error;

std::shared_ptr<dlib::shape_predictor> landmark_model(const char *path, std::string &error) {
    std::lock_guard<std::mutex> hold(model_lock);
    if (model && model_path == path) return model;
    if (!model_error.empty() && model_path == path) { error = model_error; return nullptr; }
    model_path = path;
    try {
        auto loaded = std::make_shared<dlib::shape_predictor>();
        std::string problem;
        // dlib's own reader, which gives its messages, when the quick one does not take the file.
        if (!read_shape_predictor(path, *loaded, problem)) dlib::deserialize(path) >> *loaded;
        if (loaded->num_parts() != 68) throw dlib::error("the model does not have 68 landmarks");
        model = loaded;
        model_error.clear();
        return model;
    } catch (const std::exception &e) {
        model_error = std::string("cannot load the landmark model: ") + e.what();
        error = model_error;
        return nullptr;
    }
}

dlib::dpoint mean_point(const dlib::full_object_detection &shape, unsigned from, unsigned to) {
    dlib::dpoint sum(0, 0);
    for (unsigned i = from; i <= to; i++) sum += dlib::dpoint(shape.part(i));
    return sum / double(to - from + 1);
}

void measure(const dlib::full_object_detection &shape, pf_face &face) {
    const double pi = 3.14159265358979323846;
    dlib::dpoint left_eye = mean_point(shape, 36, 41), right_eye = mean_point(shape, 42, 47);
    dlib::dpoint d = right_eye - left_eye;
    double angle = std::atan2(d.y(), d.x());
    face.roll = angle * 180 / pi;
    // Yaw: undo the roll, then place the nose tip (30) between the jaw's ends (0, 16).
    auto level = [&](dlib::dpoint p) {
        return p.x() * std::cos(-angle) - p.y() * std::sin(-angle);
    };
    double jaw_left = level(shape.part(0)), jaw_right = level(shape.part(16)), nose = level(shape.part(30));
    double span = jaw_right - jaw_left;
    double position = span > 0 ? (nose - jaw_left) / span : 0.5;
    double offset = std::max(-1.0, std::min(1.0, 2 * position - 1));
    face.yaw = std::asin(offset) * 180 / pi;
    // Mouth: the mean gap between the inner lips (61-67, 62-66, 63-65) over the outer corners (48-54).
    double width = dlib::length(dlib::dpoint(shape.part(54)) - dlib::dpoint(shape.part(48)));
    double gap = (dlib::length(dlib::dpoint(shape.part(67)) - dlib::dpoint(shape.part(61)))
                + dlib::length(dlib::dpoint(shape.part(66)) - dlib::dpoint(shape.part(62)))
                + dlib::length(dlib::dpoint(shape.part(65)) - dlib::dpoint(shape.part(63)))) / 3;
    face.mouth_open = width > 0 ? gap / width : 0;
    face.has_landmarks = 1;
}

}  // namespace

extern "C" int pf_faces_interface_version(void) { return 3; }

extern "C" int pf_faces_detect(const unsigned char *gray, int width, int height, int upsample, int first_level, double threshold,
                               const char *landmark_path, double seconds, pf_face *faces, int max_faces, char *message,
                               size_t message_size) {
    if (message_size > 0) message[0] = 0;
    if (!gray || width <= 0 || height <= 0 || upsample < 0 || upsample > 2 || first_level < 0 || !(seconds == seconds)) {
        copy_message(message, message_size, "invalid picture or parameters");
        return -1;
    }
    const auto start = std::chrono::steady_clock::now();
    // At most a day: the time point stays far from the clock's range.
    const auto deadline = start + std::chrono::microseconds(static_cast<long long>(std::max(0.0, std::min(seconds, 86400.0)) * 1e6));
    try {
        dlib::array2d<unsigned char> picture(height, width);
        for (int y = 0; y < height; y++) std::memcpy(&picture[y][0], gray + size_t(y) * size_t(width), size_t(width));
        double scale = 1;
        for (int i = 0; i < upsample; i++) {
            dlib::pyramid_up(picture);
            scale *= 2;
        }
        std::vector<dlib::rect_detection> found;
        pyramid_outcome outcome = search_pyramid(prototype(), picture, (unsigned long)first_level, threshold, deadline, found);
        if (!outcome.complete || std::chrono::steady_clock::now() > deadline) {
            copy_message(message, message_size, "not measured in time: stopped after " + std::to_string(outcome.levels_searched) +
                         " of " + std::to_string(outcome.levels) + " pyramid levels");
            return -2;
        }
        std::sort(found.begin(), found.end(), [](const dlib::rect_detection &a, const dlib::rect_detection &b) {
            return a.rect.area() > b.rect.area();
        });
        std::shared_ptr<dlib::shape_predictor> predictor;
        std::string model_problem;
        if (landmark_path && landmark_path[0] && !found.empty()) predictor = landmark_model(landmark_path, model_problem);
        // The landmarks of a face under 200 px are read on the picture doubled: on small faces the
        // predictor's lip points are off by pixels, which is most of a closed mouth's gap.
        dlib::array2d<unsigned char> doubled;
        int written = 0;
        for (const auto &hit : found) {
            if (written >= max_faces) break;
            pf_face face;
            std::memset(&face, 0, sizeof face);
            face.left = hit.rect.left() / scale;
            face.top = hit.rect.top() / scale;
            face.right = (hit.rect.right() + 1) / scale;
            face.bottom = (hit.rect.bottom() + 1) / scale;
            face.score = hit.detection_confidence;
            if (predictor && hit.rect.width() < 200 && upsample < 2) {
                if (doubled.size() == 0) dlib::pyramid_up(picture, doubled, dlib::pyramid_down<2>());
                dlib::rectangle r(hit.rect.left() * 2, hit.rect.top() * 2, hit.rect.right() * 2 + 1, hit.rect.bottom() * 2 + 1);
                measure((*predictor)(doubled, r), face);
            } else if (predictor) {
                measure((*predictor)(picture, hit.rect), face);
            }
            faces[written++] = face;
        }
        if (!model_problem.empty()) copy_message(message, message_size, model_problem);
        return int(found.size());
    } catch (const std::exception &e) {
        copy_message(message, message_size, std::string("dlib: ") + e.what());
        return -1;
    } catch (...) {
        copy_message(message, message_size, "dlib: unknown error");
        return -1;
    }
}

extern "C" int pf_faces_check_model_reader(const char *landmark_path, char *message, size_t message_size) {
    if (message_size > 0) message[0] = 0;
    try {
        dlib::shape_predictor quick, reference;
        std::string problem;
        if (!read_shape_predictor(landmark_path, quick, problem)) {
            copy_message(message, message_size, "the quick reader refused the file: " + problem);
            return 0;
        }
        dlib::deserialize(landmark_path) >> reference;
        std::ostringstream a, b;
        dlib::serialize(quick, a);
        dlib::serialize(reference, b);
        if (a.str() != b.str()) {
            copy_message(message, message_size, "the two readers gave different predictors");
            return 0;
        }
        return 1;
    } catch (const std::exception &e) {
        copy_message(message, message_size, std::string("dlib: ") + e.what());
        return 0;
    }
}
