import Foundation

/// What the responder reads of an HTTP request: the socket shell fills it, tests construct it directly.
public struct SiteRequest: Sendable {
    /// `GET`, `HEAD`, ... (upper case).
    public var method: String
    /// The request target as sent, still percent-encoded (`/docs/?q=1`).
    public var target: String
    /// The `Accept-Encoding` header, if any.
    public var acceptEncoding: String?
    /// The `If-None-Match` header, if any.
    public var ifNoneMatch: String?

    public init(method: String, target: String, acceptEncoding: String? = nil, ifNoneMatch: String? = nil) {
        self.method = method.uppercased()
        self.target = target
        self.acceptEncoding = acceptEncoding
        self.ifNoneMatch = ifNoneMatch
    }
}

/// The answer to a `SiteRequest`: status, headers in order, and the body to send.
public struct SiteResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The headers to send, in order (`Content-Length` is the shell's to add).
    public var headers: [(name: String, value: String)]
    /// Empty for `HEAD` and `304`; `contentLength` still says how long the body of a `GET` is.
    public var body: [UInt8]
    /// The length of the body a `GET` would get.
    public var contentLength: Int

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], contentLength: Int? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.contentLength = contentLength ?? body.count
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Reads `Accept-Encoding` (`br;q=1.0, gzip, *;q=0`): the codings the client accepts, by name in lower case.
public enum AcceptEncoding {
    /// The accepted codings: each listed name whose quality is not 0.
    public static func accepted(_ header: String?) -> Set<String> {
        guard let header else { return [] }
        var accepted: Set<String> = []
        for item in header.split(separator: ",") {
            let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = fields.first?.lowercased(), !name.isEmpty else { continue }
            let quality = fields.dropFirst().first { $0.lowercased().hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0 { accepted.insert(name) }
        }
        return accepted
    }
}
