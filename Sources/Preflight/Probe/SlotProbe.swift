import Foundation

/// Measures the file of one slot with the probe its kind needs.
public enum SlotProbe {
    /// File facts plus the facts of the slot's kind; a file that cannot be measured gives an error
    /// alongside whatever facts were read before it failed.
    public static func measure(_ url: URL, kind: SlotKind, options: ProbeOptions = ProbeOptions()) -> (Facts, ProbeError?) {
        let (result, error) = probe(url, kind: kind, options: options)
        return (result.facts, error)
    }

    /// Like ``measure(_:kind:options:)``, with the entries of a bundle.
    public static func probe(_ url: URL, kind: SlotKind, options: ProbeOptions = ProbeOptions()) -> (ProbeResult, ProbeError?) {
        let ticket = options.progress?.begin(url.displayPath)
        defer { ticket?.end() }
        return ProgressTicket.$current.withValue(ticket) { measure(url, kind: kind, with: options) }
    }

    /// The probe of one file, its progress ticket (if any) bound for its readers.
    private static func measure(_ url: URL, kind: SlotKind, with options: ProbeOptions) -> (ProbeResult, ProbeError?) {
        var facts: Facts
        do {
            facts = try FileFacts.read(url)
        } catch let e as ProbeError {
            return (ProbeResult(facts: Facts()), e)
        } catch {
            return (ProbeResult(facts: Facts()), ProbeError(.unreadable, FileText.cannotRead("\(error)")))
        }
        if facts[.fileDetectedType]?.text == "empty" {
            let name = url.lastPathComponent
            return (ProbeResult(facts: facts), ProbeError(.empty, FileText.empty(name)))
        }
        do {
            var entries: [EntryMeasurement]?
            switch kind {
            case .video:
                facts.merge(try VideoProbe.facts(of: url, options: options, detectedType: facts[.fileDetectedType]?.text))
            case .pdf:
                facts.merge(try PDFProbe.facts(of: url, byteLimit: options.pdfByteLimit))
            case .photo:
                facts.merge(try PhotoProbe.facts(of: url, options: options))
            case .audio:
                facts.merge(try AudioProbe.facts(of: url, options: options))
            case .voice:
                let result = try VoiceMaterialProbe.probe(url, detectedType: facts[.fileDetectedType]?.text, options: options)
                facts.merge(result.facts)
                entries = result.entries
            case .request:
                throw ProbeError(.wrongKind, FileText.requestIsNotAFile)
            }
            return (ProbeResult(facts: facts, entries: entries), nil)
        } catch let e as ProbeError {
            return (ProbeResult(facts: facts), wrongKindHint(e, facts: facts, kind: kind))
        } catch {
            return (ProbeResult(facts: facts), ProbeError(.unreadable, FileText.cannotRead("\(error)")))
        }
    }

    /// When the content is plainly something else (a PNG given as a video), say so instead of "damaged".
    static func wrongKindHint(_ error: ProbeError, facts: Facts, kind: SlotKind) -> ProbeError {
        guard error.kind == .unreadable, let type = facts[.fileDetectedType]?.text, type != "unknown",
              kind.takes(detectedType: type) == false else { return error }
        return ProbeError(.wrongKind, kind == .video ? FileText.contentNotVideo(type) : FileText.contentNotPDF(type), detail: error.detail)
    }
}
