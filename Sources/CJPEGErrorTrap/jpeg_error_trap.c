#include "jpeg_error_trap.h"
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

struct trap {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
};

static void trap_exit(j_common_ptr cinfo) {
    struct trap *t = (struct trap *)cinfo->err;
    longjmp(t->jump, 1);
}

static void trap_silent(j_common_ptr cinfo) { (void)cinfo; }

int pf_jpeg_read_header(const unsigned char *data, unsigned long length,
                        pf_jpeg_header *out, char *message, size_t message_size) {
    struct jpeg_decompress_struct c;
    struct trap t;
    memset(out, 0, sizeof *out);
    if (message_size > 0) message[0] = 0;
    c.err = jpeg_std_error(&t.pub);
    t.pub.error_exit = trap_exit;
    t.pub.output_message = trap_silent;
    if (setjmp(t.jump)) {
        if (message_size > 0) {
            char buffer[JMSG_LENGTH_MAX];
            (*c.err->format_message)((j_common_ptr)&c, buffer);
            strncpy(message, buffer, message_size - 1);
            message[message_size - 1] = 0;
        }
        jpeg_destroy_decompress(&c);
        free(out->exif);
        out->exif = NULL;
        out->exif_length = 0;
        return -1;
    }
    jpeg_create_decompress(&c);
    jpeg_mem_src(&c, data, length);
    jpeg_save_markers(&c, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&c, TRUE);
    out->width = (int)c.image_width;
    out->height = (int)c.image_height;
    out->components = c.num_components;
    out->color_space = (int)c.jpeg_color_space;
    out->progressive = c.progressive_mode ? 1 : 0;
    out->bits_per_sample = c.data_precision;
    out->saw_adobe = c.saw_Adobe_marker ? 1 : 0;
    for (jpeg_saved_marker_ptr m = c.marker_list; m != NULL; m = m->next) {
        if (m->marker == JPEG_APP0 + 1 && m->data_length > 6 && memcmp(m->data, "Exif\0\0", 6) == 0) {
            out->exif_length = m->data_length - 6;
            out->exif = malloc(out->exif_length);
            if (out->exif) memcpy(out->exif, m->data + 6, out->exif_length);
            else out->exif_length = 0;
            break;
        }
    }
    jpeg_destroy_decompress(&c);
    return 0;
}

void pf_jpeg_header_free(pf_jpeg_header *header) {
    free(header->exif);
    header->exif = NULL;
    header->exif_length = 0;
}
