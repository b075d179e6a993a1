import CZip
import Foundation

/// A zip opened read-only by libzip. Owns the `zip_t` and discards it on deinit (nothing is ever
/// written). Not thread-safe: libzip does no locking, so one archive per task.
final class ZipArchive {
    private let handle: OpaquePointer
    /// The bytes a zip in memory is read from, kept alive as long as the handle.
    private let bytes: ZipBytes?

    /// Opens the zip at `url`; throws ``ProbeError`` `unreadable` with libzip's message.
    init(url: URL) throws {
        var code: Int32 = 0
        guard let handle = zip_open(url.path, ZIP_RDONLY, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw Self.unreadable(&error)
        }
        self.handle = handle
        bytes = nil
    }

    /// Opens a zip in memory through a libzip buffer source (which never frees or writes the bytes).
    init(bytes: ZipBytes) throws {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(bytes.buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            throw Self.unreadable(&error)
        }
        guard let handle = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)  // only a successful open takes the source over
            throw Self.unreadable(&error)
        }
        self.handle = handle
        self.bytes = bytes
    }

    deinit { zip_discard(handle) }

    private static func unreadable(_ error: inout zip_error_t) -> ProbeError {
        ProbeError(.unreadable, BundleText.notAZip,
            detail: String(cString: zip_error_strerror(&error)))
    }

    /// Entries libzip found.
    var entryCount: Int { Int(max(0, zip_get_num_entries(handle, 0))) }

    /// The compression method libzip reports for an entry, and whether it can inflate it.
    func compression(_ index: Int) -> (method: Int32, supported: Bool)? {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(handle, zip_uint64_t(index), 0, &stat) == 0 else { return nil }
        let method = Int32(stat.comp_method)
        return (method, zip_compression_method_supported(method, 0) != 0)
    }

    /// Opens an entry for reading: the stream, or libzip's error code and message.
    func open(_ index: Int) -> Result<ZipEntryStream, ZipArchiveError> {
        guard let file = zip_fopen_index(handle, zip_uint64_t(index), 0) else {
            let error = zip_get_error(handle)!
            let result = ZipArchiveError(code: zip_error_code_zip(error), message: String(cString: zip_error_strerror(error)))
            zip_error_clear(handle)
            return .failure(result)
        }
        return .success(ZipEntryStream(archive: self, file: file))
    }
}

/// libzip's error for an entry that could not be opened or read.
struct ZipArchiveError: Error, Equatable {
    /// `ZIP_ER_*`.
    var code: Int32
    /// libzip's text.
    var message: String
}

/// One open entry of a ``ZipArchive``: inflated bytes in order, no seeking. Owns the `zip_file_t`
/// and keeps the archive alive.
final class ZipEntryStream {
    private let archive: ZipArchive
    private let file: OpaquePointer

    init(archive: ZipArchive, file: OpaquePointer) { self.archive = archive; self.file = file }

    deinit { zip_fclose(file) }

    /// Reads up to `count` inflated bytes: the count, 0 at the end, or libzip's error (a CRC
    /// mismatch shows only on the read after the last byte).
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Result<Int, ZipArchiveError> {
        let n = zip_fread(file, buffer, zip_uint64_t(count))
        if n >= 0 { return .success(Int(n)) }
        let error = zip_file_get_error(file)!
        return .failure(ZipArchiveError(code: zip_error_code_zip(error), message: String(cString: zip_file_strerror(file))))
    }
}
