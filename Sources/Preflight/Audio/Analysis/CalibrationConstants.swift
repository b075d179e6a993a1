/// The constants of the analysis that the calibration target (`PreflightCalibration`) builds its ground
/// truth with, so that truth and analysis count speech and correct C50 the same way.
@_spi(Calibration) public enum CalibrationConstants {
    /// Pauses up to this many 20 ms frames are bridged inside a speech segment.
    public static let pauseBridgeFrames = SpeechSegmenter.bridge
    /// Segments shorter than this many 20 ms frames are dropped as clicks.
    public static let shortestSegmentFrames = SpeechSegmenter.shortest
    /// The C50 correction raw = slope · C50 + offset of ``ReverberationEstimator``.
    public static let reverberationSlope = ReverberationEstimator.slope
    /// See ``reverberationSlope``.
    public static let reverberationOffset = ReverberationEstimator.offset
}
