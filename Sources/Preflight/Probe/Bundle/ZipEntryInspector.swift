import Foundation

/// Measures one file entry of a zip bundle: its stored attributes, then (when it is safe to) its
/// content, decoded straight from the compressed stream.
struct ZipEntryInspector {
    let archive: ZipArchive
    let limits: BundleLimits
    let budget: InflateBudget
    let deadline: ReadDeadline
    let options: ProbeOptions

    /// Why an entry was not read, when it was not.
    enum Hazard: String, Sendable {
        case symlink, encrypted, overlap, bomb, unsupportedCompression, limit
    }

    /// What inspecting an entry found.
    struct Inspection {
        /// What was measured of the entry.
        var measurement: EntryMeasurement
        /// Why its content was not read, if it was not.
        var hazard: Hazard?
    }

    /// Names of compression methods (APPNOTE 4.4.5).
    static func methodName(_ method: UInt16) -> String {
        switch method {
        case 0: return "store"
        case 1: return "shrink"
        case 6: return "implode"
        case 8: return "deflate"
        case 9: return "deflate64"
        case 12: return "bzip2"
        case 14: return "lzma"
        case 93: return "zstd"
        case 95: return "xz"
        case 96: return "jpeg"
        case 97: return "wavpack"
        case 98: return "ppmd"
        case 99: return "aes"
        default: return "method-\(method)"
        }
    }

    /// Extensions of archive files.
    static let archiveExtensions: Set<String> = ["zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "zst", "cab", "z01"]

    /// Whether the first bytes are those of an archive or compressed file.
    static func isArchive(_ head: [UInt8]) -> Bool {
        func starts(_ magic: [UInt8]) -> Bool { ByteReader.starts(head, with: magic) }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) { return true }
        if starts(Array("Rar!".utf8)) || starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || starts([0x1F, 0x8B]) { return true }
        if starts(Array("BZh".utf8)) || starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || starts([0x28, 0xB5, 0x2F, 0xFD]) { return true }
        if starts(Array("MSCF".utf8)) { return true }
        return ByteReader.matches(head, 257, "ustar")
    }

    /// Inspects entry `index`, described by `record`, named `name` (decoded) stored as `encoding`.
    func inspect(_ index: Int, record: ZipDirectoryRecord, name: String, encoding: String, overlaps: Bool) -> Inspection {
        var facts = Facts()
        let fileName = ZipEntryPath.lastComponent(name)
        let ext = (fileName as NSString).pathExtension.lowercased()
        facts.set(.fileName, fileName)
        facts.set(.fileStem, ext.isEmpty ? fileName : String(fileName.dropLast(ext.count + 1)))
        facts.set(.fileExtension, ext)
        facts.set(.fileSize, Double(record.uncompressedSize))
        facts.set(.entryPath, name)
        facts.set(.entryInFolder, ZipEntryPath.isInFolder(name))
        facts.set(.entryNameEncoding, encoding)
        facts.set(.entryUnsafeName, ZipEntryPath.isUnsafe(name))
        facts.set(.entryCompressedSize, Double(record.compressedSize))
        facts.set(.entryCompression, Self.methodName(record.method))
        let ratio = Double(record.uncompressedSize) / Double(max(record.compressedSize, 1))
        facts.set(.entryCompressionRatio, (ratio * 100).rounded() / 100)
        facts.set(.entrySymlink, record.isSymlink)
        facts.set(.entryEncrypted, record.encrypted)
        facts.set(.entryOverlaps, overlaps)
        let bomb = Int64(clamping: record.uncompressedSize) >= limits.ratioCheckMinimumSize && ratio > limits.compressionRatioLimit
        facts.set(.entrySuspectedBomb, bomb)
        func skipped(_ hazard: Hazard, _ error: ProbeError?) -> Inspection {
            Inspection(measurement: EntryMeasurement(name: name, facts: facts, error: error), hazard: hazard)
        }
        if record.isSymlink { return skipped(.symlink, nil) }
        if record.encrypted {
            return skipped(.encrypted, ProbeError(.unreadable, BundleText.encrypted))
        }
        if overlaps {
            return skipped(.overlap, ProbeError(.unreadable, BundleText.overlap))
        }
        if bomb {
            return skipped(.bomb, ProbeError(.limitExceeded, BundleText.ratioOverLimit(
                ratio: FactFormatting.trim(ratio, digits: 0), limit: FactFormatting.trim(limits.compressionRatioLimit, digits: 0))))
        }
        if let compression = archive.compression(index), !compression.supported {
            return skipped(.unsupportedCompression, ProbeError(.unreadable, BundleText.unsupportedMethod(Self.methodName(record.method))))
        }
        if deadline.passed { return skipped(.limit, deadline.error) }
        if budget.remaining <= 0 {
            return skipped(.limit, ProbeError(.limitExceeded, BundleText.bundleBudgetSpent))
        }
        return read(index, record: record, facts: facts, name: name, ext: ext)
    }

    /// Reads the content: sniffs it, decodes audio, then verifies the end of the stream.
    private func read(_ index: Int, record: ZipDirectoryRecord, facts: Facts, name: String, ext: String) -> Inspection {
        var facts = facts
        let source = ZipEntrySource(archive: archive, index: index, declaredSize: Int64(clamping: record.uncompressedSize),
                                    limits: limits, budget: budget, deadline: deadline)
        let head = source.head(512)
        var error = source.failure
        let type = ContentSniffer.detect(head)
        if error == nil { facts.set(.fileDetectedType, type) }
        facts.set(.fileExtensionMatchesContent, ContentSniffer.extensions[type]?.contains(ext) ?? false)
        let archiveLike = Self.isArchive(head) || Self.archiveExtensions.contains(ext)
        facts.set(.entryIsArchive, archiveLike)
        if error == nil, !archiveLike, type != "empty" {
            do {
                let outcome = try AudioStreamReader.read(source, type: type, deadline: deadline, options: options)
                facts.merge(outcome.facts)
                facts.set(.entryIsAudio, true)
                error = outcome.failure ?? source.failure
            } catch let e as ProbeError {
                // Not audio; or audio that cannot be decoded; or stopped by a limit (then unknown).
                switch e.kind {
                case .wrongKind: facts.set(.entryIsAudio, false)
                case .unreadable where source.failure == nil: facts.set(.entryIsAudio, ContentSniffer.audioTypes.contains(type))
                default: break
                }
                if e.kind != .wrongKind { error = source.failure ?? e }
            } catch {}
        } else if error == nil {
            facts.set(.entryIsAudio, false)
        }
        // Inflate to the declared end and one byte on: shows a CRC mismatch or a size lie.
        if error == nil {
            source.verifyEnd()
            error = source.failure
            if error == nil { facts.set(.entrySizeMatches, !source.longerThanDeclared) }
        }
        var hazard: Hazard?
        if source.longerThanDeclared {
            facts.set(.entrySuspectedBomb, true)
            hazard = .bomb
            error = ProbeError(.limitExceeded, BundleText.inflatesBeyondDeclared(record.uncompressedSize))
        } else if source.limitHit {
            hazard = .limit
        }
        return Inspection(measurement: EntryMeasurement(name: name, facts: facts, error: error), hazard: hazard)
    }
}
