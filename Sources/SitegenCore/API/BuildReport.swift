/// What a build did, for the CLI to print (one summary line, or JSON with `--json`) and for tests to assert: the
/// counts are how incremental tests measure work, as Hugo's rebuild tests do.
public struct BuildReport: Sendable, Codable {
    /// One phase of the build and how long it took.
    public struct Phase: Sendable, Codable {
        public var name: String
        public var seconds: Double
    }

    /// The build produced its output (no error was found).
    public var succeeded: Bool
    public var outputDirectory: String
    /// Why every output was considered dirty (no cache, or a changed signature); nil for an incremental build.
    public var fullBuildReason: String?
    /// Input files found.
    public var inputsScanned = 0
    /// Input files read and hashed because their stamp changed (or they were racily clean, or new).
    public var inputsHashed = 0
    /// Markdown files of `content/` that are published.
    public var contentPages = 0
    /// Markdown files parsed in this build (the others came from the build graph).
    public var pagesParsed = 0
    /// Markdown bodies rendered to HTML in this build.
    public var bodiesRendered = 0
    /// Templated outputs rendered (pages, lists, feeds, ...).
    public var pagesRendered = 0
    /// Templated outputs whose recorded reads were all unchanged, so they were not rendered.
    public var pagesSkipped = 0
    /// Files produced by the build, rendered or copied.
    public var outputs = 0
    public var outputsWritten = 0
    public var outputsUnchanged = 0
    public var outputsDeleted = 0
    /// Precompressed siblings made in this build (each `.br` or `.gz` counts once), and those taken from the cache.
    public var outputsCompressed = 0
    public var compressionCacheHits = 0
    /// `.br`/`.gz` files written to the output folder (not counted in `outputsWritten`).
    public var siblingsWritten = 0
    public var phases: [Phase] = []
    public var seconds = 0.0
    public var diagnostics: [Diagnostic] = []
    /// With `BuildOptions.explain`: each output produced again and why.
    public var explanations: [Explanation] = []

    public init(succeeded: Bool, outputDirectory: String) {
        self.succeeded = succeeded
        self.outputDirectory = outputDirectory
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
