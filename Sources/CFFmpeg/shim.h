#ifndef PREFLIGHT_CFFMPEG_SHIM_H
#define PREFLIGHT_CFFMPEG_SHIM_H
/* FFmpeg's declarations for Swift. The functions are defined by CLazyLibraries (trampolines into
   libraries opened on first use); a new one must be added to its ffmpeg_functions.h. */
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
#include <libavutil/dovi_meta.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/tx.h>
#include <libavutil/md5.h>
#include <libavutil/rc4.h>
#include <libavutil/aes.h>
#include <libavutil/sha.h>
#include <libavutil/sha512.h>
#include <libswresample/swresample.h>

/* Macros that do not import into Swift, as functions. */
static inline int cff_averror(int e) { return AVERROR(e); }
static inline int cff_averror_eof(void) { return AVERROR_EOF; }
static inline int cff_averror_exit(void) { return AVERROR_EXIT; }
static inline int cff_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int64_t cff_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVRational cff_time_base_q(void) { return AV_TIME_BASE_Q; }
static inline AVChannelLayout cff_layout_mono(void) { AVChannelLayout l = AV_CHANNEL_LAYOUT_MONO; return l; }
#endif
