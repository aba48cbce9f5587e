/// Character-level helpers of `HTMLNormalizer`, each mirroring a piece of Python that normalize.py relies on.
extension HTMLNormalizer {

    /// Attribute values as Python's `html.unescape` reads them (numeric references and the HTML 4 names).
    static func unescape(_ value: ArraySlice<Unicode.Scalar>) -> String {
        let value = Array(value)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < value.count {
            if value[i] == "&", let semicolon = value[i...].firstIndex(of: ";"), semicolon > i + 1 {
                let body = String(String.UnicodeScalarView(value[(i + 1)..<semicolon]))
                var decoded: Unicode.Scalar?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else if body == "apos" {
                    decoded = "'"
                } else {
                    decoded = entityCodePoints[body].flatMap(Unicode.Scalar.init)
                }
                if let decoded {
                    result.append(decoded)
                    i = semicolon + 1
                    continue
                }
            }
            result.append(value[i])
            i += 1
        }
        return String(result)
    }

    /// `cgi.escape(value, quote=True)`.
    static func escapeAttribute(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `re.sub('\s+', ' ', data)`.
    static func collapseWhitespace(_ data: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(data.count)
        var inSpace = false
        for scalar in data {
            if isWhitespace(scalar) {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(scalar)
                inSpace = false
            }
        }
        return result
    }

    static func stripped(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = s.drop(while: isWhitespace)
        while let lastScalar = slice.last, isWhitespace(lastScalar) { slice = slice.dropLast() }
        return slice
    }

    /// Python's `str.isspace` and `\s`: Unicode whitespace plus the separators U+001C...U+001F.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func find(_ needle: [Unicode.Scalar], in s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start >= 0, start <= s.count - needle.count else { return nil }
        for index in start...(s.count - needle.count) where s[index] == needle[0] {
            if s[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    static func hasPrefix(
        _ prefix: String, _ s: [Unicode.Scalar], at i: Int, caseInsensitive: Bool = false
    ) -> Bool {
        let needle = Array(prefix.unicodeScalars)
        guard i >= 0, i + needle.count <= s.count else { return false }
        return zip(needle, s[i..<(i + needle.count)]).allSatisfy { a, b in
            caseInsensitive ? a.properties.lowercaseMapping == b.properties.lowercaseMapping : a == b
        }
    }

    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead",
        "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]
}
