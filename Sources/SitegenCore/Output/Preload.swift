/// One subresource a page needs first: what `preload-manifest.json`, the page's `<link rel="preload">` tags and
/// `_headers`' `Link` lines announce, so that browsers (and CDNs sending 103 Early Hints) fetch it before the parser
/// finds it.
public struct PreloadEntry: Hashable, Sendable {
    /// `preload`, or `modulepreload` for module scripts.
    public var rel: String
    /// The URL as the page uses it (base path included).
    public var href: String
    /// `style`, `script`, `font` or `image`.
    public var kind: String
    public var type: String?
    public var integrity: String?
    public var crossorigin: String?

    /// The `<link>` tag for the page's head. Its `integrity` and `crossorigin` mirror the element that uses the
    /// resource, because a browser reuses a preloaded response only when they match.
    var tag: String {
        var tag = "<link rel=\"\(rel)\" href=\"\(escapeAttribute(href))\""
        if rel == "preload" { tag += " as=\"\(kind)\"" }
        if let type { tag += " type=\"\(type)\"" }
        if let integrity { tag += " integrity=\"\(integrity)\"" }
        if let crossorigin { tag += crossorigin.isEmpty ? " crossorigin" : " crossorigin=\"\(crossorigin)\"" }
        return tag + ">"
    }

    /// The entry as one value of an HTTP `Link` header.
    var linkValue: String {
        var value = "<\(href)>; rel=\(rel)"
        if rel == "preload" { value += "; as=\(kind)" }
        if let type { value += "; type=\"\(type)\"" }
        if crossorigin != nil { value += "; crossorigin" }
        return value
    }

    /// One line for the graph's key table: the entry survives between builds without its page being rendered.
    var key: String {
        ["preload", rel, href, kind, type ?? "", integrity ?? "", crossorigin.map { "+" + $0 } ?? ""].joined(separator: "\u{1F}")
    }

    init(rel: String, href: String, kind: String, type: String?, integrity: String?, crossorigin: String?) {
        self.rel = rel
        self.href = href
        self.kind = kind
        self.type = type
        self.integrity = integrity
        self.crossorigin = crossorigin
    }

    init?(key: String) {
        let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, parts[0] == "preload" else { return nil }
        self.init(rel: parts[1], href: parts[2], kind: parts[3], type: parts[4].isEmpty ? nil : parts[4],
                  integrity: parts[5].isEmpty ? nil : parts[5], crossorigin: parts[6].isEmpty ? nil : String(parts[6].dropFirst()))
    }
}

/// Finds what a rendered page needs first and writes the matching `<link rel="preload">` tags into its head.
///
/// The page's own markup is the source of truth: its local stylesheets, its scripts (module scripts become
/// `modulepreload`), the fonts its stylesheets declare in `@font-face` (asset stylesheets only: the pipeline read
/// them), and every `<img>` marked `fetchpriority="high"`, the web's own way for a page or a template to say an
/// image matters first.
struct Preloader {
    /// Asset by URL as pages use it (base path included).
    let assetsByHref: [String: AssetCatalog.Asset]
    /// Asset by name, for the fonts of a stylesheet.
    let assetsByName: [String: AssetCatalog.Asset]
    let basePath: String

    init(assets: AssetCatalog, basePath: String) {
        var byHref: [String: AssetCatalog.Asset] = [:]
        for asset in assets.assets.values { byHref[basePath + asset.urlPath] = asset }
        assetsByHref = byHref
        assetsByName = assets.assets
        self.basePath = basePath
    }

    func entries(in html: [UInt8]) -> [PreloadEntry] {
        var styles: [PreloadEntry] = []
        var fonts: [PreloadEntry] = []
        var scripts: [PreloadEntry] = []
        var images: [PreloadEntry] = []
        for tag in HTMLTagScanner.tags(in: html) {
            switch tag.name {
            case "link":
                let rel = Set((tag.attributes["rel"] ?? "").lowercased().split(separator: " ").map(String.init))
                guard rel.contains("stylesheet"), !rel.contains("alternate"), let href = tag.attributes["href"], isLocal(href) else { continue }
                styles.append(PreloadEntry(rel: "preload", href: href, kind: "style", type: "text/css",
                                           integrity: tag.attributes["integrity"], crossorigin: tag.attributes["crossorigin"]))
                for font in assetsByHref[href]?.fonts ?? [] {
                    guard let asset = assetsByName[font] else { continue }
                    fonts.append(PreloadEntry(rel: "preload", href: basePath + asset.urlPath, kind: "font",
                                              type: MediaType.of(asset.name), integrity: nil, crossorigin: "anonymous"))
                }
            case "script":
                guard let src = tag.attributes["src"], isLocal(src) else { continue }
                let type = (tag.attributes["type"] ?? "").lowercased()
                if type == "module" {
                    scripts.append(PreloadEntry(rel: "modulepreload", href: src, kind: "script", type: nil,
                                                integrity: tag.attributes["integrity"], crossorigin: tag.attributes["crossorigin"]))
                } else if type.isEmpty || type.contains("javascript") || type.contains("ecmascript") {
                    scripts.append(PreloadEntry(rel: "preload", href: src, kind: "script", type: nil,
                                                integrity: tag.attributes["integrity"], crossorigin: tag.attributes["crossorigin"]))
                }
            case "img":
                guard tag.attributes["fetchpriority"]?.lowercased() == "high", let src = tag.attributes["src"], isLocal(src) else { continue }
                images.append(PreloadEntry(rel: "preload", href: src, kind: "image", type: MediaType.of(src),
                                           integrity: nil, crossorigin: tag.attributes["crossorigin"]))
            default:
                continue
            }
        }
        var seen: Set<String> = []
        return (styles + fonts + scripts + images).filter { seen.insert($0.href).inserted }
    }

    /// The integrity of the asset behind `href`, for the manifest (which names it even when the page's tag does not).
    func integrity(of href: String) -> String? { assetsByHref[href]?.integrity }

    /// `html` with the tags of `entries` inserted after `<meta charset>` (or right after `<head>`); unchanged when
    /// the page has no head.
    static func inject(_ entries: [PreloadEntry], into html: [UInt8]) -> [UInt8] {
        guard !entries.isEmpty, let at = HTMLTagScanner.insertionPoint(in: html) else { return html }
        var output = Array(html[..<at])
        output.append(contentsOf: Array(("\n" + entries.map(\.tag).joined(separator: "\n")).utf8))
        output.append(contentsOf: html[at...])
        return output
    }

    /// Root-relative, same-origin URLs only: a preload of another host's file needs a preconnect the page did not ask for.
    private func isLocal(_ url: String) -> Bool { url.hasPrefix("/") && !url.hasPrefix("//") }
}

/// Media types by extension, for preload entries, the manifests and `_headers`.
enum MediaType {
    static func of(_ path: String) -> String? {
        var name = path
        if let cut = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = String(name[..<cut]) }
        switch fileExtension(name) {
        case "css": return "text/css"
        case "js", "mjs": return "text/javascript"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "svg": return "image/svg+xml"
        case "ico": return "image/x-icon"
        case "json": return "application/json"
        default: return nil
        }
    }
}

private func escapeAttribute(_ value: String) -> String {
    value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
}
