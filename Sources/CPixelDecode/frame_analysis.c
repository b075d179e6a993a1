#include "pixel_decode.h"
#include "box_reducer.h"
#include <math.h>
#include <string.h>

int pf_gray_reduce(const uint8_t *plane, int width, int height, int stride, int max_side, pf_gray_picture *out) {
    pf_box_reducer box;
    memset(out, 0, sizeof *out);
    int factor = pf_box_factor(width > height ? width : height, max_side);
    if (pf_box_begin(&box, width, height, factor, factor) != 0) return -1;
    for (int y = 0; y < height; y++) pf_box_add_row(&box, plane + (size_t)y * (size_t)stride);
    pf_box_finish(&box, out);
    out->source_width = width;
    out->source_height = height;
    return 0;
}

struct moments { double n, sum, squares; };

static void add(struct moments *m, double v) { m->n += 1; m->sum += v; m->squares += v * v; }

static double deviation(const struct moments *m) {
    if (m->n < 2) return 0;
    double mean = m->sum / m->n, variance = m->squares / m->n - mean * mean;
    return variance > 0 ? sqrt(variance) : 0;
}

/* JPEG (full) range to video range: Y' 0–255 → 16–235, chroma 0–255 → 16–240. */
static int video_luma(int v, int full) { return full ? 16 + (v * 219 + 127) / 255 : v; }
static int video_chroma(int v, int full) { return full ? 16 + (v * 224 + 127) / 255 : v; }

void pf_border_measure(const uint8_t *y, int y_stride, const uint8_t *cb, int cb_stride, const uint8_t *cr, int cr_stride,
                       int width, int height, int shift_x, int shift_y, int full_range, pf_border_colour *out) {
    memset(out, 0, sizeof *out);
    int band_h = height * 12 / 100, band_w = width * 12 / 100;
    if (band_h < 1 || band_w < 1) return;
    struct moments all = {0}, green = {0}, white = {0};
    /* Every second pixel each way: the region holds tens of thousands of samples at 1080p. */
    for (int row = 0; row < height; row += 2) {
        /* The top band is read across; below it, only the left and right bands. */
        int spans[2][2] = { { 0, row < band_h ? width : band_w }, { row < band_h ? width : width - band_w, width } };
        for (int s = 0; s < 2; s++) {
            for (int col = spans[s][0]; col < spans[s][1]; col += 2) {
                int l = video_luma(y[(size_t)row * y_stride + col], full_range);
                int b = video_chroma(cb[(size_t)(row >> shift_y) * cb_stride + (col >> shift_x)], full_range);
                int r = video_chroma(cr[(size_t)(row >> shift_y) * cr_stride + (col >> shift_x)], full_range);
                add(&all, l);
                if (r <= 105 && b <= 135 && l >= 30 && l <= 220) add(&green, l);
                else if (l >= 170 && b >= 114 && b <= 142 && r >= 114 && r <= 142) add(&white, l);
            }
        }
    }
    if (all.n == 0) return;
    out->green_share = green.n / all.n;
    out->white_share = white.n / all.n;
    out->green_luma_sd = deviation(&green);
    out->white_luma_sd = deviation(&white);
    out->luma_sd = deviation(&all);
}
