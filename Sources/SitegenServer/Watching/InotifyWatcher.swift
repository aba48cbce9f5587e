#if canImport(Glibc)
import Foundation
import Glibc
import SitegenCore

/// Watches a site with Linux's inotify: one watch per folder, added recursively, on the watcher's own thread.
///
/// - A folder created (or moved in) after the start is watched as soon as its event arrives, and everything already
///   inside it is reported, because files can be created before the watch on their folder exists.
/// - A folder moved away or deleted loses its watches, so later events are not reported under a stale path.
/// - `IN_Q_OVERFLOW` (the kernel dropped events) walks the tree again for folders it missed and reports `.overflow`.
/// - Both names of a rename are reported; an editor's "write a temporary file, rename it over the original" is
///   therefore a change of the original, and the batcher folds the burst into one rebuild.
public final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    /// inotify could not be set up; the message says why and what to do.
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    private let scope: WatchScope
    private let fileSystem = LocalFileSystem()
    private var descriptor: Int32 = -1
    private var wakeUp: [Int32] = [-1, -1]
    /// Watch descriptor -> the folder it watches. Touched by `start` before the thread exists, then by the thread only.
    private var folders: [Int32: String] = [:]
    private let finished = DispatchSemaphore(value: 0)
    private var running = false

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

    public init(scope: WatchScope) {
        self.scope = scope
    }

    deinit { stop() }

    public func start(_ handler: @escaping @Sendable ([WatchEvent]) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw Error(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        guard pipe(&wakeUp) == 0 else { throw Error(description: "pipe: \(String(cString: strerror(errno)))") }
        var ignored: [WatchEvent] = []
        if let failure = watchTree(scope.root, reporting: &ignored) { throw failure }
        running = true
        let thread = Thread { [self] in
            run(handler)
            finished.signal()
        }
        thread.name = "sitegen inotify"
        thread.start()
    }

    public func stop() {
        guard running else { return }
        running = false
        var byte: UInt8 = 1
        _ = write(wakeUp[1], &byte, 1)
        finished.wait()
        close(descriptor)
        close(wakeUp[0])
        close(wakeUp[1])
    }

    /// Watches `folder` and, within the scope, every folder under it; appends a `.changed` for every file found.
    /// Returns an error only when the kernel refuses a watch (the limit of watches is reached).
    @discardableResult
    private func watchTree(_ folder: String, reporting events: inout [WatchEvent]) -> Error? {
        let wd = inotify_add_watch(descriptor, folder, Self.mask)
        if wd < 0 {
            if errno == ENOSPC {
                return Error(description: "the limit of inotify watches is reached (sysctl fs.inotify.max_user_watches); use --poll")
            }
            return nil  // The folder went away between its event and now: nothing to watch.
        }
        // The kernel gives one watch per folder, so a known watch under another name is either a symlinked folder
        // already watched (`content/loop -> content`: not walked again, or the walk would never end) or a stale name
        // of a folder moved while events were lost (replaced).
        if let known = folders[wd], known != folder,
           fileSystem.resolvingSymlinks(known) == fileSystem.resolvingSymlinks(folder) {
            return nil
        }
        folders[wd] = folder
        guard let entries = try? fileSystem.entries(of: folder) else { return nil }
        for entry in entries {
            let path = folder + "/" + entry.name
            guard scope.includes(path) else { continue }
            if entry.kind == .directory || (entry.kind == .symlink && fileSystem.isDirectory(path)) {
                if let failure = watchTree(path, reporting: &events) { return failure }
            } else {
                events.append(.changed(path))
            }
        }
        return nil
    }

    /// Stops watching `folder` and everything under it (it was moved away or deleted).
    private func unwatchTree(_ folder: String) {
        for (wd, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(descriptor, wd)
            folders[wd] = nil
        }
    }

    private func run(_ handler: @Sendable ([WatchEvent]) -> Void) {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeUp[0], events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || descriptors[1].revents != 0 { return }
            var events: [WatchEvent] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                events += decode(buffer[..<count])
            }
            if !events.isEmpty { handler(events) }
        }
    }

    /// Turns raw `inotify_event` records into watch events, updating the watched folders as folders come and go.
    private func decode(_ bytes: ArraySlice<UInt8>) -> [WatchEvent] {
        var events: [WatchEvent] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= raw.count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                handle(wd: wd, mask: mask, name: name, into: &events)
            }
        }
        return events
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into events: inout [WatchEvent]) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            events.append(.overflow)
            watchTree(scope.root, reporting: &events)
            return
        }
        guard let folder = folders[wd] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        guard !name.isEmpty else { return }  // Events about the watched folder itself come again from its parent.
        let path = folder + "/" + name
        guard scope.includes(path) else { return }
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { unwatchTree(path) }
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // The files inside are what changed; a new empty folder changes no build.
                watchTree(path, reporting: &events)
                return
            }
        }
        events.append(.changed(path))
    }
}
#endif
