/// Writes the precompressed siblings of outputs (`page.html.br`, `page.html.gz`), so that nginx's `brotli_static` and
/// `gzip_static`, Caddy's `precompressed` and similar servers send them without compressing on every request.
///
/// Brotli at quality 11 compresses about 1 MB a second per core: far slower than rendering. So results are kept by
/// content hash in the cache folder (`compressed/<xxh3>-<size>.b<quality>` and `.g<level>`; an empty file records
/// that the compressed form was not smaller). An output whose bytes did not change is never compressed again, and a
/// clean build into another folder, or after the output folder was deleted, takes them from the cache. Entries that
/// no current output uses are removed at the end of a build that added any.
struct Precompressor {
    /// What outputs get siblings: text formats, and binary ones that are not already compressed (icons, fonts
    /// without their own compression, WebAssembly).
    static let compressibleExtensions: Set<String> = ["html", "htm", "css", "js", "mjs", "json", "xml", "svg", "txt",
                                                       "webmanifest", "ico", "wasm", "ttf", "otf", "map"]
    static let folderName = "compressed"

    /// Which siblings an output has, as stored in its graph record.
    struct Siblings: OptionSet, Hashable {
        let rawValue: UInt8
        static let brotli = Siblings(rawValue: 1)
        static let gzip = Siblings(rawValue: 2)

        func paths(of output: String) -> [String] {
            (contains(.brotli) ? [output + ".br"] : []) + (contains(.gzip) ? [output + ".gz"] : [])
        }
    }

    struct Outcome {
        var path: String
        var siblings: Siblings
        var compressed: Int
        var cacheHits: Int
        var siblingsWritten: Int
    }

    let settings: CompressionSettings
    let fileSystem: FileSystem
    let cacheDirectory: String
    let outputDirectory: String
    let jobs: Int

    /// A value that changes with the settings, stored in the graph: when it differs, every output's siblings are
    /// made again (from the cache where it has them), without rendering anything again.
    var settingsTag: UInt64 {
        let hasher = StableHasher()
        hasher.combine(settings.brotli ?? -1)
        hasher.combine(settings.gzip ?? -1)
        hasher.combine(settings.minSize)
        return hasher.finalize()
    }

    static func isCompressible(_ path: String) -> Bool { compressibleExtensions.contains(fileExtension(path)) }

    /// Makes and writes the siblings of `paths` (outputs already in the output folder, with their XXH3 hashes), and
    /// removes the siblings an output had (`previous`) and no longer gets. A sibling path that is itself an output
    /// (a `static/app.js.gz` of the site's own) is left to that output.
    func run(_ paths: [String], hashes: [String: UInt64], previous: [String: Siblings], outputs: Set<String>,
             diagnostics: DiagnosticsEngine) -> [Outcome] {
        parallelMap(paths, jobs: jobs) { path in
            var outcome = Outcome(path: path, siblings: [], compressed: 0, cacheHits: 0, siblingsWritten: 0)
            let target = joinPath(outputDirectory, path)
            var wanted: [(Siblings, String, Int)] = []
            if Self.isCompressible(path), let stamp = fileSystem.stamp(of: target), stamp.size >= UInt64(settings.minSize) {
                if let quality = settings.brotli { wanted.append((.brotli, "b\(quality)", quality)) }
                if let level = settings.gzip { wanted.append((.gzip, "g\(level)", level)) }
            }
            var bytes: [UInt8]?
            for (sibling, tag, level) in wanted where !outputs.contains(path + (sibling == .brotli ? ".br" : ".gz")) {
                let siblingPath = target + (sibling == .brotli ? ".br" : ".gz")
                do {
                    let hash = hashes[path] ?? 0
                    let cachePath = joinPath(cacheDirectory, Self.folderName, String(hash >> 56, radix: 16),
                                             "\(String(hash, radix: 16))-\(fileSystem.stamp(of: target)?.size ?? 0).\(tag)")
                    var compressed: [UInt8]
                    if fileSystem.kind(of: cachePath) == .file, let cached = try? fileSystem.read(cachePath) {
                        compressed = cached
                        outcome.cacheHits += 1
                    } else {
                        if bytes == nil { bytes = try fileSystem.read(target) }
                        compressed = (sibling == .brotli ? Brotli.compress(bytes!, quality: level) : Deflate.gzip(bytes!, level: level)) ?? []
                        // Kept only when smaller: a bigger "compressed" file would cost every client bytes.
                        if compressed.count >= bytes!.count { compressed = [] }
                        try fileSystem.writeAtomically(compressed, to: cachePath)
                        outcome.compressed += 1
                    }
                    guard !compressed.isEmpty else { continue }
                    outcome.siblings.insert(sibling)
                    if fileSystem.stamp(of: siblingPath)?.size != UInt64(compressed.count) || (try? fileSystem.read(siblingPath)) != compressed {
                        try fileSystem.writeAtomically(compressed, to: siblingPath)
                        outcome.siblingsWritten += 1
                    }
                } catch {
                    diagnostics.emit(.error("cannot write the compressed copy of '\(path)': \(error)", at: nil))
                }
            }
            do {
                for sibling in (previous[path] ?? []).subtracting(outcome.siblings).paths(of: path) where !outputs.contains(sibling) {
                    let siblingTarget = joinPath(outputDirectory, sibling)
                    if fileSystem.kind(of: siblingTarget) == .file { try fileSystem.removeFile(siblingTarget) }
                }
            } catch {
                diagnostics.emit(.warning("cannot remove a stale compressed copy of '\(path)': \(error)", at: nil))
            }
            return outcome
        }
    }

    /// Removes cache entries that no current output uses (by the hash in their name).
    func collectGarbage(keeping hashes: Set<UInt64>) {
        let folder = joinPath(cacheDirectory, Self.folderName)
        guard let buckets = try? fileSystem.entries(of: folder) else { return }
        for bucket in buckets {
            let bucketPath = joinPath(folder, bucket.name)
            for entry in (try? fileSystem.entries(of: bucketPath)) ?? [] {
                let hex = entry.name.split(separator: "-").first.map(String.init) ?? ""
                if let hash = UInt64(hex, radix: 16), hashes.contains(hash) { continue }
                try? fileSystem.removeFile(joinPath(bucketPath, entry.name))
            }
            fileSystem.removeDirectoryIfEmpty(bucketPath)
        }
    }
}
