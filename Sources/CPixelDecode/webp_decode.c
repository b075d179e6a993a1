#include "pixel_decode.h"
#include "box_reducer.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <webp/decode.h>

static const char *status_text(VP8StatusCode status) {
    switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY: return "out of memory";
    case VP8_STATUS_INVALID_PARAM: return "invalid parameter";
    case VP8_STATUS_BITSTREAM_ERROR: return "bitstream error";
    case VP8_STATUS_UNSUPPORTED_FEATURE: return "unsupported feature";
    case VP8_STATUS_SUSPENDED: return "suspended";
    case VP8_STATUS_USER_ABORT: return "user abort";
    case VP8_STATUS_NOT_ENOUGH_DATA: return "not enough data (the file is cut short)";
    default: return "unknown error";
    }
}

int pf_webp_decode_gray(const unsigned char *data, size_t length, int max_side,
                        pf_gray_picture *out, char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    if (message_size > 0) message[0] = 0;
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config)) { snprintf(message, message_size, "libwebp: version mismatch"); return -1; }
    VP8StatusCode status = WebPGetFeatures(data, length, &config.input);
    if (status != VP8_STATUS_OK) { snprintf(message, message_size, "libwebp: %s", status_text(status)); return -1; }
    if (config.input.has_animation) return 1;
    int width = config.input.width, height = config.input.height;
    out->source_width = width;
    out->source_height = height;
    int factor = pf_box_factor(width > height ? width : height, max_side);
    if (factor > 1) {
        config.options.use_scaling = 1;
        config.options.scaled_width = (width + factor - 1) / factor;
        config.options.scaled_height = (height + factor - 1) / factor;
    }
    config.output.colorspace = MODE_YUV;
    status = WebPDecode(data, length, &config);
    if (status != VP8_STATUS_OK) {
        WebPFreeDecBuffer(&config.output);
        snprintf(message, message_size, "libwebp: %s", status_text(status));
        return -1;
    }
    const WebPYUVABuffer *yuv = &config.output.u.YUVA;
    int w = config.output.width, h = config.output.height;
    out->pixels = malloc((size_t)w * (size_t)h);
    if (!out->pixels) { WebPFreeDecBuffer(&config.output); snprintf(message, message_size, "libwebp: out of memory"); return -1; }
    for (int y = 0; y < h; y++) memcpy(out->pixels + (size_t)y * w, yuv->y + (size_t)y * yuv->y_stride, (size_t)w);
    out->width = w;
    out->height = h;
    WebPFreeDecBuffer(&config.output);
    return 0;
}
