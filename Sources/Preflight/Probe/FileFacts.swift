import Foundation

/// The facts every file has: name, extension, size and the type its content shows.
public enum FileFacts {
    /// Reads the `file.*` facts. Throws ``ProbeError`` for a missing path or a folder; an empty file is `file.detected_type` = `empty`.
    public static func read(_ url: URL) throws -> Facts {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ProbeError(.missing, FileText.noSuchFile(path))
        }
        guard !isDirectory.boolValue else {
            throw ProbeError(.notAFile, FileText.folderNotFile(path))
        }
        // Opened non-blocking and checked to be a regular file: a FIFO or a device is refused, not waited on.
        let source: FileByteSource
        do {
            source = try FileByteSource(url: url)
        } catch let e as ProbeError where e.kind == .notAFile && e.detail != nil {
            throw ProbeError(.notAFile, FileText.cannotOpenPermissions(path),
                             detail: e.detail)
        }
        let size = Int(source.length)
        var facts = Facts()
        let name = url.lastPathComponent
        let ext = url.pathExtension.lowercased()
        facts.set(.fileName, name)
        facts.set(.fileStem, ext.isEmpty ? name : String(name.dropLast(ext.count + 1)))
        facts.set(.fileExtension, ext)
        facts.set(.fileSize, size)
        let head = source.head(ContentSniffer.headerLength)
        let type = ContentSniffer.detect(head)
        facts.set(.fileDetectedType, type)
        facts.set(.fileExtensionMatchesContent, ContentSniffer.extensions[type]?.contains(ext) ?? false)
        return facts
    }
}

extension URL {
    /// The path as the user gave it, without a leading `./`: how reports name files.
    public var displayPath: String {
        var p = relativePath
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p.isEmpty ? "." : p
    }
}
