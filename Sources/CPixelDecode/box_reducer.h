/* Reduces rows of 8-bit luma by an integer box factor as they arrive (internal to CPixelDecode). */
#ifndef PREFLIGHT_BOX_REDUCER_H
#define PREFLIGHT_BOX_REDUCER_H
#include <stdint.h>
#include "pixel_decode.h"

typedef struct {
    int in_width, in_height;   /* rows that will be added, and their width */
    int fx, fy;                /* box width and height */
    int out_width, out_height;
    int rows_in_band;
    int out_row;
    uint32_t *sums;            /* out_width column sums of the current band */
    unsigned char *out;        /* out_width * out_height */
} pf_box_reducer;

/// The integer factor that brings `long_side` to at most `max_side`.
int pf_box_factor(int long_side, int max_side);
/// Allocates a reducer; returns -1 when memory runs out.
int pf_box_begin(pf_box_reducer *box, int in_width, int in_height, int fx, int fy);
/// Adds the next row (in_width bytes).
void pf_box_add_row(pf_box_reducer *box, const unsigned char *row);
/// Moves the result into `out` (rows never added stay black) and frees the sums.
void pf_box_finish(pf_box_reducer *box, pf_gray_picture *out);
/// Frees whatever the reducer holds.
void pf_box_discard(pf_box_reducer *box);
#endif
