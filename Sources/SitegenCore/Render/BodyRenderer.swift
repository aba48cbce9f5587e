/// Renders the markdown bodies of all pages (in parallel) and rewrites links between markdown files to page URLs.
///
/// Runs after every page has its URL and before any template renders, because templates show other pages'
/// summaries. Anchors are checked in a second pass, once every page's heading ids are known.
struct BodyRenderer {
    let model: SiteModel
    let markdown: MarkdownRenderer
    let jobs: Int
    /// `--strict`: broken links are errors instead of warnings.
    let strict: Bool

    /// A link that names a heading in a page, checked after all bodies are rendered.
    private struct AnchorReference {
        var target: String
        var fragment: String
        var location: SourceLocation
        var sourceLine: String?
    }

    func render(diagnostics: DiagnosticsEngine) {
        let all = model.pagesBySource.keys.sorted().map { model.pagesBySource[$0]! }
        let anchorLists: [[AnchorReference]] = parallelMap(all, jobs: jobs) { page in
            var anchors: [AnchorReference] = []
            var found: [Diagnostic] = []
            let rendered = markdown.render(page.body) { link in
                rewrite(link, in: page, anchors: &anchors, diagnostics: &found)
            }
            page.rendered = rendered
            if let summary = page.frontMatter.summary {
                page.summaryHTML = markdown.render(summary).html
            } else {
                page.summaryHTML = rendered.summaryHTML
            }
            diagnostics.emit(contentsOf: found)
            return anchors
        }
        for reference in anchorLists.joined() {
            guard let target = model.pagesBySource[reference.target], let headings = target.rendered?.headings else { continue }
            if !headings.contains(where: { $0.id == reference.fragment }) {
                let which = reference.target == reference.location.path ? "this page" : reference.target
                diagnostics.emitStrictable("link to a missing anchor '#\(reference.fragment)' in \(which)",
                                           at: reference.location, sourceLine: reference.sourceLine)
            }
        }
    }

    private func rewrite(_ link: MarkdownLink, in page: Page, anchors: inout [AnchorReference], diagnostics: inout [Diagnostic]) -> String? {
        let destination = link.destination
        let fileLine = link.position.line + page.bodyLine - 1
        let column = page.sourceLine(fileLine).map { characterColumn(byteColumn: link.position.column, in: $0) } ?? link.position.column
        let location = SourceLocation(path: page.sourcePath, line: fileLine, column: column)
        if destination.hasPrefix("#") {
            let fragment = String(destination.dropFirst())
            if !fragment.isEmpty {
                anchors.append(AnchorReference(target: page.sourcePath, fragment: fragment.removingPercentEncodingSafely,
                                               location: location, sourceLine: page.sourceLine(fileLine)))
            }
            return nil
        }
        if destination.contains(":") || destination.hasPrefix("//") { return nil }
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        let decoded = path.removingPercentEncodingSafely
        guard ContentLoader.isMarkdown(path) else {
            // A relative link to a file of content/ (a bundle's image) becomes root-relative, so it still works where
            // the page's summary is shown: list pages, feeds, other folders.
            guard !decoded.isEmpty, !decoded.hasPrefix("/"), let file = resolve(decoded, from: page.directory),
                  let urlPath = model.resourceURLs[file] else { return nil }
            return model.config.basePath + urlPath + (fragment.map { "#" + $0 } ?? "")
        }
        let base = decoded.hasPrefix("/") ? "content" : page.directory
        guard let target = resolve(decoded, from: base) else {
            diagnostics.append(Diagnostic(strict ? .error : .warning,
                                          "link points outside content/: '\(destination)'", at: location,
                                          sourceLine: page.sourceLine(fileLine)))
            return nil
        }
        guard let targetPage = model.pagesBySource[target] else {
            if model.failedSources.contains(target) { return nil }  // its own error is reported already
            let reason = model.unpublished.contains(target) ? "a page that is not published (draft or future-dated)" : "a missing page"
            diagnostics.append(Diagnostic(strict ? .error : .warning,
                                          "link to \(reason): '\(destination)' (resolved to \(target))", at: location,
                                          sourceLine: page.sourceLine(fileLine)))
            return nil
        }
        if let fragment, !fragment.isEmpty {
            anchors.append(AnchorReference(target: target, fragment: fragment.removingPercentEncodingSafely, location: location,
                                           sourceLine: page.sourceLine(fileLine)))
        }
        return model.config.basePath + targetPage.urlPath + (fragment.map { "#" + $0 } ?? "")
    }

    /// Resolves a relative path against a folder; nil when it climbs out of `content/`.
    private func resolve(_ path: String, from directory: String) -> String? {
        var parts = directory.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                parts.removeLast()
                if parts.isEmpty { return nil }
            default: parts.append(String(part))
            }
        }
        guard parts.first == "content", parts.count > 1 else { return nil }
        return parts.joined(separator: "/")
    }
}

/// cmark counts columns in UTF-8 bytes; editors and our diagnostics count characters.
func characterColumn(byteColumn: Int, in line: String) -> Int {
    let bytes = Array(line.utf8)
    let prefix = bytes.prefix(max(0, byteColumn - 1))
    return String(decoding: prefix, as: UTF8.self).count + 1
}

extension String {
    /// Decodes `%20`-style escapes; leaves the text unchanged when it is not valid percent-encoding.
    var removingPercentEncodingSafely: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == 0x25, utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
