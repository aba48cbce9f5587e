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
    /// Input files found.
    public var inputsScanned = 0
    /// Markdown files of `content/` that are published.
    public var contentPages = 0
    /// Templated outputs rendered (pages, lists, feeds, ...).
    public var pagesRendered = 0
    /// Files produced by the build, rendered or copied.
    public var outputs = 0
    public var outputsWritten = 0
    public var outputsUnchanged = 0
    public var outputsDeleted = 0
    public var phases: [Phase] = []
    public var seconds = 0.0
    public var diagnostics: [Diagnostic] = []

    public init(succeeded: Bool, outputDirectory: String) {
        self.succeeded = succeeded
        self.outputDirectory = outputDirectory
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
