import Foundation

/// Limits on the work done for one file: every reader of a user's file stays within them. Each has
/// a safe default and can be raised or lowered; when one is hit the file gets a finding
/// (`input.limit_exceeded`, or a `bundle.*` fact for one zip entry), never a crash, a hang or an
/// unbounded allocation.
///
/// The limits of rule files and manifests (include depth, file size, YAML nodes after alias
/// expansion) are ``RuleSetLoader/includeDepthLimit``, ``RuleSetLoader/fileSizeLimit`` and ``YAMLLimits``.
public struct ProbeOptions: Sendable, Equatable {
    /// Wall-clock seconds allowed per file (`--timeout`).
    public var timeout: Double = 60
    /// Most packets read when timing frames of a container without a sample index (`--max-packets`).
    public var packetLimit = 2_000_000
    /// Most streams a container may declare (`--max-streams`).
    public var streamLimit = 64
    /// Bytes libavformat may read to recognise a container.
    public var probeSize = 5_000_000
    /// The largest single allocation libav may make, in bytes: bounds the sample index a damaged
    /// mp4 declares. Applied process-wide through `av_max_alloc` (libavutil has one setting).
    public var maxAllocation = 64 << 20

    /// Most bytes inflated from one zip entry (`--max-entry-inflated-bytes`).
    public var zipEntryInflateLimit: Int64 = 2 << 30
    /// Most bytes inflated from a whole zip bundle (`--max-inflated-bytes`).
    public var zipInflateLimit: Int64 = 4 << 30
    /// Most entries a zip may declare before it is refused unread (`--max-zip-entries`).
    public var zipEntryLimit = 10_000
    /// Declared uncompressed over compressed size above which an entry (of at least 1 MiB) is
    /// refused as a bomb without inflating it (`--max-compression-ratio`).
    public var zipCompressionRatioLimit = 100.0

    /// The longest side a photo may declare, in pixels (`--max-image-side`).
    public var photoMaxSide = PhotoLimits.maxSide
    /// The most pixels a photo may declare (`--max-image-pixels`).
    public var photoMaxPixels = PhotoLimits.maxPixels

    /// Whether pictures are looked at (`--no-content` turns it off): a photo's pixels decoded in full
    /// and searched for faces (`photo.decodes`, `photo.face_*`), and, in a check, a sample of a
    /// video's frames (``VideoContent``). Off, only headers are read.
    public var content = true

    /// Whether a video's frames are sampled and decoded (``VideoContent``: background, faces) when
    /// ``content`` is on. Off by default, so a bare probe reads headers only;
    /// ``Preflight/check(_:rules:options:strict:location:)`` and ``BatchCheck`` turn it on.
    public var videoContent = false

    /// The largest PDF read, in bytes (it is read into memory whole).
    public var pdfByteLimit = 64 << 20

    /// Threads the measuring of one file may use: at 2 or more, audio analysis runs its 8 kHz half
    /// on a second thread and a zip bundle is read by two readers at once; at 1 everything runs on
    /// the caller's thread. ``BatchCheck`` divides its `jobs` among the files measured at the same
    /// time, so `--jobs N` keeps N cores busy, not more.
    public var threads: Int {
        get { requestedThreads ?? AvailableProcessors.count }
        set { requestedThreads = newValue }
    }
    /// The threads set, if any: the default is read only when it is used (the processor count is read
    /// from cgroup files, which a photo probe has no use for).
    private var requestedThreads: Int?

    /// Where readers report how far each file has come, for a progress display (none by default).
    public var progress: ProbeProgress?

    /// The defaults: 60 s, 2 million packets, 64 streams, 64 MiB per libav allocation; zips: 2 GiB
    /// inflated per entry, 4 GiB per bundle, 10 000 entries, ratio 100; photos: 30 000 px per
    /// side, 400 megapixels; PDFs: 64 MiB.
    public init() {}
}
