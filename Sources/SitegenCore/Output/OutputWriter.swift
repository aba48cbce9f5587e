/// Publishes outputs: one writer for every file the build produces, so that every write is atomic (temporary file,
/// then rename), an output whose bytes did not change is not rewritten (its mtime stays, which keeps rsync and CDN
/// uploads small), and only files this tool wrote before are ever deleted.
struct OutputWriter {
    /// What happened to one output.
    struct Outcome {
        var path: String
        /// XXH3 of the bytes now in the output folder; nil when the output could not be produced.
        var hash: UInt64?
        var written: Bool
    }

    let fileSystem: FileSystem
    let siteRoot: String
    let outputDirectory: String
    let jobs: Int

    /// Finds outputs that two inputs both claim; each such path is an error naming both sources.
    static func collisions(in outputs: [(path: String, source: String)]) -> [Diagnostic] {
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

    /// Writes the outputs whose bytes differ from what the output folder holds. `previousHashes` are the hashes the
    /// graph recorded: when an output's new hash equals it and the file exists, the file is not even read.
    func write(_ outputs: [PlannedOutput], previousHashes: [String: UInt64], diagnostics: DiagnosticsEngine) -> [Outcome] {
        parallelMap(outputs, jobs: jobs) { output in
            guard Self.isContained(output.path) else {
                diagnostics.emit(.error("refusing to write outside the output folder: '\(output.path)'", at: SourceLocation.ofInput(output.source)))
                return Outcome(path: output.path, hash: nil, written: false)
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
                return Outcome(path: output.path, hash: nil, written: false)
            }
            let hash = XXH3.hash(bytes)
            let target = joinPath(outputDirectory, output.path)
            if let stamp = fileSystem.stamp(of: target) {
                if let previous = previousHashes[output.path], previous == hash, stamp.size == UInt64(bytes.count) {
                    return Outcome(path: output.path, hash: hash, written: false)
                }
                if stamp.size == UInt64(bytes.count), let existing = try? fileSystem.read(target), existing == bytes {
                    return Outcome(path: output.path, hash: hash, written: false)
                }
            }
            do {
                try fileSystem.writeAtomically(bytes, to: target)
                return Outcome(path: output.path, hash: hash, written: true)
            } catch {
                diagnostics.emit(.error("cannot write output: \(error)", at: SourceLocation.ofInput(output.source)))
                return Outcome(path: output.path, hash: nil, written: false)
            }
        }
    }

    /// Removes the temporary files a killed build left in the output folder (only files named with sitegen's
    /// temporary prefix); walked only after an interrupted build, so normal builds never pay for it.
    func removeTemporaryFiles(in folder: String? = nil) {
        let folder = folder ?? outputDirectory
        for entry in (try? fileSystem.entries(of: folder)) ?? [] {
            let path = joinPath(folder, entry.name)
            if entry.kind == .directory {
                removeTemporaryFiles(in: path)
            } else if entry.name.hasPrefix(temporaryPrefix) {
                try? fileSystem.removeFile(path)
            }
        }
    }

    /// Removes outputs the previous build wrote that this build no longer produces, and the folders that leaves
    /// empty; returns how many files were removed.
    func delete(_ paths: [String], diagnostics: DiagnosticsEngine) -> Int {
        var deleted = 0
        for stale in paths.sorted() where Self.isContained(stale) {
            let target = joinPath(outputDirectory, stale)
            guard fileSystem.kind(of: target) == .file else { continue }
            do {
                try fileSystem.removeFile(target)
                deleted += 1
                var folder = parentPath(target)
                while folder.count > outputDirectory.count && fileSystem.removeDirectoryIfEmpty(folder) {
                    folder = parentPath(folder)
                }
            } catch {
                diagnostics.emit(.warning("cannot remove stale output: \(error)", at: SourceLocation(path: stale)))
            }
        }
        return deleted
    }
}
