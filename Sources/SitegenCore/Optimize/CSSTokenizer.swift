/// One token of a style sheet, as a byte range of the source.
struct CSSToken {
    enum Kind: Equatable {
        case whitespace
        case comment
        case string
        /// `url(` with an unquoted address, through its `)`: copied verbatim, never re-spaced.
        case url
        /// A name and its `(`, `calc(` or `url(` before a quoted address.
        case function
        case atKeyword
        case hash
        case ident
        /// A number, percentage or dimension; `numberEnd` splits the number from its unit.
        case numeric
        /// One of `{ } ( ) [ ] ; : ,`.
        case punctuation
        /// Any other single byte (`>`, `+`, `!`...), or `<!--` and `-->`.
        case delim
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// For `.numeric`, where the number ends and the unit (or `%`) begins.
    var numberEnd: Int = 0
}

/// Splits a style sheet into tokens after CSS Syntax Level 3, closely enough that re-spacing them is safe: escapes
/// (including the space that may end a hexadecimal escape) stay inside their names, strings and unquoted `url()`s are
/// single tokens. A bad string, a bad `url()` or an unterminated comment returns nil.
struct CSSTokenizer {
    private let input: [UInt8]
    private var index: Int
    private var tokens: [CSSToken] = []

    static func tokenize(_ input: [UInt8], from start: Int) -> [CSSToken]? {
        var tokenizer = CSSTokenizer(input: input, index: start)
        return tokenizer.run() ? tokenizer.tokens : nil
    }

    private init(input: [UInt8], index: Int) {
        self.input = input
        self.index = index
        tokens.reserveCapacity(input.count / 3)
    }

    private mutating func run() -> Bool {
        while index < input.count {
            let start = index
            let byte = input[index]
            var kind = CSSToken.Kind.delim
            var numberEnd = 0
            if byte.isMarkupSpace {
                while index < input.count, input[index].isMarkupSpace { index += 1 }
                kind = .whitespace
            } else if input.hasASCIIPrefix("/*", at: index) {
                guard let close = input.firstIndex(ofASCII: "*/", from: index + 2) else { return false }
                index = close + 2
                kind = .comment
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard scanString(quote: byte) else { return false }
                kind = .string
            } else if startsNumber(at: index) {
                scanNumber()
                numberEnd = index
                if startsName(at: index) {
                    scanName()
                } else if index < input.count, input[index] == UInt8(ascii: "%") {
                    index += 1
                }
                kind = .numeric
            } else if startsName(at: index) {
                scanName()
                kind = .ident
                if index < input.count, input[index] == UInt8(ascii: "(") {
                    index += 1
                    kind = .function
                    if input.lowercasedASCII(start..<(index - 1)) == "url" {
                        guard let urlKind = scanURL() else { return false }
                        kind = urlKind
                    }
                }
            } else if byte == UInt8(ascii: "@") && startsName(at: index + 1) {
                index += 1
                scanName()
                kind = .atKeyword
            } else if byte == UInt8(ascii: "#") && index + 1 < input.count && (input[index + 1].isCSSNameByte || startsEscape(at: index + 1)) {
                index += 1
                scanName()
                kind = .hash
            } else if input.hasASCIIPrefix("<!--", at: index) {
                index += 4
            } else if input.hasASCIIPrefix("-->", at: index) {
                index += 3
            } else {
                index += 1
                if Self.punctuation.contains(byte) { kind = .punctuation }
            }
            tokens.append(CSSToken(kind: kind, start: start, end: index, numberEnd: numberEnd))
        }
        return true
    }

    private static let punctuation: Set<UInt8> = Set("{}()[];:,".utf8)

    private func startsEscape(at: Int) -> Bool {
        at + 1 < input.count && input[at] == UInt8(ascii: "\\") && input[at + 1] != 0x0A && input[at + 1] != 0x0D && input[at + 1] != 0x0C
    }

    private func startsName(at: Int) -> Bool {
        guard at < input.count else { return false }
        let byte = input[at]
        if byte == UInt8(ascii: "-") {
            guard at + 1 < input.count else { return false }
            let next = input[at + 1]
            return next == UInt8(ascii: "-") || (next.isCSSNameByte && !next.isASCIIDigit) || startsEscape(at: at + 1)
        }
        return (byte.isCSSNameByte && !byte.isASCIIDigit && byte != UInt8(ascii: "-")) || startsEscape(at: at)
    }

    private func startsNumber(at: Int) -> Bool {
        var at = at
        if at < input.count, input[at] == UInt8(ascii: "+") || input[at] == UInt8(ascii: "-") { at += 1 }
        if at < input.count, input[at] == UInt8(ascii: ".") { at += 1 }
        return at < input.count && input[at].isASCIIDigit
    }

    private mutating func scanNumber() {
        if input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { index += 1 }
        skipDigits()
        if index + 1 < input.count, input[index] == UInt8(ascii: "."), input[index + 1].isASCIIDigit {
            index += 1
            skipDigits()
        }
        if index + 1 < input.count, input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E") {
            var at = index + 1
            if input[at] == UInt8(ascii: "+") || input[at] == UInt8(ascii: "-") { at += 1 }
            if at < input.count, input[at].isASCIIDigit {
                index = at
                skipDigits()
            }
        }
    }

    private mutating func skipDigits() {
        while index < input.count, input[index].isASCIIDigit { index += 1 }
    }

    private mutating func scanName() {
        while index < input.count {
            if input[index].isCSSNameByte {
                index += 1
            } else if startsEscape(at: index) {
                index += 1
                var hexDigits = 0
                while hexDigits < 6, index < input.count, input[index].isHexDigit {
                    index += 1
                    hexDigits += 1
                }
                if hexDigits == 0 {
                    index += 1
                } else if index < input.count, input[index].isMarkupSpace {
                    // The one whitespace after a hexadecimal escape belongs to it: `\31 0` is "10".
                    index += input.hasASCIIPrefix("\r\n", at: index) ? 2 : 1
                }
            } else {
                return
            }
        }
    }

    private mutating func scanString(quote: UInt8) -> Bool {
        index += 1
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == quote { return true }
            if byte == 0x0A || byte == 0x0D || byte == 0x0C { return false }
            if byte == UInt8(ascii: "\\") {
                guard index < input.count else { return false }
                index += input.hasASCIIPrefix("\r\n", at: index) ? 2 : 1
            }
        }
        return false
    }

    /// After `url(`: a quoted address leaves a function token; an unquoted one is scanned through `)`.
    private mutating func scanURL() -> CSSToken.Kind? {
        var at = index
        while at < input.count, input[at].isMarkupSpace { at += 1 }
        if at < input.count, input[at] == UInt8(ascii: "\"") || input[at] == UInt8(ascii: "'") { return .function }
        while at < input.count {
            let byte = input[at]
            at += 1
            if byte == UInt8(ascii: ")") {
                index = at
                return .url
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") { return nil }
            if byte == UInt8(ascii: "\\") {
                guard startsEscape(at: at - 1) else { return nil }
                at += 1
            }
        }
        return nil
    }
}

extension UInt8 {
    /// A byte that continues a CSS name: letters, digits, `-`, `_` and every byte of a multi-byte UTF-8 sequence.
    var isCSSNameByte: Bool {
        isASCIILetter || isASCIIDigit || self == UInt8(ascii: "-") || self == UInt8(ascii: "_") || self >= 0x80
    }
}
