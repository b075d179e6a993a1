#ifndef PREFLIGHT_JPEG_ERROR_TRAP_H
#define PREFLIGHT_JPEG_ERROR_TRAP_H
#include <stdio.h>
#include <stddef.h>
#include <jpeglib.h>

/// Header facts of a JPEG, read without decoding pixels.
typedef struct {
    int width;
    int height;
    int components;
    int color_space;     /* J_COLOR_SPACE of the stored data (jpeg_color_space) */
    int progressive;
    int bits_per_sample;
    int saw_adobe;
    int adobe_transform; /* Adobe APP14 transform: 0 none (RGB/CMYK), 1 YCbCr, 2 YCCK; -1 without APP14 */
    int saw_jfif;
    /* EXIF APP1 payload (after "Exif\0\0"), copied; length 0 if none. */
    unsigned char *exif;
    unsigned int exif_length;
    /* Set when libjpeg stopped because the sample precision (12, 16 bits) is not the one it was
       built for: the header is well-formed, this build just cannot read it. */
    int unsupported_precision;
    /* libjpeg's message code of the error that stopped it (0 when none). */
    int error_code;
    /* Warnings libjpeg raised while reading the header, and whether one was "premature end". */
    int warnings;
    int hit_end_of_data;
} pf_jpeg_header;

/// Reads the header of an in-memory JPEG. Never calls exit(): a libjpeg error
/// returns -1 and writes the library's message into `message` (NUL-terminated).
int pf_jpeg_read_header(const unsigned char *data, unsigned long length,
                        pf_jpeg_header *out, char *message, size_t message_size);

/// Frees the EXIF copy made by pf_jpeg_read_header.
void pf_jpeg_header_free(pf_jpeg_header *header);
#endif
