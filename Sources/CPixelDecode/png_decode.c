#include "pixel_decode.h"
#include "box_reducer.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* Everything the error path frees lives here, so nothing depends on locals changed after setjmp. */
struct png_job {
    const unsigned char *data;
    size_t length;
    size_t position;
    char *message;
    size_t message_size;
    unsigned char *row;
    pf_box_reducer box;
};

static void note(struct png_job *job, const char *text) {
    if (job->message_size == 0 || job->message[0] != 0) return;
    strncpy(job->message, text ? text : "libpng error", job->message_size - 1);
    job->message[job->message_size - 1] = 0;
}

static void on_error(png_structp png, png_const_charp text) {
    struct png_job *job = png_get_error_ptr(png);
    note(job, text);
    png_longjmp(png, 1);
}

/* Warnings (a damaged ancillary chunk dropped, an incorrect sRGB profile) are not failures. */
static void on_warning(png_structp png, png_const_charp text) { (void)png; (void)text; }

static void on_read(png_structp png, png_bytep into, size_t count) {
    struct png_job *job = png_get_io_ptr(png);
    if (count > job->length - job->position) png_error(png, "Read Error: the file ends inside a chunk");
    memcpy(into, job->data + job->position, count);
    job->position += count;
}

int pf_png_decode_gray(const unsigned char *data, size_t length, int max_side,
                       pf_gray_picture *out, char *message, size_t message_size) {
    struct png_job job;
    memset(&job, 0, sizeof job);
    memset(out, 0, sizeof *out);
    job.data = data;
    job.length = data ? length : 0;
    job.message = message;
    job.message_size = message_size;
    if (message_size > 0) message[0] = 0;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &job, on_error, on_warning);
    if (!png) { note(&job, "libpng could not start"); return -1; }
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_read_struct(&png, NULL, NULL); note(&job, "libpng could not start"); return -1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(job.row);
        pf_box_discard(&job.box);
        return -1;
    }
    png_set_read_fn(png, &job, on_read);
    /* An empty or malformed ancillary chunk is a benign error, a warning by default: make it an error. */
    png_set_benign_errors(png, 0);
    /* Ancillary chunks are kept whole in memory by libpng; bound them (the default is 8 MB). */
    png_set_chunk_malloc_max(png, 16u << 20);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    int color = png_get_color_type(png, info);
    int interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    out->source_width = (int)width;
    out->source_height = (int)height;
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_strip_alpha(png);
    if (color & PNG_COLOR_MASK_COLOR || color == PNG_COLOR_TYPE_PALETTE) png_set_rgb_to_gray_fixed(png, 1, -1, -1);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != width) png_error(png, "unexpected row size after conversion to gray");
    job.row = malloc(width);
    if (!job.row) png_error(png, "out of memory");
    int factor = pf_box_factor(width > height ? (int)width : (int)height, max_side);
    /* Without libpng's interlace handling each Adam7 pass comes as its own sub-image; the last pass
       holds every pixel of the odd rows, so those rows alone make the reduced picture. */
    int passes = interlaced ? 7 : 1;
    int kept_rows = interlaced ? (int)(height / 2) : (int)height;
    int fy = interlaced ? (factor / 2 > 0 ? factor / 2 : 1) : factor;
    if (kept_rows > 0 && pf_box_begin(&job.box, (int)width, kept_rows, factor, fy) != 0) png_error(png, "out of memory");
    for (int pass = 0; pass < passes; pass++) {
        png_uint_32 rows = interlaced ? PNG_PASS_ROWS(height, pass) : height;
        if (interlaced && PNG_PASS_COLS(width, pass) == 0) continue;
        for (png_uint_32 y = 0; y < rows; y++) {
            png_read_row(png, job.row, NULL);
            if (pass == passes - 1 && kept_rows > 0) pf_box_add_row(&job.box, job.row);
        }
    }
    /* Reads the chunks after the image data up to IEND: their CRCs, and the end of the zlib stream. */
    png_read_end(png, NULL);
    if (kept_rows > 0) pf_box_finish(&job.box, out);
    free(job.row);
    png_destroy_read_struct(&png, &info, NULL);
    return 0;
}
