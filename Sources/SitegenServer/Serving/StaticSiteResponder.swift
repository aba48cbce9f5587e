import Foundation
import SitegenCore

/// Answers a request from a built site's output folder: a plain function of the request and the files, so every
/// rule below is unit-tested without a socket.
///
/// - `GET` and `HEAD` only; a folder is served by its `index.html` (a folder path without its final `/` is redirected
///   to have one, so relative links resolve), never listed.
/// - Nothing outside the folder: `RequestPath` refuses `..` in every spelling, and a file reached through a symlink
///   that resolves outside the folder is answered as missing.
/// - The site's `404.html` with status 404 for anything not found.
/// - A strong `ETag` (the XXH3 of the bytes sent) with `If-None-Match`; `Cache-Control: no-cache`, so a browser
///   always revalidates and an edit is never hidden by its cache.
/// - A `.br` or `.gz` sibling written by the build is sent when the client accepts it, with `Vary: Accept-Encoding`.
///   HTML with an injection (live reload) is always sent from the uncompressed file, so the script is present.
public struct StaticSiteResponder: Sendable {
    /// Where the files are read.
    public let fileSystem: FileSystem
    /// The output folder (absolute).
    public let root: String
    /// Inserted before `</body>` of every HTML response; nil serves the files exactly as built.
    public let htmlInjection: String?

    public init(fileSystem: FileSystem, root: String, htmlInjection: String? = nil) {
        self.fileSystem = fileSystem
        self.root = root
        self.htmlInjection = htmlInjection
    }

    public func respond(to request: SiteRequest) -> SiteResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return Self.text(405, "Method not allowed: \(request.method)\n", extra: [("Allow", "GET, HEAD")], method: request.method)
        }
        let path: RequestPath
        switch RequestPath.parse(request.target) {
        case .success(let parsed): path = parsed
        case .failure: return Self.text(400, "Bad request path\n", method: request.method)
        }
        guard let realRoot = fileSystem.resolvingSymlinks(root) else {
            return notFound(realRoot: root, request: request)
        }
        let candidate = path.parts.isEmpty ? root : joinPath(root, path.parts.joined(separator: "/"))
        switch locate(candidate, realRoot: realRoot) {
        case .file:
            return serve(candidate, status: 200, realRoot: realRoot, request: request)
        case .folder:
            guard path.namesFolder || path.parts.isEmpty else {
                let location = "/" + path.parts.map(Self.percentEncode).joined(separator: "/") + "/" + Self.query(of: request.target)
                return Self.text(301, "Moved to \(location)\n", extra: [("Location", location)], method: request.method)
            }
            let index = joinPath(candidate, "index.html")
            if locate(index, realRoot: realRoot) == .file {
                return serve(index, status: 200, realRoot: realRoot, request: request)
            }
            return notFound(realRoot: realRoot, request: request)
        case .missing:
            return notFound(realRoot: realRoot, request: request)
        }
    }

    private enum Located { case file, folder, missing }

    /// What `path` is once every symlink is resolved, counting anything that resolves outside the folder as missing.
    private func locate(_ path: String, realRoot: String) -> Located {
        guard let real = fileSystem.resolvingSymlinks(path), real == realRoot || real.hasPrefix(realRoot + "/") else {
            return .missing
        }
        switch fileSystem.kind(of: real) {
        case .file: return .file
        case .directory: return .folder
        default: return .missing
        }
    }

    private func notFound(realRoot: String, request: SiteRequest) -> SiteResponse {
        let page = joinPath(root, "404.html")
        guard locate(page, realRoot: realRoot) == .file else {
            guard let htmlInjection else { return Self.text(404, "Not found\n", method: request.method) }
            // No page of the site's own (its first build failed, say): a bare one that still carries the script, so
            // the overlay shows the errors and the fix reloads.
            let html = "<!doctype html>\n<title>Not found</title>\n<body><h1>Not found</h1>\n" + htmlInjection + "</body>\n"
            return finish(Array(html.utf8), status: 404, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-cache")],
                          request: request)
        }
        return serve(page, status: 404, realRoot: realRoot, request: request)
    }

    private func serve(_ path: String, status: Int, realRoot: String, request: SiteRequest) -> SiteResponse {
        let contentType = ContentTypes.forPath(path)
        var headers: [(name: String, value: String)] = [("Content-Type", contentType), ("Cache-Control", "no-cache")]
        var bodyPath = path
        if let htmlInjection, ContentTypes.isHTML(contentType) {
            guard var bytes = try? fileSystem.read(path) else { return Self.text(500, "Cannot read the file\n", method: request.method) }
            bytes = HTMLInjection.insert(htmlInjection, into: bytes)
            return finish(bytes, status: status, headers: headers, request: request)
        }
        // Precompressed siblings written by the build, in order of preference.
        let siblings = [("br", ".br"), ("gzip", ".gz")].filter { locate(path + $0.1, realRoot: realRoot) == .file }
        if !siblings.isEmpty {
            headers.append(("Vary", "Accept-Encoding"))
            let accepted = AcceptEncoding.accepted(request.acceptEncoding)
            if let (coding, suffix) = siblings.first(where: { accepted.contains($0.0) }) {
                headers.append(("Content-Encoding", coding))
                bodyPath = path + suffix
            }
        }
        guard let bytes = try? fileSystem.read(bodyPath) else { return Self.text(500, "Cannot read the file\n", method: request.method) }
        return finish(bytes, status: status, headers: headers, request: request)
    }

    /// Adds the `ETag`, answers `If-None-Match` with 304, and leaves the body out for `HEAD`.
    private func finish(_ bytes: [UInt8], status: Int, headers: [(name: String, value: String)], request: SiteRequest) -> SiteResponse {
        var headers = headers
        let etag = "\"" + String(XXH3.hash(bytes), radix: 16) + "\""
        headers.append(("ETag", etag))
        if status == 200, let condition = request.ifNoneMatch, Self.matches(condition, etag) {
            return SiteResponse(status: 304, headers: headers.filter { $0.name != "Content-Type" }, body: [], contentLength: 0)
        }
        return SiteResponse(status: status, headers: headers, body: request.method == "HEAD" ? [] : bytes, contentLength: bytes.count)
    }

    /// `If-None-Match` uses the weak comparison: `W/"x"` matches `"x"`, and `*` matches any current file.
    static func matches(_ condition: String, _ etag: String) -> Bool {
        condition.split(separator: ",").contains { item in
            var tag = item.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    static func text(_ status: Int, _ message: String, extra: [(name: String, value: String)] = [], method: String) -> SiteResponse {
        let bytes = Array(message.utf8)
        return SiteResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-cache")] + extra,
                            body: method == "HEAD" ? [] : bytes, contentLength: bytes.count)
    }

    private static func query(of target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[mark...].prefix { $0 != "#" })
    }

    /// Encodes a decoded path part for a `Location` header: unreserved characters stay, every other byte is escaped.
    static func percentEncode(_ part: String) -> String {
        var result = ""
        for byte in part.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}

/// Inserts a snippet into an HTML document: before the last `</body>`, or at the end when there is none.
public enum HTMLInjection {
    /// `html` with `snippet` inserted.
    public static func insert(_ snippet: String, into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            if zip(html[index..<(index + needle.count)], needle).allSatisfy({ lowercased($0) == $1 }) {
                return Array(html[..<index]) + Array(snippet.utf8) + Array(html[index...])
            }
            index -= 1
        }
        return html + Array(snippet.utf8)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
