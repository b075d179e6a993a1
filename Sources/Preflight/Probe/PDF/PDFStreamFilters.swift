import CZlib
import Foundation

/// Decodes stream data: FlateDecode (zlib, with PNG and TIFF predictors) and ASCIIHexDecode, which is
/// all that object streams and cross-reference streams use in practice.
///
/// Inflating draws on a shared byte budget, so a small "zip bomb" cannot exhaust memory.
enum PDFStreamFilters {
    /// Decodes `data` through the filters named in `dictionary`, or returns nil when a filter is not
    /// supported or the budget is spent. `resolve` follows indirect references in the dictionary.
    static func decode(
        _ data: [UInt8], dictionary: [String: PDFObject], budget: inout Int, resolve: (PDFObject) -> PDFObject
    ) -> [UInt8]? {
        let filterObject = resolve(dictionary["Filter"] ?? dictionary["F"] ?? .null)
        let filters: [String]
        switch filterObject {
        case .name(let n): filters = [n]
        case .array(let a): filters = a.compactMap { resolve($0).name }
        default: filters = []
        }
        let parmsObject = resolve(dictionary["DecodeParms"] ?? dictionary["DP"] ?? .null)
        var output = data
        for (i, filter) in filters.prefix(8).enumerated() {
            let parms: [String: PDFObject]?
            if case .array(let a) = parmsObject { parms = i < a.count ? resolve(a[i]).dictionary : nil } else { parms = parmsObject.dictionary }
            switch filter {
            case "FlateDecode", "Fl":
                guard budget > 0 else { return nil }
                output = inflate(output, limit: budget)
                budget -= output.count
                if let p = parms { output = unpredict(output, parameters: p, resolve: resolve) }
            case "ASCIIHexDecode", "AHx":
                output = asciiHex(output)
            case "Crypt":
                continue  // the identity crypt filter; real decryption happens before filters
            default:
                return nil
            }
        }
        return output
    }

    /// Inflates zlib (or, failing that, raw deflate) data, keeping at most `limit` bytes.
    /// Damaged data yields whatever came out before the damage, as lenient readers do.
    static func inflate(_ input: [UInt8], limit: Int) -> [UInt8] {
        let zlib = inflate(input, limit: limit, windowBits: 15)
        if !zlib.isEmpty || input.isEmpty { return zlib }
        return inflate(input, limit: limit, windowBits: -15)
    }

    private static func inflate(_ input: [UInt8], limit: Int, windowBits: Int32) -> [UInt8] {
        guard limit > 0, !input.isEmpty, input.count < Int(UInt32.max) else { return [] }
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            var status = Z_OK
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk.prefix(min(produced, limit - output.count)))
            } while status == Z_OK && output.count < limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        return output
    }

    /// Undoes a PNG (10–15) or TIFF (2) predictor (§7.4.4.4).
    static func unpredict(_ data: [UInt8], parameters: [String: PDFObject], resolve: (PDFObject) -> PDFObject) -> [UInt8] {
        func value(_ key: String, _ fallback: Int) -> Int { resolve(parameters[key] ?? .null).integer ?? fallback }
        let predictor = value("Predictor", 1)
        let colors = value("Colors", 1), bits = value("BitsPerComponent", 8), columns = value("Columns", 1)
        guard predictor >= 2, (1...32).contains(colors), [1, 2, 4, 8, 16].contains(bits), (1...(1 << 24)).contains(columns) else {
            return data
        }
        let pixelBytes = max(1, colors * bits / 8)
        let rowBytes = (colors * bits * columns + 7) / 8
        guard rowBytes <= data.count else { return [] }
        if predictor == 2 {
            guard bits == 8 else { return data }
            var out = data
            var i = 0
            while i < out.count {
                let rowEnd = min(i + rowBytes, out.count)
                for j in (i + pixelBytes)..<max(i + pixelBytes, rowEnd) { out[j] = out[j] &+ out[j - pixelBytes] }
                i = rowEnd
            }
            return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var row = [UInt8](repeating: 0, count: rowBytes)
        var i = 0
        while i + 1 + rowBytes <= data.count {
            let type = data[i]
            for j in 0..<rowBytes {
                let raw = data[i + 1 + j]
                let left = j >= pixelBytes ? row[j - pixelBytes] : 0
                let up = previous[j]
                let upLeft = j >= pixelBytes ? previous[j - pixelBytes] : 0
                switch type {
                case 1: row[j] = raw &+ left
                case 2: row[j] = raw &+ up
                case 3: row[j] = raw &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[j] = raw &+ paeth(left, up, upLeft)
                default: row[j] = raw
                }
            }
            out.append(contentsOf: row)
            swap(&row, &previous)
            i += 1 + rowBytes
        }
        return out
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    /// Decodes hexadecimal text up to `>`.
    private static func asciiHex(_ data: [UInt8]) -> [UInt8] { PDFLexer.hexDecode(data[...]).bytes }
}
