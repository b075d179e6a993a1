import Foundation

/// One record of a zip's central directory, as stored (names as raw bytes).
struct ZipDirectoryRecord: Sendable, Equatable {
    /// The name's bytes, undecoded.
    var rawName: [UInt8]
    /// General-purpose flags (bit 0: encrypted, bit 11: name is UTF-8).
    var flags: UInt16
    /// Compression method (0 store, 8 deflate …).
    var method: UInt16
    /// Declared compressed size.
    var compressedSize: UInt64
    /// Declared uncompressed size.
    var uncompressedSize: UInt64
    /// Offset of the local header.
    var localHeaderOffset: UInt64
    /// External attributes (Unix mode in the high 16 bits when made on Unix).
    var externalAttributes: UInt32
    /// The "version made by" field; the high byte is the host system (3 = Unix).
    var madeBy: UInt16
    /// The UTF-8 name of an Info-ZIP Unicode Path extra field (0x7075), if present.
    var unicodePath: [UInt8]?

    /// Whether the name is flagged as UTF-8.
    var utf8Flag: Bool { flags & 0x0800 != 0 }
    /// Whether the entry is encrypted.
    var encrypted: Bool { flags & 0x0001 != 0 }
    /// Whether the entry is a Unix symbolic link.
    var isSymlink: Bool { madeBy >> 8 == 3 && (externalAttributes >> 16) & 0o170000 == 0o120000 }
    /// Whether the entry is a folder.
    var isDirectory: Bool {
        rawName.last == UInt8(ascii: "/") || rawName.last == UInt8(ascii: "\\")
            || (madeBy >> 8 == 3 && (externalAttributes >> 16) & 0o170000 == 0o040000)
            || (madeBy >> 8 == 0 && externalAttributes & 0x10 != 0 && uncompressedSize == 0)
    }
}

/// The central directory of a zip, read by hand before libzip sees the file: it bounds the work
/// (entry count, directory size), gives the local-header offsets libzip hides (to find
/// overlapping entries) and the raw names and flags (to guess their encoding).
struct ZipDirectory: Sendable {
    /// The records, in directory order (the same order as libzip's indices).
    var records: [ZipDirectoryRecord]
    /// Whether zip64 structures were used.
    var zip64: Bool

    /// Reads the directory of the zip whose bytes `source` gives.
    ///
    /// - Throws: ``ProbeError`` `unreadable` for a missing or damaged end record or directory
    ///   (truncated archives), `limitExceeded` when a limit would be passed.
    static func read(_ source: ByteSource, limits: BundleLimits) throws -> ZipDirectory {
        let fileSize = UInt64(max(0, source.length))
        func bytes(at offset: UInt64, count: Int) -> [UInt8] {
            guard offset < fileSize, count > 0 else { return [] }
            return source.bytes(at: Int64(offset), count: count)
        }
        let tailLength = Int(min(fileSize, 22 + 65_535 + 20))
        let tailStart = fileSize - UInt64(tailLength)
        let tail = bytes(at: tailStart, count: tailLength)
        guard let end = endRecord(in: tail) else { throw truncated(nil) }
        var r = ByteReader(tail, at: end + 4)
        let disk = r.u16(), directoryDisk = r.u16(), _ = r.u16()
        var count = UInt64(r.u16())
        var directorySize = UInt64(r.u32()), directoryOffset = UInt64(r.u32())
        let endOffset = tailStart + UInt64(end)
        var zip64 = false
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF, end >= 20 {
            var locator = ByteReader(tail, at: end - 20)
            if locator.u32() == 0x0706_4b50 {
                _ = locator.u32()
                let recordOffset = locator.u64()
                var record = ByteReader(bytes(at: recordOffset, count: 56), at: 0)
                guard record.u32() == 0x0606_4b50 else { throw truncated("zip64 end of central directory record missing") }
                _ = record.u64(); _ = record.u16(); _ = record.u16(); _ = record.u32(); _ = record.u32(); _ = record.u64()
                count = record.u64(); directorySize = record.u64(); directoryOffset = record.u64()
                zip64 = true
            }
        }
        guard disk == 0 || disk == 0xFFFF, directoryDisk == 0 || directoryDisk == 0xFFFF else {
            throw ProbeError(.unreadable, BundleText.split)
        }
        guard count <= UInt64(limits.entryLimit) else {
            throw ProbeError(.limitExceeded, BundleText.tooManyEntries(count, limit: limits.entryLimit))
        }
        guard directorySize <= UInt64(limits.directoryByteLimit) else {
            throw ProbeError(.limitExceeded, BundleText.directoryTooLarge(bytes: directorySize))
        }
        // Data prepended to the zip (a self-extractor stub) shifts every offset by the same amount.
        let directoryEnd = zip64 ? nil : directoryOffset + directorySize
        let shift = directoryEnd.map { endOffset > $0 ? endOffset - $0 : 0 } ?? 0
        // Every term is checked against the file size first, so the sum cannot overflow.
        guard directoryOffset <= fileSize, shift <= fileSize, directoryOffset + shift + directorySize <= fileSize else {
            throw truncated("central directory outside the file")
        }
        let directory = bytes(at: directoryOffset + shift, count: Int(directorySize))
        guard directory.count == Int(directorySize) else { throw truncated("central directory cut short") }
        var records: [ZipDirectoryRecord] = []
        records.reserveCapacity(Int(count))
        var d = ByteReader(directory, at: 0)
        for _ in 0..<count {
            guard let record = d.centralRecord() else { throw truncated("central directory record \(records.count + 1) of \(count) damaged") }
            var shifted = record
            shifted.localHeaderOffset += shift
            records.append(shifted)
        }
        return ZipDirectory(records: records, zip64: zip64)
    }

    /// The position of the end-of-central-directory record in `tail`, searching backwards.
    static func endRecord(in tail: [UInt8]) -> Int? {
        guard tail.count >= 22 else { return nil }
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4b, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                let commentLength = Int(tail[i + 20]) | Int(tail[i + 21]) << 8
                if i + 22 + commentLength <= tail.count { return i }
            }
            i -= 1
        }
        return nil
    }

    static func truncated(_ detail: String?) -> ProbeError {
        ProbeError(.unreadable, BundleText.truncated,
            detail: detail)
    }

    /// Pairs of records whose data regions overlap (sorted by offset); the indices of every record involved.
    func overlappingIndices() -> Set<Int> {
        let order = records.indices.sorted { records[$0].localHeaderOffset < records[$1].localHeaderOffset }
        var result = Set<Int>()
        var furthest: (end: UInt64, index: Int)?
        for i in order {
            let r = records[i]
            // The data ends at least here; the local header's own extra field only adds to it.
            let end = r.localHeaderOffset &+ 30 &+ UInt64(r.rawName.count) &+ r.compressedSize
            if let f = furthest, r.localHeaderOffset < f.end {
                result.insert(i); result.insert(f.index)
            }
            if furthest == nil || end > furthest!.end { furthest = (end, i) }
        }
        return result
    }
}

extension ByteReader {
    /// One central directory file header, or nil when it is not one or is cut short.
    mutating func centralRecord() -> ZipDirectoryRecord? {
        guard u32() == 0x0201_4b50 else { return nil }
        let madeBy = u16(); _ = u16()
        let flags = u16(), method = u16()
        _ = u32(); _ = u32()
        var compressed = UInt64(u32()), uncompressed = UInt64(u32())
        let nameLength = Int(u16()), extraLength = Int(u16()), commentLength = Int(u16())
        _ = u16(); _ = u16()  // disk number start, internal attributes
        let external = u32()
        var offset = UInt64(u32())
        let name = take(nameLength)
        let extra = take(extraLength)
        _ = take(commentLength)
        guard !short else { return nil }
        var unicodePath: [UInt8]?
        var e = ByteReader(extra, at: 0)
        while e.offset + 4 <= extra.count {
            let id = e.u16(), size = Int(e.u16())
            var field = ByteReader(e.take(size), at: 0)
            if e.short { break }
            if id == 0x0001 {
                if uncompressed == 0xFFFF_FFFF { uncompressed = field.u64() }
                if compressed == 0xFFFF_FFFF { compressed = field.u64() }
                if offset == 0xFFFF_FFFF { offset = field.u64() }
            } else if id == 0x7075, size > 5 {
                _ = field.u8(); _ = field.u32()
                unicodePath = field.take(size - 5)
            }
        }
        return ZipDirectoryRecord(rawName: name, flags: flags, method: method, compressedSize: compressed,
                                  uncompressedSize: uncompressed, localHeaderOffset: offset, externalAttributes: external,
                                  madeBy: madeBy, unicodePath: unicodePath)
    }
}
