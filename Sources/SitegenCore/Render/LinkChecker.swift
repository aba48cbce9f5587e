/// Reports links to missing pages and anchors, for every page on every build, from the links each body recorded,
/// so that an incremental build reports exactly what a clean build would even for pages it did not render again.
struct LinkChecker {
    let model: SiteModel
    /// `--strict`: broken links are errors instead of warnings.
    let strict: Bool
    /// The names of the site's assets: a link to a missing one is always an error, as in templates.
    let assetNames: Set<String>

    func check(diagnostics: DiagnosticsEngine) {
        let resolver = LinkResolver()
        let severity: Diagnostic.Severity = strict ? .error : .warning
        for path in model.pagesBySource.keys.sorted() {
            let page = model.pagesBySource[path]!
            for link in page.rendered?.links ?? [] {
                var problem: String?
                var severity = severity
                switch resolver.resolve(link.destination, from: page) {
                case .external, .resource:
                    continue
                case .asset(let name, _):
                    guard !assetNames.contains(name) else { continue }
                    problem = "asset '\(name)' not found in assets/"
                    severity = .error
                case .outsideContent:
                    problem = "link points outside content/: '\(link.destination)'"
                case .sameFileAnchor(let fragment):
                    if !fragment.isEmpty && !hasAnchor(fragment, in: page) {
                        problem = "link to a missing anchor '#\(fragment)' in this page"
                    }
                case .page(let target, let fragment):
                    if let targetPage = model.pagesBySource[target] {
                        if let fragment, !fragment.isEmpty, !hasAnchor(fragment.removingPercentEncodingSafely, in: targetPage) {
                            problem = "link to a missing anchor '#\(fragment.removingPercentEncodingSafely)' in \(target)"
                        }
                    } else if !model.failedSources.contains(target) {
                        let reason = model.unpublished.contains(target) ? "a page that is not published (draft or future-dated)" : "a missing page"
                        problem = "link to \(reason): '\(link.destination)' (resolved to \(target))"
                    }
                }
                guard let problem else { continue }
                let fileLine = link.position.line + page.bodyLine - 1
                let lineText = page.sourceLine(fileLine)
                let column = lineText.map { characterColumn(byteColumn: link.position.column, in: $0) } ?? link.position.column
                diagnostics.emit(Diagnostic(severity, problem, at: SourceLocation(path: page.sourcePath, line: fileLine, column: column),
                                            sourceLine: lineText))
            }
        }
    }

    private func hasAnchor(_ fragment: String, in page: Page) -> Bool {
        page.rendered?.headings.contains { $0.id == fragment } ?? false
    }
}
