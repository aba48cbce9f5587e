/// Why an output was rendered in this build, as `--explain` prints it (after ninja's explanations and llbuild's
/// `Rule::RunReason`).
public enum RebuildReason: Hashable, Sendable {
    /// There was no usable graph (first build, or it was discarded: see the report's `fullBuildReason`).
    case noGraph
    /// The previous graph did not have this output.
    case new
    /// The previous build wrote it, but it is no longer in the output folder.
    case outputMissing
    /// The build that last wrote the output folder was interrupted before saving its graph.
    case interrupted
    /// Another input produces this output now (a site file overriding a theme file, a renamed page taking a URL).
    case sourceChanged(from: String)
    /// Something the previous render read is different now.
    case dependencyChanged(Dependency)

    public var description: String {
        switch self {
        case .noGraph: return "never built"
        case .new: return "new output"
        case .outputMissing: return "output missing"
        case .interrupted: return "the previous build was interrupted"
        case .sourceChanged(let old): return "now produced by another input (was \(old))"
        case .dependencyChanged(let dependency): return dependency.changeDescription
        }
    }
}

/// One line of `--explain`: an output and why it was rendered (or copied) again.
public struct Explanation: Hashable, Sendable, Codable {
    public var output: String
    public var reason: String
}
