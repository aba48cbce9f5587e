/// Loads and saves the build graph in the cache folder, and keeps the two small text files that make a lost graph or
/// an interrupted build harmless.
///
/// `outputs.txt` (the line `sitegen-outputs 1`, the output folder, then one output path per line, `.br`/`.gz`
/// siblings included) lists the files the
/// last successful build owns in the output folder. It duplicates what the graph knows so that a build can still
/// remove outputs it no longer produces when the graph is corrupt or from another version; a damaged list only
/// means stale files stay, never that a file sitegen did not write is removed.
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

    static let outputsName = "outputs.txt"
    private static let outputsHeader = "sitegen-outputs 1"

    var graphPath: String { joinPath(cacheDirectory, BuildGraph.fileName) }
    var outputsPath: String { joinPath(cacheDirectory, Self.outputsName) }
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
        // A build that never decoded the output records (nothing changed) leaves the list as it is.
        if let owned = graph.ownedPaths {
            let list = ([Self.outputsHeader, graph.outputDirectory] + owned).joined(separator: "\n") + "\n"
            try fileSystem.writeAtomically(Array(list.utf8), to: outputsPath)
        }
        try fileSystem.writeAtomically(graph.encoded(), to: graphPath)
    }

    /// The outputs the last successful build wrote into `outputDirectory` (as stored: site-relative when inside).
    func ownedOutputs(outputDirectory: String) -> Set<String> {
        guard let text = try? fileSystem.readString(outputsPath) else { return [] }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 2, lines[0] == Self.outputsHeader, lines[1] == outputDirectory else { return [] }
        return Set(lines.dropFirst(2))
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
