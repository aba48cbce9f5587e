import Foundation
import SitegenCore

/// Every file below a folder with its bytes, by relative path: what tests compare between builds.
public struct OutputTree: Equatable {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// Reads the tree below `root` (an empty tree when it does not exist).
    public init(reading root: String, fileSystem: FileSystem = LocalFileSystem()) {
        var files: [String: [UInt8]] = [:]
        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let entries = try? fileSystem.entries(of: absolute) else { return }
            for entry in entries {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.kind {
                case .directory: walk(child)
                case .file, .symlink: files[child] = try? fileSystem.read(root + "/" + child)
                }
            }
        }
        walk("")
        self.files = files
    }

    public var paths: [String] { files.keys.sorted() }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// A short description of how `other` differs from this tree, or nil when they are identical.
    public func difference(from other: OutputTree) -> String? {
        var lines: [String] = []
        let mine = Set(files.keys)
        let theirs = Set(other.files.keys)
        for path in mine.subtracting(theirs).sorted() { lines.append("only in expected: \(path)") }
        for path in theirs.subtracting(mine).sorted() { lines.append("only in actual: \(path)") }
        for path in mine.intersection(theirs).sorted() where files[path] != other.files[path] {
            lines.append("differs: \(path)\n" + firstDifference(files[path]!, other.files[path]!))
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end of file>"
            let r = index < right.count ? String(right[index]) : "<end of file>"
            if l != r { return "  line \(index + 1):\n    expected: \(l)\n    actual:   \(r)" }
        }
        return "  (bytes differ)"
    }
}
