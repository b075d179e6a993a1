// See dlib/image_processing/object_detector.h (operator()) and scan_fhog_pyramid.h
// (create_fhog_pyramid, detect_from_fhog_pyramid) for the search this one reproduces.
#include "pyramid_search.h"

#include <algorithm>
#include <utility>

namespace {
using scanner_type = dlib::scan_fhog_pyramid<dlib::pyramid_down<6>>;
using clock_type = std::chrono::steady_clock;
}  // namespace

pyramid_outcome search_pyramid(const dlib::frontal_face_detector &detector, const dlib::array2d<unsigned char> &picture,
                               unsigned long first_level, double threshold, clock_type::time_point deadline,
                               std::vector<dlib::rect_detection> &found) {
    found.clear();
    const scanner_type &full = detector.get_scanner();
    // One level at a time: a scanner that builds a single-level pyramid of the picture it is given.
    thread_local scanner_type scanner;
    thread_local bool configured = false;
    if (!configured) {
        scanner.copy_configuration(full);
        scanner.set_max_pyramid_levels(1);
        configured = true;
    }
    // As many levels as dlib would build: while a further reduction stays above the minimum layer size.
    dlib::pyramid_down<6> pyramid;
    unsigned long levels = 0;
    dlib::rectangle rect = dlib::get_rect(picture);
    do {
        rect = pyramid.rect_down(rect);
        ++levels;
    } while (rect.width() >= long(full.get_min_pyramid_layer_width()) && rect.height() >= long(full.get_min_pyramid_layer_height()) &&
             levels < full.get_max_pyramid_levels());

    std::vector<dlib::rect_detection> candidates;
    std::vector<std::pair<double, dlib::rectangle>> hits;
    dlib::array2d<unsigned char> level_picture, next;
    for (unsigned long level = 0; level < levels; level++) {
        if (clock_type::now() > deadline) return {false, level, levels};
        const dlib::array2d<unsigned char> &searched = level == 0 ? picture : level_picture;
        if (level >= first_level) scanner.load(searched);
        for (unsigned long i = 0; level >= first_level && i < detector.num_detectors(); i++) {
            if (clock_type::now() > deadline) return {false, level, levels};
            const auto &weights = detector.get_processed_w(i);
            const double bias = weights.w(scanner.get_num_dimensions());
            scanner.detect(weights.get_detect_argument(), hits, bias + threshold);
            for (const auto &hit : hits) {
                dlib::rect_detection d;
                d.detection_confidence = hit.first - bias;
                d.weight_index = i;
                d.rect = pyramid.rect_up(hit.second, level);
                candidates.push_back(d);
            }
        }
        if (level + 1 < levels) {
            pyramid(searched, next);
            dlib::swap(level_picture, next);
        }
    }
    // Non-maximum suppression over all levels and filters, best first, as the detector does.
    std::sort(candidates.rbegin(), candidates.rend());
    const dlib::test_box_overlap &overlaps = detector.get_overlap_tester();
    for (const auto &c : candidates) {
        bool covered = std::any_of(found.begin(), found.end(), [&](const dlib::rect_detection &f) { return overlaps(f.rect, c.rect); });
        if (!covered) found.push_back(c);
    }
    return {true, levels, levels};
}
