/// What a file watcher reports.
public enum WatchEvent: Hashable, Sendable {
    /// Something at this absolute path was created, written, removed or renamed (either name of a rename).
    case changed(String)
    /// Events were lost (the kernel's queue overflowed): anything may have changed, so the next build must look at
    /// everything. The engine scans the whole site on every build, so that is what any rebuild does.
    case overflow
}

/// Reports changes under a site's inputs. Linux uses `InotifyWatcher`; `PollingWatcher` works everywhere (network
/// file systems, containers with odd mounts, `--poll`); an FSEvents watcher for macOS would be a third conformer.
public protocol FileWatcher: AnyObject, Sendable {
    /// Starts watching: `handler` is called on the watcher's own thread with each group of events read together.
    func start(_ handler: @escaping @Sendable ([WatchEvent]) -> Void) throws
    /// Stops watching and waits for the watcher's thread to end; no call of the handler follows.
    func stop()
}

/// Which paths of a site a watcher looks at: `sitegen.toml` and the input folders, as the engine's scanner does,
/// without hidden files (`.git`, `.sitegen`, editors' `.swp` files), backups (`name~`) or the folders builds
/// write to.
public struct WatchScope: Sendable {
    /// The site folder (absolute).
    public var root: String
    /// Absolute folders never watched (the output and cache folders, when they are inside the site).
    public var excluded: [String]

    /// The site's top-level names that are inputs.
    public static let topLevel: Set<String> = ["sitegen.toml", "content", "templates", "assets", "static", "data"]

    public init(root: String, excluded: [String] = []) {
        self.root = root
        self.excluded = excluded
    }

    /// Whether a change at `path` (absolute) can change the build.
    public func includes(_ path: String) -> Bool {
        guard path.hasPrefix(root + "/") else { return false }
        if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return false }
        let parts = path.dropFirst(root.count + 1).split(separator: "/")
        guard let first = parts.first, Self.topLevel.contains(String(first)) else { return false }
        return !parts.contains { $0.hasPrefix(".") || $0.hasSuffix("~") }
    }

    /// The site-relative form of an absolute path under the root.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
