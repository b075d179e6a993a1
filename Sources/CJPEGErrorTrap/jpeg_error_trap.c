#include "jpeg_error_trap.h"
#include <jerror.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* libjpeg's default error_exit prints and calls exit(); this manager jumps back instead. */
struct trap {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    pf_jpeg_header *out;
};

static void trap_exit(j_common_ptr cinfo) {
    struct trap *t = (struct trap *)cinfo->err;
    longjmp(t->jump, 1);
}

static void trap_silent(j_common_ptr cinfo) { (void)cinfo; }

/* Counts warnings (level -1) without printing; notes the fake EOI inserted at the end of the data. */
static void trap_emit(j_common_ptr cinfo, int level) {
    struct trap *t = (struct trap *)cinfo->err;
    if (level < 0) {
        t->pub.num_warnings++;
        t->out->warnings++;
        if (t->pub.msg_code == JWRN_JPEG_EOF) t->out->hit_end_of_data = 1;
    }
}

int pf_jpeg_read_header(const unsigned char *data, unsigned long length,
                        pf_jpeg_header *out, char *message, size_t message_size) {
    struct jpeg_decompress_struct c;
    struct trap t;
    memset(out, 0, sizeof *out);
    out->adobe_transform = -1;
    if (message_size > 0) message[0] = 0;
    c.err = jpeg_std_error(&t.pub);
    t.pub.error_exit = trap_exit;
    t.pub.output_message = trap_silent;
    t.pub.emit_message = trap_emit;
    t.out = out;
    if (setjmp(t.jump)) {
        out->error_code = t.pub.msg_code;
        out->unsupported_precision = t.pub.msg_code == JERR_BAD_PRECISION;
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
    if (data == NULL || length == 0) ERREXIT(&c, JERR_INPUT_EMPTY);
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
    out->adobe_transform = c.saw_Adobe_marker ? c.Adobe_transform : -1;
    out->saw_jfif = c.saw_JFIF_marker ? 1 : 0;
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
