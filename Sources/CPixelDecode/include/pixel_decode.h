#ifndef PREFLIGHT_PIXEL_DECODE_H
#define PREFLIGHT_PIXEL_DECODE_H
#include <stddef.h>

/// A decoded picture reduced to 8-bit luma, at most `max_side` pixels on its long side.
typedef struct {
    int width;
    int height;
    unsigned char *pixels;   /* width * height bytes, row after row; malloc'd, free with pf_gray_picture_free */
    int source_width;        /* of the stored picture */
    int source_height;
} pf_gray_picture;

/// Decodes every row of an in-memory PNG with libpng, checking each chunk's CRC (critical chunks
/// always; a damaged ancillary chunk is dropped as libpng does) and the zlib stream's Adler-32, and
/// treating libpng's benign errors (an empty or malformed ancillary chunk) as errors. Rows are
/// reduced one at a time, so memory stays within two rows of the stored picture plus the result.
/// Returns 0, or -1 with libpng's message in `message`. Never exits or aborts the process.
int pf_png_decode_gray(const unsigned char *data, size_t length, int max_side,
                       pf_gray_picture *out, char *message, size_t message_size);

/// Decodes an in-memory JPEG with libjpeg, using its DCT scaling (1/2, 1/4, 1/8) when the reduced
/// picture still has `max_side` pixels on its long side. Every scan is entropy-decoded, so damaged
/// scan data is found; a libjpeg warning (corrupt data, premature end) counts as a failure.
/// Returns 0, or -1 with libjpeg's message. Never exits the process (its error handler longjmps).
int pf_jpeg_decode_gray(const unsigned char *data, size_t length, int max_side,
                        pf_gray_picture *out, char *message, size_t message_size);

/// Decodes an in-memory still WebP with libwebp, scaled by libwebp itself to at most `max_side`.
/// Returns 0, 1 for an animated WebP (not decoded), or -1 with a message naming libwebp's status.
int pf_webp_decode_gray(const unsigned char *data, size_t length, int max_side,
                        pf_gray_picture *out, char *message, size_t message_size);

/// Frees the pixels of a picture (safe on a zeroed or already freed one).
void pf_gray_picture_free(pf_gray_picture *picture);
#endif

#ifndef PREFLIGHT_FRAME_ANALYSIS
#define PREFLIGHT_FRAME_ANALYSIS
#include <stdint.h>
/// Reduces an 8-bit plane (a video frame's luma) by an integer box factor to at most `max_side`
/// pixels on its long side. Returns 0, or -1 when memory runs out.
int pf_gray_reduce(const uint8_t *plane, int width, int height, int stride, int max_side, pf_gray_picture *out);

/// How much of a frame's border region (the top 12 % of the frame and the left and right 12 %)
/// is in a keying colour, from planar 8-bit Y'CbCr with chroma subsampled by 2^shift_x, 2^shift_y.
typedef struct {
    double green_share;    /* Cr ≤ 105, Cb ≤ 135, Y' 30–220: a green screen */
    double white_share;    /* Y' ≥ 170, Cb and Cr within 14 of neutral: a white wall */
    double green_luma_sd;  /* standard deviation of Y' over the green pixels */
    double white_luma_sd;  /* over the white pixels */
    double luma_sd;        /* over the whole region */
} pf_border_colour;

/// Measures the border region; `full_range` is 1 for JPEG-range (yuvj) frames, whose levels are
/// mapped to video range first.
void pf_border_measure(const uint8_t *y, int y_stride, const uint8_t *cb, int cb_stride, const uint8_t *cr, int cr_stride,
                       int width, int height, int shift_x, int shift_y, int full_range, pf_border_colour *out);
#endif
