/// Strings: basic (`"…"`, with escapes), literal (`'…'`, as written), and the multi-line form of each.
///
/// Unterminated strings are reported at their opening quote, the place a reader has to look; a line break inside a
/// single-line string counts as unterminated. Line breaks inside multi-line strings become `\n`.
extension TOMLReader {
    /// A basic or multi-line basic string, as a value.
    mutating func parseBasicStringValue() throws(FormatError) -> String {
        if byte(at: index + 1) == UInt8(ascii: "\""), byte(at: index + 2) == UInt8(ascii: "\"") {
            return try parseMultilineBasicString()
        }
        return try parseBasicString()
    }

    /// A literal or multi-line literal string, as a value.
    mutating func parseLiteralStringValue() throws(FormatError) -> String {
        if byte(at: index + 1) == UInt8(ascii: "'"), byte(at: index + 2) == UInt8(ascii: "'") {
            return try parseMultilineLiteralString()
        }
        return try parseLiteralString()
    }

    /// `"…"` on one line.
    mutating func parseBasicString() throws(FormatError) -> String {
        let open = index
        index += 1
        let contentStart = index
        // Most strings have no escapes: find the end first and decode the bytes in place.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[contentStart..<(index - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            try checkStringByte(open: open)
            index += 1
        }
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try appendEscape(to: &buffer)
                continue
            }
            try checkStringByte(open: open)
            buffer.append(byte)
            index += 1
        }
        throw error("unterminated string", at: open)
    }

    /// `'…'` on one line.
    mutating func parseLiteralString() throws(FormatError) -> String {
        let open = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "'") {
                index += 1
                return String(decoding: bytes[contentStart..<(index - 1)], as: UTF8.self)
            }
            try checkStringByte(open: open, literal: true)
            index += 1
        }
        throw error("unterminated string", at: open)
    }

    /// A byte inside a single-line string: a line break ends the string too early, control characters are errors.
    private mutating func checkStringByte(open: Int, literal: Bool = false) throws(FormatError) {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D { throw error("unterminated string", at: open) }
        if TOMLReader.isControl(byte) {
            throw error(literal ? "control characters are not allowed in literal strings"
                                : "control characters must be escaped in strings", at: index)
        }
    }

    /// `"""…"""`: escapes, line breaks, and a backslash at the end of a line that trims the line break and the
    /// whitespace after it.
    mutating func parseMultilineBasicString() throws(FormatError) -> String {
        let open = index
        index += 3
        try skipNewlineAfterOpeningDelimiter()
        var buffer: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                if try closesMultilineString(quote: byte, buffer: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                if isLineEndingBackslash() {
                    index += 1
                    while index < bytes.count {
                        let next = bytes[index]
                        if next == 0x20 || next == 0x09 {
                            index += 1
                        } else if next == 0x0A || next == 0x0D {
                            try consumeNewline()
                        } else {
                            break
                        }
                    }
                } else {
                    try appendEscape(to: &buffer)
                }
            case 0x0A, 0x0D:
                try consumeNewline()
                buffer.append(0x0A)
            default:
                if TOMLReader.isControl(byte) {
                    throw error("control characters must be escaped in strings", at: index)
                }
                buffer.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: open)
    }

    /// `'''…'''`: taken as written, line breaks included.
    mutating func parseMultilineLiteralString() throws(FormatError) -> String {
        let open = index
        index += 3
        try skipNewlineAfterOpeningDelimiter()
        var buffer: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"):
                if try closesMultilineString(quote: byte, buffer: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case 0x0A, 0x0D:
                try consumeNewline()
                buffer.append(0x0A)
            default:
                if TOMLReader.isControl(byte) {
                    throw error("control characters are not allowed in literal strings", at: index)
                }
                buffer.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: open)
    }

    /// A line break right after the opening delimiter is not part of the string.
    private mutating func skipNewlineAfterOpeningDelimiter() throws(FormatError) {
        if peek == 0x0A || peek == 0x0D { try consumeNewline() }
    }

    /// At a quote inside a multi-line string: one or two quotes are content; three close the string, and up to two
    /// more before them are content as well (`""""a""""` is `"a"`).
    private mutating func closesMultilineString(quote: UInt8, buffer: inout [UInt8]) throws(FormatError) -> Bool {
        let start = index
        while peek == quote { index += 1 }
        let run = index - start
        if run < 3 {
            buffer.append(contentsOf: repeatElement(quote, count: run))
            return false
        }
        if run > 5 {
            throw error("too many quotes in a row in a multi-line string", at: start + 5)
        }
        buffer.append(contentsOf: repeatElement(quote, count: run - 3))
        return true
    }

    /// Whether the backslash at the read position is followed only by spaces up to the end of its line.
    private func isLineEndingBackslash() -> Bool {
        var i = index + 1
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count && (bytes[i] == 0x0A || bytes[i] == 0x0D)
    }

    /// Decodes the escape sequence at the read position (a backslash) into `buffer`.
    private mutating func appendEscape(to buffer: inout [UInt8]) throws(FormatError) {
        let start = index
        let letter = byte(at: index + 1)
        index += 2
        switch letter {
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = letter == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = peek.hexDigitValue else {
                    throw error("invalid unicode escape", at: start)
                }
                value = value << 4 | digit
                index += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("unicode escape is not a valid scalar value", at: start)
            }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            guard letter >= 0x21, letter < 0x7F else { throw error("invalid escape sequence", at: start) }
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(letter)))'", at: start)
        }
    }
}
