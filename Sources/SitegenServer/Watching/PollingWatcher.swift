import Foundation
import SitegenCore

/// Watches a site by listing it every `interval` and comparing each file's stamp (size, mtime, inode) with the last
/// listing: slower than inotify and blind to changes within one interval that restore the stamp, but it works on any
/// file system (`sitegen watch --poll`).
public final class PollingWatcher: FileWatcher, @unchecked Sendable {
    private let scope: WatchScope
    private let fileSystem: FileSystem
    private let interval: TimeInterval
    private var stamps: [String: FileStamp] = [:]
    private let stopping = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var running = false

    public init(scope: WatchScope, fileSystem: FileSystem = LocalFileSystem(), interval: TimeInterval = 0.5) {
        self.scope = scope
        self.fileSystem = fileSystem
        self.interval = interval
    }

    public func start(_ handler: @escaping @Sendable ([WatchEvent]) -> Void) throws {
        stamps = snapshot()
        running = true
        let thread = Thread { [self] in
            while stopping.wait(timeout: .now() + interval) == .timedOut {
                let events = poll()
                if !events.isEmpty { handler(events) }
            }
            finished.signal()
        }
        thread.name = "sitegen poll"
        thread.start()
    }

    public func stop() {
        guard running else { return }
        running = false
        stopping.signal()
        finished.wait()
    }

    /// Lists the site again and reports what differs from the previous listing (used by the thread; tests call it).
    public func poll() -> [WatchEvent] {
        let current = snapshot()
        var changed: [String] = []
        for (path, stamp) in current where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where current[path] == nil { changed.append(path) }
        stamps = current
        return changed.sorted().map(WatchEvent.changed)
    }

    /// Every file in scope with its stamp.
    func snapshot() -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        var visited: Set<String> = []
        walk(scope.root, into: &result, visited: &visited)
        return result
    }

    private func walk(_ folder: String, into result: inout [String: FileStamp], visited: inout Set<String>) {
        guard visited.insert(fileSystem.resolvingSymlinks(folder) ?? folder).inserted,
              let entries = try? fileSystem.entries(of: folder) else { return }
        for entry in entries {
            let path = joinPath(folder, entry.name)
            guard scope.includes(path) else { continue }
            if entry.kind == .directory || (entry.kind == .symlink && fileSystem.isDirectory(path)) {
                walk(path, into: &result, visited: &visited)
            } else if let stamp = fileSystem.stamp(of: path) {
                result[path] = stamp
            }
        }
    }
}
