/// Decides what a link written in a page's markdown points at, for both the body render (which rewrites it) and
/// the link check (which reports broken ones), so the two can never disagree.
struct LinkResolver {
    enum Target {
        /// A URL with a scheme, a protocol-relative URL, or anything that is not a file of `content/`.
        case external
        /// `#fragment` in the same page.
        case sameFileAnchor(String)
        /// A markdown file of `content/`, with the fragment after `#` if any.
        case page(path: String, fragment: String?)
        /// Another file of `content/` (an image in a bundle), relative to the page.
        case resource(path: String, fragment: String?)
        /// A relative path that climbs out of `content/`.
        case outsideContent
        /// `/assets/<name>`: a file of `assets/`, published under its fingerprinted name; the `?query#fragment` kept.
        case asset(name: String, suffix: String)
    }

    func resolve(_ destination: String, from page: Page) -> Target {
        if destination.hasPrefix("#") { return .sameFileAnchor(String(destination.dropFirst()).removingPercentEncodingSafely) }
        if destination.contains(":") || destination.hasPrefix("//") || destination.isEmpty { return .external }
        if destination.hasPrefix("/assets/") {
            var name = String(destination.dropFirst("/assets/".count))
            var suffix = ""
            if let cut = name.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                suffix = String(name[cut...])
                name = String(name[..<cut])
            }
            return .asset(name: name.removingPercentEncodingSafely, suffix: suffix)
        }
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let decoded = path.removingPercentEncodingSafely
        if ContentLoader.isMarkdown(decoded) {
            guard let target = resolvePath(decoded, from: decoded.hasPrefix("/") ? "content" : page.directory) else { return .outsideContent }
            return .page(path: target, fragment: fragment)
        }
        guard !decoded.isEmpty, !decoded.hasPrefix("/"), let file = resolvePath(decoded, from: page.directory) else { return .external }
        return .resource(path: file, fragment: fragment)
    }

    /// Resolves a relative path against a folder; nil when it climbs out of `content/`.
    private func resolvePath(_ path: String, from directory: String) -> String? {
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

/// cmark counts columns in UTF-8 bytes; editors and our diagnostics count characters.
func characterColumn(byteColumn: Int, in line: String) -> Int {
    let bytes = Array(line.utf8)
    let prefix = bytes.prefix(max(0, byteColumn - 1))
    return String(decoding: prefix, as: UTF8.self).count + 1
}
