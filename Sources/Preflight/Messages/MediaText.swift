import Foundation

/// The texts of the video, photo, face and audio probes (see `MessageCatalog`).
enum MediaText {
    // MARK: Video

    /// libavformat could not open the file as a video.
    static let videoUnreadable = LocalizedText(
        zh: "无法作为视频读取：文件可能已损坏、被截断（例如缺少 moov 信息），或不是视频。",
        en: "Cannot be read as a video: the file may be damaged, cut short (an mp4 missing its moov box, say), or not a video.")
    /// More streams than ``ProbeOptions/streamLimit``.
    static func tooManyStreams(_ count: Int, limit: Int) -> LocalizedText {
        LocalizedText(zh: "容器声明了 \(count) 个流，超过上限 \(limit)；\(SettingAdvice.streams.zh)。",
                      en: "The container declares \(count) streams, over the limit of \(limit); \(SettingAdvice.streams.en) to allow more.")
    }
    /// A sample table declaring more frames than the file has bytes.
    static func forgedSampleTable(frames: Int64, bytes: Int64) -> LocalizedText {
        LocalizedText(zh: "容器的样本表声明了 \(frames) 帧，比文件的 \(bytes) 字节所能容纳的还多：文件已损坏或被篡改。",
                      en: "The container's sample table declares \(frames) frames, more than a file of \(bytes) bytes can hold: it is damaged or forged.")
    }
    /// More packets than ``ProbeOptions/packetLimit`` read without reaching the end.
    static func tooManyPackets(limit: Int) -> LocalizedText {
        LocalizedText(zh: "读取了超过 \(limit) 个数据包仍未结束，已放弃计时；\(SettingAdvice.packets.zh)。",
                      en: "Read over \(limit) packets without reaching the end; frame timing abandoned (\(SettingAdvice.packets.en) to allow more).")
    }
    /// No decoder for the video stream's codec.
    static let noVideoDecoder = LocalizedText(zh: "没有可用的视频解码器。", en: "No decoder for this video.")
    /// The video decoder did not open.
    static let videoUndecodable = LocalizedText(zh: "无法解码此视频。", en: "This video cannot be decoded.")

    // MARK: Faces

    /// dlib (the PreflightFaces library) cannot be loaded; `package` is the Debian package to install.
    static func faceLibraryMissing(package: String) -> LocalizedText {
        LocalizedText(zh: "无法加载人脸检测库（dlib）。请安装 Debian 软件包：sudo apt-get install \(package)",
                      en: "The face detection library (dlib) cannot be loaded. Install the Debian package: sudo apt-get install \(package)")
    }
    /// The face detector failed with its own message.
    static func faceDetectionFailed(_ reason: String) -> LocalizedText {
        LocalizedText(zh: "人脸检测失败：\(reason)", en: "Face detection failed: \(reason)")
    }
    /// The face search hit the per-file deadline (`seconds` already formatted).
    static func facesNotInTime(seconds: String) -> LocalizedText {
        LocalizedText(zh: "人脸未能在每个文件的时限（\(seconds) 秒）内检查完，已停止。",
                      en: "Faces were not measured in time: the search stopped at the per-file limit of \(seconds) s.")
    }

    // MARK: Photo

    /// The content is not a photo (`type` as sniffed).
    static func notAPhoto(_ type: String) -> LocalizedText {
        LocalizedText(zh: "文件内容是 \(type)，不是照片（jpg、png 或 webp）。", en: "The file's content is \(type), not a photo (jpg, png or webp).")
    }
    /// The photo's structure is broken (`format` as JPEG, PNG …).
    static func photoDamaged(_ format: String) -> LocalizedText {
        LocalizedText(zh: "\(format) 文件已损坏，无法读取。", en: "The \(format) file is damaged and cannot be read.")
    }
    /// The photo ends before its image does.
    static func photoCutShort(_ format: String) -> LocalizedText {
        LocalizedText(zh: "\(format) 文件不完整（在结尾之前被截断），可能未完整拷贝或下载。",
                      en: "The \(format) file is cut short before its end (an incomplete copy or download).")
    }
    /// Declared dimensions beyond ``ProbeOptions/photoMaxSide`` or ``ProbeOptions/photoMaxPixels``.
    static func photoTooLarge(width: Int, height: Int, maxSide: Int, megapixels: String) -> LocalizedText {
        LocalizedText(
            zh: "照片声明的尺寸为 \(width)x\(height)，超过安全上限（每边 \(maxSide) 像素、共 \(megapixels) 百万像素），未继续读取；\(SettingAdvice.photoSize.zh)。",
            en: "The photo declares \(width)x\(height) pixels, beyond the safety limit (\(maxSide) px per side, \(megapixels) megapixels); it was not read further (\(SettingAdvice.photoSize.en) to allow more).")
    }

    // MARK: Audio

    /// A zip given where one audio file is taken.
    static let zipNotAudio = LocalizedText(zh: "这是一个 zip 压缩包；此处需要单个音频文件。", en: "This is a zip bundle; this slot takes one audio file.")
    /// Audio by its signature that no decoder reads (`type` as sniffed).
    static func audioUndecodable(_ type: String) -> LocalizedText {
        LocalizedText(zh: "内容像是 \(type) 音频，但无法解码：文件可能已损坏或被截断。",
                      en: "The content looks like \(type) audio but cannot be decoded: the file may be damaged or cut short.")
    }
    /// The content is not audio (`type` as sniffed).
    static func notAudio(_ type: String) -> LocalizedText {
        LocalizedText(zh: "文件内容不是音频（检测到：\(type)）。", en: "The content is not audio (detected: \(type)).")
    }
    /// A container without an audio stream (`demuxer` names the container).
    static func noAudioStream(_ demuxer: String) -> LocalizedText {
        LocalizedText(zh: "文件中没有音频流（\(demuxer)）。", en: "The file has no audio stream (\(demuxer)).")
    }
    /// No decoder for the audio codec `codec`.
    static func noAudioDecoder(_ codec: String) -> LocalizedText {
        LocalizedText(zh: "没有可用的 \(codec) 音频解码器。", en: "No decoder for \(codec) audio.")
    }
    /// The audio decoder did not open, or describes implausible audio.
    static let audioCannotDecode = LocalizedText(zh: "无法解码此音频。", en: "This audio cannot be decoded.")
    /// libsndfile does not read the file.
    static let sndfileUnreadable = LocalizedText(zh: "libsndfile 无法读取此音频。", en: "libsndfile cannot read this audio.")
    /// A header with an impossible sample rate or channel count.
    static func implausibleAudioHeader(sampleRate: Int32, channels: Int32) -> LocalizedText {
        LocalizedText(zh: "音频头信息不合理（采样率 \(sampleRate) Hz，\(channels) 声道）。",
                      en: "The audio header is implausible (\(sampleRate) Hz, \(channels) channels).")
    }
}
