import Foundation
import SitegenCore

/// A whole file tree in memory, for engine tests that need no disk: files, folders and symlinks, with a logical
/// clock for mtimes so that tests can make a file "change" deterministically.
public final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    private enum Node {
        case file([UInt8], FileStamp)
        case directory
        case symlink(String)
    }

    private let lock = NSLock()
    private var nodes: [String: Node] = ["/": .directory]
    private var clock: Int64 = 1_000_000_000
    private var nextInode: UInt64 = 1
    private var unreadable: Set<String> = []

    public init() {}

    /// Creates a tree from site-relative paths and texts, under `root`.
    public convenience init(root: String, files: [String: String]) {
        self.init()
        for (path, text) in files { try! write(text, to: joinPath(root, path)) }
    }

    public func write(_ text: String, to path: String) throws {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Makes reads of `path` fail as they would on a file without read permission (which root cannot simulate on
    /// disk).
    public func makeUnreadable(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        unreadable.insert(normalize(path))
    }

    public func addSymlink(at path: String, pointingTo target: String) {
        lock.lock()
        defer { lock.unlock() }
        makeParents(path)
        nodes[path] = .symlink(target)
    }

    /// Every file path below `root`, sorted.
    public func allFiles(under root: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return nodes.compactMap { path, node in
            if case .file = node, path.hasPrefix(prefix) { return path }
            return nil
        }.sorted()
    }

    public func kind(of path: String) -> FileKind? {
        lock.lock()
        defer { lock.unlock() }
        // Like lstat: symlinks in the parent folders are followed, a final symlink is reported as one.
        let normalized = normalize(path)
        guard let parent = resolve(parentPath(normalized)) else { return nil }
        let full = (parent == "/" ? "" : parent) + "/" + lastPathComponent(normalized)
        switch nodes[normalized == "/" ? "/" : full] {
        case .file: return .file
        case .directory: return .directory
        case .symlink: return .symlink
        case nil: return nil
        }
    }

    public func stamp(of path: String) -> FileStamp? {
        lock.lock()
        defer { lock.unlock() }
        guard let real = resolve(normalize(path)), case .file(_, let stamp) = nodes[real] else { return nil }
        return stamp
    }

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        lock.lock()
        defer { lock.unlock() }
        guard let dir = resolve(normalize(directory)), case .directory = nodes[dir] else { throw FileSystemError(path: directory, reason: "No such file or directory") }
        let prefix = dir == "/" ? "/" : dir + "/"
        var result: [DirectoryEntry] = []
        for (path, node) in nodes where path.hasPrefix(prefix) && path != dir {
            let rest = path.dropFirst(prefix.count)
            if rest.contains("/") { continue }
            let kind: FileKind
            switch node {
            case .file: kind = .file
            case .directory: kind = .directory
            case .symlink: kind = .symlink
            }
            result.append(DirectoryEntry(name: String(rest), kind: kind))
        }
        return result.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    public func read(_ path: String) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        guard let real = resolve(normalize(path)) else { throw FileSystemError(path: path, reason: "No such file or directory") }
        if unreadable.contains(real) { throw FileSystemError(path: path, reason: "Permission denied") }
        switch nodes[real] {
        case .file(let bytes, _): return bytes
        case .directory: throw FileSystemError(path: path, reason: "is a directory")
        default: throw FileSystemError(path: path, reason: "No such file or directory")
        }
    }

    public func resolvingSymlinks(_ path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return resolve(normalize(path))
    }

    public func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let path = normalize(path)
        if case .directory = nodes[path] { throw FileSystemError(path: path, reason: "is a directory") }
        makeParents(path)
        clock += 1_000_000
        nextInode += 1
        nodes[path] = .file(bytes, FileStamp(size: UInt64(bytes.count), mtime: clock, inode: nextInode))
    }

    public func removeFile(_ path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let path = normalize(path)
        if case .directory = nodes[path] { throw FileSystemError(path: path, reason: "is a directory") }
        nodes[path] = nil
    }

    public func removeTree(_ path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let path = normalize(path)
        let prefix = path + "/"
        for key in nodes.keys where key == path || key.hasPrefix(prefix) { nodes[key] = nil }
    }

    @discardableResult
    public func removeDirectoryIfEmpty(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let path = normalize(path)
        guard case .directory = nodes[path] else { return false }
        let prefix = path + "/"
        if nodes.keys.contains(where: { $0.hasPrefix(prefix) }) { return false }
        nodes[path] = nil
        return true
    }

    private func makeParents(_ path: String) {
        var parent = parentPath(path)
        while parent != "/" && !parent.isEmpty && nodes[parent] == nil {
            nodes[parent] = .directory
            parent = parentPath(parent)
        }
    }

    private func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Follows symlinks in every component, as realpath does; nil when a component is missing.
    private func resolve(_ path: String, depth: Int = 0) -> String? {
        if depth > 40 { return nil }
        var resolved = ""
        let parts = path.split(separator: "/")
        for (index, part) in parts.enumerated() {
            let candidate = resolved + "/" + part
            switch nodes[candidate] {
            case .symlink(let target):
                let base = target.hasPrefix("/") ? target : (resolved.isEmpty ? "/" : resolved) + "/" + target
                let rest = parts[(index + 1)...].joined(separator: "/")
                return resolve(normalize(rest.isEmpty ? base : base + "/" + rest), depth: depth + 1)
            case nil:
                return nil
            default:
                resolved = candidate
            }
        }
        return resolved.isEmpty ? "/" : resolved
    }
}
