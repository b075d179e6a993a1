import Foundation

extension FactVocabulary {
    /// The vocabulary as a DocC article (`FactsReference.md` of the documentation catalog): one table per
    /// family of facts (`file`, `container`, `video`, `audio` …), in vocabulary order, each fact with its
    /// dimension, the units a rule limit may use and its meaning. `preflight facts --format markdown`
    /// prints it; a test keeps the committed article equal to it.
    public static func markdownReference() -> String {
        var out = """
        # Facts reference

        Every fact a probe can set and a rule can test, generated from ``FactVocabulary``.

        ## Overview

        Numbers are in SI base units (seconds, bytes, hertz, bits per second); a rule's limit may be written
        in any unit listed for its fact (`5 GB`, `10 min`, `24 kHz`). `preflight facts` prints the same list.

        """
        var family = ""
        for f in all {
            let head = String(f.name.prefix { $0 != "." })
            if head != family {
                family = head
                out += "\n### \(head)\n\n| fact | dimension | units | meaning |\n| --- | --- | --- | --- |\n"
            }
            let units = f.dimension.units.map { "`\($0.symbol)`" }.joined(separator: " ")
            let summary = f.summary.replacingOccurrences(of: "|", with: "\\|")
            out += "| `\(f.name)` | \(f.dimension.rawValue) | \(units) | \(summary) |\n"
        }
        return out
    }
}
