import ArgumentParser
import Foundation
import Preflight

/// The safety limits a user may change for one run (`check`, `gate`): each, when hit, is a finding
/// for the file, never a crash or a hang. Defaults are ``ProbeOptions``'s.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpText.timeout.help))
    var timeout: Double = ProbeOptions().timeout

    @Option(name: .customLong("max-inflated-bytes"), help: ArgumentHelp(HelpText.maxInflatedBytes.help, valueName: "size"))
    var maxInflatedBytes: ByteCount?

    @Option(name: .customLong("max-entry-inflated-bytes"), help: ArgumentHelp(HelpText.maxEntryInflatedBytes.help, valueName: "size"))
    var maxEntryInflatedBytes: ByteCount?

    @Option(name: .customLong("max-zip-entries"), help: ArgumentHelp(HelpText.maxZipEntries.help, valueName: "n"))
    var maxZipEntries: Int?

    @Option(name: .customLong("max-compression-ratio"), help: ArgumentHelp(HelpText.maxCompressionRatio.help, valueName: "ratio"))
    var maxCompressionRatio: Double?

    @Option(name: .customLong("max-image-side"), help: ArgumentHelp(HelpText.maxImageSide.help, valueName: "px"))
    var maxImageSide: Int?

    @Option(name: .customLong("max-image-pixels"), help: ArgumentHelp(HelpText.maxImagePixels.help, valueName: "n"))
    var maxImagePixels: Int?

    @Option(name: .customLong("max-streams"), help: ArgumentHelp(HelpText.maxStreams.help, valueName: "n"))
    var maxStreams: Int?

    @Option(name: .customLong("max-packets"), help: ArgumentHelp(HelpText.maxPackets.help, valueName: "n"))
    var maxPackets: Int?

    @Flag(name: .customLong("no-content"), help: ArgumentHelp(HelpText.noContent.help))
    var noContent = false

    /// The probe options these flags give.
    var probeOptions: ProbeOptions {
        var options = ProbeOptions()
        options.timeout = timeout
        if let maxInflatedBytes { options.zipInflateLimit = maxInflatedBytes.bytes }
        if let maxEntryInflatedBytes { options.zipEntryInflateLimit = maxEntryInflatedBytes.bytes }
        if let maxZipEntries { options.zipEntryLimit = maxZipEntries }
        if let maxCompressionRatio { options.zipCompressionRatioLimit = maxCompressionRatio }
        if let maxImageSide { options.photoMaxSide = maxImageSide }
        if let maxImagePixels { options.photoMaxPixels = maxImagePixels }
        if let maxStreams { options.streamLimit = maxStreams }
        if let maxPackets { options.packetLimit = maxPackets }
        options.content = !noContent
        return options
    }

    mutating func validate() throws {
        let lang = HelpText.language
        guard timeout > 0, timeout.isFinite else { throw ValidationError(CLIText.timeoutPositive.text(in: lang)) }
        for (flag, value) in [("--max-zip-entries", maxZipEntries), ("--max-image-side", maxImageSide), ("--max-image-pixels", maxImagePixels),
                              ("--max-streams", maxStreams), ("--max-packets", maxPackets)] {
            if let value, value < 1 { throw ValidationError(CLIText.atLeastOne(flag).text(in: lang)) }
        }
        if let maxCompressionRatio, !(maxCompressionRatio >= 1) { throw ValidationError(CLIText.atLeastOne("--max-compression-ratio").text(in: lang)) }
    }
}

/// A size given on the command line: bytes, or a number with a unit (`500MB`, `2 GiB`).
struct ByteCount: ExpressibleByArgument {
    /// The size in bytes.
    var bytes: Int64

    init?(argument: String) {
        guard case .number(let value, let dimension, _) = Quantity.parse(argument), dimension == nil || dimension == .bytes,
              value >= 0, value < 9e18 else { return nil }
        bytes = Int64(value)
    }
}
