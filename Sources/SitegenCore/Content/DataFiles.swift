/// Loads `data/` (YAML, TOML, JSON) into the `site.data` tree: `data/authors.yaml` becomes `site.data.authors`,
/// `data/team/core.json` becomes `site.data.team.core`.
struct DataFiles {
    let fileSystem: FileSystem
    let root: String

    func load(_ paths: [String], diagnostics: DiagnosticsEngine) -> [String: Any] {
        var tree: [String: Any] = [:]
        for path in paths.sorted() {
            guard let format = DataFormat.forPath(path) else {
                diagnostics.emit(.warning("ignoring data file with an unknown format (use .yaml, .yml, .toml or .json)", at: SourceLocation(path: path)))
                continue
            }
            let text: String
            do {
                text = try TextDecoding.decode(try fileSystem.read(joinPath(root, path)))
            } catch let error as TextDecodingError {
                diagnostics.emit(.error(error.message, at: SourceLocation(path: path, line: error.position.line, column: error.position.column)))
                continue
            } catch {
                diagnostics.emit(.error("cannot read file: \(error)", at: SourceLocation(path: path)))
                continue
            }
            let value: DataValue
            do {
                value = try format.parse(text)
            } catch {
                diagnostics.emit(.error(error.message, at: SourceLocation(path: path, line: error.position.line, column: error.position.column),
                                        sourceLine: line(error.position.line, of: text)))
                continue
            }
            let parts = String(path.dropFirst("data/".count)).split(separator: "/").map(String.init)
            let keys = parts.dropLast() + [fileStem(parts.last ?? "")]
            insert(templateValue(value), at: Array(keys), into: &tree)
        }
        return tree
    }

    private func insert(_ value: Any, at keys: [String], into tree: inout [String: Any]) {
        guard let first = keys.first else { return }
        if keys.count == 1 {
            tree[first] = value
            return
        }
        var child = tree[first] as? [String: Any] ?? [:]
        insert(value, at: Array(keys.dropFirst()), into: &child)
        tree[first] = child
    }
}
