/// The file a request's path names, as folder-relative parts, or why the path is refused.
///
/// The raw, still percent-encoded path is split on `/` first and each part decoded after, so `%2F` can never become
/// a separator. A part that decodes to `.`, `..`, or holds a slash, a backslash or a NUL byte is refused outright
/// (400) instead of being "normalized": a dev server has no reason to accept such a path, and refusing is the one
/// answer that cannot be wrong. Symlinks are the other way out of the output folder; `StaticSiteResponder` checks
/// those against the resolved folder.
public struct RequestPath: Hashable, Sendable {
    /// The decoded parts, without empty ones (`//` collapses).
    public var parts: [String]
    /// The path ended with `/` (or was just `/`): it names a folder.
    public var namesFolder: Bool

    /// Why a path was refused.
    public enum Rejection: Error, Hashable, Sendable {
        case notAbsolute
        case badEncoding
        case forbiddenPart(String)
    }

    /// Parses the path of a request target (`/docs/a%20b/?q=1`); the query and fragment are ignored.
    public static func parse(_ target: String) -> Result<RequestPath, Rejection> {
        var raw = Substring(target)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.hasPrefix("/") else { return .failure(.notAbsolute) }
        var parts: [String] = []
        for encoded in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let part = percentDecode(encoded) else { return .failure(.badEncoding) }
            if part == "." || part == ".." || part.contains("/") || part.contains("\\") || part.contains("\0") {
                return .failure(.forbiddenPart(String(encoded)))
            }
            parts.append(part)
        }
        return .success(RequestPath(parts: parts, namesFolder: raw.hasSuffix("/")))
    }

    /// Decodes `%XX` escapes as UTF-8; nil for a truncated escape, a non-hex digit or bytes that are not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
