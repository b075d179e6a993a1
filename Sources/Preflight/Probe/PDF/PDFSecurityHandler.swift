import Foundation

/// The standard security handler (ISO 32000-2 §7.6.4), asked one question: does the empty user
/// password open the file? Files with only an owner password do; files with a user password do not.
///
/// When the empty password works, the file key is kept so encrypted object streams can be read.
struct PDFSecurityHandler {
    /// How stream data is encrypted.
    enum Method {
        case identity, rc4, aes128, aes256
    }

    /// Whether the content can be read without a password.
    let readable: Bool
    /// The file encryption key, when ``readable``.
    let fileKey: [UInt8]?
    /// How streams are encrypted.
    let streamMethod: Method
    /// True when the password could not be tried because libavutil (the ciphers) cannot be loaded.
    private(set) var ciphersMissing = false

    /// The 32-byte padding string of Algorithm 2.
    static let padding: [UInt8] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ]

    /// Reads the encryption dictionary (already resolved, `resolve` for its inner references) and
    /// tries the empty user password. `firstID` is the first string of the trailer's /ID.
    init(encrypt: [String: PDFObject], firstID: [UInt8], resolve: (PDFObject) -> PDFObject) {
        func value(_ key: String) -> PDFObject { resolve(encrypt[key] ?? .null) }
        let v = value("V").integer ?? 0
        let r = value("R").integer ?? 0
        let owner = value("O").string ?? []
        let user = value("U").string ?? []
        streamMethod = PDFSecurityHandler.method(encrypt, v: v, resolve: resolve)
        guard value("Filter").name == "Standard" else {
            (readable, fileKey) = (false, nil)
            return
        }
        guard LazyLibraries.available(.avutil) else {
            (readable, fileKey, ciphersMissing) = (false, nil, true)
            return
        }
        let key: [UInt8]?
        switch r {
        case 2, 3, 4:
            let length = PDFSecurityHandler.keyLength(encrypt, v: v, r: r, resolve: resolve)
            let permissions = UInt32(truncatingIfNeeded: value("P").integer ?? 0)
            let encryptMetadata = value("EncryptMetadata") != .bool(false)
            let candidate = PDFSecurityHandler.legacyKey(
                owner: owner, permissions: permissions, firstID: firstID, r: r, length: length,
                encryptMetadata: encryptMetadata)
            key = PDFSecurityHandler.legacyUserCheck(key: candidate, user: user, firstID: firstID, r: r) ? candidate : nil
        case 5, 6:
            key = PDFSecurityHandler.modernKey(user: user, userKey: value("UE").string ?? [], r: r)
        default:
            key = nil
        }
        (readable, fileKey) = (key != nil, key)
    }

    /// Decrypts the raw data of stream `reference` (no-op for identity, nil key or bad sizes).
    func decrypt(_ data: [UInt8], reference: PDFReference) -> [UInt8] {
        guard let key = fileKey else { return data }
        switch streamMethod {
        case .identity: return data
        case .aes256: return PDFCipher.aesDecryptWithIV(key: key, data)
        case .rc4, .aes128:
            // Algorithm 1: the object key is MD5(file key, object number, generation [, "sAlT"]).
            var material = key
            material += [0, 8, 16].map { UInt8(truncatingIfNeeded: reference.number >> $0) }
            material += [0, 8].map { UInt8(truncatingIfNeeded: reference.generation >> $0) }
            if streamMethod == .aes128 { material += [0x73, 0x41, 0x6C, 0x54] }
            let objectKey = Array(PDFCipher.md5(material).prefix(min(key.count + 5, 16)))
            if streamMethod == .rc4 { return PDFCipher.rc4(key: objectKey, data) }
            return PDFCipher.aesDecryptWithIV(key: objectKey, data)
        }
    }

    // MARK: Revisions 2–4 (RC4 and AES-128)

    /// Algorithm 2: the file key from the padded password (here empty), /O, /P and the first /ID.
    static func legacyKey(
        owner: [UInt8], permissions: UInt32, firstID: [UInt8], r: Int, length: Int, encryptMetadata: Bool
    ) -> [UInt8] {
        var input = padding
        input += owner.prefix(32) + [UInt8](repeating: 0, count: max(0, 32 - owner.count))
        input += [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: permissions >> UInt32($0)) }
        input += firstID
        if r >= 4 && !encryptMetadata { input += [0xFF, 0xFF, 0xFF, 0xFF] }
        var hash = PDFCipher.md5(input)
        let n = r == 2 ? 5 : length
        if r >= 3 {
            for _ in 0..<50 { hash = PDFCipher.md5(Array(hash.prefix(n))) }
        }
        return Array(hash.prefix(n))
    }

    /// Algorithms 4 and 5: whether `key` reproduces /U.
    static func legacyUserCheck(key: [UInt8], user: [UInt8], firstID: [UInt8], r: Int) -> Bool {
        if r == 2 {
            return user.count >= 32 && PDFCipher.rc4(key: key, padding) == Array(user.prefix(32))
        }
        guard user.count >= 16 else { return false }
        var value = PDFCipher.rc4(key: key, PDFCipher.md5(padding + firstID))
        for i in 1...19 { value = PDFCipher.rc4(key: key.map { $0 ^ UInt8(i) }, value) }
        return Array(value.prefix(16)) == Array(user.prefix(16))
    }

    /// The key length in bytes: /Length in bits (default 40), 16 for AES-128 crypt filters.
    private static func keyLength(_ encrypt: [String: PDFObject], v: Int, r: Int, resolve: (PDFObject) -> PDFObject) -> Int {
        if let bits = resolve(encrypt["Length"] ?? .null).integer, bits % 8 == 0, (40...128).contains(bits) { return bits / 8 }
        return v >= 4 ? 16 : 5
    }

    // MARK: Revisions 5 and 6 (AES-256)

    /// Algorithms 11 and 2.A: when the empty password matches /U, the file key decrypted from /UE.
    static func modernKey(user: [UInt8], userKey: [UInt8], r: Int) -> [UInt8]? {
        guard user.count >= 48 else { return nil }
        let hashValue = Array(user[0..<32]), validationSalt = Array(user[32..<40]), keySalt = Array(user[40..<48])
        guard hash(password: [], salt: validationSalt, r: r) == hashValue else { return nil }
        let intermediate = hash(password: [], salt: keySalt, r: r)
        guard userKey.count >= 32,
              let key = PDFCipher.aesCBC(key: intermediate, iv: [UInt8](repeating: 0, count: 16), Array(userKey.prefix(32)), decrypt: true)
        else {
            // The password is right even if /UE is damaged; the content just cannot be decrypted here.
            return []
        }
        return key
    }

    /// R5: SHA-256(password, salt). R6: Algorithm 2.B (user password, so no /U data is mixed in).
    static func hash(password: [UInt8], salt: [UInt8], r: Int) -> [UInt8] {
        var k = PDFCipher.sha(password + salt, bits: 256)
        guard r >= 6 else { return k }
        var round = 0
        var e: [UInt8] = []
        repeat {
            let unit = password + k
            var k1: [UInt8] = []
            k1.reserveCapacity(unit.count * 64)
            for _ in 0..<64 { k1 += unit }
            guard k.count >= 32,
                  let encrypted = PDFCipher.aesCBC(key: Array(k[0..<16]), iv: Array(k[16..<32]), k1, decrypt: false)
            else { return [] }
            e = encrypted
            let selector = e.prefix(16).reduce(0) { $0 + Int($1) } % 3
            k = PDFCipher.sha(e, bits: [256, 384, 512][selector])
            round += 1
        } while round < 64 || Int(e.last ?? 0) > round - 32
        return Array(k.prefix(32))
    }

    /// How streams are encrypted: RC4 for V 1–2, the /StmF crypt filter's method for V 4–5.
    private static func method(_ encrypt: [String: PDFObject], v: Int, resolve: (PDFObject) -> PDFObject) -> Method {
        guard v >= 4 else { return .rc4 }
        let filterName = resolve(encrypt["StmF"] ?? .null).name ?? "Identity"
        if filterName == "Identity" { return .identity }
        let filters = resolve(encrypt["CF"] ?? .null).dictionary ?? [:]
        let filter = resolve(filters[filterName] ?? .null).dictionary ?? [:]
        switch resolve(filter["CFM"] ?? .null).name {
        case "V2": return .rc4
        case "AESV2": return .aes128
        case "AESV3": return .aes256
        case "None": return .identity
        default: return v >= 5 ? .aes256 : .aes128
        }
    }
}
