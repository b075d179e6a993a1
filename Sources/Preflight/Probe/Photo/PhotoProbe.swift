import Foundation

/// Measures a photo (IMAGE_PHOTO material): from its headers and metadata the format by content,
/// stored and displayed size (after the EXIF orientation), shape, colour space, bit depth,
/// progressive/interlaced, animation and alpha; then, from every pixel decoded, whether the image
/// data is intact and the faces in it (``PhotoContent``).
///
/// JPEG is read with libjpeg (never decoding pixels; its error handler never exits the process),
/// PNG by its chunks with CRC checks, WebP with libwebp's header API. GIF, BMP, TIFF, HEIC, AVIF
/// and JPEG XL are named (with their size where a few bytes tell it) so the rules refuse them with a fix.
public enum PhotoProbe {
    /// The `photo.*` facts of a file (the caller adds `file.*` with ``FileFacts/read(_:)``).
    ///
    /// - Throws: ``ProbeError`` — `.empty` for a zero-byte file, `.wrongKind` for content that is
    ///   not an image format at all, `.unreadable` for a damaged or cut-short photo (with the
    ///   library's message as detail), `.limitExceeded` for declared dimensions beyond
    ///   ``ProbeOptions/photoMaxSide`` or ``ProbeOptions/photoMaxPixels``.
    public static func facts(of url: URL, options: ProbeOptions = ProbeOptions()) throws -> Facts {
        try facts(of: PhotoFile(url), name: url.lastPathComponent, options: options)
    }

    /// The same facts from bytes in memory (for tests, fuzzing, and callers that hold the photo
    /// already). Nothing touches the disk.
    public static func facts(of data: Data, options: ProbeOptions = ProbeOptions()) throws -> Facts {
        try facts(of: PhotoFile(data: data), name: "photo", options: options)
    }

    /// Header facts, then, when ``ProbeOptions/content`` is on, the content facts of
    /// ``PhotoContent`` (every pixel decoded; faces, sharpness, exposure), the face search within
    /// ``ProbeOptions/timeout`` of the start.
    static func facts(of file: PhotoFile, name: String, options: ProbeOptions) throws -> Facts {
        let deadline = ReadDeadline(seconds: options.timeout)
        let photo = try header(of: file, name: name, options: options)
        var facts = photo.facts
        if options.content { facts.merge(PhotoContent.facts(file, header: photo, deadline: deadline)) }
        return facts
    }

    /// The header read of a file, before it becomes facts.
    static func header(of url: URL, options: ProbeOptions = ProbeOptions()) throws -> PhotoHeader {
        try header(of: PhotoFile(url), name: url.lastPathComponent, options: options)
    }

    static func header(of file: PhotoFile, name: String, options: ProbeOptions) throws -> PhotoHeader {
        guard file.size > 0 else { throw PhotoError.empty(name) }
        guard let format = PhotoFormat.sniff(file.head) else {
            throw PhotoError.notAPhoto(ContentSniffer.detect(file.head))
        }
        let photo: PhotoHeader
        switch format {
        case .jpeg: photo = try JPEGPhoto.read(file, options: options)
        case .png: photo = try PNGPhoto.read(file, options: options)
        case .webp: photo = try WebPPhoto.read(file, options: options)
        default: photo = RefusedPhotoFormats.read(file, format: format)
        }
        if let w = photo.width, let h = photo.height { try PhotoError.checkLimits(width: w, height: h, options: options) }
        return photo
    }
}
