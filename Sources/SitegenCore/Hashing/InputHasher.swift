/// Decides for every input whether its content changed since the last build, reading only what it must.
///
/// A file whose stamp (size, mtime in nanoseconds, inode) equals the stored one keeps its stored hash, unless it is
/// *racily clean*: modified so close to the previous build's start that an edit in the same timestamp tick could have
/// left the stamp unchanged (git's rule for its index). Such a file, and any file with a new stamp, is read and
/// hashed; a new stamp with the old hash (a `touch`, a copy of the site) counts as unchanged.
struct InputHasher {
    /// How close to the previous build's start an mtime must be to be distrusted; two seconds covers file systems
    /// with coarse timestamps.
    static let racyWindow: Int64 = 2_000_000_000

    let fileSystem: FileSystem
    let root: String
    let jobs: Int

    struct Result {
        var records: [String: BuildGraph.InputRecord] = [:]
        var hashed = 0
        /// Inputs whose hash differs from the stored one, or that are new.
        var changed: Set<String> = []
        /// Stored inputs that no longer exist.
        var removed: Set<String> = []
    }

    func hash(_ paths: [String], previous: [String: BuildGraph.InputRecord], previousBuildStart: Int64) -> Result {
        let outcomes: [(BuildGraph.InputRecord?, Bool)] = parallelMap(paths, jobs: jobs) { path in
            let absolute = joinPath(root, path)
            guard let stamp = fileSystem.stamp(of: absolute) else { return (nil, false) }
            if let old = previous[path], old.stamp == stamp, stamp.mtime < previousBuildStart - Self.racyWindow {
                return (old, false)
            }
            guard let bytes = try? fileSystem.read(absolute) else { return (nil, false) }
            return (BuildGraph.InputRecord(stamp: stamp, hash: XXH3.hash(bytes)), true)
        }
        var result = Result()
        for (path, outcome) in zip(paths, outcomes) {
            guard let record = outcome.0 else { continue }
            result.records[path] = record
            if outcome.1 { result.hashed += 1 }
            if previous[path]?.hash != record.hash { result.changed.insert(path) }
        }
        result.removed = Set(previous.keys).subtracting(result.records.keys)
        return result
    }
}
