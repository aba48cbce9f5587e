/// The kinds of output that sitegen can minify, one per minifier.
public enum MinifyKind: Sendable, Hashable, CaseIterable {
    /// HTML documents and fragments (`.html`, `.htm`).
    case html
    /// Style sheets (`.css`).
    case css
    /// Scripts (`.js`, `.mjs`, `.cjs`).
    case js
    /// JSON data and web app manifests (`.json`, `.webmanifest`).
    case json
    /// SVG images (`.svg`).
    case svg
    /// XML documents, feeds and sitemaps included (`.xml`, `.atom`, `.rss`).
    case xml
}

/// Makes outputs smaller without changing what they mean: one entry point over bytes, dispatching to one minifier
/// per kind.
///
/// Every minifier works on UTF-8 bytes, never on `String`s, so that a large bundle costs one pass and no
/// allocations per character. None of them throws: input a minifier cannot read with certainty (an unterminated
/// string, comment or tag, invalid JSON) comes back unchanged, because shipping a slightly larger file is always
/// better than shipping a broken one. The output depends on the input bytes alone.
public enum Minifier {
    /// The minifier for a file, from its extension (in any case), or nil when the file is not minified.
    ///
    /// `.map` is deliberately left out: source maps are written by tools that already emit them compact, and the
    /// extension is used by unrelated formats. `.xsl`/`.xslt` are left out too, since whitespace in a style sheet's
    /// text nodes can reach its output.
    public static func kind(forPath path: String) -> MinifyKind? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return .html
        case "css": return .css
        case "js", "mjs", "cjs": return .js
        case "json", "webmanifest": return .json
        case "svg": return .svg
        case "xml", "atom", "rss": return .xml
        default: return nil
        }
    }

    /// The minified form of `bytes` read as `kind`, or `bytes` unchanged when they cannot be minified safely.
    public static func minify(_ bytes: [UInt8], kind: MinifyKind) -> [UInt8] {
        switch kind {
        case .html: return HTMLMinifier.minify(bytes)
        case .css: return CSSMinifier.minify(bytes) ?? bytes
        case .js: return JSMinifier.minify(bytes, isModule: false) ?? bytes
        case .json: return JSONMinifier.minify(bytes) ?? bytes
        case .svg: return XMLMinifier.minify(bytes, dialect: .svg) ?? bytes
        case .xml: return XMLMinifier.minify(bytes, dialect: .xml) ?? bytes
        }
    }
}
