/// The site-wide files that tell hosts and CDNs how to serve the output: `preload-manifest.json`,
/// `asset-manifest.json` and `_headers` (the Netlify and Cloudflare Pages format).
///
/// They are made from the build's records (every page's preload entries, every published asset, every output path),
/// never by reading pages back, so a build that rendered one page still writes exactly what a clean build writes.
/// Paths in them are relative to the output folder's root, as a host serving that folder sees requests; `href`s are
/// as the pages use them (with the base path).
struct HostFiles {
    static let preloadManifest = "preload-manifest.json"
    static let assetManifest = "asset-manifest.json"
    static let headers = "_headers"
    static let paths = [assetManifest, headers, preloadManifest]

    /// Cloudflare Pages reads at most 100 rules and 2,000 characters a line; Netlify has no such limits, so these
    /// keep the file valid for both.
    static let maxRules = 100
    static let maxLineLength = 2000
    /// A `Link` header announces the first few entries only: early hints are for what blocks rendering.
    static let maxLinkEntries = 6

    struct PageEntry {
        /// `blog/hello/index.html`
        var outputPath: String
        /// `PreloadEntry.key`s as the graph stores them: hashed as they are, parsed only when the files are made.
        var preloadKeys: [String]
        var preloads: [PreloadEntry] { preloadKeys.compactMap(PreloadEntry.init(key:)) }
    }

    let pages: [PageEntry]
    let assets: [AssetCatalog.Asset]
    /// Every output path of the build (siblings excluded), for choosing cache rules by folder.
    let outputs: [String]
    let basePath: String
    /// The site's own `static/_headers`, put first.
    let siteHeaders: String?

    /// A hash of everything the three files are made from: when it equals the stored one, they stand as they are.
    var inputHash: UInt64 {
        let hasher = StableHasher()
        for page in pages {
            hasher.combine(page.outputPath)
            for key in page.preloadKeys { hasher.combine(key) }
        }
        for asset in assets {
            hasher.combine(asset.name)
            hasher.combine(asset.outputPath)
            hasher.combine(asset.integrity ?? "")
            hasher.combine(asset.size)
        }
        for output in outputs { hasher.combine(output) }
        hasher.combine(basePath)
        hasher.combine(siteHeaders ?? "")
        return hasher.finalize()
    }

    func render() -> [(path: String, bytes: [UInt8])] {
        [(Self.assetManifest, Array(assetManifestJSON().utf8)),
         (Self.headers, Array(headersFile().utf8)),
         (Self.preloadManifest, Array(preloadManifestJSON().utf8))]
    }

    /// `{"css/site.css":{"url":"/css/site.0123456789abcdef.css","integrity":"sha384-...","size":1234},...}`
    func assetManifestJSON() -> String {
        var json = "{"
        for (index, asset) in assets.enumerated() {
            if index > 0 { json += "," }
            json += jsonString(asset.name) + ":{\"url\":" + jsonString(basePath + asset.urlPath)
            if let integrity = asset.integrity { json += ",\"integrity\":" + jsonString(integrity) }
            json += ",\"size\":\(asset.size)}"
        }
        return json + "}\n"
    }

    /// `{"/":[{"href":...,"as":"style","type":"text/css","integrity":...}],...}`, by URL path, pages without
    /// entries left out. `integrity` is the asset's even when the page's tag does not carry one.
    func preloadManifestJSON() -> String {
        let integrities = Dictionary(assets.compactMap { asset in asset.integrity.map { (basePath + asset.urlPath, $0) } },
                                     uniquingKeysWith: { a, _ in a })
        var json = "{"
        var first = true
        for page in pages.sorted(by: { Self.urlPath($0.outputPath) < Self.urlPath($1.outputPath) }) where !page.preloadKeys.isEmpty {
            if !first { json += "," }
            first = false
            json += jsonString(Self.urlPath(page.outputPath)) + ":["
            json += page.preloads.map { entry in
                var object = "{\"href\":" + jsonString(entry.href) + ",\"rel\":" + jsonString(entry.rel) + ",\"as\":" + jsonString(entry.kind)
                if let type = entry.type { object += ",\"type\":" + jsonString(type) }
                if let integrity = entry.integrity ?? integrities[entry.href] { object += ",\"integrity\":" + jsonString(integrity) }
                if let crossorigin = entry.crossorigin { object += ",\"crossorigin\":" + jsonString(crossorigin.isEmpty ? "anonymous" : crossorigin) }
                return object + "}"
            }.joined(separator: ",")
            json += "]"
        }
        return json + "}\n"
    }

    /// Cache rules and preload hints. Fingerprinted assets are immutable; everything else revalidates (`no-cache`).
    /// Both hosts join the values of a header that several matching rules set, so no URL may match two rules that
    /// set `Cache-Control`: rules are chosen per folder, a folder with only fingerprinted files gets one `/folder/*`
    /// rule, one without any gets one `/folder/*` no-cache rule, and mixed folders are split further.
    func headersFile() -> String {
        var rules: [(pattern: String, headers: [String])] = []
        let fingerprinted = Set(assets.filter { $0.outputPath != $0.name }.map(\.outputPath))
        let immutable = "Cache-Control: public, max-age=31536000, immutable"
        let revalidate = "Cache-Control: no-cache"
        let linksByPath = Dictionary(pages.compactMap { page in linkHeader(page.preloads).map { (page.outputPath, $0) } },
                                     uniquingKeysWith: { a, _ in a })

        /// Rules for the outputs under `folder` ("" for the root), given the paths relative to it.
        func cover(_ folder: String, _ paths: [String]) {
            let prefix = folder.isEmpty ? "/" : "/" + folder + "/"
            let full = paths.map { folder.isEmpty ? $0 : folder + "/" + $0 }
            let pinned = full.filter(fingerprinted.contains)
            if !folder.isEmpty && pinned.count == full.count {
                rules.append((prefix + "*", [immutable]))
                return
            }
            if !folder.isEmpty && pinned.isEmpty {
                // One rule for the folder; its pages' Link header only when they all announce the same.
                let links = Set(full.filter { $0.hasSuffix(".html") }.map { linksByPath[$0] ?? "" })
                rules.append((prefix + "*", [revalidate] + (links.count == 1 && links.first != "" ? ["Link: " + links.first!] : [])))
                return
            }
            var children: [String: [String]] = [:]
            for path in paths {
                if let slash = path.firstIndex(of: "/") {
                    children[String(path[..<slash]), default: []].append(String(path[path.index(after: slash)...]))
                } else {
                    let file = folder.isEmpty ? path : folder + "/" + path
                    let pattern = path == "index.html" ? prefix : prefix + path
                    var headers = [fingerprinted.contains(file) ? immutable : revalidate]
                    if let link = linksByPath[file] { headers.append("Link: " + link) }
                    rules.append((pattern, headers))
                }
            }
            for name in children.keys.sorted() { cover(folder.isEmpty ? name : folder + "/" + name, children[name]!) }
        }
        // `_headers` itself is read by the host, never served.
        cover("", outputs.filter { !Self.paths.contains($0) }.sorted() + [Self.assetManifest, Self.preloadManifest])

        // Immutable rules first (they matter most), then the rest in path order, within the host's limit.
        let ordered = rules.filter { $0.headers.first == immutable } + rules.filter { $0.headers.first != immutable }
        var text = siteHeaders.map { $0.hasSuffix("\n") || $0.isEmpty ? $0 : $0 + "\n" } ?? ""
        text += "# Written by sitegen: fingerprinted assets are cached for a year, everything else revalidates.\n"
        let budget = Self.maxRules - (siteHeaders.map(Self.ruleCount) ?? 0)
        for rule in ordered.prefix(max(0, budget)) {
            text += rule.pattern + "\n"
            for header in rule.headers { text += "  " + header + "\n" }
        }
        return text
    }

    /// The `Link` value for a page: its first entries, kept under the line limit.
    private func linkHeader(_ entries: [PreloadEntry]) -> String? {
        var values: [String] = []
        var length = "  Link: ".count
        for entry in entries.prefix(Self.maxLinkEntries) {
            let value = entry.linkValue
            if length + value.count + 2 > Self.maxLineLength { break }
            values.append(value)
            length += value.count + 2
        }
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// `blog/hello/index.html` -> `/blog/hello/`; `404.html` -> `/404.html`.
    static func urlPath(_ outputPath: String) -> String {
        if outputPath == "index.html" { return "/" }
        if outputPath.hasSuffix("/index.html") { return "/" + outputPath.dropLast("index.html".count) }
        return "/" + outputPath
    }

    static func ruleCount(_ headers: String) -> Int {
        headers.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("\t") && !$0.hasPrefix("#") }.count
    }
}

/// A JSON string literal.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
