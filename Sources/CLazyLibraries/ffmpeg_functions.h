/*
 * Every FFmpeg function preflight calls, with the library that defines it: the one list.
 * (libsndfile's and libzip's are in sndfile_functions.h and zip_functions.h, in the same form.)
 *
 *   FN(library, return type, name, (parameters), (arguments))   a function returning a value
 *   PROC(library, name, (parameters), (arguments))              a function returning void
 *
 * trampolines.c defines each one with these parameters after including FFmpeg's headers,
 * so a signature that differs from the header's does not compile. A call to an FFmpeg function
 * missing here fails to link (no FFmpeg library is on the link line); FFmpegLoadingTests checks
 * the list against the symbols the built objects reference.
 *
 * Not here on purpose: av_log_set_level and the *_version functions. The loader calls them
 * through dlsym() (cff_set_log_level, cff_library_version) so that setting the log level or
 * naming a version in a report never loads a library; a call from Swift fails to link.
 */
#define CFF_FFMPEG_FUNCTIONS(FN, PROC) \
    /* libavutil: memory, dictionaries, options, errors */ \
    FN(AVUTIL, void *, av_malloc, (size_t size), (size)) \
    PROC(AVUTIL, av_free, (void *ptr), (ptr)) \
    PROC(AVUTIL, av_freep, (void *ptr), (ptr)) \
    PROC(AVUTIL, av_max_alloc, (size_t max), (max)) \
    PROC(AVUTIL, av_dict_free, (AVDictionary **m), (m)) \
    FN(AVUTIL, AVDictionaryEntry *, av_dict_get, \
       (const AVDictionary *m, const char *key, const AVDictionaryEntry *prev, int flags), (m, key, prev, flags)) \
    FN(AVUTIL, int, av_dict_set, (AVDictionary **pm, const char *key, const char *value, int flags), \
       (pm, key, value, flags)) \
    FN(AVUTIL, int, av_opt_set_int, (void *obj, const char *name, int64_t val, int search_flags), \
       (obj, name, val, search_flags)) \
    FN(AVUTIL, int, av_strerror, (int errnum, char *errbuf, size_t errbuf_size), (errnum, errbuf, errbuf_size)) \
    /* libavutil: frames, pixel formats, channel layouts, display matrix, FFT */ \
    FN(AVUTIL, AVFrame *, av_frame_alloc, (void), ()) \
    PROC(AVUTIL, av_frame_free, (AVFrame **frame), (frame)) \
    PROC(AVUTIL, av_frame_unref, (AVFrame *frame), (frame)) \
    FN(AVUTIL, const char *, av_get_pix_fmt_name, (enum AVPixelFormat pix_fmt), (pix_fmt)) \
    FN(AVUTIL, const AVPixFmtDescriptor *, av_pix_fmt_desc_get, (enum AVPixelFormat pix_fmt), (pix_fmt)) \
    FN(AVUTIL, const char *, av_color_range_name, (enum AVColorRange range), (range)) \
    FN(AVUTIL, const char *, av_color_primaries_name, (enum AVColorPrimaries primaries), (primaries)) \
    FN(AVUTIL, const char *, av_color_transfer_name, (enum AVColorTransferCharacteristic transfer), (transfer)) \
    FN(AVUTIL, int, av_channel_layout_compare, (const AVChannelLayout *chl, const AVChannelLayout *chl1), (chl, chl1)) \
    FN(AVUTIL, int, av_channel_layout_copy, (AVChannelLayout *dst, const AVChannelLayout *src), (dst, src)) \
    PROC(AVUTIL, av_channel_layout_default, (AVChannelLayout *ch_layout, int nb_channels), (ch_layout, nb_channels)) \
    PROC(AVUTIL, av_channel_layout_uninit, (AVChannelLayout *channel_layout), (channel_layout)) \
    FN(AVUTIL, double, av_display_rotation_get, (const int32_t matrix[9]), (matrix)) \
    FN(AVUTIL, int, av_tx_init, \
       (AVTXContext **ctx, av_tx_fn *tx, enum AVTXType type, int inv, int len, const void *scale, uint64_t flags), \
       (ctx, tx, type, inv, len, scale, flags)) \
    PROC(AVUTIL, av_tx_uninit, (AVTXContext **ctx), (ctx)) \
    /* libavutil: hashes and ciphers (PDF encryption) */ \
    PROC(AVUTIL, av_md5_sum, (uint8_t *dst, const uint8_t *src, size_t len), (dst, src, len)) \
    FN(AVUTIL, struct AVSHA *, av_sha_alloc, (void), ()) \
    FN(AVUTIL, int, av_sha_init, (struct AVSHA *context, int bits), (context, bits)) \
    PROC(AVUTIL, av_sha_update, (struct AVSHA *ctx, const uint8_t *data, size_t len), (ctx, data, len)) \
    PROC(AVUTIL, av_sha_final, (struct AVSHA *context, uint8_t *digest), (context, digest)) \
    FN(AVUTIL, struct AVSHA512 *, av_sha512_alloc, (void), ()) \
    FN(AVUTIL, int, av_sha512_init, (struct AVSHA512 *context, int bits), (context, bits)) \
    PROC(AVUTIL, av_sha512_update, (struct AVSHA512 *context, const uint8_t *data, size_t len), (context, data, len)) \
    PROC(AVUTIL, av_sha512_final, (struct AVSHA512 *context, uint8_t *digest), (context, digest)) \
    FN(AVUTIL, struct AVAES *, av_aes_alloc, (void), ()) \
    FN(AVUTIL, int, av_aes_init, (struct AVAES *a, const uint8_t *key, int key_bits, int decrypt), \
       (a, key, key_bits, decrypt)) \
    PROC(AVUTIL, av_aes_crypt, \
         (struct AVAES *a, uint8_t *dst, const uint8_t *src, int count, uint8_t *iv, int decrypt), \
         (a, dst, src, count, iv, decrypt)) \
    FN(AVUTIL, AVRC4 *, av_rc4_alloc, (void), ()) \
    FN(AVUTIL, int, av_rc4_init, (struct AVRC4 *d, const uint8_t *key, int key_bits, int decrypt), \
       (d, key, key_bits, decrypt)) \
    PROC(AVUTIL, av_rc4_crypt, \
         (struct AVRC4 *d, uint8_t *dst, const uint8_t *src, int count, uint8_t *iv, int decrypt), \
         (d, dst, src, count, iv, decrypt)) \
    /* libswresample */ \
    FN(SWRESAMPLE, int, swr_alloc_set_opts2, \
       (struct SwrContext **ps, AVChannelLayout *out_ch_layout, enum AVSampleFormat out_sample_fmt, \
        int out_sample_rate, AVChannelLayout *in_ch_layout, enum AVSampleFormat in_sample_fmt, \
        int in_sample_rate, int log_offset, void *log_ctx), \
       (ps, out_ch_layout, out_sample_fmt, out_sample_rate, in_ch_layout, in_sample_fmt, in_sample_rate, \
        log_offset, log_ctx)) \
    FN(SWRESAMPLE, int, swr_init, (struct SwrContext *s), (s)) \
    FN(SWRESAMPLE, int, swr_convert, \
       (struct SwrContext *s, uint8_t **out, int out_count, const uint8_t **in, int in_count), \
       (s, out, out_count, in, in_count)) \
    FN(SWRESAMPLE, int, swr_get_out_samples, (struct SwrContext *s, int in_samples), (s, in_samples)) \
    PROC(SWRESAMPLE, swr_free, (struct SwrContext **s), (s)) \
    /* libavcodec */ \
    FN(AVCODEC, const AVCodec *, avcodec_find_decoder, (enum AVCodecID id), (id)) \
    FN(AVCODEC, AVCodecContext *, avcodec_alloc_context3, (const AVCodec *codec), (codec)) \
    PROC(AVCODEC, avcodec_free_context, (AVCodecContext **avctx), (avctx)) \
    PROC(AVCODEC, avcodec_flush_buffers, (AVCodecContext *avctx), (avctx)) \
    FN(AVCODEC, int, avcodec_parameters_to_context, (AVCodecContext *codec, const AVCodecParameters *par), \
       (codec, par)) \
    FN(AVCODEC, int, avcodec_open2, (AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options), \
       (avctx, codec, options)) \
    FN(AVCODEC, int, avcodec_send_packet, (AVCodecContext *avctx, const AVPacket *avpkt), (avctx, avpkt)) \
    FN(AVCODEC, int, avcodec_receive_frame, (AVCodecContext *avctx, AVFrame *frame), (avctx, frame)) \
    FN(AVCODEC, const char *, avcodec_get_name, (enum AVCodecID id), (id)) \
    FN(AVCODEC, const char *, avcodec_profile_name, (enum AVCodecID codec_id, int profile), (codec_id, profile)) \
    FN(AVCODEC, int, av_get_bits_per_sample, (enum AVCodecID codec_id), (codec_id)) \
    FN(AVCODEC, AVPacket *, av_packet_alloc, (void), ()) \
    PROC(AVCODEC, av_packet_free, (AVPacket **pkt), (pkt)) \
    PROC(AVCODEC, av_packet_unref, (AVPacket *pkt), (pkt)) \
    FN(AVCODEC, AVCodecParserContext *, av_parser_init, (int codec_id), (codec_id)) \
    FN(AVCODEC, int, av_parser_parse2, \
       (AVCodecParserContext *s, AVCodecContext *avctx, uint8_t **poutbuf, int *poutbuf_size, \
        const uint8_t *buf, int buf_size, int64_t pts, int64_t dts, int64_t pos), \
       (s, avctx, poutbuf, poutbuf_size, buf, buf_size, pts, dts, pos)) \
    PROC(AVCODEC, av_parser_close, (AVCodecParserContext *s), (s)) \
    /* libavformat */ \
    FN(AVFORMAT, AVFormatContext *, avformat_alloc_context, (void), ()) \
    FN(AVFORMAT, int, avformat_open_input, \
       (AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options), \
       (ps, url, fmt, options)) \
    FN(AVFORMAT, int, avformat_find_stream_info, (AVFormatContext *ic, AVDictionary **options), (ic, options)) \
    PROC(AVFORMAT, avformat_close_input, (AVFormatContext **s), (s)) \
    FN(AVFORMAT, int, av_find_best_stream, \
       (AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb, int related_stream, \
        const AVCodec **decoder_ret, int flags), \
       (ic, type, wanted_stream_nb, related_stream, decoder_ret, flags)) \
    FN(AVFORMAT, int, av_read_frame, (AVFormatContext *s, AVPacket *pkt), (s, pkt)) \
    FN(AVFORMAT, int, av_seek_frame, (AVFormatContext *s, int stream_index, int64_t timestamp, int flags), \
       (s, stream_index, timestamp, flags)) \
    FN(AVFORMAT, uint8_t *, av_stream_get_side_data, \
       (const AVStream *stream, enum AVPacketSideDataType type, size_t *size), (stream, type, size)) \
    FN(AVFORMAT, int, avformat_index_get_entries_count, (const AVStream *st), (st)) \
    FN(AVFORMAT, const AVIndexEntry *, avformat_index_get_entry, (AVStream *st, int idx), (st, idx)) \
    FN(AVFORMAT, AVIOContext *, avio_alloc_context, \
       (unsigned char *buffer, int buffer_size, int write_flag, void *opaque, \
        int (*read_packet)(void *opaque, uint8_t *buf, int buf_size), \
        int (*write_packet)(void *opaque, uint8_t *buf, int buf_size), \
        int64_t (*seek)(void *opaque, int64_t offset, int whence)), \
       (buffer, buffer_size, write_flag, opaque, read_packet, write_packet, seek)) \
    PROC(AVFORMAT, avio_context_free, (AVIOContext **s), (s))
