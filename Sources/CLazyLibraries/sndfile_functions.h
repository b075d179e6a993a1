/*
 * Every libsndfile function preflight calls (all in libsndfile.so.1), in the form of
 * ffmpeg_functions.h: FN(SNDFILE, return type, name, (parameters), (arguments)). A call to one
 * missing here fails to link; FFmpegLoadingTests checks the list against the built objects.
 * sf_open_virtual takes libsndfile's callbacks (SF_VIRTUAL_IO): the trampoline only forwards them.
 */
#define CFF_SNDFILE_FUNCTIONS(FN, PROC) \
    FN(SNDFILE, SNDFILE *, sf_open, (const char *path, int mode, SF_INFO *sfinfo), (path, mode, sfinfo)) \
    FN(SNDFILE, SNDFILE *, sf_open_virtual, (SF_VIRTUAL_IO *sfvirtual, int mode, SF_INFO *sfinfo, void *user_data), \
       (sfvirtual, mode, sfinfo, user_data)) \
    FN(SNDFILE, sf_count_t, sf_readf_float, (SNDFILE *sndfile, float *ptr, sf_count_t frames), (sndfile, ptr, frames)) \
    FN(SNDFILE, sf_count_t, sf_read_raw, (SNDFILE *sndfile, void *ptr, sf_count_t bytes), (sndfile, ptr, bytes)) \
    FN(SNDFILE, int, sf_error, (SNDFILE *sndfile), (sndfile)) \
    FN(SNDFILE, const char *, sf_strerror, (SNDFILE *sndfile), (sndfile)) \
    FN(SNDFILE, int, sf_close, (SNDFILE *sndfile), (sndfile))
