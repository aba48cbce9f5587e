/// What a file is, as `lstat` sees it: links are reported as links, so the engine can refuse the ones that point
/// out of the site instead of following them blindly.
public enum FileKind: Hashable, Sendable {
    case file, directory, symlink
}

/// One entry of a folder listing.
public struct DirectoryEntry: Hashable, Sendable {
    public var name: String
    public var kind: FileKind

    public init(name: String, kind: FileKind) {
        self.name = name
        self.kind = kind
    }
}

/// The cheap identity of a file's contents: if the stamp did not change, the bytes are taken as unchanged (unless
/// the file is racily clean, see the incremental graph), so a no-op build stats files instead of reading them.
public struct FileStamp: Hashable, Sendable, Codable {
    public var size: UInt64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
    public var inode: UInt64

    public init(size: UInt64, mtime: Int64, inode: UInt64) {
        self.size = size
        self.mtime = mtime
        self.inode = inode
    }
}

/// A failed file operation, with the path and the system's reason.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Every file access of the engine goes through this protocol, so that builds can run against an in-memory tree
/// in tests (as ninja's `DiskInterface` and Hummingbird's `FileProvider` do) and so that writes are atomic in one
/// place. Paths are absolute, `/`-separated, with no `.` or `..` parts.
public protocol FileSystem: Sendable {
    /// What is at `path` without following a final symlink, or nil when nothing is there.
    func kind(of path: String) -> FileKind?
    /// The stamp of the file at `path` (following links), or nil when it does not exist.
    func stamp(of path: String) -> FileStamp?
    /// The entries of a folder, sorted by name so that every walk is deterministic.
    func entries(of directory: String) throws -> [DirectoryEntry]
    func read(_ path: String) throws -> [UInt8]
    /// The path with every symlink resolved, or nil when it does not resolve.
    func resolvingSymlinks(_ path: String) -> String?
    /// Writes `bytes` to a temporary file beside `path` and renames it into place, creating missing folders: a
    /// reader sees the old file or the new one, never half of one.
    func writeAtomically(_ bytes: [UInt8], to path: String) throws
    /// Removes a file; removing a missing file is not an error.
    func removeFile(_ path: String) throws
    /// Removes a folder and everything in it.
    func removeTree(_ path: String) throws
    /// Removes `path` if it is an empty folder, and says whether it did.
    @discardableResult func removeDirectoryIfEmpty(_ path: String) -> Bool
}

extension FileSystem {
    public func exists(_ path: String) -> Bool { kind(of: path) != nil }

    public func isDirectory(_ path: String) -> Bool {
        if let kind = kind(of: path), kind == .directory { return true }
        if kind(of: path) == .symlink, let real = resolvingSymlinks(path) { return kind(of: real) == .directory }
        return false
    }

    public func readString(_ path: String) throws -> String {
        String(decoding: try read(path), as: UTF8.self)
    }
}

/// Joins `/`-separated path parts, dropping empty ones.
/// The name prefix of the temporary files of atomic writes; a build killed partway can leave one behind, which the
/// next build removes (`OutputWriter.removeTemporaryFiles`).
public let temporaryPrefix = ".sitegen-tmp-"

public func joinPath(_ base: String, _ parts: String...) -> String {
    var result = base
    for part in parts where !part.isEmpty {
        if result.hasSuffix("/") { result.removeLast() }
        result += part.hasPrefix("/") ? part : "/" + part
    }
    return result
}

/// The folder part of a `/`-separated path ("" for a bare name).
public func parentPath(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
}

/// The last part of a `/`-separated path.
public func lastPathComponent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
}
