import CFFmpeg
import Foundation

/// The hashes and ciphers of the PDF standard security handler, from libavutil.
enum PDFCipher {
    /// MD5 of `data`.
    static func md5(_ data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 16)
        av_md5_sum(&digest, data, data.count)
        return digest
    }

    /// SHA-256 (`bits` 256), SHA-384 (384) or SHA-512 (512) of `data`.
    static func sha(_ data: [UInt8], bits: Int) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: bits / 8)
        if bits == 256 {
            guard let context = av_sha_alloc() else { return digest }
            defer { av_free(UnsafeMutableRawPointer(context)) }
            av_sha_init(context, 256)
            av_sha_update(context, data, data.count)
            av_sha_final(context, &digest)
        } else {
            guard let context = av_sha512_alloc() else { return digest }
            defer { av_free(UnsafeMutableRawPointer(context)) }
            av_sha512_init(context, Int32(bits))
            av_sha512_update(context, data, data.count)
            av_sha512_final(context, &digest)
        }
        return digest
    }

    /// RC4 of `data` under `key` (1…256 bytes); encryption and decryption are the same.
    static func rc4(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        guard (1...256).contains(key.count), !data.isEmpty, data.count <= Int(Int32.max),
              let context = av_rc4_alloc() else { return data }
        defer { av_free(context) }
        var output = [UInt8](repeating: 0, count: data.count)
        guard av_rc4_init(context, key, Int32(key.count * 8), 0) == 0 else { return data }
        av_rc4_crypt(context, &output, data, Int32(data.count), nil, 0)
        return output
    }

    /// AES-CBC without padding of whole 16-byte blocks of `data` (a trailing partial block is dropped).
    /// The key is 16 or 32 bytes and the IV 16 bytes; nil on bad sizes.
    static func aesCBC(key: [UInt8], iv: [UInt8], _ data: [UInt8], decrypt: Bool) -> [UInt8]? {
        guard key.count == 16 || key.count == 32, iv.count == 16, data.count <= Int(Int32.max) else { return nil }
        let blocks = data.count / 16
        guard blocks > 0 else { return [] }
        guard let context = av_aes_alloc() else { return nil }
        defer { av_free(UnsafeMutableRawPointer(context)) }
        guard av_aes_init(context, key, Int32(key.count * 8), decrypt ? 1 : 0) == 0 else { return nil }
        var chain = iv
        var output = [UInt8](repeating: 0, count: blocks * 16)
        av_aes_crypt(context, &output, data, Int32(blocks), &chain, decrypt ? 1 : 0)
        return output
    }

    /// Decrypts AES-CBC data laid out as IV then ciphertext, removing PKCS#7 padding when present.
    static func aesDecryptWithIV(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        guard data.count >= 32 else { return [] }
        guard var plain = aesCBC(key: key, iv: Array(data[0..<16]), Array(data[16...]), decrypt: true) else { return [] }
        if let pad = plain.last, (1...16).contains(pad), Int(pad) <= plain.count,
           plain.suffix(Int(pad)).allSatisfy({ $0 == pad }) {
            plain.removeLast(Int(pad))
        }
        return plain
    }
}
