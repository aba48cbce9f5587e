/// One token of a script, as a byte range of the source.
struct JSToken {
    enum Kind: Equatable {
        /// An identifier, keyword or private name (`#x`).
        case name
        case number
        case string
        /// A whole template without substitutions (`` `a` ``).
        case template
        /// `` `a${ ``: opens a template and its first substitution.
        case templateHead
        /// `` }b${ ``: closes one substitution and opens the next.
        case templateMiddle
        /// `` }c` ``: closes the last substitution and the template.
        case templateTail
        case regex
        case punctuator
        /// A comment the minifier keeps (`/*! ... */`, `@license`, `@preserve`, a `#!` line).
        case keptComment
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// Whether a line terminator separates this token from the previous one in the source (ASI depends on it).
    var newlineBefore: Bool
}

/// Splits a script into tokens, deciding on the way whether each `/` starts a regular expression or divides.
///
/// That decision needs the previous significant token, and for `}` and `)` what they closed: a `}` that closes a
/// block or a `)` that closes an `if (...)` head is followed by a statement (so `/` starts a regex), while a `}` that
/// closes an object literal or a `)` that closes a call is followed by an operator. Braces are classified when they
/// open, from the token before them. Template substitutions share the brace stack, so `${ {a: `${b}`} }` nests.
/// Any lexical error returns nil, and the caller keeps the script as it was.
struct JSTokenizer {
    private let input: [UInt8]
    private let isModule: Bool
    private var index = 0
    private var tokens: [JSToken] = []
    private var newlineBefore = false
    /// The last token that is not a kept comment: what decides between regex and division.
    private var last: JSToken?
    private enum Brace { case block, expression, substitution }
    private var braces: [Brace] = []
    private var parens: [Bool] = []  // for each open `(`: does it open an `if`/`while`/`for`/`with` head?
    private var closedBlock = false
    private var closedControlHead = false

    static func tokenize(_ input: [UInt8], isModule: Bool) -> [JSToken]? {
        var tokenizer = JSTokenizer(input: input, isModule: isModule)
        return tokenizer.run() ? tokenizer.tokens : nil
    }

    private init(input: [UInt8], isModule: Bool) {
        self.input = input
        self.isModule = isModule
        tokens.reserveCapacity(input.count / 4)
    }

    private mutating func run() -> Bool {
        if input.hasASCIIPrefix("#!", at: 0) {
            skipLine()
            append(.keptComment, from: 0)
        }
        while index < input.count {
            let byte = input[index]
            let start = index
            switch byte {
            case 0x20, 0x09, 0x0B, 0x0C:
                index += 1
            case 0x0A, 0x0D:
                newlineBefore = true
                index += 1
            case 0x80...:
                if let width = unicodeSpace(at: index) {
                    index += width.count
                    if width.isLineTerminator { newlineBefore = true }
                } else {
                    scanName()
                    append(.name, from: start)
                }
            case UInt8(ascii: "/"):
                guard scanSlash() else { return false }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard scanString(quote: byte) else { return false }
                append(.string, from: start)
            case UInt8(ascii: "`"):
                index += 1
                guard let kind = scanTemplate(head: .templateHead, whole: .template) else { return false }
                append(kind, from: start)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                scanNumber()
                append(.number, from: start)
            case UInt8(ascii: "."):
                if index + 1 < input.count, input[index + 1].isASCIIDigit {
                    scanNumber()
                    append(.number, from: start)
                } else {
                    scanPunctuator()
                }
            case UInt8(ascii: "<") where !isModule && input.hasASCIIPrefix("<!--", at: index):
                skipLine()  // Annex B: `<!--` opens a line comment in classic scripts
            case UInt8(ascii: "-") where !isModule && atLineStart && input.hasASCIIPrefix("-->", at: index):
                skipLine()  // Annex B: `-->` at the start of a line, too
            case UInt8(ascii: "}") where braces.last == .substitution:
                braces.removeLast()
                index += 1
                guard let kind = scanTemplate(head: .templateMiddle, whole: .templateTail) else { return false }
                append(kind, from: start)
            default:
                if byte.isJSNameByte || byte == UInt8(ascii: "#") {
                    index += 1
                    scanName()
                    append(.name, from: start)
                } else {
                    scanPunctuator()
                }
            }
        }
        return true
    }

    /// Whether only whitespace and comments stand between the last line terminator (or the start) and `index`.
    private var atLineStart: Bool { newlineBefore || tokens.isEmpty }

    private mutating func append(_ kind: JSToken.Kind, from start: Int) {
        let token = JSToken(kind: kind, start: start, end: index, newlineBefore: newlineBefore)
        tokens.append(token)
        newlineBefore = false
        if kind != .keptComment { last = token }
    }

    private mutating func skipLine() {
        while index < input.count, input[index] != 0x0A, input[index] != 0x0D, unicodeSpace(at: index)?.isLineTerminator != true {
            index += 1
        }
    }

    // MARK: Comments, regular expressions and division

    private mutating func scanSlash() -> Bool {
        let start = index
        if input.hasASCIIPrefix("//", at: index) {
            skipLine()
        } else if input.hasASCIIPrefix("/*", at: index) {
            guard let close = input.firstIndex(ofASCII: "*/", from: index + 2) else { return false }
            index = close + 2
            let body = input[start..<index]
            if input.hasASCIIPrefix("/*!", at: start) || body.containsASCII("@license") || body.containsASCII("@preserve") {
                append(.keptComment, from: start)
            } else if body.contains(where: { $0 == 0x0A || $0 == 0x0D }) || body.containsASCII("\u{2028}") || body.containsASCII("\u{2029}") {
                newlineBefore = true  // a comment with a line break is a line break for ASI
            }
        } else if regexAllowed {
            return scanRegex()
        } else {
            scanPunctuator()
        }
        return true
    }

    private var regexAllowed: Bool {
        guard let last else { return true }
        switch last.kind {
        case .number, .string, .template, .templateTail, .regex: return false
        case .templateHead, .templateMiddle: return true
        case .keptComment: return true
        case .name: return JSSyntax.keywordsBeforeExpression.contains(slice(last))
        case .punctuator:
            switch input[last.end - 1] {
            case UInt8(ascii: ")"): return closedControlHead
            case UInt8(ascii: "]"): return false
            case UInt8(ascii: "}"): return closedBlock
            case UInt8(ascii: "+"), UInt8(ascii: "-"): return last.end - last.start == 1  // `a++ / 2` divides
            default: return true
            }
        }
    }

    private mutating func scanRegex() -> Bool {
        let start = index
        index += 1
        var inClass = false
        while true {
            guard index < input.count else { return false }
            let byte = input[index]
            if byte == 0x0A || byte == 0x0D { return false }
            index += 1
            if byte == UInt8(ascii: "\\") {
                guard index < input.count, input[index] != 0x0A, input[index] != 0x0D else { return false }
                index += 1
            } else if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/") && !inClass {
                break
            }
        }
        scanName()  // flags
        append(.regex, from: start)
        return true
    }

    // MARK: Literals and names

    private mutating func scanString(quote: UInt8) -> Bool {
        index += 1
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == quote { return true }
            if byte == 0x0A || byte == 0x0D { return false }
            if byte == UInt8(ascii: "\\") {
                guard index < input.count else { return false }
                // A line continuation: `\` before CRLF swallows both bytes.
                if input[index] == 0x0D && index + 1 < input.count && input[index + 1] == 0x0A { index += 1 }
                index += 1
            }
        }
        return false
    }

    /// Scans template characters after `` ` `` or a substitution's `}`, up to `` ` `` (`whole`) or `${` (`head`).
    private mutating func scanTemplate(head: JSToken.Kind, whole: JSToken.Kind) -> JSToken.Kind? {
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == UInt8(ascii: "`") { return whole }
            if byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "$") && index < input.count && input[index] == UInt8(ascii: "{") {
                index += 1
                braces.append(.substitution)
                return head
            }
        }
        return nil
    }

    private mutating func scanName() {
        while index < input.count {
            let byte = input[index]
            if byte >= 0x80 {
                if unicodeSpace(at: index) != nil { return }
            } else if !byte.isJSNameByte {
                return
            }
            index += 1
        }
    }

    /// Numbers in every form (`0x1F`, `1_000n`, `.5e-3`), read loosely: the text is copied, never interpreted.
    private mutating func scanNumber() {
        let isHex = input.hasASCIIPrefix("0x", at: index, caseInsensitive: true) || input.hasASCIIPrefix("0b", at: index, caseInsensitive: true)
            || input.hasASCIIPrefix("0o", at: index, caseInsensitive: true)
        var sawDot = false
        var sawExponent = false
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: ".") && !sawDot && !sawExponent && !isHex {
                sawDot = true
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && !isHex {
                sawExponent = true
                if index + 1 < input.count, input[index + 1] == UInt8(ascii: "+") || input[index + 1] == UInt8(ascii: "-") { index += 1 }
            } else if !byte.isJSNameByte || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "$") {
                return
            }
            index += 1
        }
    }

    // MARK: Punctuators and the brackets they track

    private mutating func scanPunctuator() {
        let start = index
        var length = 1
        for candidate in JSSyntax.punctuators[Int(input[index])] where input.hasPrefix(candidate, at: index) {
            length = candidate.count
            break
        }
        // `a?.5:b` is a conditional, not optional chaining.
        if length == 2 && input[index] == UInt8(ascii: "?") && input[index + 1] == UInt8(ascii: ".")
            && index + 2 < input.count && input[index + 2].isASCIIDigit {
            length = 1
        }
        index += length
        if length == 1 { track(input[start]) }
        append(.punctuator, from: start)
    }

    private mutating func track(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "("):
            parens.append(last.map { $0.kind == .name && JSSyntax.controlKeywords.contains(slice($0)) } ?? false)
        case UInt8(ascii: ")"):
            closedControlHead = parens.popLast() ?? false
        case UInt8(ascii: "{"):
            braces.append(opensBlock ? .block : .expression)
        case UInt8(ascii: "}"):
            closedBlock = (braces.popLast() ?? .block) == .block
        default:
            break
        }
    }

    /// Whether a `{` after the current last token opens a block (or class or function body) rather than an object.
    private var opensBlock: Bool {
        guard let last else { return true }
        switch last.kind {
        case .name: return !JSSyntax.keywordsBeforeExpression.contains(slice(last)) || JSSyntax.blockKeywords.contains(slice(last))
        case .punctuator:
            switch slice(last) {
            case ")", ";", "{", "}", "=>": return true
            default: return false
            }
        default: return false
        }
    }

    private func slice(_ token: JSToken) -> Substring {
        Substring(decoding: input[token.start..<token.end], as: UTF8.self)
    }

    /// The width of the Unicode space or line terminator at `at` (NBSP, BOM, U+2028...), or nil.
    private func unicodeSpace(at: Int) -> (count: Int, isLineTerminator: Bool)? {
        let byte = input[at]
        if byte == 0xC2, at + 1 < input.count, input[at + 1] == 0xA0 { return (2, false) }
        guard byte >= 0xE1, byte <= 0xEF, at + 2 < input.count else { return nil }
        let (b1, b2) = (input[at + 1], input[at + 2])
        switch (byte, b1) {
        case (0xE2, 0x80):
            if b2 == 0xA8 || b2 == 0xA9 { return (3, true) }
            return (b2 <= 0x8A || b2 == 0xAF) ? (3, false) : nil
        case (0xE2, 0x81): return b2 == 0x9F ? (3, false) : nil
        case (0xE3, 0x80): return b2 == 0x80 ? (3, false) : nil
        case (0xE1, 0x9A): return b2 == 0x80 ? (3, false) : nil
        case (0xEF, 0xBB): return b2 == 0xBF ? (3, false) : nil
        default: return nil
        }
    }
}

extension UInt8 {
    /// A byte that continues an identifier, keyword or number: ASCII letters, digits, `$`, `_`, `\` (escapes) and
    /// every byte of a multi-byte UTF-8 sequence.
    var isJSNameByte: Bool {
        isASCIILetter || isASCIIDigit || self == UInt8(ascii: "$") || self == UInt8(ascii: "_") || self == UInt8(ascii: "\\") || self >= 0x80
    }
}

