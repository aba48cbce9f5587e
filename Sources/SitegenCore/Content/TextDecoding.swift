/// Why a file's bytes are not usable as text, with the position of the first bad byte.
struct TextDecodingError: Error {
    var message: String
    var position: TextPosition
}

enum TextDecoding {
    /// Markdown and template files larger than this are refused rather than parsed: no real page is this big, and a
    /// stray data dump in `content/` should not take the build down.
    static let maximumTextSize = 32 << 20

    /// Decodes strict UTF-8 (a leading byte-order mark is dropped) and normalizes CRLF line ends to LF.
    static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> String {
        if bytes.count > maximumTextSize {
            throw TextDecodingError(message: "file is too large to be text (\(bytes.count) bytes; the limit is \(maximumTextSize))",
                                    position: TextPosition(line: 1, column: 1))
        }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                throw TextDecodingError(message: "file contains NUL bytes; it looks binary, not text", position: TextPosition(line: line, column: column))
            }
            let length: Int
            if byte < 0x80 { length = 1 } else if byte & 0xE0 == 0xC0 && byte >= 0xC2 { length = 2 } else if byte & 0xF0 == 0xE0 { length = 3 } else if byte & 0xF8 == 0xF0 && byte <= 0xF4 { length = 4 } else { length = 0 }
            var valid = length > 0 && index + length <= bytes.count
            if valid && length > 1 {
                for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { valid = false }
                if valid && length == 3 {
                    let b1 = bytes[index + 1]
                    if (byte == 0xE0 && b1 < 0xA0) || (byte == 0xED && b1 >= 0xA0) { valid = false }
                }
                if valid && length == 4 {
                    let b1 = bytes[index + 1]
                    if (byte == 0xF0 && b1 < 0x90) || (byte == 0xF4 && b1 >= 0x90) { valid = false }
                }
            }
            if !valid {
                throw TextDecodingError(message: "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                                        position: TextPosition(line: line, column: column))
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var text = String(decoding: bytes[start...], as: UTF8.self)
        if bytes.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        return text
    }
}

extension String {
    /// Replaces every occurrence of `target`; a small stand-in for Foundation's method on the hot path.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    func components(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return nil }
        let utf8 = self.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == first {
                var a = index
                var matched = true
                for byte in needle {
                    guard a != utf8.endIndex, utf8[a] == byte else { matched = false; break }
                    a = utf8.index(after: a)
                }
                if matched { return index..<a }
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}
