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
    int color_space;     /* J_COLOR_SPACE */
    int progressive;
    int bits_per_sample;
    int saw_adobe;
    /* EXIF APP1 payload (after "Exif\0\0"), copied; length 0 if none. */
    unsigned char *exif;
    unsigned int exif_length;
} pf_jpeg_header;

/// Reads the header of an in-memory JPEG. Never calls exit(): a libjpeg error
/// returns -1 and writes the library's message into `message` (NUL-terminated).
int pf_jpeg_read_header(const unsigned char *data, unsigned long length,
                        pf_jpeg_header *out, char *message, size_t message_size);

/// Frees the EXIF copy made by pf_jpeg_read_header.
void pf_jpeg_header_free(pf_jpeg_header *header);
#endif
