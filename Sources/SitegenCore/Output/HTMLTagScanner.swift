/// Reads the start tags of a rendered HTML page: names (lowercased) and attributes, with comments and the raw text
/// of `script`, `style`, `textarea` and `title` skipped, so a `<link>` written inside a script string is not
/// mistaken for one. Enough for finding subresources; not a full HTML parser.
enum HTMLTagScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
        /// Byte offsets of `<` and one past `>`.
        var range: Range<Int>
    }

    static func tags(in html: [UInt8]) -> [Tag] {
        var found: [Tag] = []
        var index = 0
        let count = html.count
        while index < count {
            guard html[index] == 0x3C else { index += 1; continue }
            if startsWith(html, index, "<!--") {
                index = find(html, "-->", from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            guard index + 1 < count, isLetter(html[index + 1]) else { index += 1; continue }
            guard let tag = readTag(html, at: index) else { break }
            found.append(tag)
            index = tag.range.upperBound
            if ["script", "style", "textarea", "title"].contains(tag.name) {
                index = findClosing(html, tag.name, from: index) ?? count
            }
        }
        return found
    }

    /// Where preload tags go: after `<meta charset>` when the head has one (it must stay in the first 1024 bytes),
    /// else right after `<head>`; nil when there is no head before the body.
    static func insertionPoint(in html: [UInt8]) -> Int? {
        var afterHead: Int?
        for tag in tags(in: html) {
            switch tag.name {
            case "head": afterHead = tag.range.upperBound
            case "meta" where afterHead != nil && tag.attributes["charset"] != nil: return tag.range.upperBound
            case "body": return afterHead
            default:
                if afterHead != nil, !["meta", "title", "base"].contains(tag.name) { return afterHead }
            }
        }
        return afterHead
    }

    private static func readTag(_ html: [UInt8], at start: Int) -> Tag? {
        var index = start + 1
        let count = html.count
        let nameStart = index
        while index < count, !isSpace(html[index]), html[index] != 0x3E, html[index] != 0x2F { index += 1 }
        let name = String(decoding: html[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        while index < count {
            while index < count, isSpace(html[index]) || html[index] == 0x2F { index += 1 }
            guard index < count else { return nil }
            if html[index] == 0x3E { return Tag(name: name, attributes: attributes, range: start..<(index + 1)) }
            let attributeStart = index
            while index < count, !isSpace(html[index]), html[index] != 0x3D, html[index] != 0x3E, html[index] != 0x2F { index += 1 }
            let attribute = String(decoding: html[attributeStart..<index], as: UTF8.self).lowercased()
            while index < count, isSpace(html[index]) { index += 1 }
            var value = ""
            if index < count, html[index] == 0x3D {
                index += 1
                while index < count, isSpace(html[index]) { index += 1 }
                guard index < count else { return nil }
                if html[index] == 0x22 || html[index] == 0x27 {
                    let quote = html[index]
                    let valueStart = index + 1
                    guard let end = html[valueStart...].firstIndex(of: quote) else { return nil }
                    value = String(decoding: html[valueStart..<end], as: UTF8.self)
                    index = end + 1
                } else {
                    let valueStart = index
                    while index < count, !isSpace(html[index]), html[index] != 0x3E { index += 1 }
                    value = String(decoding: html[valueStart..<index], as: UTF8.self)
                }
            }
            if !attribute.isEmpty, attributes[attribute] == nil { attributes[attribute] = decodeEntities(value) }
        }
        return nil
    }

    private static func findClosing(_ html: [UInt8], _ name: String, from: Int) -> Int? {
        let closing = Array(("</" + name).utf8)
        var index = from
        while let at = find(html, closing, from: index) {
            let after = at + closing.count
            if after >= html.count || !isLetter(html[after]) {
                return html[after...].firstIndex(of: 0x3E).map { $0 + 1 }
            }
            index = after
        }
        return nil
    }

    private static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func startsWith(_ html: [UInt8], _ at: Int, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return at + bytes.count <= html.count && Array(html[at..<(at + bytes.count)]) == bytes
    }

    private static func find(_ html: [UInt8], _ text: String, from: Int) -> Int? { find(html, Array(text.utf8), from: from) }

    private static func find(_ html: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, html.count >= needle.count else { return nil }
        var index = from
        let last = html.count - needle.count
        while index <= last {
            if lower(html[index]) == lower(needle[0]) {
                var matched = true
                for offset in 1..<needle.count where lower(html[index + offset]) != lower(needle[offset]) {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
}
