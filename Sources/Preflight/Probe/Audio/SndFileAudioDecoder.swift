import CSndFile
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An audio stream opened by libsndfile through its virtual I/O over an ``ByteSource``.
/// Owns the `SNDFILE` handle and the callback box; closes both on deinit.
final class SndFileAudioDecoder {
    /// What the headers say.
    let description: AudioStreamDescription
    private let handle: OpaquePointer
    private let box: UnsafeMutableRawPointer
    private let declaredFrames: Int64

    /// Frames decoded per block.
    static let blockFrames = 32_768

    /// Opens the stream; throws ``ProbeError`` (`unreadable`) with libsndfile's message when it cannot.
    init(source: ByteSource) throws {
        let box = ByteSourceBox.retain(source)
        var io = SF_VIRTUAL_IO(
            get_filelen: { user in ByteSourceBox.source(user).length },
            seek: { offset, whence, user in
                let source = ByteSourceBox.source(user)
                let target: Int64
                switch whence {
                case SEEK_CUR: target = source.position + offset
                case SEEK_END: target = source.length + offset
                default: target = offset
                }
                guard target >= 0 else { return -1 }
                source.position = target
                return target
            },
            read: { buffer, count, user in
                guard let buffer, count > 0 else { return 0 }
                let n = ByteSourceBox.source(user).read(into: buffer, count: Int(min(count, Int64(Int32.max))))
                return n < 0 ? 0 : sf_count_t(n)
            },
            write: nil,
            tell: { user in ByteSourceBox.source(user).position })
        var info = SF_INFO()
        guard let handle = sf_open_virtual(&io, Int32(SFM_READ), &info, box) else {
            let message = String(cString: sf_strerror(nil))
            ByteSourceBox.release(box)
            throw ProbeError(.unreadable, LocalizedText(zh: "libsndfile 无法读取此音频。", en: "libsndfile cannot read this audio."), detail: message)
        }
        self.handle = handle
        self.box = box
        declaredFrames = info.frames
        description = Self.describe(info, length: source.length)
        guard description.isPlausible else {
            // Every property is set: throwing now runs deinit, which closes the handle and releases
            // the box. Closing them here too was a double free (found by fuzzing, Fuzz/regressions/audio/).
            throw ProbeError(.unreadable, LocalizedText(
                zh: "音频头信息不合理（采样率 \(info.samplerate) Hz，\(info.channels) 声道）。",
                en: "The audio header is implausible (\(info.samplerate) Hz, \(info.channels) channels)."))
        }
    }

    deinit {
        sf_close(handle)
        ByteSourceBox.release(box)
    }

    /// Decodes every frame, block by block, handing each block of interleaved floats to `consume`.
    /// Stops early when `shouldStop` says so.
    func decode(_ consume: (UnsafeBufferPointer<Float>) -> Void, shouldStop: () -> Bool) -> AudioDecodeProgress {
        var progress = AudioDecodeProgress()
        let channels = description.channels
        let block = SampleBlock(capacity: Self.blockFrames * channels)
        while !shouldStop() {
            let n = Int(sf_readf_float(handle, block.samples, sf_count_t(Self.blockFrames)))
            if n <= 0 { break }
            consume(block.prefix(n * channels))
            progress.frames += n
        }
        progress.complete = sf_error(handle) == 0 && !shouldStop()
            && (declaredFrames <= 0 || Int64(progress.frames) >= declaredFrames)
        return progress
    }

    /// Names libsndfile's format codes the way libavformat and libavcodec do.
    static func describe(_ info: SF_INFO, length: Int64) -> AudioStreamDescription {
        let major = Int(info.format) & SF_FORMAT_TYPEMASK
        let sub = Int(info.format) & SF_FORMAT_SUBMASK
        let bigEndian = [SF_FORMAT_AIFF, SF_FORMAT_AU].contains(major) || (Int(info.format) & SF_FORMAT_ENDMASK) == SF_ENDIAN_BIG
        let e = bigEndian ? "be" : "le"
        let format: String
        switch major {
        case SF_FORMAT_WAV, SF_FORMAT_WAVEX, SF_FORMAT_RF64: format = "wav"
        case SF_FORMAT_W64: format = "w64"
        case SF_FORMAT_FLAC: format = "flac"
        case SF_FORMAT_OGG: format = "ogg"
        case SF_FORMAT_AIFF: format = "aiff"
        case SF_FORMAT_AU: format = "au"
        case SF_FORMAT_CAF: format = "caf"
        case SF_FORMAT_MPEG: format = "mp3"
        default: format = "sndfile-\(String(major >> 16, radix: 16))"
        }
        var bitDepth: Int?
        var sampleFormat: String
        switch sub {
        case SF_FORMAT_PCM_S8: bitDepth = 8; sampleFormat = "pcm_s8"
        case SF_FORMAT_PCM_U8: bitDepth = 8; sampleFormat = "pcm_u8"
        case SF_FORMAT_PCM_16: bitDepth = 16; sampleFormat = "pcm_s16\(e)"
        case SF_FORMAT_PCM_24: bitDepth = 24; sampleFormat = "pcm_s24\(e)"
        case SF_FORMAT_PCM_32: bitDepth = 32; sampleFormat = "pcm_s32\(e)"
        case SF_FORMAT_FLOAT: bitDepth = 32; sampleFormat = "pcm_f32\(e)"
        case SF_FORMAT_DOUBLE: bitDepth = 64; sampleFormat = "pcm_f64\(e)"
        case SF_FORMAT_ULAW: bitDepth = 8; sampleFormat = "pcm_mulaw"
        case SF_FORMAT_ALAW: bitDepth = 8; sampleFormat = "pcm_alaw"
        case SF_FORMAT_IMA_ADPCM: sampleFormat = "adpcm_ima_wav"
        case SF_FORMAT_MS_ADPCM: sampleFormat = "adpcm_ms"
        case SF_FORMAT_GSM610: sampleFormat = "gsm_ms"
        case SF_FORMAT_VORBIS: sampleFormat = "vorbis"
        case SF_FORMAT_OPUS: sampleFormat = "opus"
        case SF_FORMAT_MPEG_LAYER_III: sampleFormat = "mp3"
        case SF_FORMAT_ALAC_16, SF_FORMAT_ALAC_20, SF_FORMAT_ALAC_24, SF_FORMAT_ALAC_32: sampleFormat = "alac"
        default: sampleFormat = "sndfile-\(String(sub, radix: 16))"
        }
        // FLAC keeps the bit depth of the PCM it holds, but is compressed.
        let pcmContainer = ["wav", "w64", "aiff", "au", "caf"].contains(format) && sampleFormat.hasPrefix("pcm_")
        let codec = format == "flac" ? "flac" : sampleFormat
        let duration = info.samplerate > 0 && info.frames > 0 ? Double(info.frames) / Double(info.samplerate) : nil
        let bitRate = !pcmContainer ? duration.flatMap { $0 > 0 ? Double(length) * 8 / $0 : nil } : nil
        return AudioStreamDescription(
            format: format, codec: codec, sampleFormat: pcmContainer ? sampleFormat : codec,
            sampleRate: Int(info.samplerate), channels: Int(info.channels),
            bitDepth: format == "flac" || pcmContainer ? bitDepth : nil,
            bitRate: bitRate, headerDuration: duration, decoder: "libsndfile", compressed: !pcmContainer)
    }
}
