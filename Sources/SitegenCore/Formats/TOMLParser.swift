/// The TOML 1.0 reader behind `sitegen.toml` and TOML front matter.
///
/// Hand-written rather than a dependency so that every key keeps the line and column it was written at, and every
/// error names the exact place (config checks and front matter diagnostics point there). It reads UTF-8 bytes, not
/// `Character`s, because grapheme breaking is the slow part of Swift string handling and TOML's grammar is ASCII.
public enum TOMLParser {
    /// Parses a whole TOML document; positions are relative to the start of `text`.
    public static func parse(_ text: String) throws(FormatError) -> DataTable {
        var reader = TOMLReader(text)
        return try reader.parseDocument()
    }
}

/// One key segment as written (`a`, `"a b"`, `'c'`), with the byte offset it starts at.
struct TOMLKeyPart {
    var name: String
    var offset: Int
}

/// The state of reading one TOML document: the bytes, the read position and the table tree built so far.
///
/// The document structure (lines, headers, keys) is here; which tables a header or dotted key may define is in
/// `TOMLParser+Tables.swift`, values in `TOMLParser+Values.swift`, strings in `TOMLParser+Strings.swift`.
struct TOMLReader {
    let bytes: [UInt8]
    var index: Int
    var positions: TextPositionMap
    let root = TOMLTable()
    /// The table that key/value lines go into: the root, or the table of the last header.
    var current: TOMLTable
    /// Counts headers, so dotted keys know whether a table was made by their own section.
    var section = 0
    /// Sections of inline tables count down from -1, apart from the document's sections.
    var nextInlineSection = -1
    /// Nesting of arrays and inline tables, limited so hostile input cannot exhaust the stack.
    var depth = 0
    static let maximumDepth = 256

    init(_ text: String) {
        bytes = Array(text.utf8)
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        positions = TextPositionMap(bytes, start: index)
        current = root
    }

    // MARK: Reading primitives

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the read position, or 0 at the end (a NUL in the text is never valid where this is asked).
    var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

    func byte(at offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    mutating func position(at offset: Int) -> TextPosition {
        positions.position(at: offset, in: bytes)
    }

    mutating func error(_ message: String, at offset: Int) -> FormatError {
        FormatError(message, at: position(at: offset))
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// Consumes a line break at the read position (`\n` or `\r\n`).
    mutating func consumeNewline() throws(FormatError) {
        if peek == 0x0A {
            index += 1
        } else if peek == 0x0D, byte(at: index + 1) == 0x0A {
            index += 2
        } else {
            throw error("carriage return without line feed", at: index)
        }
    }

    /// Skips a `#` comment up to (not including) its line break.
    mutating func skipComment() throws(FormatError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return }
            if TOMLReader.isControl(byte) { throw error("control characters are not allowed in comments", at: index) }
            index += 1
        }
    }

    /// Skips spaces, comments and line breaks, as allowed between array elements.
    mutating func skipBlankSpace() throws(FormatError) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0x0A, 0x0D: try consumeNewline()
            case UInt8(ascii: "#"): try skipComment()
            default: return
            }
        }
    }

    /// Control characters other than tab, which TOML allows nowhere unescaped (line breaks are handled apart).
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    // MARK: Document structure

    mutating func parseDocument() throws(FormatError) -> DataTable {
        while true {
            skipSpaces()
            guard !isAtEnd else { break }
            switch bytes[index] {
            case 0x0A, 0x0D:
                try consumeNewline()
            case UInt8(ascii: "#"):
                try skipComment()
            case UInt8(ascii: "["):
                try parseHeader()
                try expectLineEnd(after: "table header")
            default:
                try parseKeyValue(into: current, section: section)
                try expectLineEnd(after: "value")
            }
        }
        return root.dataTable()
    }

    /// After a key/value pair or a header only a comment may follow on the same line.
    mutating func expectLineEnd(after what: String) throws(FormatError) {
        skipSpaces()
        guard !isAtEnd else { return }
        switch bytes[index] {
        case UInt8(ascii: "#"): try skipComment()
        case 0x0A, 0x0D: try consumeNewline()
        default: throw error("expected newline after \(what)", at: index)
        }
    }

    /// `[a.b]` or `[[a.b]]`; the following lines go into the table it names.
    mutating func parseHeader() throws(FormatError) {
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        let key = try parseKey()
        if isArray {
            guard peek == UInt8(ascii: "]"), byte(at: index + 1) == UInt8(ascii: "]") else {
                throw error("expected ']]' after table name", at: index)
            }
            index += 2
        } else {
            guard peek == UInt8(ascii: "]") else { throw error("expected ']' after table name", at: index) }
            index += 1
        }
        section += 1
        current = isArray ? try appendTableArrayElement(key) : try defineTable(key)
    }

    /// `key = value`, where the key may be dotted; `table` is the current section's table or an inline table.
    mutating func parseKeyValue(into table: TOMLTable, section: Int) throws(FormatError) {
        let key = try parseKey()
        guard peek == UInt8(ascii: "=") else { throw error("expected '=' after key", at: index) }
        index += 1
        skipSpaces()
        let target = try dottedKeyTarget(key, from: table, section: section)
        let last = key[key.count - 1]
        if target[last.name] != nil {
            throw error("duplicate key '\(TOMLReader.describe(key))'", at: last.offset)
        }
        let value = try parseValue()
        target.insert(last.name, .value(value), at: position(at: last.offset))
    }

    // MARK: Keys

    /// A possibly dotted key, with the spaces around it and its dots; stops at the first byte after it.
    mutating func parseKey() throws(FormatError) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        while true {
            skipSpaces()
            parts.append(try parseSimpleKey())
            skipSpaces()
            guard peek == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    mutating func parseSimpleKey() throws(FormatError) -> TOMLKeyPart {
        let start = index
        switch peek {
        case UInt8(ascii: "\""):
            if byte(at: index + 1) == UInt8(ascii: "\""), byte(at: index + 2) == UInt8(ascii: "\"") {
                throw error("multi-line strings cannot be keys", at: start)
            }
            return TOMLKeyPart(name: try parseBasicString(), offset: start)
        case UInt8(ascii: "'"):
            if byte(at: index + 1) == UInt8(ascii: "'"), byte(at: index + 2) == UInt8(ascii: "'") {
                throw error("multi-line strings cannot be keys", at: start)
            }
            return TOMLKeyPart(name: try parseLiteralString(), offset: start)
        default:
            while index < bytes.count, TOMLReader.isBareKeyByte(bytes[index]) { index += 1 }
            guard index > start else { throw error("expected a key", at: start) }
            if peek >= 0x80 { throw error("invalid character in bare key", at: index) }
            return TOMLKeyPart(name: String(decoding: bytes[start..<index], as: UTF8.self), offset: start)
        }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A key as the user wrote it, for messages: segments that are not bare keys are quoted.
    static func describe<Parts: Collection>(_ key: Parts) -> String where Parts.Element == TOMLKeyPart {
        key.map { part in
            let bare = !part.name.isEmpty && part.name.utf8.allSatisfy(isBareKeyByte)
            return bare ? part.name : "\"\(part.name)\""
        }.joined(separator: ".")
    }
}
