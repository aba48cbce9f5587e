/// Publishes the planned outputs: one writer for every file the build produces, so that every write is atomic,
/// unchanged files are left alone (their mtime stays, which keeps rsync and CDN uploads small), and only files this
/// tool wrote before are ever deleted.
struct OutputWriter {
    struct Result {
        var written = 0
        var unchanged = 0
        var deleted = 0
    }

    let fileSystem: FileSystem
    let siteRoot: String
    let outputDirectory: String
    let cacheDirectory: String
    let jobs: Int

    /// Finds outputs that two inputs both claim; each such path is an error naming both sources.
    static func collisions(in outputs: [PlannedOutput]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var found: [Diagnostic] = []
        for output in outputs {
            if let first = owners[output.path] {
                if first != output.source {
                    found.append(.error("output '\(output.path)' is produced by both \(first) and \(output.source)",
                                        at: SourceLocation.ofInput(output.source)))
                }
            } else {
                owners[output.path] = output.source
            }
        }
        return found
    }

    /// Whether a planned path stays inside the output folder: relative, no `.`/`..` parts, no empty parts.
    static func isContained(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    func write(_ outputs: [PlannedOutput], diagnostics: DiagnosticsEngine) -> Result {
        let outcomes: [Int] = parallelMap(outputs, jobs: jobs) { output in
            guard Self.isContained(output.path) else {
                diagnostics.emit(.error("refusing to write outside the output folder: '\(output.path)'", at: SourceLocation.ofInput(output.source)))
                return -1
            }
            let bytes: [UInt8]
            do {
                switch output.content {
                case .bytes(let b): bytes = b
                case .copy(let source): bytes = try fileSystem.read(joinPath(siteRoot, source))
                case .themeFile(let name): bytes = BuiltinTheme.files[name] ?? []
                }
            } catch {
                diagnostics.emit(.error("cannot read file: \(error)", at: SourceLocation.ofInput(output.source)))
                return -1
            }
            let target = joinPath(outputDirectory, output.path)
            if let stamp = fileSystem.stamp(of: target), stamp.size == UInt64(bytes.count),
               let existing = try? fileSystem.read(target), existing == bytes {
                return 0
            }
            do {
                try fileSystem.writeAtomically(bytes, to: target)
                return 1
            } catch {
                diagnostics.emit(.error("cannot write output: \(error)", at: SourceLocation.ofInput(output.source)))
                return -1
            }
        }
        var result = Result()
        result.written = outcomes.filter { $0 == 1 }.count
        result.unchanged = outcomes.filter { $0 == 0 }.count

        let manifestPath = joinPath(cacheDirectory, OutputManifest.fileName)
        let current = Set(outputs.map(\.path))
        if let previous = OutputManifest.load(from: manifestPath, fileSystem: fileSystem), previous.outputDirectory == outputDirectory {
            for stale in previous.paths where !current.contains(stale) && Self.isContained(stale) {
                let target = joinPath(outputDirectory, stale)
                guard fileSystem.kind(of: target) == .file else { continue }
                do {
                    try fileSystem.removeFile(target)
                    result.deleted += 1
                    var folder = parentPath(target)
                    while folder.count > outputDirectory.count && fileSystem.removeDirectoryIfEmpty(folder) {
                        folder = parentPath(folder)
                    }
                } catch {
                    diagnostics.emit(.warning("cannot remove stale output: \(error)", at: SourceLocation(path: stale)))
                }
            }
        }
        let manifest = OutputManifest(outputDirectory: outputDirectory, paths: Array(current))
        do {
            try fileSystem.writeAtomically(manifest.encoded(), to: manifestPath)
        } catch {
            diagnostics.emit(.warning("cannot save the output list: \(error)", at: nil))
        }
        return result
    }
}
