/// Values: booleans, numbers, dates and times, arrays and inline tables (strings are in `TOMLParser+Strings.swift`).
extension TOMLReader {
    mutating func parseValue() throws(FormatError) -> DataValue {
        let start = index
        switch peek {
        case UInt8(ascii: "\""):
            return .string(try parseBasicStringValue())
        case UInt8(ascii: "'"):
            return .string(try parseLiteralStringValue())
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "{"):
            return try parseInlineTable()
        case UInt8(ascii: "t"):
            if matchesWord("true") { return .bool(true) }
        case UInt8(ascii: "f"):
            if matchesWord("false") { return .bool(false) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if isDigit(at: start, count: 4), byte(at: start + 4) == UInt8(ascii: "-") {
                return try parseDateTime()
            }
            if isDigit(at: start, count: 2), byte(at: start + 2) == UInt8(ascii: ":") {
                return try parseLocalTime()
            }
            return try parseNumber()
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"), UInt8(ascii: "n"):
            return try parseNumber()
        default:
            break
        }
        if isValueEnd(at: start) {
            throw error("expected a value", at: start)
        }
        throw error("invalid value '\(tokenText(from: start))'", at: start)
    }

    /// Whether `word` is at the read position as a whole token; consumes it if so.
    mutating func matchesWord(_ word: String) -> Bool {
        let count = word.utf8.count
        guard index + count <= bytes.count, bytes[index..<(index + count)].elementsEqual(word.utf8),
              isValueEnd(at: index + count) else { return false }
        index += count
        return true
    }

    /// Whether a scalar value may end here: the bytes that can follow a value in any context.
    func isValueEnd(at offset: Int) -> Bool {
        switch byte(at: offset) {
        case 0, 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    /// The text of a malformed token, for its error message.
    func tokenText(from start: Int) -> String {
        var end = start
        while end < bytes.count, !isValueEnd(at: end), end - start < 40 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func isDigit(at offset: Int, count: Int) -> Bool {
        (offset..<(offset + count)).allSatisfy { TOMLReader.isDigit(byte(at: $0)) }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Numbers

    /// Integers (decimal, `0x`, `0o`, `0b`) and floats (fraction and/or exponent, `inf`, `nan`), with `_` allowed
    /// only between digits.
    mutating func parseNumber() throws(FormatError) -> DataValue {
        let start = index
        while index < bytes.count, !isValueEnd(at: index) { index += 1 }
        let token = bytes[start..<index]
        var body = token[...]
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(.nan) }

        if body.count > 2, body.first == UInt8(ascii: "0") {
            let radix: UInt64
            switch body[body.startIndex + 1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 0
            }
            if radix != 0 {
                guard token.count == body.count else {
                    throw error("signs are not allowed on hexadecimal, octal or binary integers", at: start)
                }
                return .integer(try radixInteger(body.dropFirst(2), radix: radix, start: start))
            }
        }
        return try decimalNumber(body, negative: negative, start: start)
    }

    private mutating func radixInteger(_ digits: ArraySlice<UInt8>, radix: UInt64,
                                       start: Int) throws(FormatError) -> Int64 {
        var value: UInt64 = 0
        var previousWasDigit = false
        for byte in digits {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { throw error("underscores must be between digits", at: start) }
                previousWasDigit = false
                continue
            }
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: digit = .max
            }
            guard digit < radix else { throw error("invalid number '\(tokenText(from: start))'", at: start) }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2, sum <= UInt64(Int64.max) else {
                throw error("integer is out of range", at: start)
            }
            value = sum
            previousWasDigit = true
        }
        guard previousWasDigit else {
            throw error(digits.isEmpty ? "invalid number '\(tokenText(from: start))'"
                                       : "underscores must be between digits", at: start)
        }
        return Int64(value)
    }

    /// A run of digits with single underscores between them; returns where it ends, or nil if there is none.
    private mutating func digitRun(_ body: ArraySlice<UInt8>, from offset: Int,
                                   start: Int) throws(FormatError) -> Int? {
        var i = offset
        guard i < body.endIndex, TOMLReader.isDigit(body[i]) else { return nil }
        while i < body.endIndex {
            if TOMLReader.isDigit(body[i]) {
                i += 1
            } else if body[i] == UInt8(ascii: "_") {
                guard i + 1 < body.endIndex, TOMLReader.isDigit(body[i + 1]) else {
                    throw error("underscores must be between digits", at: start)
                }
                i += 1
            } else {
                break
            }
        }
        return i
    }

    private mutating func decimalNumber(_ body: ArraySlice<UInt8>, negative: Bool,
                                        start: Int) throws(FormatError) -> DataValue {
        let invalid = "invalid number '\(tokenText(from: start))'"
        guard let first = body.first, TOMLReader.isDigit(first) else {
            throw error("invalid value '\(tokenText(from: start))'", at: start)
        }
        guard let integerEnd = try digitRun(body, from: body.startIndex, start: start) else {
            throw error(invalid, at: start)
        }
        if body[body.startIndex] == UInt8(ascii: "0"), integerEnd - body.startIndex > 1 {
            throw error("leading zeros are not allowed", at: start)
        }
        var end = integerEnd
        var isFloat = false
        if end < body.endIndex, body[end] == UInt8(ascii: ".") {
            guard let fractionEnd = try digitRun(body, from: end + 1, start: start) else {
                throw error(invalid, at: start)
            }
            end = fractionEnd
            isFloat = true
        }
        if end < body.endIndex, body[end] == UInt8(ascii: "e") || body[end] == UInt8(ascii: "E") {
            var exponentStart = end + 1
            if exponentStart < body.endIndex,
               body[exponentStart] == UInt8(ascii: "+") || body[exponentStart] == UInt8(ascii: "-") {
                exponentStart += 1
            }
            guard let exponentEnd = try digitRun(body, from: exponentStart, start: start) else {
                throw error(invalid, at: start)
            }
            end = exponentEnd
            isFloat = true
        }
        guard end == body.endIndex else { throw error(invalid, at: start) }

        if isFloat {
            let text = String(decoding: bytes[start..<index].lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
            guard let value = Double(text) else { throw error(invalid, at: start) }
            return .float(value)
        }
        var magnitude: UInt64 = 0
        for byte in body where byte != UInt8(ascii: "_") {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw error("integer is out of range", at: start) }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw error("integer is out of range", at: start) }
            return .integer(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { throw error("integer is out of range", at: start) }
        return .integer(Int64(magnitude))
    }

    // MARK: Dates and times

    /// An offset date-time, local date-time or local date (RFC 3339), checked and kept as written.
    mutating func parseDateTime() throws(FormatError) -> DataValue {
        let start = index
        let year = number(at: start, digits: 4)
        guard byte(at: start + 4) == UInt8(ascii: "-"), isDigit(at: start + 5, count: 2),
              byte(at: start + 7) == UInt8(ascii: "-"), isDigit(at: start + 8, count: 2) else {
            throw error("invalid date '\(tokenText(from: start))'", at: start)
        }
        let month = number(at: start + 5, digits: 2)
        let day = number(at: start + 8, digits: 2)
        guard (1...12).contains(month), day >= 1, day <= TOMLReader.daysIn(month: month, year: year) else {
            throw error("invalid date '\(tokenText(from: start))'", at: start)
        }
        index = start + 10
        let separator = peek
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == 0x20 && TOMLReader.isDigit(byte(at: index + 1))) {
            index += 1
            guard scanTime() else { throw error("invalid date-time '\(dateTimeText(from: start))'", at: start) }
            switch peek {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let offset = index + 1
                guard isDigit(at: offset, count: 2), byte(at: offset + 2) == UInt8(ascii: ":"),
                      isDigit(at: offset + 3, count: 2), number(at: offset, digits: 2) <= 23,
                      number(at: offset + 3, digits: 2) <= 59 else {
                    throw error("invalid date-time '\(dateTimeText(from: start))'", at: start)
                }
                index = offset + 5
            default:
                break
            }
        }
        guard isValueEnd(at: index) else {
            throw error("invalid date-time '\(dateTimeText(from: start))'", at: start)
        }
        return .datetime(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// A local time (`07:32:00`, `00:32:00.999999`).
    mutating func parseLocalTime() throws(FormatError) -> DataValue {
        let start = index
        guard scanTime(), isValueEnd(at: index) else {
            throw error("invalid time '\(tokenText(from: start))'", at: start)
        }
        return .datetime(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// `HH:MM:SS` with an optional fraction; moves past it and returns true if it is a valid time.
    private mutating func scanTime() -> Bool {
        let start = index
        guard isDigit(at: start, count: 2), byte(at: start + 2) == UInt8(ascii: ":"),
              isDigit(at: start + 3, count: 2), byte(at: start + 5) == UInt8(ascii: ":"),
              isDigit(at: start + 6, count: 2),
              number(at: start, digits: 2) <= 23, number(at: start + 3, digits: 2) <= 59,
              number(at: start + 6, digits: 2) <= 60 else { return false }
        index = start + 8
        if peek == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while TOMLReader.isDigit(peek) { index += 1 }
            if index == fractionStart { return false }
        }
        return true
    }

    /// The text of a malformed date-time, which may contain one space between date and time.
    private func dateTimeText(from start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 40 {
            let isSeparatorSpace = bytes[end] == 0x20 && end - start == 10
            guard isSeparatorSpace || !isValueEnd(at: end) else { break }
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func number(at offset: Int, digits: Int) -> Int {
        (offset..<(offset + digits)).reduce(0) { $0 * 10 + Int(byte(at: $1) - UInt8(ascii: "0")) }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Arrays and inline tables

    private mutating func enterNesting(at offset: Int) throws(FormatError) {
        depth += 1
        if depth > TOMLReader.maximumDepth { throw error("arrays and inline tables are nested too deeply", at: offset) }
    }

    /// `[1, 2, 3]`, over any number of lines, with comments and a trailing comma allowed.
    mutating func parseArray() throws(FormatError) -> DataValue {
        let open = index
        try enterNesting(at: open)
        index += 1
        var elements: [DataValue] = []
        while true {
            try skipBlankSpace()
            if isAtEnd { throw error("unterminated array", at: open) }
            if peek == UInt8(ascii: "]") { index += 1; break }
            elements.append(try parseValue())
            try skipBlankSpace()
            if isAtEnd { throw error("unterminated array", at: open) }
            if peek == UInt8(ascii: ",") { index += 1; continue }
            if peek == UInt8(ascii: "]") { index += 1; break }
            throw error("expected ',' or ']' in array", at: index)
        }
        depth -= 1
        return .array(elements)
    }

    /// `{ a = 1, b.c = 2 }`: on one line, no trailing comma, and closed for good once read.
    mutating func parseInlineTable() throws(FormatError) -> DataValue {
        let open = index
        try enterNesting(at: open)
        index += 1
        let table = TOMLTable()
        let inlineSection = nextInlineSection
        nextInlineSection -= 1
        skipSpaces()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .table(table.dataTable())
        }
        while true {
            try checkInlineTableContinues(open: open)
            try parseKeyValue(into: table, section: inlineSection)
            skipSpaces()
            try checkInlineTableContinues(open: open)
            if peek == UInt8(ascii: "}") { index += 1; break }
            guard peek == UInt8(ascii: ",") else { throw error("expected ',' or '}' in inline table", at: index) }
            let comma = index
            index += 1
            skipSpaces()
            if peek == UInt8(ascii: "}") {
                throw error("trailing comma is not allowed in an inline table", at: comma)
            }
        }
        depth -= 1
        return .table(table.dataTable())
    }

    private mutating func checkInlineTableContinues(open: Int) throws(FormatError) {
        skipSpaces()
        if isAtEnd { throw error("unterminated inline table", at: open) }
        if peek == 0x0A || peek == 0x0D || peek == UInt8(ascii: "#") {
            throw error("inline tables must be on one line", at: index)
        }
    }
}
