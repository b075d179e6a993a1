import Foundation

/// Builds voice material in temporary folders: copies of the audio fixtures, zips of them, Python-made files.
public enum VoiceFixture {
    /// A committed audio fixture.
    public static func audio(_ name: String) -> URL { Fixture.url("audio/\(name)") }

    /// A new temporary folder holding copies of the named audio fixtures.
    public static func folder(with fixtures: [String] = []) throws -> URL {
        let dir = try Fixture.temporaryDirectory()
        for name in fixtures { try FileManager.default.copyItem(at: audio(name), to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// Runs a Python 3 script (with `zipfile` imported) in `dir`.
    public static func python(_ script: String, in dir: URL) throws {
        try run("/usr/bin/env", ["python3", "-c", "import zipfile, struct, os\n" + script], in: dir)
    }

    /// Runs a tool in `dir`; throws when it fails.
    public static func run(_ tool: String, _ arguments: [String], in dir: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw FixtureError(message: "\(arguments.joined(separator: " ")): \(message)") }
    }

    /// A tool that failed, with its standard error.
    public struct FixtureError: Error {
        /// The arguments and what the tool wrote on standard error.
        public let message: String
    }

    /// A zip in a new folder: entries named as given, each a copy of an audio fixture (stored or deflated).
    public static func zip(_ entries: [(name: String, fixture: String)], deflate: Bool = true, name: String = "takes.zip") throws -> URL {
        let dir = try folder()
        let list = entries.map { "(\(literal($0.name)), \(literal(audio($0.fixture).path)))" }.joined(separator: ", ")
        try python("""
            with zipfile.ZipFile(\(literal(name)), 'w', \(deflate ? "zipfile.ZIP_DEFLATED" : "zipfile.ZIP_STORED")) as z:
                for n, p in [\(list)]:
                    z.write(p, n)
            """, in: dir)
        return dir.appendingPathComponent(name)
    }

    /// A Python string literal.
    public static func literal(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
