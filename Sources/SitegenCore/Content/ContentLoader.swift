/// Reads every markdown file of `content/` into a `Page`, in parallel, collecting each file's problems.
///
/// A file with broken front matter is reported and left out; the build goes on so that all errors of the site are
/// reported together (the engine then writes nothing, so the previous output stays).
struct ContentLoader {
    let fileSystem: FileSystem
    let root: String
    let config: SiteConfig
    let jobs: Int

    static func isMarkdown(_ path: String) -> Bool {
        let ext = fileExtension(path)
        return ext == "md" || ext == "markdown"
    }

    func load(_ paths: [String], diagnostics: DiagnosticsEngine) -> [Page] {
        let results: [(Page?, [Diagnostic])] = parallelMap(paths, jobs: jobs) { path in
            var found: [Diagnostic] = []
            let page = loadPage(path, diagnostics: &found)
            return (page, found)
        }
        var pages: [Page] = []
        for (page, found) in results {
            diagnostics.emit(contentsOf: found)
            if let page {
                page.loadDiagnostics = found
                pages.append(page)
            }
        }
        return pages
    }

    /// Reads the markdown body of a page restored from the build graph, whose file did not change, when one of its
    /// outputs must be rendered again. Returns false (and reports) when the file can no longer be read.
    func loadBody(of page: Page, diagnostics: DiagnosticsEngine) -> Bool {
        do {
            let text = try TextDecoding.decode(try fileSystem.read(joinPath(root, page.sourcePath)))
            page.body = try FrontMatterSplitter.split(text).body
            return true
        } catch {
            diagnostics.emit(.error("cannot read file again: \(error)", at: SourceLocation(path: page.sourcePath)))
            return false
        }
    }

    private func loadPage(_ path: String, diagnostics: inout [Diagnostic]) -> Page? {
        let text: String
        do {
            text = try TextDecoding.decode(try fileSystem.read(joinPath(root, path)))
        } catch let error as TextDecodingError {
            diagnostics.append(.error(error.message, at: SourceLocation(path: path, line: error.position.line, column: error.position.column)))
            return nil
        } catch {
            diagnostics.append(.error("cannot read file: \(error)", at: SourceLocation(path: path)))
            return nil
        }
        let split: FrontMatterSplit
        do {
            split = try FrontMatterSplitter.split(text)
        } catch {
            diagnostics.append(.error(error.message, at: SourceLocation(path: path, line: error.line, column: 1), sourceLine: line(error.line, of: text)))
            return nil
        }
        var table = DataTable()
        do {
            switch split.format {
            case .yaml: table = try YAMLLoader.loadTable(split.frontMatter)
            case .toml: table = try TOMLParser.parse(split.frontMatter)
            case .none: break
            }
        } catch {
            let fileLine = error.position.line + split.frontMatterLine - 1
            let kind = split.format == .yaml ? "YAML" : "TOML"
            diagnostics.append(.error("invalid \(kind) front matter: \(error.message)",
                                      at: SourceLocation(path: path, line: fileLine, column: error.position.column),
                                      sourceLine: line(fileLine, of: text)))
            return nil
        }
        let isSection = lastPathComponent(path) == "_index.md"
        let reader = FrontMatterReader(path: path, fileText: text, lineOffset: split.frontMatterLine - 1,
                                       taxonomies: config.taxonomies, isSection: isSection)
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        let matter = reader.read(table, into: &diagnostics)
        if diagnostics.filter({ $0.severity == .error }).count > errorsBefore { return nil }
        var positions: [String: TextPosition] = [:]
        for key in table.keys {
            if let p = table.position(of: key) { positions[key] = p.offset(lines: split.frontMatterLine - 1) }
        }
        return Page(sourcePath: path, kind: isSection ? .section : .page, frontMatter: matter, body: split.body,
                    bodyLine: split.bodyLine, fileText: text, keyPositions: positions)
    }
}
