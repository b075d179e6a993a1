import Foundation

/// Safety limits for reading a zip bundle. Each, when hit, becomes a fact and a finding, never a hang
/// or a crash. The user-facing ones come from ``ProbeOptions``; the rest are fixed here.
struct BundleLimits: Sendable, Equatable {
    /// Most entries a central directory may declare before the bundle is refused unread.
    var entryLimit = 10_000
    /// Largest central directory read, in bytes.
    var directoryByteLimit = 64 << 20
    /// Most bytes inflated from one entry (backward seeks that reopen it count again).
    var entryInflateLimit: Int64 = 2 << 30
    /// Most bytes inflated from the whole bundle.
    var bundleInflateLimit: Int64 = 4 << 30
    /// Declared uncompressed over compressed size above which an entry is refused as a bomb.
    var compressionRatioLimit = 100.0
    /// Entries smaller than this are never refused by ratio (tiny files compress oddly).
    var ratioCheckMinimumSize: Int64 = 1 << 20
    /// Most times one entry may be reopened to emulate a backward seek.
    var reopenLimit = 16
    /// Bytes of an entry's start kept in memory, so that header re-reads need no reopen.
    var headCacheSize = 256 << 10
    /// Entries read at the same time, each through its own libzip handle (decoding and analysis
    /// dominate the time; memory grows by about 1 MiB per reader).
    var parallelReaders = min(2, AvailableProcessors.count)

    /// The defaults.
    static let standard = BundleLimits()

    /// The defaults with the limits a caller may set taken from `options`.
    init(_ options: ProbeOptions) {
        entryLimit = max(0, options.zipEntryLimit)
        entryInflateLimit = max(0, options.zipEntryInflateLimit)
        bundleInflateLimit = max(0, options.zipInflateLimit)
        compressionRatioLimit = options.zipCompressionRatioLimit
        parallelReaders = min(2, max(1, options.threads))
    }

    /// The defaults.
    init() {}
}
