import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Glibc `iconv` converter from a legacy code page to UTF-8. Owns the `iconv_t`.
/// (Foundation on Linux has no CFString converters for GBK or CP437.)
final class TextEncodingConverter {
    private let handle: iconv_t

    /// A converter from `encoding` (an iconv name such as `GBK` or `CP437`), or nil if iconv lacks it.
    init?(from encoding: String) {
        let h = iconv_open("UTF-8", encoding)
        guard let h, Int(bitPattern: h) != -1 else { return nil }
        handle = h
    }

    deinit { iconv_close(handle) }

    /// The text of `bytes`, or nil when they are not valid in the source encoding.
    func decode(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "" }
        _ = iconv(handle, nil, nil, nil, nil)
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Bool in
            output.withUnsafeMutableBufferPointer { outBuffer -> Bool in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count - 1
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                return result != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        let produced = output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: produced, as: UTF8.self)
    }
}
