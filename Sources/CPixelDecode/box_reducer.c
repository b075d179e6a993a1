#include "box_reducer.h"
#include <stdlib.h>
#include <string.h>

int pf_box_factor(int long_side, int max_side) {
    if (max_side <= 0 || long_side <= max_side) return 1;
    return (long_side + max_side - 1) / max_side;
}

int pf_box_begin(pf_box_reducer *box, int in_width, int in_height, int fx, int fy) {
    memset(box, 0, sizeof *box);
    if (in_width <= 0 || in_height <= 0 || fx <= 0 || fy <= 0) return -1;
    box->in_width = in_width;
    box->in_height = in_height;
    box->fx = fx;
    box->fy = fy;
    box->out_width = (in_width + fx - 1) / fx;
    box->out_height = (in_height + fy - 1) / fy;
    box->sums = calloc((size_t)box->out_width, sizeof *box->sums);
    box->out = calloc((size_t)box->out_width * (size_t)box->out_height, 1);
    if (!box->sums || !box->out) { pf_box_discard(box); return -1; }
    return 0;
}

static void emit(pf_box_reducer *box) {
    if (box->rows_in_band == 0 || box->out_row >= box->out_height) return;
    unsigned char *dst = box->out + (size_t)box->out_row * (size_t)box->out_width;
    for (int i = 0; i < box->out_width; i++) {
        int columns = box->in_width - i * box->fx;
        if (columns > box->fx) columns = box->fx;
        uint32_t count = (uint32_t)columns * (uint32_t)box->rows_in_band;
        dst[i] = (unsigned char)((box->sums[i] + count / 2) / count);
    }
    memset(box->sums, 0, (size_t)box->out_width * sizeof *box->sums);
    box->rows_in_band = 0;
    box->out_row++;
}

void pf_box_add_row(pf_box_reducer *box, const unsigned char *row) {
    if (!box->sums) return;
    if (box->fx == 1) {
        for (int x = 0; x < box->in_width; x++) box->sums[x] += row[x];
    } else {
        // Column by output column: the same sums as adding row[x] to sums[x / fx], without a division a pixel.
        int x = 0;
        for (int i = 0; i < box->out_width; i++) {
            int end = x + box->fx < box->in_width ? x + box->fx : box->in_width;
            uint32_t sum = 0;
            for (; x < end; x++) sum += row[x];
            box->sums[i] += sum;
        }
    }
    if (++box->rows_in_band == box->fy) emit(box);
}

void pf_box_finish(pf_box_reducer *box, pf_gray_picture *out) {
    emit(box);
    out->width = box->out_width;
    out->height = box->out_height;
    out->pixels = box->out;
    box->out = NULL;
    pf_box_discard(box);
}

void pf_box_discard(pf_box_reducer *box) {
    free(box->sums);
    free(box->out);
    box->sums = NULL;
    box->out = NULL;
}

void pf_gray_picture_free(pf_gray_picture *picture) {
    if (!picture) return;
    free(picture->pixels);
    picture->pixels = NULL;
    picture->width = picture->height = 0;
}
