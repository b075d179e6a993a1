/*
 * Every libzip function preflight calls (all in libzip.so.4), in the form of ffmpeg_functions.h:
 * FN(ZIP, return type, name, (parameters), (arguments)) and PROC(ZIP, name, …) for void. A call
 * to one missing here fails to link; FFmpegLoadingTests checks the list against the built objects.
 */
#define CFF_ZIP_FUNCTIONS(FN, PROC) \
    /* archives */ \
    FN(ZIP, zip_t *, zip_open, (const char *path, int flags, int *errorp), (path, flags, errorp)) \
    FN(ZIP, zip_t *, zip_open_from_source, (zip_source_t *source, int flags, zip_error_t *error), \
       (source, flags, error)) \
    PROC(ZIP, zip_discard, (zip_t *archive), (archive)) \
    FN(ZIP, zip_int64_t, zip_get_num_entries, (zip_t *archive, zip_flags_t flags), (archive, flags)) \
    PROC(ZIP, zip_stat_init, (zip_stat_t *st), (st)) \
    FN(ZIP, int, zip_stat_index, (zip_t *archive, zip_uint64_t index, zip_flags_t flags, zip_stat_t *st), \
       (archive, index, flags, st)) \
    FN(ZIP, int, zip_compression_method_supported, (zip_int32_t method, int compress), (method, compress)) \
    /* sources (a zip in memory) */ \
    FN(ZIP, zip_source_t *, zip_source_buffer_create, \
       (const void *data, zip_uint64_t length, int freep, zip_error_t *error), (data, length, freep, error)) \
    PROC(ZIP, zip_source_free, (zip_source_t *source), (source)) \
    /* entries */ \
    FN(ZIP, zip_file_t *, zip_fopen_index, (zip_t *archive, zip_uint64_t index, zip_flags_t flags), \
       (archive, index, flags)) \
    FN(ZIP, zip_int64_t, zip_fread, (zip_file_t *file, void *buffer, zip_uint64_t length), (file, buffer, length)) \
    FN(ZIP, int, zip_fclose, (zip_file_t *file), (file)) \
    /* errors */ \
    PROC(ZIP, zip_error_init, (zip_error_t *error), (error)) \
    PROC(ZIP, zip_error_init_with_code, (zip_error_t *error, int code), (error, code)) \
    PROC(ZIP, zip_error_fini, (zip_error_t *error), (error)) \
    FN(ZIP, int, zip_error_code_zip, (const zip_error_t *error), (error)) \
    FN(ZIP, const char *, zip_error_strerror, (zip_error_t *error), (error)) \
    FN(ZIP, zip_error_t *, zip_get_error, (zip_t *archive), (archive)) \
    PROC(ZIP, zip_error_clear, (zip_t *archive), (archive)) \
    FN(ZIP, zip_error_t *, zip_file_get_error, (zip_file_t *file), (file)) \
    FN(ZIP, const char *, zip_file_strerror, (zip_file_t *file), (file))
