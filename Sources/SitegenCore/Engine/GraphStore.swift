/// Loads and saves the build graph in the cache folder, and keeps the journal that makes an interrupted build
/// harmless.
///
/// The journal (`journal.txt`: the line `sitegen-journal 1`, then one output path per line) lists every output a
/// build is about to write or delete. It is written before the first output changes and removed after the new graph
/// is saved. A build that finds it knows the previous build was killed partway: the outputs it names may hold bytes
/// the stored graph does not describe, so they are rendered and written again.
struct GraphStore {
    static let journalName = "journal.txt"
    private static let journalHeader = "sitegen-journal 1"

    let fileSystem: FileSystem
    let cacheDirectory: String

    var graphPath: String { joinPath(cacheDirectory, BuildGraph.fileName) }
    var journalPath: String { joinPath(cacheDirectory, Self.journalName) }

    /// The stored graph, or nil. A file that exists but cannot be used is reported as one warning.
    func load(diagnostics: DiagnosticsEngine) -> BuildGraph? {
        guard fileSystem.exists(graphPath) else { return nil }
        do {
            return try BuildGraph(decoding: try fileSystem.read(graphPath))
        } catch {
            diagnostics.emit(.warning("ignoring the build cache (\(error)); doing a full build",
                                      at: SourceLocation(path: displayPath(graphPath))))
            return nil
        }
    }

    func save(_ graph: BuildGraph) throws {
        try fileSystem.writeAtomically(graph.encoded(), to: graphPath)
    }

    /// The outputs an interrupted build may have touched; empty when the last build finished.
    func interruptedOutputs() -> Set<String>? {
        guard let text = try? fileSystem.readString(journalPath) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == Self.journalHeader else { return [] }
        return Set(lines.dropFirst())
    }

    func beginWriting(_ paths: [String]) throws {
        let text = ([Self.journalHeader] + paths.sorted()).joined(separator: "\n") + "\n"
        try fileSystem.writeAtomically(Array(text.utf8), to: journalPath)
    }

    func finishWriting() {
        try? fileSystem.removeFile(journalPath)
    }

    /// The cache path as diagnostics show it (site-relative paths are the norm; the cache may be elsewhere).
    private func displayPath(_ path: String) -> String { path }
}
