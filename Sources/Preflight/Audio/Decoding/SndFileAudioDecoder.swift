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
    /// libsndfile's format code (major type, subtype, endianness).
    private let format: Int32

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
            throw ProbeError(.unreadable, MediaText.sndfileUnreadable, detail: message)
        }
        self.handle = handle
        self.box = box
        declaredFrames = info.frames
        format = info.format
        description = Self.describe(info, length: source.length)
        guard description.isPlausible else {
            // Every property is set: throwing now runs deinit, which closes the handle and releases
            // the box. Closing them here too was a double free (found by fuzzing, Fuzz/regressions/audio/).
            throw ProbeError(.unreadable, MediaText.implausibleAudioHeader(sampleRate: info.samplerate, channels: info.channels))
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
        let raw = rawPCM16 ? UnsafeMutablePointer<Int16>.allocate(capacity: Self.blockFrames * channels) : nil
        defer { raw?.deallocate() }
        while !shouldStop() {
            let n: Int
            if let raw {
                let bytes = sf_read_raw(handle, raw, sf_count_t(Self.blockFrames * channels * 2))
                n = Int(max(bytes, 0)) / (2 * channels)
                PCM16.normalise(raw, into: block.samples, count: n * channels)
            } else {
                n = Int(sf_readf_float(handle, block.samples, sf_count_t(Self.blockFrames)))
            }
            if n <= 0 { break }
            consume(block.prefix(n * channels))
            progress.frames += n
        }
        progress.complete = sf_error(handle) == 0 && !shouldStop()
            && (declaredFrames <= 0 || Int64(progress.frames) >= declaredFrames)
        return progress
    }

    /// Whether the samples are 16-bit little-endian PCM in a RIFF-family file, the commonest recording:
    /// read raw (`sf_read_raw`) and scaled here, which gives the floats libsndfile would (x / 32768, exact)
    /// at a fraction of the cost of its own conversion loop.
    private var rawPCM16: Bool {
        let major = Int(format) & SF_FORMAT_TYPEMASK, sub = Int(format) & SF_FORMAT_SUBMASK
        let endian = Int(format) & SF_FORMAT_ENDMASK
        return sub == SF_FORMAT_PCM_16 && [SF_FORMAT_WAV, SF_FORMAT_WAVEX, SF_FORMAT_W64, SF_FORMAT_RF64].contains(major)
            && (endian == SF_ENDIAN_FILE || endian == SF_ENDIAN_LITTLE) && Int(1).littleEndian == 1
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

/// 16-bit PCM to floats in [-1, 1).
enum PCM16 {
    /// Writes `count` samples of `source` scaled by 1/32768 (libsndfile's normalisation) to `target`;
    /// a plain loop the compiler vectorises.
    static func normalise(_ source: UnsafePointer<Int16>, into target: UnsafeMutablePointer<Float>, count: Int) {
        let scale: Float = 1.0 / 32768
        for i in 0..<max(count, 0) { target[i] = Float(source[i]) * scale }
    }
}
