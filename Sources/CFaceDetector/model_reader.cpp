// dlib's serialization of a shape_predictor (dlib/serialize.h, shape_predictor.h), version 1:
//   int version; matrix<float,0,1> initial_shape; vector<vector<regression_tree>> forests;
//   vector<vector<unsigned long>> anchor_idx; vector<vector<vector<float,2>>> deltas
// where a regression_tree is vector<split_feature{unsigned long idx1, idx2; float thresh}> splits
// and vector<matrix<float,0,1>> leaf_values. Integers are a control byte (low 4 bits: the byte
// count; bit 7: negative, for signed types) followed by that many little-endian bytes; a float is
// its float_details, an int64 mantissa and an int16 exponent, both such integers.
#include "model_reader.h"

#include <dlib/float_details.h>

#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace {

// The predictor's members are private and filled only by its deserialize(); a pointer to each is
// taken through an explicit instantiation, where the language does not check access.
template <typename Tag, typename Tag::type Member>
struct member_pointer {
    friend typename Tag::type pointer(Tag) { return Member; }
};
struct initial_shape_of {
    using type = dlib::matrix<float, 0, 1> dlib::shape_predictor::*;
    friend type pointer(initial_shape_of);
};
struct forests_of {
    using type = std::vector<std::vector<dlib::impl::regression_tree>> dlib::shape_predictor::*;
    friend type pointer(forests_of);
};
struct anchor_idx_of {
    using type = std::vector<std::vector<unsigned long>> dlib::shape_predictor::*;
    friend type pointer(anchor_idx_of);
};
struct deltas_of {
    using type = std::vector<std::vector<dlib::vector<float, 2>>> dlib::shape_predictor::*;
    friend type pointer(deltas_of);
};
template struct member_pointer<initial_shape_of, &dlib::shape_predictor::initial_shape>;
template struct member_pointer<forests_of, &dlib::shape_predictor::forests>;
template struct member_pointer<anchor_idx_of, &dlib::shape_predictor::anchor_idx>;
template struct member_pointer<deltas_of, &dlib::shape_predictor::deltas>;

// 2^e for e in [-300, 300], exactly.
double power_of_two(int e) {
    static const std::vector<double> table = [] {
        std::vector<double> t(601);
        for (int i = 0; i < 601; i++) t[size_t(i)] = std::ldexp(1.0, i - 300);
        return t;
    }();
    return table[size_t(e + 300)];
}

// dlib's encodings, read from bytes in memory; any malformed value sets `failed` and reads as 0.
struct Bytes {
    const unsigned char *p, *end;
    bool failed = false;

    uint64_t magnitude(unsigned mask, unsigned max_size, bool &negative) {
        negative = false;
        if (failed || p >= end) { failed = true; return 0; }
        unsigned control = *p++;
        unsigned size = control & mask;
        negative = (mask == 0x0F) && (control & 0x80);
        if (size == 0 || size > max_size || size_t(end - p) < size) { failed = true; return 0; }
        uint64_t value = 0;
        for (unsigned i = size; i-- > 0;) value = (value << 8) | p[i];
        p += size;
        return value;
    }
    int64_t signed_int(unsigned max_size) {
        bool negative;
        uint64_t m = magnitude(0x0F, max_size, negative);
        int64_t value = int64_t(m);
        return negative ? -value : value;
    }
    // dlib masks an unsigned control byte with 0x8F: a set bit 7 makes the size too large.
    uint64_t unsigned_int() {
        bool negative;
        return magnitude(0x8F, 8, negative);
    }
    float real() {
        // Only the binary format, whose control byte has none of the bits 0x70 (dlib's older ASCII one does).
        if (failed || p >= end || (*p & 0x70)) { failed = true; return 0; }
        int64_t mantissa = signed_int(8);
        int64_t exponent = signed_int(2);
        if (failed) return 0;
        // dlib's conversion is ldexp((float)mantissa, exponent). A float's mantissa has at most 24
        // bits, so the product in double is exact and its one rounding to float is ldexp's.
        if (exponent >= -300 && exponent <= 300 && mantissa > -(int64_t(1) << 24) && mantissa < (int64_t(1) << 24))
            return float(double(mantissa) * power_of_two(int(exponent)));
        return float(dlib::float_details(mantissa, dlib::int16(exponent)));
    }
    // A count of elements that each take at least `least` bytes: more than the bytes left is malformed.
    size_t count(size_t least) {
        uint64_t n = unsigned_int();
        if (failed || n > uint64_t(end - p) / least) { failed = true; return 0; }
        return size_t(n);
    }
    void column(dlib::matrix<float, 0, 1> &m) {
        int64_t rows = signed_int(8), cols = signed_int(8);
        if (rows < 0) rows = -rows;
        if (cols < 0) cols = -cols;
        if (failed || cols != 1 || uint64_t(rows) > uint64_t(end - p) / 2) { failed = true; return; }
        m.set_size(long(rows), 1);
        for (long r = 0; r < rows; r++) m(r) = real();
    }
};

bool fail(std::string &problem, const char *why) {
    problem = why;
    return false;
}

}  // namespace

bool read_shape_predictor(const char *path, dlib::shape_predictor &predictor, std::string &problem) {
    // The file mapped (read by the kernel as it is touched), not copied.
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(problem, "cannot open the file");
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { ::close(fd); return fail(problem, "not a regular file"); }
    // The model is about 100 MB; a file over 1 GB is not one.
    if (st.st_size <= 0 || st.st_size > (off_t(1) << 30)) { ::close(fd); return fail(problem, "the file's size is not a model's"); }
    const size_t size = size_t(st.st_size);
    void *mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) return fail(problem, "cannot map the file");
    ::madvise(mapped, size, MADV_WILLNEED);
    std::unique_ptr<void, std::function<void(void *)>> unmap(mapped, [size](void *m) { ::munmap(m, size); });
    const unsigned char *data = static_cast<const unsigned char *>(mapped);

    Bytes in{data, data + size};
    if (in.signed_int(4) != 1 || in.failed) return fail(problem, "not a version-1 shape predictor");
    dlib::matrix<float, 0, 1> initial_shape;
    in.column(initial_shape);
    std::vector<std::vector<dlib::impl::regression_tree>> forests(in.count(1));
    for (auto &forest : forests) {
        forest.resize(in.count(2));
        for (auto &tree : forest) {
            tree.splits.resize(in.count(6));
            for (auto &split : tree.splits) {
                split.idx1 = in.unsigned_int();
                split.idx2 = in.unsigned_int();
                split.thresh = in.real();
            }
            tree.leaf_values.resize(in.count(4));
            for (auto &leaf : tree.leaf_values) in.column(leaf);
            if (in.failed) return fail(problem, "malformed regression tree");
        }
    }
    std::vector<std::vector<unsigned long>> anchor_idx(in.count(1));
    for (auto &anchors : anchor_idx) {
        anchors.resize(in.count(2));
        for (auto &a : anchors) a = in.unsigned_int();
    }
    std::vector<std::vector<dlib::vector<float, 2>>> deltas(in.count(1));
    for (auto &level : deltas) {
        level.resize(in.count(4));
        for (auto &d : level) {
            d.x() = in.real();
            d.y() = in.real();
        }
    }
    if (in.failed) return fail(problem, "malformed shape predictor");

    // The predictor indexes with these without checking: every index must be in range.
    const unsigned long parts = initial_shape.size() / 2;
    if (initial_shape.size() % 2 != 0 || forests.size() != anchor_idx.size() || forests.size() != deltas.size())
        return fail(problem, "inconsistent shape predictor");
    for (size_t i = 0; i < forests.size(); i++) {
        const unsigned long pixels = anchor_idx[i].size();
        if (deltas[i].size() != pixels) return fail(problem, "inconsistent shape predictor");
        for (unsigned long a : anchor_idx[i])
            if (a >= parts) return fail(problem, "anchor index out of range");
        for (const auto &tree : forests[i]) {
            if (tree.leaf_values.size() != tree.splits.size() + 1) return fail(problem, "inconsistent regression tree");
            for (const auto &split : tree.splits)
                if (split.idx1 >= pixels || split.idx2 >= pixels) return fail(problem, "split index out of range");
            for (const auto &leaf : tree.leaf_values)
                if (leaf.size() != initial_shape.size()) return fail(problem, "leaf of the wrong size");
        }
    }
    predictor.*pointer(initial_shape_of()) = std::move(initial_shape);
    predictor.*pointer(forests_of()) = std::move(forests);
    predictor.*pointer(anchor_idx_of()) = std::move(anchor_idx);
    predictor.*pointer(deltas_of()) = std::move(deltas);
    return true;
}
