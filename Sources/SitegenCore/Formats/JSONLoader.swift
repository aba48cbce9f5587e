/// Strict JSON (RFC 8259) for data files, with the position of every object key.
///
/// Hand-written rather than `JSONSerialization`, which knows no positions and turns numbers into `NSNumber`s whose
/// integer-ness is guesswork. Integers that fit in 64 bits stay integers; every other number is a float.
///
/// `DataValue` has no null, and a missing value is what templates and config checks already handle: a `null` member
/// of an object is left out, a `null` element of an array is skipped, and a document that is only `null` is an
/// empty table (as an empty YAML document is). A key given twice is an error, even when one of the values is null.
public enum JSONLoader {
    /// Parses one JSON text; positions are relative to its start.
    public static func load(_ text: String) throws(FormatError) -> DataValue {
        var reader = JSONReader(text)
        return try reader.parseDocument()
    }
}

/// The state of reading one JSON text.
struct JSONReader {
    private let bytes: [UInt8]
    private var index: Int
    private var positions: TextPositionMap
    private var depth = 0
    private static let maximumDepth = 512

    init(_ text: String) {
        bytes = Array(text.utf8)
        // RFC 8259 lets a parser ignore a byte order mark; editors on Windows still write one.
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        positions = TextPositionMap(bytes, start: index)
    }

    private var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

    private mutating func error(_ message: String, at offset: Int) -> FormatError {
        FormatError(message, at: positions.position(at: offset, in: bytes))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws(FormatError) -> DataValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after value", at: index) }
        return value ?? .table(DataTable())
    }

    /// A value, or nil for `null`.
    private mutating func parseValue() throws(FormatError) -> DataValue? {
        let start = index
        switch peek {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            while index < bytes.count, JSONReader.isWordByte(bytes[index]) { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return nil
            default: throw error("invalid literal '\(word)'", at: start)
            }
        default:
            if index >= bytes.count { throw error("unexpected end of input", at: start) }
            throw error("expected a value", at: start)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private mutating func enterNesting(at offset: Int) throws(FormatError) {
        depth += 1
        if depth > JSONReader.maximumDepth { throw error("arrays and objects are nested too deeply", at: offset) }
    }

    private mutating func parseObject() throws(FormatError) -> DataValue {
        let open = index
        try enterNesting(at: open)
        index += 1
        var table = DataTable()
        var seen = Set<String>()
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .table(table)
        }
        while true {
            skipWhitespace()
            let keyStart = index
            guard peek == UInt8(ascii: "\"") else {
                if index >= bytes.count { throw error("unterminated object", at: open) }
                if peek == UInt8(ascii: "}") { throw error("trailing comma is not allowed", at: index) }
                throw error("object keys must be strings", at: keyStart)
            }
            let key = try parseString()
            guard seen.insert(key).inserted else { throw error("duplicate key '\(key)'", at: keyStart) }
            let keyPosition = positions.position(at: keyStart, in: bytes)
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after key", at: index) }
            index += 1
            skipWhitespace()
            if let value = try parseValue() { table.set(key, value, at: keyPosition) }
            skipWhitespace()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            if peek == UInt8(ascii: "}") { index += 1; break }
            if index >= bytes.count { throw error("unterminated object", at: open) }
            throw error("expected ',' or '}' in object", at: index)
        }
        depth -= 1
        return .table(table)
    }

    private mutating func parseArray() throws(FormatError) -> DataValue {
        let open = index
        try enterNesting(at: open)
        index += 1
        var elements: [DataValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek == UInt8(ascii: "]") { throw error("trailing comma is not allowed", at: index) }
            if index >= bytes.count { throw error("unterminated array", at: open) }
            if let element = try parseValue() { elements.append(element) }
            skipWhitespace()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            if peek == UInt8(ascii: "]") { index += 1; break }
            if index >= bytes.count { throw error("unterminated array", at: open) }
            throw error("expected ',' or ']' in array", at: index)
        }
        depth -= 1
        return .array(elements)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func parseNumber() throws(FormatError) -> DataValue {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard skipDigits() else { throw error("invalid number", at: start) }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            throw error("leading zeros are not allowed", at: start)
        }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw error("expected digits after '.'", at: index) }
            isInteger = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw error("expected digits in exponent", at: index) }
            isInteger = false
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let float = Double(text) else { throw error("invalid number", at: start) }
        return .float(float)
    }

    /// Skips a run of digits; false if there was none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index > start
    }

    private mutating func parseString() throws(FormatError) -> String {
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
            if byte < 0x20 { throw controlCharacterError(open: open) }
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
            if byte < 0x20 { throw controlCharacterError(open: open) }
            buffer.append(byte)
            index += 1
        }
        throw error("unterminated string", at: open)
    }

    /// A raw line break most likely means a missing closing quote; other control characters must be escaped.
    private mutating func controlCharacterError(open: Int) -> FormatError {
        if bytes[index] == 0x0A || bytes[index] == 0x0D { return error("unterminated string", at: open) }
        return error("control characters must be escaped in strings", at: index)
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(FormatError) {
        let start = index
        let letter = index + 1 < bytes.count ? bytes[index + 1] : 0
        index += 2
        switch letter {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hexQuad(escapeStart: start)
            if (0xD800...0xDBFF).contains(value) {
                // A high surrogate must be followed by an escaped low surrogate; together they are one scalar.
                guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate in unicode escape", at: start)
                }
                index += 2
                let low = try hexQuad(escapeStart: index - 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("unpaired surrogate in unicode escape", at: start)
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("unpaired surrogate in unicode escape", at: start)
            }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            guard letter >= 0x21, letter < 0x7F else { throw error("invalid escape sequence", at: start) }
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(letter)))'", at: start)
        }
    }

    private mutating func hexQuad(escapeStart: Int) throws(FormatError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = peek.hexDigitValue else { throw error("invalid unicode escape", at: escapeStart) }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
