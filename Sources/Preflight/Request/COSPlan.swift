import Foundation

/// Where uploads go: the bucket, region and key prefix parsed from a credentials call's PathPrefix.
public struct COSLocation: Sendable, Equatable, Codable {
    /// The bucket name, e.g. `virtualhuman-cos-prod-1251316161`.
    public var bucket: String
    /// The region, e.g. `ap-guangzhou` (or `accelerate` for the global acceleration endpoint).
    public var region: String
    /// The key prefix inside the bucket, e.g. `customer-pipeline/352/59c6…/`.
    public var keyPrefix: String
    /// The PathPrefix as given, ending in `/`.
    public var pathPrefix: String

    /// Parses `https://<bucket>.cos.<region>.myqcloud.com/<key prefix>/` (docs/service-limits.md §2); nil if it is not one.
    public init?(pathPrefix raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host?.lowercased(), host.hasSuffix(".myqcloud.com") else { return nil }
        let labels = host.dropLast(".myqcloud.com".count)
        if let range = labels.range(of: ".cos.") {
            bucket = String(labels[..<range.lowerBound])
            region = String(labels[range.upperBound...])
        } else {
            let parts = labels.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            bucket = parts[0]
            region = parts[1]
        }
        guard !bucket.isEmpty, !region.isEmpty else { return nil }
        var key = url.path
        while key.hasPrefix("/") { key.removeFirst() }
        if !key.isEmpty && !key.hasSuffix("/") { key += "/" }
        keyPrefix = key
        pathPrefix = text.hasSuffix("/") ? text : text + "/"
    }
}

/// One file's place on COS: the folder its slot uses and a file name the service accepts.
public struct PlannedUpload: Sendable, Equatable, Codable {
    /// The slot.
    public var slot: String
    /// The local file.
    public var path: String
    /// The key under the PathPrefix, e.g. `video/zhang_take3.mp4`.
    public var key: String
    /// The full key in the bucket, when a PathPrefix was given.
    public var bucketKey: String?
    /// The URL to put in the make request, when a PathPrefix was given.
    public var url: String?
    /// The make request field that carries the URL (`MaterialCosUrl` …).
    public var requestField: String?

    enum CodingKeys: String, CodingKey {
        case slot, path, key, url
        case bucketKey = "bucket_key"
        case requestField = "request_field"
    }
}

/// The upload plan: keys and URLs for each file of a submission, and the make request to send after upload.
public enum COSPlan {
    /// A name the service accepts (2–50 characters of Chinese characters, letters, digits, `_`, `-`,
    /// plus the lower-cased extension): other characters become `_`, runs collapse, short stems are padded.
    public static func conformingName(_ fileName: String) -> String {
        let ext = (fileName as NSString).pathExtension.lowercased()
        var stem = ext.isEmpty ? fileName : String(fileName.dropLast(ext.count + 1))
        var out = ""
        for ch in stem {
            let ok = ch.isASCII ? (ch.isLetter || ch.isNumber || ch == "_" || ch == "-") : ch.unicodeScalars.allSatisfy(isHan)
            if ok { out.append(ch) } else if !out.hasSuffix("_") { out.append("_") }
        }
        stem = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        if stem.isEmpty { stem = "file" }
        while stem.count < 2 { stem += "_" }
        if stem.count > 50 { stem = String(stem.prefix(50)) }
        return ext.isEmpty ? stem : "\(stem).\(ext)"
    }

    /// Whether a scalar is a CJK unified ideograph (汉字).
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    /// Keys (and URLs, given a location) for every file of a submission, in slot order.
    public static func uploads(for submission: Submission, rules: RuleSet, location: COSLocation?) -> [PlannedUpload] {
        rules.slots.compactMap { slot in
            guard let url = submission.files[slot.name], let folder = slot.cosFolder else { return nil }
            let key = folder + conformingName(url.lastPathComponent)
            return PlannedUpload(slot: slot.name, path: url.displayPath, key: key,
                                 bucketKey: location.map { $0.keyPrefix + key }, url: location.map { $0.pathPrefix + key },
                                 requestField: slot.requestField)
        }
    }

    /// The make request body `{"Header": {}, "Payload": {…}}` with the file URLs filled in.
    public static func makeRequestJSON(for submission: Submission, uploads: [PlannedUpload]) -> String {
        var payload: [String: Any] = ["MakeType": submission.type]
        let r = submission.request ?? MakeRequest()
        if let v = r.anchorName { payload["AnchorName"] = v }
        if let v = r.sexType { payload["SexType"] = v }
        if let v = r.notes { payload["Notes"] = v }
        if let v = r.textDriver { payload["TextDriver"] = v }
        if let t = r.timbreInfo {
            var timbre: [String: Any] = [:]
            if let c = t.timbreCode { timbre["TimbreCode"] = c }
            if let s = t.speed { timbre["Speed"] = s }
            payload["TimbreInfo"] = timbre
        }
        if let v = r.isHaveBackground { payload["IsHaveBackground"] = v }
        if let v = r.removeBackground { payload["RemoveBackground"] = v }
        if let v = r.zeroshortLang { payload["ZeroshortLang"] = v }
        if let v = r.photoVersion { payload["PhotoVersion"] = v }
        if let v = r.audioId { payload["AudioId"] = v }
        for u in uploads { if let field = u.requestField { payload[field] = u.url ?? "{PathPrefix}\(u.key)" } }
        let body: [String: Any] = ["Header": [String: Any](), "Payload": payload]
        guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
