import Foundation

/// A cheap identity of a file's content: its size and a hash of three 64 KiB samples (start, middle, end).
///
/// Two copies of the same take under different names get the same identity, so a run measures them
/// once. Media files that differ almost always differ in size or in those samples; a collision would
/// at worst reuse another file's measurements, which the identity's size check makes very unlikely.
struct FileIdentity: Hashable, Sendable {
    let size: Int
    let sampleHash: UInt64

    /// Reads the identity of a file, or nil when it cannot be opened or is not a regular file (a
    /// FIFO is never waited on).
    init?(_ url: URL) {
        guard let source = try? FileByteSource(url: url) else { return nil }
        size = Int(source.length)
        let chunk = 64 * 1024
        var hash = FNV1a()
        for offset in Set([0, max(0, size / 2 - chunk / 2), max(0, size - chunk)]).sorted() {
            source.bytes(at: Int64(offset), count: chunk).withUnsafeBytes { hash.add(words: $0) }
        }
        sampleHash = hash.value
    }
}
