import Foundation

/// A typed name of a fact in the vocabulary: probes write and read facts through these keys,
/// never through string literals, so every fact a probe measures is one the vocabulary defines
/// (`FactKeyTests` checks each key against ``FactVocabulary``).
public struct FactKey: Sendable, Hashable {
    /// The dotted name, e.g. `video.display_width`.
    public let name: String

    init(_ name: String) { self.name = name }

    /// The vocabulary entry this key names, or nil if the vocabulary lost it (a test keeps it there).
    public var definition: FactDefinition? { FactVocabulary.definition(name) }
}

extension FactKey {
    /// `audio.peak_dbfs`.
    public static let audioPeakDbfs = FactKey("audio.peak_dbfs")
    /// `audio.rms_dbfs`.
    public static let audioRmsDbfs = FactKey("audio.rms_dbfs")
    /// `audio.noise_floor_dbfs`.
    public static let audioNoiseFloorDbfs = FactKey("audio.noise_floor_dbfs")
    /// `audio.snr_db`.
    public static let audioSnrDb = FactKey("audio.snr_db")
    /// `audio.snr_method`.
    public static let audioSnrMethod = FactKey("audio.snr_method")
    /// `audio.snr_uncertainty_db`.
    public static let audioSnrUncertaintyDb = FactKey("audio.snr_uncertainty_db")
    /// `audio.c50_db`.
    public static let audioC50Db = FactKey("audio.c50_db")
    /// `audio.clipping_index`.
    public static let audioClippingIndex = FactKey("audio.clipping_index")
    /// `audio.clipped_samples`.
    public static let audioClippedSamples = FactKey("audio.clipped_samples")
    /// `audio.longest_clipped_run`.
    public static let audioLongestClippedRun = FactKey("audio.longest_clipped_run")
    /// `audio.speech_duration`.
    public static let audioSpeechDuration = FactKey("audio.speech_duration")
    /// `audio.loudness_lufs`.
    public static let audioLoudnessLufs = FactKey("audio.loudness_lufs")
    /// `audio.loudness_range_lu`.
    public static let audioLoudnessRangeLu = FactKey("audio.loudness_range_lu")
    /// `audio.true_peak_dbtp`.
    public static let audioTruePeakDbtp = FactKey("audio.true_peak_dbtp")
    /// `audio.leading_silence`.
    public static let audioLeadingSilence = FactKey("audio.leading_silence")
    /// `audio.trailing_silence`.
    public static let audioTrailingSilence = FactKey("audio.trailing_silence")
    /// `audio.leading_silence_dbfs`.
    public static let audioLeadingSilenceDbfs = FactKey("audio.leading_silence_dbfs")
    /// `audio.trailing_silence_dbfs`.
    public static let audioTrailingSilenceDbfs = FactKey("audio.trailing_silence_dbfs")
    /// `audio.dc_offset`.
    public static let audioDcOffset = FactKey("audio.dc_offset")
    /// `audio.channel_correlation`.
    public static let audioChannelCorrelation = FactKey("audio.channel_correlation")
    /// `audio.silent_channel`.
    public static let audioSilentChannel = FactKey("audio.silent_channel")
    /// `audio.text_accuracy`.
    public static let audioTextAccuracy = FactKey("audio.text_accuracy")
    /// `audio.format`.
    public static let audioFormat = FactKey("audio.format")
    /// `audio.bit_depth`.
    public static let audioBitDepth = FactKey("audio.bit_depth")
    /// `audio.sample_format`.
    public static let audioSampleFormat = FactKey("audio.sample_format")
    /// `audio.bit_rate`.
    public static let audioBitRate = FactKey("audio.bit_rate")
    /// `audio.duration`.
    public static let audioDuration = FactKey("audio.duration")
    /// `audio.frames`.
    public static let audioFrames = FactKey("audio.frames")
    /// `audio.decoder`.
    public static let audioDecoder = FactKey("audio.decoder")
    /// `audio.complete`.
    public static let audioComplete = FactKey("audio.complete")

    /// `bundle.entry_count`.
    public static let bundleEntryCount = FactKey("bundle.entry_count")
    /// `bundle.file_count`.
    public static let bundleFileCount = FactKey("bundle.file_count")
    /// `bundle.audio_count`.
    public static let bundleAudioCount = FactKey("bundle.audio_count")
    /// `bundle.non_audio_count`.
    public static let bundleNonAudioCount = FactKey("bundle.non_audio_count")
    /// `bundle.total_uncompressed_size`.
    public static let bundleTotalUncompressedSize = FactKey("bundle.total_uncompressed_size")
    /// `bundle.audio_size`.
    public static let bundleAudioSize = FactKey("bundle.audio_size")
    /// `bundle.compression_ratio`.
    public static let bundleCompressionRatio = FactKey("bundle.compression_ratio")
    /// `bundle.has_folders`.
    public static let bundleHasFolders = FactKey("bundle.has_folders")
    /// `bundle.formats`.
    public static let bundleFormats = FactKey("bundle.formats")
    /// `bundle.lowest_sample_rate`.
    public static let bundleLowestSampleRate = FactKey("bundle.lowest_sample_rate")
    /// `bundle.name_encoding`.
    public static let bundleNameEncoding = FactKey("bundle.name_encoding")
    /// `bundle.guessed_encoding`.
    public static let bundleGuessedEncoding = FactKey("bundle.guessed_encoding")
    /// `bundle.unsafe_names`.
    public static let bundleUnsafeNames = FactKey("bundle.unsafe_names")
    /// `bundle.symlinks`.
    public static let bundleSymlinks = FactKey("bundle.symlinks")
    /// `bundle.encrypted_entries`.
    public static let bundleEncryptedEntries = FactKey("bundle.encrypted_entries")
    /// `bundle.nested_archives`.
    public static let bundleNestedArchives = FactKey("bundle.nested_archives")
    /// `bundle.suspected_bombs`.
    public static let bundleSuspectedBombs = FactKey("bundle.suspected_bombs")
    /// `bundle.overlapping_entries`.
    public static let bundleOverlappingEntries = FactKey("bundle.overlapping_entries")
    /// `bundle.unsupported_compression`.
    public static let bundleUnsupportedCompression = FactKey("bundle.unsupported_compression")
    /// `bundle.unreadable_entries`.
    public static let bundleUnreadableEntries = FactKey("bundle.unreadable_entries")
    /// `bundle.limit_hit`.
    public static let bundleLimitHit = FactKey("bundle.limit_hit")
    /// `bundle.unsafe_name_list`.
    public static let bundleUnsafeNameList = FactKey("bundle.unsafe_name_list")
    /// `bundle.symlink_list`.
    public static let bundleSymlinkList = FactKey("bundle.symlink_list")
    /// `bundle.encrypted_list`.
    public static let bundleEncryptedList = FactKey("bundle.encrypted_list")
    /// `bundle.nested_archive_list`.
    public static let bundleNestedArchiveList = FactKey("bundle.nested_archive_list")
    /// `bundle.suspected_bomb_list`.
    public static let bundleSuspectedBombList = FactKey("bundle.suspected_bomb_list")
    /// `bundle.overlapping_list`.
    public static let bundleOverlappingList = FactKey("bundle.overlapping_list")
    /// `bundle.unreadable_list`.
    public static let bundleUnreadableList = FactKey("bundle.unreadable_list")

    /// `entry.path`.
    public static let entryPath = FactKey("entry.path")
    /// `entry.in_folder`.
    public static let entryInFolder = FactKey("entry.in_folder")
    /// `entry.is_audio`.
    public static let entryIsAudio = FactKey("entry.is_audio")
    /// `entry.is_archive`.
    public static let entryIsArchive = FactKey("entry.is_archive")
    /// `entry.compressed_size`.
    public static let entryCompressedSize = FactKey("entry.compressed_size")
    /// `entry.compression`.
    public static let entryCompression = FactKey("entry.compression")
    /// `entry.compression_ratio`.
    public static let entryCompressionRatio = FactKey("entry.compression_ratio")
    /// `entry.name_encoding`.
    public static let entryNameEncoding = FactKey("entry.name_encoding")
    /// `entry.unsafe_name`.
    public static let entryUnsafeName = FactKey("entry.unsafe_name")
    /// `entry.symlink`.
    public static let entrySymlink = FactKey("entry.symlink")
    /// `entry.encrypted`.
    public static let entryEncrypted = FactKey("entry.encrypted")
    /// `entry.overlaps`.
    public static let entryOverlaps = FactKey("entry.overlaps")
    /// `entry.suspected_bomb`.
    public static let entrySuspectedBomb = FactKey("entry.suspected_bomb")
    /// `entry.size_matches`.
    public static let entrySizeMatches = FactKey("entry.size_matches")

    /// `file.name`.
    public static let fileName = FactKey("file.name")
    /// `file.stem`.
    public static let fileStem = FactKey("file.stem")
    /// `file.extension`.
    public static let fileExtension = FactKey("file.extension")
    /// `file.size`.
    public static let fileSize = FactKey("file.size")
    /// `file.detected_type`.
    public static let fileDetectedType = FactKey("file.detected_type")
    /// `file.extension_matches_content`.
    public static let fileExtensionMatchesContent = FactKey("file.extension_matches_content")

    /// `pdf.version`.
    public static let pdfVersion = FactKey("pdf.version")
    /// `pdf.encrypted`.
    public static let pdfEncrypted = FactKey("pdf.encrypted")
    /// `pdf.readable`.
    public static let pdfReadable = FactKey("pdf.readable")
    /// `pdf.page_count`.
    public static let pdfPageCount = FactKey("pdf.page_count")

    /// `photo.decodes`.
    public static let photoDecodes = FactKey("photo.decodes")
    /// `photo.decode_error`.
    public static let photoDecodeError = FactKey("photo.decode_error")
    /// `photo.faces_measured`.
    public static let photoFacesMeasured = FactKey("photo.faces_measured")
    /// `photo.faces_in_time`.
    public static let photoFacesInTime = FactKey("photo.faces_in_time")
    /// `photo.faces_problem`.
    public static let photoFacesProblem = FactKey("photo.faces_problem")
    /// `photo.faces_problem_zh`.
    public static let photoFacesProblemZh = FactKey("photo.faces_problem_zh")
    /// `photo.face_count`.
    public static let photoFaceCount = FactKey("photo.face_count")
    /// `photo.landmarks_measured`.
    public static let photoLandmarksMeasured = FactKey("photo.landmarks_measured")
    /// `photo.face_area_ratio`.
    public static let photoFaceAreaRatio = FactKey("photo.face_area_ratio")
    /// `photo.face_center_offset`.
    public static let photoFaceCenterOffset = FactKey("photo.face_center_offset")
    /// `photo.face_box`.
    public static let photoFaceBox = FactKey("photo.face_box")
    /// `photo.face_centered_crop`.
    public static let photoFaceCenteredCrop = FactKey("photo.face_centered_crop")
    /// `photo.face_roll`.
    public static let photoFaceRoll = FactKey("photo.face_roll")
    /// `photo.face_level_rotation`.
    public static let photoFaceLevelRotation = FactKey("photo.face_level_rotation")
    /// `photo.face_yaw`.
    public static let photoFaceYaw = FactKey("photo.face_yaw")
    /// `photo.mouth_open`.
    public static let photoMouthOpen = FactKey("photo.mouth_open")
    /// `photo.face_sharpness`.
    public static let photoFaceSharpness = FactKey("photo.face_sharpness")
    /// `photo.face_level`.
    public static let photoFaceLevel = FactKey("photo.face_level")
    /// `photo.face_clipped`.
    public static let photoFaceClipped = FactKey("photo.face_clipped")
    /// `photo.format`.
    public static let photoFormat = FactKey("photo.format")
    /// `photo.width`.
    public static let photoWidth = FactKey("photo.width")
    /// `photo.height`.
    public static let photoHeight = FactKey("photo.height")
    /// `photo.orientation`.
    public static let photoOrientation = FactKey("photo.orientation")
    /// `photo.display_width`.
    public static let photoDisplayWidth = FactKey("photo.display_width")
    /// `photo.display_height`.
    public static let photoDisplayHeight = FactKey("photo.display_height")
    /// `photo.aspect`.
    public static let photoAspect = FactKey("photo.aspect")
    /// `photo.aspect_error`.
    public static let photoAspectError = FactKey("photo.aspect_error")
    /// `photo.short_side`.
    public static let photoShortSide = FactKey("photo.short_side")
    /// `photo.nearest_allowed_aspect`.
    public static let photoNearestAllowedAspect = FactKey("photo.nearest_allowed_aspect")
    /// `photo.crop_to_allowed`.
    public static let photoCropToAllowed = FactKey("photo.crop_to_allowed")
    /// `photo.color_space`.
    public static let photoColorSpace = FactKey("photo.color_space")
    /// `photo.bit_depth`.
    public static let photoBitDepth = FactKey("photo.bit_depth")
    /// `photo.progressive`.
    public static let photoProgressive = FactKey("photo.progressive")
    /// `photo.animated`.
    public static let photoAnimated = FactKey("photo.animated")
    /// `photo.has_alpha`.
    public static let photoHasAlpha = FactKey("photo.has_alpha")

    /// `request.anchor_name`.
    public static let requestAnchorName = FactKey("request.anchor_name")
    /// `request.anchor_name_length`.
    public static let requestAnchorNameLength = FactKey("request.anchor_name_length")
    /// `request.anchor_name_unique`.
    public static let requestAnchorNameUnique = FactKey("request.anchor_name_unique")
    /// `request.sex_type`.
    public static let requestSexType = FactKey("request.sex_type")
    /// `request.notes_length`.
    public static let requestNotesLength = FactKey("request.notes_length")
    /// `request.text_driver_length`.
    public static let requestTextDriverLength = FactKey("request.text_driver_length")
    /// `request.speed`.
    public static let requestSpeed = FactKey("request.speed")
    /// `request.speed_text`.
    public static let requestSpeedText = FactKey("request.speed_text")
    /// `request.is_have_background`.
    public static let requestIsHaveBackground = FactKey("request.is_have_background")
    /// `request.remove_background`.
    public static let requestRemoveBackground = FactKey("request.remove_background")
    /// `request.zeroshort_lang`.
    public static let requestZeroshortLang = FactKey("request.zeroshort_lang")
    /// `request.photo_version`.
    public static let requestPhotoVersion = FactKey("request.photo_version")
    /// `request.audio_id`.
    public static let requestAudioId = FactKey("request.audio_id")

    /// `video.sampled_frames`.
    public static let videoSampledFrames = FactKey("video.sampled_frames")
    /// `video.background`.
    public static let videoBackground = FactKey("video.background")
    /// `video.background_coverage`.
    public static let videoBackgroundCoverage = FactKey("video.background_coverage")
    /// `video.background_uniformity`.
    public static let videoBackgroundUniformity = FactKey("video.background_uniformity")
    /// `video.background_expected`.
    public static let videoBackgroundExpected = FactKey("video.background_expected")
    /// `video.background_keyable`.
    public static let videoBackgroundKeyable = FactKey("video.background_keyable")
    /// `video.faces_measured`.
    public static let videoFacesMeasured = FactKey("video.faces_measured")
    /// `video.faces_in_time`.
    public static let videoFacesInTime = FactKey("video.faces_in_time")
    /// `video.faces_problem`.
    public static let videoFacesProblem = FactKey("video.faces_problem")
    /// `video.faces_problem_zh`.
    public static let videoFacesProblemZh = FactKey("video.faces_problem_zh")
    /// `video.face_frames_ratio`.
    public static let videoFaceFramesRatio = FactKey("video.face_frames_ratio")
    /// `video.face_count_max`.
    public static let videoFaceCountMax = FactKey("video.face_count_max")
    /// `video.face_count_max_at`.
    public static let videoFaceCountMaxAt = FactKey("video.face_count_max_at")
    /// `video.face_missing_at`.
    public static let videoFaceMissingAt = FactKey("video.face_missing_at")
    /// `video.landmarks_measured`.
    public static let videoLandmarksMeasured = FactKey("video.landmarks_measured")
    /// `video.mouth_closed_start`.
    public static let videoMouthClosedStart = FactKey("video.mouth_closed_start")
    /// `video.mouth_open_start_max`.
    public static let videoMouthOpenStartMax = FactKey("video.mouth_open_start_max")
    /// `video.mouth_open_at`.
    public static let videoMouthOpenAt = FactKey("video.mouth_open_at")
    /// `video.head_roll_max`.
    public static let videoHeadRollMax = FactKey("video.head_roll_max")
    /// `video.head_roll_max_at`.
    public static let videoHeadRollMaxAt = FactKey("video.head_roll_max_at")

    /// `container.format`.
    public static let containerFormat = FactKey("container.format")
    /// `container.format_long`.
    public static let containerFormatLong = FactKey("container.format_long")
    /// `container.duration`.
    public static let containerDuration = FactKey("container.duration")
    /// `container.bit_rate`.
    public static let containerBitRate = FactKey("container.bit_rate")
    /// `container.video_streams`.
    public static let containerVideoStreams = FactKey("container.video_streams")
    /// `container.audio_streams`.
    public static let containerAudioStreams = FactKey("container.audio_streams")

    /// `video.codec`.
    public static let videoCodec = FactKey("video.codec")
    /// `video.profile`.
    public static let videoProfile = FactKey("video.profile")
    /// `video.pixel_format`.
    public static let videoPixelFormat = FactKey("video.pixel_format")
    /// `video.bit_depth`.
    public static let videoBitDepth = FactKey("video.bit_depth")
    /// `video.chroma_subsampling`.
    public static let videoChromaSubsampling = FactKey("video.chroma_subsampling")
    /// `video.color_primaries`.
    public static let videoColorPrimaries = FactKey("video.color_primaries")
    /// `video.color_transfer`.
    public static let videoColorTransfer = FactKey("video.color_transfer")
    /// `video.color_range`.
    public static let videoColorRange = FactKey("video.color_range")
    /// `video.hdr`.
    public static let videoHdr = FactKey("video.hdr")
    /// `video.field_order`.
    public static let videoFieldOrder = FactKey("video.field_order")
    /// `video.interlaced`.
    public static let videoInterlaced = FactKey("video.interlaced")
    /// `video.duration`.
    public static let videoDuration = FactKey("video.duration")
    /// `video.width`.
    public static let videoWidth = FactKey("video.width")
    /// `video.height`.
    public static let videoHeight = FactKey("video.height")
    /// `video.sample_aspect_ratio`.
    public static let videoSampleAspectRatio = FactKey("video.sample_aspect_ratio")
    /// `video.rotation`.
    public static let videoRotation = FactKey("video.rotation")
    /// `video.display_width`.
    public static let videoDisplayWidth = FactKey("video.display_width")
    /// `video.display_height`.
    public static let videoDisplayHeight = FactKey("video.display_height")
    /// `video.display_resolution`.
    public static let videoDisplayResolution = FactKey("video.display_resolution")
    /// `video.display_aspect`.
    public static let videoDisplayAspect = FactKey("video.display_aspect")
    /// `video.frame_rate`.
    public static let videoFrameRate = FactKey("video.frame_rate")
    /// `video.frame_rate_min`.
    public static let videoFrameRateMin = FactKey("video.frame_rate_min")
    /// `video.frame_rate_max`.
    public static let videoFrameRateMax = FactKey("video.frame_rate_max")
    /// `video.frame_rate_mode`.
    public static let videoFrameRateMode = FactKey("video.frame_rate_mode")
    /// `video.frame_count`.
    public static let videoFrameCount = FactKey("video.frame_count")
    /// `video.frame_gaps`.
    public static let videoFrameGaps = FactKey("video.frame_gaps")
    /// `video.longest_gap`.
    public static let videoLongestGap = FactKey("video.longest_gap")
    /// `video.frame_timing_source`.
    public static let videoFrameTimingSource = FactKey("video.frame_timing_source")
    /// `video.bit_rate`.
    public static let videoBitRate = FactKey("video.bit_rate")
    /// `video.has_audio`.
    public static let videoHasAudio = FactKey("video.has_audio")
    /// `video.audio_codec`.
    public static let videoAudioCodec = FactKey("video.audio_codec")
    /// `video.audio_sample_rate`.
    public static let videoAudioSampleRate = FactKey("video.audio_sample_rate")
    /// `video.audio_channels`.
    public static let videoAudioChannels = FactKey("video.audio_channels")

    /// `audio.codec`.
    public static let audioCodec = FactKey("audio.codec")
    /// `audio.sample_rate`.
    public static let audioSampleRate = FactKey("audio.sample_rate")
    /// `audio.channels`.
    public static let audioChannels = FactKey("audio.channels")

    /// Every key, in vocabulary order.
    public static let all: [FactKey] = [
        .audioPeakDbfs, .audioRmsDbfs, .audioNoiseFloorDbfs, .audioSnrDb, .audioSnrMethod, .audioSnrUncertaintyDb,
        .audioC50Db, .audioClippingIndex, .audioClippedSamples, .audioLongestClippedRun, .audioSpeechDuration,
        .audioLoudnessLufs, .audioLoudnessRangeLu, .audioTruePeakDbtp, .audioLeadingSilence, .audioTrailingSilence,
        .audioLeadingSilenceDbfs, .audioTrailingSilenceDbfs, .audioDcOffset, .audioChannelCorrelation,
        .audioSilentChannel, .audioTextAccuracy, .audioFormat, .audioBitDepth, .audioSampleFormat, .audioBitRate,
        .audioDuration, .audioFrames, .audioDecoder, .audioComplete, .bundleEntryCount, .bundleFileCount,
        .bundleAudioCount, .bundleNonAudioCount, .bundleTotalUncompressedSize, .bundleAudioSize,
        .bundleCompressionRatio, .bundleHasFolders, .bundleFormats, .bundleLowestSampleRate, .bundleNameEncoding,
        .bundleGuessedEncoding, .bundleUnsafeNames, .bundleSymlinks, .bundleEncryptedEntries, .bundleNestedArchives,
        .bundleSuspectedBombs, .bundleOverlappingEntries, .bundleUnsupportedCompression, .bundleUnreadableEntries,
        .bundleLimitHit, .bundleUnsafeNameList, .bundleSymlinkList, .bundleEncryptedList, .bundleNestedArchiveList,
        .bundleSuspectedBombList, .bundleOverlappingList, .bundleUnreadableList, .entryPath, .entryInFolder,
        .entryIsAudio, .entryIsArchive, .entryCompressedSize, .entryCompression, .entryCompressionRatio,
        .entryNameEncoding, .entryUnsafeName, .entrySymlink, .entryEncrypted, .entryOverlaps, .entrySuspectedBomb,
        .entrySizeMatches, .fileName, .fileStem, .fileExtension, .fileSize, .fileDetectedType,
        .fileExtensionMatchesContent, .pdfVersion, .pdfEncrypted, .pdfReadable, .pdfPageCount, .photoDecodes,
        .photoDecodeError, .photoFacesMeasured, .photoFacesInTime, .photoFacesProblem, .photoFacesProblemZh, .photoFaceCount, .photoLandmarksMeasured,
        .photoFaceAreaRatio, .photoFaceCenterOffset, .photoFaceBox, .photoFaceCenteredCrop, .photoFaceRoll,
        .photoFaceLevelRotation, .photoFaceYaw, .photoMouthOpen, .photoFaceSharpness, .photoFaceLevel,
        .photoFaceClipped, .photoFormat, .photoWidth, .photoHeight, .photoOrientation, .photoDisplayWidth,
        .photoDisplayHeight, .photoAspect, .photoAspectError, .photoShortSide, .photoNearestAllowedAspect,
        .photoCropToAllowed, .photoColorSpace, .photoBitDepth, .photoProgressive, .photoAnimated, .photoHasAlpha,
        .requestAnchorName, .requestAnchorNameLength, .requestAnchorNameUnique, .requestSexType, .requestNotesLength,
        .requestTextDriverLength, .requestSpeed, .requestSpeedText, .requestIsHaveBackground, .requestRemoveBackground,
        .requestZeroshortLang, .requestPhotoVersion, .requestAudioId, .videoSampledFrames, .videoBackground,
        .videoBackgroundCoverage, .videoBackgroundUniformity, .videoBackgroundExpected, .videoBackgroundKeyable,
        .videoFacesMeasured, .videoFacesInTime, .videoFacesProblem, .videoFacesProblemZh, .videoFaceFramesRatio, .videoFaceCountMax, .videoFaceCountMaxAt,
        .videoFaceMissingAt, .videoLandmarksMeasured, .videoMouthClosedStart, .videoMouthOpenStartMax,
        .videoMouthOpenAt, .videoHeadRollMax, .videoHeadRollMaxAt, .containerFormat, .containerFormatLong,
        .containerDuration, .containerBitRate, .containerVideoStreams, .containerAudioStreams, .videoCodec,
        .videoProfile, .videoPixelFormat, .videoBitDepth, .videoChromaSubsampling, .videoColorPrimaries,
        .videoColorTransfer, .videoColorRange, .videoHdr, .videoFieldOrder, .videoInterlaced, .videoDuration,
        .videoWidth, .videoHeight, .videoSampleAspectRatio, .videoRotation, .videoDisplayWidth, .videoDisplayHeight,
        .videoDisplayResolution, .videoDisplayAspect, .videoFrameRate, .videoFrameRateMin, .videoFrameRateMax,
        .videoFrameRateMode, .videoFrameCount, .videoFrameGaps, .videoLongestGap, .videoFrameTimingSource,
        .videoBitRate, .videoHasAudio, .videoAudioCodec, .videoAudioSampleRate, .videoAudioChannels, .audioCodec,
        .audioSampleRate, .audioChannels,
    ]
}
