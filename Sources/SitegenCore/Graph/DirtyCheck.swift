/// Decides whether an output must be produced again, and why: it is clean only when the previous build wrote it,
/// the file is still there, the build that wrote it finished, and every fact it read still holds.
struct DirtyCheck {
    let previousOutputs: [String: BuildGraph.OutputRecord]
    let hasGraph: Bool
    let interrupted: Set<String>
    let fileSystem: FileSystem
    let outputDirectory: String
    let facts: FactTable

    /// Why the output at `path`, produced from `source`, is dirty, or nil when it is clean.
    func reason(for path: String, source: String) -> RebuildReason? {
        guard let record = previousOutputs[path] else { return hasGraph ? .new : .noGraph }
        if interrupted.contains(path) { return .interrupted }
        if record.source != source { return .sourceChanged(from: record.source) }
        if fileSystem.kind(of: joinPath(outputDirectory, path)) != .file { return .outputMissing }
        return facts.firstChange(in: record.dependencies).map { .dependencyChanged($0) }
    }
}
