/// The input files of a site, by role, as site-relative paths in a stable order.
public struct SiteInventory: Sendable {
    public var content: [String] = []
    public var templates: [String] = []
    public var assets: [String] = []
    public var staticFiles: [String] = []
    public var data: [String] = []
    public var hasConfig = false

    public var all: [String] {
        (hasConfig ? [ConfigLoader.fileName] : []) + content + templates + assets + staticFiles + data
    }
}

/// Lists a site's inputs through the `FileSystem` protocol.
///
/// Hidden files (`.git`, `.DS_Store`, the `.sitegen` cache) and editor backups (`name~`) are skipped. A symlink is
/// followed only when it resolves inside the site: one that points elsewhere is an error naming it, because
/// publishing it could copy any file of the machine into the output.
struct SiteScanner {
    static let folders = ["content", "templates", "assets", "static", "data"]

    let fileSystem: FileSystem
    let root: String
    let diagnostics: DiagnosticsEngine
    /// Folders never scanned because the build writes there (output and cache, when they are inside the site).
    let excluded: Set<String>

    func scan() -> SiteInventory {
        var inventory = SiteInventory()
        inventory.hasConfig = fileSystem.kind(of: joinPath(root, ConfigLoader.fileName)) == .file
        let realRoot = fileSystem.resolvingSymlinks(root) ?? root
        for folder in Self.folders {
            var files: [String] = []
            var visited: Set<String> = []
            walk(folder, realRoot: realRoot, into: &files, visited: &visited)
            switch folder {
            case "content": inventory.content = files
            case "templates": inventory.templates = files
            case "assets": inventory.assets = files
            case "static": inventory.staticFiles = files
            default: inventory.data = files
            }
        }
        return inventory
    }

    /// `knownKind` is what the folder listing already said about the entry (`readdir`'s type), which saves one
    /// `lstat` per file on every build.
    private func walk(_ relative: String, knownKind: FileKind? = nil, realRoot: String, into files: inout [String], visited: inout Set<String>) {
        let absolute = joinPath(root, relative)
        guard !excluded.contains(relative) else { return }
        guard let kind = knownKind ?? fileSystem.kind(of: absolute) else { return }
        var effective = kind
        if kind == .symlink {
            guard let target = fileSystem.resolvingSymlinks(absolute) else {
                diagnostics.emit(.error("symlink does not resolve to an existing file", at: SourceLocation(path: relative)))
                return
            }
            guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                diagnostics.emit(.error("symlink points outside the site (to \(target)); refusing to publish it",
                                        at: SourceLocation(path: relative)))
                return
            }
            effective = fileSystem.isDirectory(target) ? .directory : .file
            if effective == .directory {
                guard visited.insert(target).inserted else { return }
            }
        }
        switch effective {
        case .file:
            files.append(relative)
        case .directory:
            let entries: [DirectoryEntry]
            do {
                entries = try fileSystem.entries(of: absolute)
            } catch {
                diagnostics.emit(.error("cannot read folder: \(error)", at: SourceLocation(path: relative)))
                return
            }
            for entry in entries where !Self.isIgnored(entry.name) {
                walk(relative + "/" + entry.name, knownKind: entry.kind, realRoot: realRoot, into: &files, visited: &visited)
            }
        case .symlink:
            break
        }
    }

    /// Hidden files and editor leftovers that are never inputs.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp")
    }
}
