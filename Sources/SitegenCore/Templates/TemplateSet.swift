import Mustache

/// The templates of one build: the built-in theme with the site's own files laid over it, parsed once, checked for
/// syntax errors and missing partials, and registered in one Mustache library that every render shares (it is
/// immutable and thread-safe).
struct TemplateSet: Sendable {
    /// A template file: where it came from (for diagnostics and dependencies) and its text.
    struct Source: Sendable {
        /// `templates/page.mustache` for the site's own, `(theme)/page.mustache` for the built-in theme's.
        var path: String
        var text: String
        var partials: [String]
    }

    static let themePrefix = "(theme)/"

    let library: MustacheLibrary
    /// By registered name (`page`, `blog/page`, `partials/head`, `head`).
    let sources: [String: Source]
    /// Names whose file failed to parse (already reported): outputs that need them are skipped quietly instead of
    /// adding a misleading "not found" for every page.
    let broken: Set<String>

    /// Loads theme and site templates. `siteFiles` are site-relative paths under `templates/` with their texts.
    static func load(theme: [String: [UInt8]], siteFiles: [(path: String, text: String)], diagnostics: DiagnosticsEngine) -> TemplateSet {
        var files: [String: (path: String, text: String)] = [:]
        for (relative, bytes) in theme where relative.hasSuffix(".mustache") {
            files[relative] = (themePrefix + relative, String(decoding: bytes, as: UTF8.self))
        }
        for file in siteFiles where file.path.hasSuffix(".mustache") {
            files[String(file.path.dropFirst("templates/".count))] = file
        }
        var library = MustacheLibrary()
        var sources: [String: Source] = [:]
        var broken: Set<String> = []
        for relative in files.keys.sorted() {
            let (path, text) = files[relative]!
            let name = String(relative.dropLast(".mustache".count))
            let tags = MustacheTagScanner.tags(in: text)
            broken.insert(name)
            if name.hasPrefix("partials/") { broken.insert(String(name.dropFirst("partials/".count))) }
            if let (message, position) = MustacheTagScanner.structureProblem(in: tags) {
                diagnostics.emit(.error(message, at: SourceLocation(path: path, line: position.line, column: position.column),
                                        sourceLine: line(position.line, of: text)))
                continue
            }
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.emit(.error("template syntax error: \(describe(error.error))",
                                        at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                                        sourceLine: error.context.line))
                continue
            } catch {
                diagnostics.emit(.error("template syntax error: \(error)", at: SourceLocation(path: path)))
                continue
            }
            broken.remove(name)
            if name.hasPrefix("partials/") { broken.remove(String(name.dropFirst("partials/".count))) }
            let partials = tags.filter { ($0.kind == .partial || $0.kind == .parent) && !$0.name.hasPrefix("*") }.map(\.name)
            let source = Source(path: path, text: text, partials: partials)
            library.register(template, named: name)
            sources[name] = source
            if name.hasPrefix("partials/") {
                let bare = String(name.dropFirst("partials/".count))
                if files[bare + ".mustache"] == nil {
                    library.register(template, named: bare)
                    sources[bare] = source
                }
            }
        }
        let set = TemplateSet(library: library, sources: sources, broken: broken)
        set.checkPartials(diagnostics: diagnostics)
        return set
    }

    private func checkPartials(diagnostics: DiagnosticsEngine) {
        var reported = Set<String>()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            guard reported.insert(source.path).inserted else { continue }
            for tag in MustacheTagScanner.tags(in: source.text) where (tag.kind == .partial || tag.kind == .parent) && !tag.name.hasPrefix("*") {
                if sources[tag.name] == nil && !broken.contains(tag.name) {
                    diagnostics.emit(.error("partial '\(tag.name)' not found (looked for templates/\(tag.name).mustache and templates/partials/\(tag.name).mustache)",
                                            at: SourceLocation(path: source.path, line: tag.position.line, column: tag.position.column),
                                            sourceLine: line(tag.position.line, of: source.text)))
                }
            }
        }
    }

    func has(_ name: String) -> Bool { sources[name] != nil }

    /// Whether an output needing `name`, or a partial it uses, must be skipped because that file did not parse.
    func isBroken(_ name: String) -> Bool {
        if broken.contains(name) { return true }
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            if broken.contains(next) { return true }
            pending.append(contentsOf: sources[next]?.partials ?? [])
        }
        return false
    }

    /// The template names a render of `name` reads: itself and every partial it reaches, for the dependency graph.
    func names(reachedFrom name: String) -> [String] {
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending.append(contentsOf: sources[next]?.partials ?? [])
        }
        return seen.sorted()
    }

    /// The fact behind `Dependency.template(name)`: which file the name resolves to and its text, or 0 when no
    /// file has that name.
    func fingerprint(of name: String) -> UInt64 {
        guard let source = sources[name] else { return broken.contains(name) ? 1 : 0 }
        let hasher = StableHasher()
        hasher.combine(source.path)
        hasher.combine(source.text)
        return hasher.finalize()
    }

    /// Where a helper argument such as an asset name is first written in any template, for pointing a diagnostic
    /// about it at the template line rather than at the page being rendered.
    func locate(_ text: String) -> SourceLocation? {
        for name in sources.keys.sorted() {
            let source = sources[name]!
            var number = 1
            for lineText in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if let range = lineText.range(of: text) {
                    let column = lineText[..<range.lowerBound].count + 1
                    return SourceLocation(path: source.path, line: number, column: column)
                }
                number += 1
            }
        }
        return nil
    }

    func render(_ name: String, context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "unfinished tag (expected '}}')"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only blocks may appear inside an inheriting partial"
        case .textInsideInheritSection: return "text is not allowed inside an inheriting partial"
        case .invalidConfigVariableSyntax: return "invalid config variable syntax"
        case .unrecognisedConfigVariable: return "unrecognised config variable"
        @unknown default: return "\(error)"
        }
    }
}
