import CZip
import Foundation

/// Bytes inflated so far from a whole bundle, against its limit. Shared by the entries of one
/// bundle, which may be read on several threads.
final class InflateBudget: @unchecked Sendable {
    private var left: Int64
    private let lock = NSLock()

    init(limit: Int64) { left = limit }

    /// Bytes still allowed.
    var remaining: Int64 { lock.withLock { left } }

    /// Takes `count` bytes from the budget; false (and the budget spent) when there are not enough.
    func take(_ count: Int64) -> Bool {
        lock.withLock {
            guard count <= left else { left = 0; return false }
            left -= count
            return true
        }
    }
}

/// A zip entry as an ``ByteSource``, read straight from the compressed stream, never extracted.
///
/// A deflated entry cannot seek, so seeks are emulated: forward by inflating and discarding,
/// backward by reopening the entry (bounded) — except into its first bytes, which are kept in
/// memory. Reads stop at the declared size; bytes inflated are capped per entry and per bundle.
final class ZipEntrySource: ByteSource {
    let length: Int64
    var position: Int64 = 0
    private(set) var failure: ProbeError?
    /// Whether a limit (bytes, time) stopped the reading.
    private(set) var limitHit = false
    /// Whether the entry turned out to hold more bytes than declared.
    private(set) var longerThanDeclared = false
    /// Times the entry was reopened for a backward seek.
    private(set) var reopens = 0

    private let archive: ZipArchive
    private let index: Int
    private let limits: BundleLimits
    private let budget: InflateBudget
    private let deadline: ReadDeadline
    private var stream: ZipEntryStream?
    /// Bytes delivered by the current stream: its own position.
    private var physical: Int64 = 0
    private var inflated: Int64 = 0
    private var head: [UInt8] = []
    private let scratch: UnsafeMutableRawPointer
    private static let scratchSize = 1 << 16

    /// A source over entry `index`, whose declared uncompressed size is `declaredSize`.
    init(archive: ZipArchive, index: Int, declaredSize: Int64, limits: BundleLimits, budget: InflateBudget, deadline: ReadDeadline) {
        self.archive = archive
        self.index = index
        self.length = max(0, declaredSize)
        self.limits = limits
        self.budget = budget
        self.deadline = deadline
        scratch = .allocate(byteCount: Self.scratchSize, alignment: 16)
        head.reserveCapacity(min(Int(length), limits.headCacheSize))
    }

    deinit { scratch.deallocate() }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failure != nil { return -1 }
        guard position < length, count > 0 else { return 0 }
        let want = Int(min(Int64(count), length - position))
        if position < Int64(head.count) {
            let n = min(want, head.count - Int(position))
            head.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + Int(position), byteCount: n) }
            position += Int64(n)
            return n
        }
        if position < physical || stream == nil {
            guard reopen() else { return -1 }
        }
        while physical < position {
            let n = pull(into: scratch, count: Int(min(Int64(Self.scratchSize), position - physical)))
            if n <= 0 { return n < 0 ? -1 : 0 }
        }
        let n = pull(into: buffer, count: want)
        if n > 0 { position += Int64(n) }
        return n
    }

    /// After decoding: inflates what the decoder left (bounded by the limits), then asks for one
    /// byte more, which shows a CRC mismatch or more data than declared.
    func verifyEnd() {
        guard failure == nil else { return }
        if stream == nil || physical > length { guard reopen() else { return } }
        while physical < length {
            let n = pull(into: scratch, count: Int(min(Int64(Self.scratchSize), length - physical)))
            if n < 0 { return }
            if n == 0 {
                fail(.unreadable, BundleText.entryShort)
                return
            }
        }
        switch stream!.read(into: scratch, count: 1) {
        case .success(let n) where n > 0:
            longerThanDeclared = true
        case .success: break
        case .failure(let e): fail(e)
        }
    }

    /// Inflates up to `count` bytes from the stream at its own position, accounting every byte.
    private func pull(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if deadline.passed { limitHit = true; failure = deadline.error; return -1 }
        guard inflated + Int64(count) <= limits.entryInflateLimit, budget.take(Int64(count)) else {
            limitHit = true
            fail(.limitExceeded, BundleText.entryBudgetSpent)
            return -1
        }
        switch stream!.read(into: buffer, count: count) {
        case .failure(let e):
            fail(e)
            return -1
        case .success(let n):
            if n > 0, head.count < limits.headCacheSize, physical == Int64(head.count) {
                let keep = min(n, limits.headCacheSize - head.count)
                head.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: keep))
            }
            physical += Int64(n)
            inflated += Int64(n)
            return n
        }
    }

    private func reopen() -> Bool {
        if stream != nil { reopens += 1 }
        guard reopens <= limits.reopenLimit else {
            limitHit = true
            fail(.limitExceeded, BundleText.tooManySeeks)
            return false
        }
        stream = nil
        physical = 0
        switch archive.open(index) {
        case .success(let s): stream = s; return true
        case .failure(let e): fail(e); return false
        }
    }

    private func fail(_ e: ZipArchiveError) {
        if e.code == ZIP_ER_CRC {
            fail(.unreadable, BundleText.crcMismatch, detail: e.message)
        } else {
            fail(.unreadable, BundleText.cannotInflate, detail: e.message)
        }
    }

    private func fail(_ kind: ProbeError.Kind, _ message: LocalizedText, detail: String? = nil) {
        if failure == nil { failure = ProbeError(kind, message, detail: detail) }
    }
}
