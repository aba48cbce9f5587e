/// The site's assets: the theme's (`templates/assets/` of the built-in theme) with the site's `assets/` laid over
/// them, processed before any page renders, because pages embed their final URLs.
///
/// Each asset is minified (text kinds, unless already `.min.`), its stylesheet references rewritten to the final
/// URLs of what they name, and published as `name.<hash>.ext`, the hash (XXH3) taken over the final bytes. So a
/// stylesheet's name changes when an image or font it names changes, and every published asset name can be cached
/// forever. Every file of the site's own `assets/` is published; a theme asset only when a template asks for it, so a
/// site with its own templates does not ship the default theme's stylesheet.
struct AssetCatalog {
    /// One asset after processing.
    struct Asset {
        /// `css/site.css`
        var name: String
        /// `assets/css/site.css`, or `(theme)/assets/css/site.css`.
        var source: String
        /// `css/site.0123456789abcdef.css` (the logical path when fingerprinting is off).
        var outputPath: String
        var content: PlannedOutput.Content
        /// XXH3 of the published bytes.
        var hash: UInt64
        var size: Int
        /// `sha384-...` of text assets (stylesheets, scripts, SVG...), for `integrity` attributes; binary assets are
        /// never read by the pipeline, so they have none.
        var integrity: String?
        /// The fonts (asset names) this stylesheet and the ones it imports declare in `@font-face`.
        var fonts: [String] = []
        var isThemeOnly: Bool
        var dependencies: [Dependency]

        /// The URL path, without the site's base path: `/css/site.0123456789abcdef.css`.
        var urlPath: String { "/" + outputPath }
    }

    private(set) var assets: [String: Asset] = [:]

    /// Asset name to what a render that names it depends on: its URL and its bytes.
    var fingerprints: [String: UInt64] {
        assets.mapValues { asset in
            let hasher = StableHasher()
            hasher.combine(asset.outputPath)
            hasher.combine(asset.hash)
            return hasher.finalize()
        }
    }

    /// Asset name to URL path (no base path), for the `asset` helper and markdown links.
    var urls: [String: String] { assets.mapValues(\.urlPath) }

    /// The outputs to publish, given the asset names that renders asked for.
    func outputs(referenced: Set<String>) -> [PlannedOutput] {
        published(referenced: referenced).map { asset in
            PlannedOutput(path: asset.outputPath, source: asset.source, content: asset.content, dependencies: asset.dependencies)
        }
    }

    /// The assets to publish: every site asset, and the theme assets that renders asked for or that a published
    /// stylesheet names.
    func published(referenced: Set<String>) -> [Asset] {
        var wanted = Set(assets.values.filter { !$0.isThemeOnly }.map(\.name)).union(referenced)
        var queue = Array(wanted)
        while let name = queue.popLast() {
            for case .asset(let target) in assets[name]?.dependencies ?? [] where !wanted.contains(target) {
                wanted.insert(target)
                queue.append(target)
            }
        }
        return wanted.sorted().compactMap { assets[$0] }
    }

    /// Processes every asset. `inputHashes` are the XXH3 hashes of the site's input files (binary assets are never
    /// read here: their hash is their fingerprint); `staticFiles` lets a stylesheet name a file of `static/`.
    init(themeFiles: [String: [UInt8]], siteAssets: [String], inputHashes: [String: UInt64], staticFiles: [String],
         fileSystem: FileSystem, root: String, minify: Bool, fingerprint: Bool, basePath: String, diagnostics: DiagnosticsEngine) {
        var sources: [String: PlannedOutput.Content] = [:]
        var sourcePaths: [String: String] = [:]
        var themeOnly: Set<String> = []
        for name in themeFiles.keys where name.hasPrefix("assets/") {
            let logical = String(name.dropFirst("assets/".count))
            sources[logical] = .themeFile(name)
            sourcePaths[logical] = TemplateSet.themePrefix + name
            themeOnly.insert(logical)
        }
        for path in siteAssets {
            let logical = String(path.dropFirst("assets/".count))
            sources[logical] = .copy(path)
            sourcePaths[logical] = path
            themeOnly.remove(logical)
        }
        let processor = AssetProcessor(sources: sources, sourcePaths: sourcePaths, themeOnly: themeOnly, themeFiles: themeFiles,
                                       inputHashes: inputHashes, staticFiles: Set(staticFiles.map { String($0.dropFirst("static/".count)) }),
                                       fileSystem: fileSystem, root: root, minify: minify, fingerprint: fingerprint,
                                       basePath: basePath, diagnostics: diagnostics)
        assets = processor.run()
    }
}

/// Does the work of `AssetCatalog.init`: stylesheets are processed after what they reference (depth first), so their
/// rewritten URLs are final; a reference cycle is an error at the reference that closes it.
private final class AssetProcessor {
    let sources: [String: PlannedOutput.Content]
    let sourcePaths: [String: String]
    let themeOnly: Set<String>
    let themeFiles: [String: [UInt8]]
    let inputHashes: [String: UInt64]
    let staticFiles: Set<String>
    let fileSystem: FileSystem
    let root: String
    let minify: Bool
    let fingerprint: Bool
    let basePath: String
    let diagnostics: DiagnosticsEngine

    private var done: [String: AssetCatalog.Asset] = [:]
    private var inProgress: Set<String> = []

    init(sources: [String: PlannedOutput.Content], sourcePaths: [String: String], themeOnly: Set<String>, themeFiles: [String: [UInt8]],
         inputHashes: [String: UInt64], staticFiles: Set<String>, fileSystem: FileSystem, root: String, minify: Bool,
         fingerprint: Bool, basePath: String, diagnostics: DiagnosticsEngine) {
        self.sources = sources
        self.sourcePaths = sourcePaths
        self.themeOnly = themeOnly
        self.themeFiles = themeFiles
        self.inputHashes = inputHashes
        self.staticFiles = staticFiles
        self.fileSystem = fileSystem
        self.root = root
        self.minify = minify
        self.fingerprint = fingerprint
        self.basePath = basePath
        self.diagnostics = diagnostics
    }

    func run() -> [String: AssetCatalog.Asset] {
        for name in sources.keys.sorted() { _ = process(name) }
        return done
    }

    /// Text kinds are read, rewritten and minified; anything else is published as it is, named by its input hash.
    private static let textExtensions: Set<String> = ["css", "js", "mjs", "json", "svg", "xml", "txt", "map", "webmanifest", "html"]

    private func process(_ name: String) -> AssetCatalog.Asset? {
        if let asset = done[name] { return asset }
        guard let content = sources[name], let source = sourcePaths[name] else { return nil }
        inProgress.insert(name)
        defer { inProgress.remove(name) }
        let ext = fileExtension(name)
        var dependencies: [Dependency] = [.file(source)]
        var fonts: [String] = []
        var published = content
        let hash: UInt64
        let size: Int
        var integrity: String?
        if Self.textExtensions.contains(ext) {
            guard var bytes = read(content, source: source) else { return nil }
            if ext == "css" {
                bytes = rewriteStylesheet(bytes, name: name, source: source, dependencies: &dependencies, fonts: &fonts)
            }
            if minify, !name.contains(".min."), let kind = Minifier.kind(forPath: name) {
                bytes = Minifier.minify(bytes, kind: kind)
            }
            integrity = SHA384.integrity(bytes)
            hash = XXH3.hash(bytes)
            size = bytes.count
            published = .bytes(bytes)
        } else {
            switch content {
            case .themeFile(let path):
                hash = XXH3.hash(themeFiles[path] ?? [])
                size = themeFiles[path]?.count ?? 0
            case .copy(let path):
                hash = inputHashes[path] ?? 0
                size = Int(fileSystem.stamp(of: joinPath(root, path))?.size ?? 0)
            case .bytes(let bytes):
                hash = XXH3.hash(bytes)
                size = bytes.count
            }
        }
        let asset = AssetCatalog.Asset(name: name, source: source, outputPath: fingerprint ? Self.fingerprinted(name, hash: hash) : name,
                                       content: published, hash: hash, size: size, integrity: integrity, fonts: fonts,
                                       isThemeOnly: themeOnly.contains(name), dependencies: dependencies)
        done[name] = asset
        return asset
    }

    /// `css/site.css` -> `css/site.0123456789abcdef.css`: the full 64-bit hash in hex, before the last extension.
    static func fingerprinted(_ name: String, hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        let digits = String(repeating: "0", count: 16 - hex.count) + hex
        let slash = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        if let dot = name[slash...].lastIndex(of: "."), dot > slash {
            return name[..<dot] + "." + digits + name[dot...]
        }
        return name + "." + digits
    }

    private func read(_ content: PlannedOutput.Content, source: String) -> [UInt8]? {
        switch content {
        case .bytes(let bytes): return bytes
        case .themeFile(let path): return themeFiles[path] ?? []
        case .copy(let path):
            do {
                return try fileSystem.read(joinPath(root, path))
            } catch {
                diagnostics.emit(.error("cannot read file: \(error)", at: SourceLocation(path: source)))
                return nil
            }
        }
    }

    /// Rewrites each `url()` and `@import` that names an asset to that asset's final URL; reports the ones that
    /// name nothing; collects the fonts of `@font-face` rules, its own and those of the stylesheets it imports.
    private func rewriteStylesheet(_ css: [UInt8], name: String, source: String, dependencies: inout [Dependency], fonts: inout [String]) -> [UInt8] {
        let references = CSSReferences.scan(css)
        var replacements: [String?] = []
        var preloadedRules: Set<Int> = []
        for reference in references {
            guard let (target, suffix) = resolve(reference.url, from: name) else {
                replacements.append(nil)
                continue
            }
            let location = SourceLocation(path: source, line: reference.position.line, column: reference.position.column)
            if sources[target] != nil {
                if inProgress.contains(target) {
                    diagnostics.emit(.error("stylesheet reference cycle: '\(name)' names '\(target)', which leads back to it", at: location))
                    replacements.append(nil)
                    continue
                }
                guard let asset = process(target) else {
                    replacements.append(nil)
                    continue
                }
                dependencies.append(.asset(target))
                // The first source of each @font-face is the one browsers take (woff2 before its fallbacks).
                if let rule = reference.fontFace, preloadedRules.insert(rule).inserted, !fonts.contains(target) { fonts.append(target) }
                if reference.isImport { fonts.append(contentsOf: asset.fonts.filter { !fonts.contains($0) }) }
                replacements.append(basePath + asset.urlPath + suffix)
            } else if staticFiles.contains(target) {
                replacements.append(nil)
            } else {
                diagnostics.emit(.error("'\(reference.url)' names no file of assets/ or static/ (looked for '\(target)')", at: location))
                replacements.append(nil)
            }
        }
        return CSSReferences.rewrite(css, references, with: replacements)
    }

    /// The asset name a stylesheet URL points at, with its `?query#fragment`; nil for URLs that are not local files
    /// (`data:`, `https://`, `//host`, `#id`, empty).
    private func resolve(_ url: String, from name: String) -> (String, String)? {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || url.contains(":") { return nil }
        var path = url
        var suffix = ""
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(path[cut...])
            path = String(path[..<cut])
        }
        path = path.removingPercentEncodingSafely
        var parts: [Substring]
        if path.hasPrefix("/") {
            if !basePath.isEmpty, path.hasPrefix(basePath + "/") { path = String(path.dropFirst(basePath.count)) }
            parts = []
        } else {
            parts = name.split(separator: "/").dropLast()
        }
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return (parts.joined(separator: "/"), suffix)
    }
}
