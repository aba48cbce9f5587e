/// Root-relative URL paths (`/blog/hello/`) and the output files they map to (`blog/hello/index.html`).
///
/// Every path a user can write (a `url`, an alias) passes `problem(with:)` first, so no output can land outside the
/// output folder whatever the content says.
public enum URLPath {
    /// Why `path` cannot be used as a page URL, or nil when it can.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "must not be empty" }
        if path.contains("://") || path.hasPrefix("//") { return "must be a path on this site, not a full URL" }
        if path.contains("\\") { return "must use '/' separators" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "?" || $0 == "#" }) {
            return "must not contain control characters, '?' or '#'"
        }
        for part in path.split(separator: "/") where part == ".." || part == "." {
            return "must not contain '.' or '..' parts"
        }
        return nil
    }

    /// `about`, `/about`, `/about/` all become `/about/`; a path with a file extension in its last part
    /// (`/feed.xml`) is kept as a file.
    public static func normalize(_ path: String) -> String {
        let parts = path.split(separator: "/")
        if parts.isEmpty { return "/" }
        let joined = "/" + parts.joined(separator: "/")
        if let last = parts.last, last.contains("."), !path.hasSuffix("/") { return joined }
        return joined + "/"
    }

    /// A root-relative link as a template wrote it (`docs/`, `/favicon.svg`), with exactly one leading `/`.
    public static func normalizeLink(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        return "/" + trimmed
    }

    /// The output file of a normalized URL path, relative to the output folder.
    public static func outputFile(for urlPath: String) -> String {
        let trimmed = urlPath.hasPrefix("/") ? String(urlPath.dropFirst()) : urlPath
        if trimmed.isEmpty { return "index.html" }
        if urlPath.hasSuffix("/") { return trimmed + "index.html" }
        return trimmed
    }
}
