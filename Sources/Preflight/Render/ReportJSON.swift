// The report types written as PrettyJSON, member for member as their Encodable conformances encode
// them (the coding keys, nil optionals left out), each type's keys in UTF-8 order. A member added to
// one of these types must be added here too: GateSerialWorkTests compares this output with
// JSONEncoder's, byte for byte, and checks that every stored property is written.

extension BatchReport: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        write(to: &json) { json in json.array(submissions) { $0.value($1) } }
    }

    /// The batch with its `submissions` member's value written by `writeSubmissions`.
    func write(to json: inout PrettyJSON, submissions writeSubmissions: (inout PrettyJSON) -> Void) {
        json.beginObject()
        json.key("counts"); json.object(counts) { $0.number($1) }
        json.key("files_measured"); json.number(filesMeasured)
        json.key("files_reused"); json.number(filesReused)
        json.key("schema"); json.number(schema)
        json.key("strict"); json.bool(strict)
        json.key("submissions"); writeSubmissions(&json)
        json.key("verdict"); json.string(verdict.rawValue)
        json.endObject()
    }
}

extension Report: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.key("checks"); json.array(checks) { $0.value($1) }
        json.key("counts"); json.object(counts) { $0.number($1) }
        json.key("findings"); json.array(findings) { $0.value($1) }
        json.key("inputs"); json.array(inputs) { $0.value($1) }
        json.key("libraries"); json.object(libraries) { $0.string($1) }
        json.key("rules"); json.value(rules)
        json.key("schema"); json.number(schema)
        json.key("strict"); json.bool(strict)
        if let submission { json.key("submission"); json.string(submission) }
        json.key("tool"); json.value(tool)
        json.key("uploads"); json.array(uploads) { $0.value($1) }
        json.key("verdict"); json.string(verdict.rawValue)
        json.endObject()
    }
}

extension Report.ToolInfo: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.key("name"); json.string(name)
        json.key("version"); json.string(version)
        json.endObject()
    }
}

extension Report.RuleSetInfo: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.key("digest"); json.string(digest)
        if let profile { json.key("profile"); json.string(profile) }
        json.key("sources"); json.array(sources) { $0.string($1) }
        json.key("type"); json.string(type)
        json.key("version"); json.string(version)
        json.endObject()
    }
}

extension Finding: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let column { json.key("column"); json.number(column) }
        if let entry { json.key("entry"); json.string(entry) }
        if let fact { json.key("fact"); json.string(fact) }
        if let file { json.key("file"); json.string(file) }
        if let fix {
            json.key("fix")
            json.beginObject()
            if let fixCommand { json.key("command"); json.string(fixCommand) }
            json.key("en"); json.string(fix.en)
            json.key("zh"); json.string(fix.zh)
            json.endObject()
        }
        if let limit { json.key("limit"); json.string(limit) }
        if let line { json.key("line"); json.number(line) }
        if let measured { json.key("measured"); json.value(measured) }
        if let measuredText { json.key("measured_text"); json.string(measuredText) }
        json.key("message"); json.value(message)
        json.key("rule"); json.string(rule)
        if let serviceError { json.key("service_error"); json.number(serviceError) }
        json.key("severity"); json.string(severity.rawValue)
        if let slot { json.key("slot"); json.string(slot) }
        if let source { json.key("source"); json.string(source) }
        json.key("status"); json.string(status.rawValue)
        if let waived { json.key("waived"); json.bool(waived) }
        json.endObject()
    }
}

extension InputReport: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let entries { json.key("entries"); json.array(entries) { $0.value($1) } }
        if let error { json.key("error"); json.value(error) }
        json.key("facts"); json.value(facts)
        json.key("path"); json.string(path)
        json.key("slot"); json.string(slot)
        json.endObject()
    }
}

extension EntryReport: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let error { json.key("error"); json.value(error) }
        json.key("facts"); json.value(facts)
        json.key("name"); json.string(name)
        json.endObject()
    }
}

extension ProbeError: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let detail { json.key("detail"); json.string(detail) }
        json.key("kind"); json.string(kind.rawValue)
        json.key("message"); json.value(message)
        json.endObject()
    }
}

extension PlannedUpload: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let bucketKey { json.key("bucket_key"); json.string(bucketKey) }
        json.key("key"); json.string(key)
        json.key("path"); json.string(path)
        if let requestField { json.key("request_field"); json.string(requestField) }
        json.key("slot"); json.string(slot)
        if let url { json.key("url"); json.string(url) }
        json.endObject()
    }
}

extension LocalizedText: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.key("en"); json.string(en)
        json.key("zh"); json.string(zh)
        json.endObject()
    }
}

extension Facts: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.object(values) { $0.value($1) }
    }
}

extension FactValue: PrettyJSONWritable {
    /// As ``encode(to:)``: whole numbers below 9e15 without a fraction, other finite numbers as
    /// doubles, non-finite ones as `null`.
    func write(to json: inout PrettyJSON) {
        switch self {
        case .number(let n):
            if n.isFinite, n == n.rounded(), abs(n) < 9.0e15 { json.number(Int(n)) } else { json.number(n) }
        case .text(let s): json.string(s)
        case .flag(let b): json.bool(b)
        case .list(let l): json.array(l) { $0.string($1) }
        }
    }
}
