#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real disk, through POSIX calls: no Foundation file APIs on the hot path of scanning and reading.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func kind(of path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Self.kind(info.st_mode)
    }

    public func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let nanos = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return FileStamp(size: UInt64(info.st_size), mtime: nanos, inode: UInt64(info.st_ino))
    }

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        guard let dir = opendir(directory) else { throw error(directory) }
        defer { closedir(dir) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: FileKind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .symlink
            default: kind = self.kind(of: directory + "/" + name)
            }
            if let kind { result.append(DirectoryEntry(name: name, kind: kind)) }
        }
        return result.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileSystemError(path: path, reason: "is a directory") }
        let expected = max(Int(info.st_size), 0)
        // Read straight into uninitialized storage: zero-filling first costs as much as the read for a large file
        // (the build graph of a big site is tens of megabytes).
        var failure: FileSystemError?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let n = Glibc.read(fd, buffer.baseAddress! + count, expected - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = error(path)
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if let failure { throw failure }
        // The file may have grown since fstat: read whatever is left.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    public func resolvingSymlinks(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = parentPath(path)
        try createDirectories(folder)
        let temporary = folder + "/" + temporaryPrefix + "\(getpid())-\(Self.nextTemporaryNumber())-" + lastPathComponent(path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error(temporary) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let failure = error(path)
                close(fd)
                unlink(temporary)
                throw failure
            }
            written += n
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let failure = error(path)
            unlink(temporary)
            throw failure
        }
    }

    public func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw error(path) }
    }

    public func removeTree(_ path: String) throws {
        guard let kind = kind(of: path) else { return }
        if kind == .directory {
            for entry in try entries(of: path) { try removeTree(path + "/" + entry.name) }
            if rmdir(path) != 0 && errno != ENOENT { throw error(path) }
        } else {
            try removeFile(path)
        }
    }

    @discardableResult
    public func removeDirectoryIfEmpty(_ path: String) -> Bool { rmdir(path) == 0 }

    /// Creates `path` and its missing parents, like `mkdir -p`.
    public func createDirectories(_ path: String) throws {
        if path.isEmpty || path == "/" { return }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            try createDirectories(parentPath(path))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw error(path)
    }

    private static func kind(_ mode: mode_t) -> FileKind? {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return nil
        }
    }

    private func error(_ path: String) -> FileSystemError {
        FileSystemError(path: path, reason: String(cString: strerror(errno)))
    }

    private static let counter = AtomicCounter()
    private static func nextTemporaryNumber() -> Int { counter.next() }
}

/// A tiny lock-protected counter, so concurrent writers never pick the same temporary name.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func next() -> Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        value += 1
        return value
    }
}
