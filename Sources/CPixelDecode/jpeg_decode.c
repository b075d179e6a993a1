#include "pixel_decode.h"
#include "box_reducer.h"
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* libjpeg's default error_exit prints and calls exit(); this manager jumps back instead, and keeps
   the first warning (corrupt data, premature end), which the decoder counts as a failure. */
struct jpeg_job {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char first_warning[JMSG_LENGTH_MAX];
    int warnings;
    unsigned char *row;
    unsigned char *gray;       /* one row of luma from CMYK */
    pf_box_reducer box;
};

static void on_exit_error(j_common_ptr cinfo) {
    struct jpeg_job *job = (struct jpeg_job *)cinfo->err;
    longjmp(job->jump, 1);
}

static void on_output(j_common_ptr cinfo) { (void)cinfo; }

static void on_emit(j_common_ptr cinfo, int level) {
    struct jpeg_job *job = (struct jpeg_job *)cinfo->err;
    if (level >= 0) return; /* trace messages */
    if (job->warnings++ == 0) (*cinfo->err->format_message)(cinfo, job->first_warning);
}

static void copy_message(char *message, size_t size, const char *text) {
    if (size == 0) return;
    strncpy(message, text, size - 1);
    message[size - 1] = 0;
}

/* Luma of a row of Adobe-style (inverted) CMYK, as ImageMagick and Pillow read it. */
/* The long side of the picture after libjpeg's 1/`denom` scaling (it rounds up) and the box reduction to `max_side`. */
static unsigned long reduced_side(unsigned long long_side, unsigned denom, int max_side) {
    unsigned long scaled = (long_side + denom - 1) / denom;
    unsigned long factor = (unsigned long)pf_box_factor((int)scaled, max_side);
    return (scaled + factor - 1) / factor;
}

static void cmyk_row_to_gray(const unsigned char *cmyk, unsigned char *gray, int width) {
    for (int x = 0; x < width; x++) {
        const unsigned char *p = cmyk + 4 * x;
        unsigned k = p[3];
        unsigned r = p[0] * k / 255, g = p[1] * k / 255, b = p[2] * k / 255;
        gray[x] = (unsigned char)((77 * r + 150 * g + 29 * b + 128) >> 8);
    }
}

int pf_jpeg_decode_gray(const unsigned char *data, size_t length, int max_side,
                        pf_gray_picture *out, char *message, size_t message_size) {
    struct jpeg_decompress_struct c;
    struct jpeg_job job;
    memset(&job, 0, sizeof job);
    memset(out, 0, sizeof *out);
    if (message_size > 0) message[0] = 0;
    c.err = jpeg_std_error(&job.pub);
    job.pub.error_exit = on_exit_error;
    job.pub.output_message = on_output;
    job.pub.emit_message = on_emit;
    if (setjmp(job.jump)) {
        char buffer[JMSG_LENGTH_MAX];
        (*c.err->format_message)((j_common_ptr)&c, buffer);
        copy_message(message, message_size, buffer);
        jpeg_destroy_decompress(&c);
        free(job.row);
        free(job.gray);
        pf_box_discard(&job.box);
        return -1;
    }
    jpeg_create_decompress(&c);
    if (data == NULL || length == 0) ERREXIT(&c, JERR_INPUT_EMPTY);
    jpeg_mem_src(&c, data, (unsigned long)length);
    jpeg_read_header(&c, TRUE);
    out->source_width = (int)c.image_width;
    out->source_height = (int)c.image_height;
    int cmyk = c.jpeg_color_space == JCS_CMYK || c.jpeg_color_space == JCS_YCCK;
    c.out_color_space = cmyk ? JCS_CMYK : JCS_GRAYSCALE;
    unsigned long long_side = c.image_width > c.image_height ? c.image_width : c.image_height;
    unsigned denom = 1;
    while (denom < 8 && max_side > 0 && long_side / (denom * 2) >= (unsigned long)max_side) denom *= 2;
    // Scale further in the DCT while that does not make the reduced picture smaller: 4000 px at 1/2
    // is 2000 px boxed to 1000, the size 1/4 gives directly, with a quarter of the pixels to make.
    while (denom < 8 && max_side > 0 && reduced_side(long_side, denom * 2, max_side) >= reduced_side(long_side, denom, max_side)) denom *= 2;
    c.scale_num = 1;
    c.scale_denom = denom;
    c.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&c);
    int width = (int)c.output_width, height = (int)c.output_height;
    int factor = pf_box_factor(width > height ? width : height, max_side);
    job.row = malloc((size_t)width * (size_t)c.output_components);
    if (!job.row || pf_box_begin(&job.box, width, height, factor, factor) != 0) ERREXIT(&c, JERR_OUT_OF_MEMORY);
    if (cmyk && !(job.gray = malloc((size_t)width))) ERREXIT(&c, JERR_OUT_OF_MEMORY);
    while (c.output_scanline < c.output_height) {
        JSAMPROW rows[1] = { job.row };
        if (jpeg_read_scanlines(&c, rows, 1) != 1) break;
        if (cmyk) {
            cmyk_row_to_gray(job.row, job.gray, width);
            pf_box_add_row(&job.box, job.gray);
        } else {
            pf_box_add_row(&job.box, job.row);
        }
    }
    jpeg_finish_decompress(&c);
    jpeg_destroy_decompress(&c);
    free(job.row);
    free(job.gray);
    if (job.warnings > 0) {
        copy_message(message, message_size, job.first_warning);
        pf_box_discard(&job.box);
        return -1;
    }
    pf_box_finish(&job.box, out);
    return 0;
}
