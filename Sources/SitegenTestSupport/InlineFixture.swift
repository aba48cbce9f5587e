import SitegenCore

/// A whole site written inline in a test, in the txtar style Hugo's tests use:
///
///     -- sitegen.toml --
///     title = "x"
///     -- content/a.md --
///     ---
///     title: A
///     ---
///     Body.
///
/// so a test shows every file it builds, and a failing case reads like a bug report.
public enum InlineFixture {
    /// The files of a txtar text by path.
    public static func parse(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files[current] = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else if current != nil {
                lines.append(line)
            }
        }
        flush()
        for (path, text) in files where text.hasSuffix("\n\n") {
            files[path] = String(text.dropLast())
        }
        return files
    }

    /// Writes the files of a txtar text under `root`.
    public static func write(_ text: String, to root: String, fileSystem: FileSystem = LocalFileSystem()) throws {
        for (path, content) in parse(text) {
            try fileSystem.writeAtomically(Array(content.utf8), to: root + "/" + path)
        }
    }
}
