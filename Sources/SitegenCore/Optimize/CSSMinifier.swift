/// Removes comments and whitespace from a style sheet and shortens numbers and colours where that is certainly safe.
///
/// The sheet is read statement by statement: the tokens up to a `{`, `;` or `}` outside brackets. A statement that
/// ends in `{` is a prelude (a selector, or an at-rule's prelude); one that ends in `;` or `}` is a declaration (or an
/// at-rule statement such as `@import`). What whitespace may go depends on which:
/// - in a selector a space is the descendant combinator, so only the spaces around `,`, `>`, `+`, `~` and inside
///   brackets go, and `a :hover` keeps its space;
/// - in an at-rule prelude the spaces inside brackets and around `,` go, but `and (` keeps its space;
/// - in a declaration the spaces around its `:`, `,`, `/` and `!important` go; the spaces around `+` and `-` stay,
///   because `calc(1px + 2px)` needs them;
/// - a custom property's value (`--x: ...`) is copied verbatim, trimmed, because whitespace in it can matter
///   wherever the value is used.
///
/// Inside declarations only: `0.50` becomes `.5`, a zero length loses its unit outside functions (`0px` → `0`, but
/// not in `calc()`, `flex` or `flex-basis`, and never `0%` or `0s`), and hex colours are lowercased and shortened
/// (`#FFFFFF` → `#fff`). The last `;` of each block goes. Comments go, except `/*! ... */`, kept for licences.
/// Empty rules and duplicate declarations are kept: removing them is rarely worth the risk of being wrong.
enum CSSMinifier {
    static func minify(_ input: [UInt8]) -> [UInt8]? {
        let bom = input.hasASCIIPrefix("\u{FEFF}", at: 0) ? 3 : 0
        guard let tokens = CSSTokenizer.tokenize(input, from: bom) else { return nil }
        var writer = CSSWriter(input: input, tokens: tokens)
        writer.output.append(contentsOf: input[0..<bom])
        writer.run()
        return writer.output
    }
}

private struct CSSWriter {
    let input: [UInt8]
    let tokens: [CSSToken]
    var output: [UInt8] = []

    init(input: [UInt8], tokens: [CSSToken]) {
        self.input = input
        self.tokens = tokens
        output.reserveCapacity(input.count)
    }

    /// How whitespace and values are treated within one statement.
    enum Context: Equatable {
        case selector
        case atRulePrelude
        /// The value of the named (lowercased) property.
        case value(String)
        case other
    }

    mutating func run() {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .whitespace:
                index += 1
            case .comment:
                if isKeptComment(token) { append(token) }
                index += 1
            case .punctuation where byte(token) == UInt8(ascii: "}"):
                if output.last == UInt8(ascii: ";") { output.removeLast() }
                output.append(UInt8(ascii: "}"))
                index += 1
            case .punctuation where byte(token) == UInt8(ascii: ";"):
                // After `}` a `;` stays: at the top level `a{};b{}` makes `;b` an (invalid) selector.
                if let last = output.last, last != UInt8(ascii: ";"), last != UInt8(ascii: "{") {
                    output.append(UInt8(ascii: ";"))
                }
                index += 1
            default:
                index = statement(from: index)
            }
        }
    }

    /// Writes the statement starting at `start` and returns the index of the token after it.
    private mutating func statement(from start: Int) -> Int {
        if let colon = customPropertyColon(from: start) { return customProperty(from: start, colon: colon) }
        var depth = 0
        var end = start
        while end < tokens.count {
            let token = tokens[end]
            if token.kind == .function { depth += 1 }
            if token.kind == .punctuation {
                let byte = byte(token)
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
                if depth == 0 && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "}")) { break }
            }
            end += 1
        }
        let terminator = end < tokens.count ? byte(tokens[end]) : 0
        if tokens[start].kind == .atKeyword {
            write(start..<end, .atRulePrelude)
        } else if terminator == UInt8(ascii: "{") {
            write(start..<end, .selector)
        } else if let colon = declarationColon(from: start, to: end) {
            append(tokens[start])
            output.append(UInt8(ascii: ":"))
            write((colon + 1)..<end, .value(input.lowercasedASCII(tokens[start].start..<tokens[start].end)))
        } else {
            write(start..<end, .other)
        }
        if terminator == UInt8(ascii: "{") {
            output.append(terminator)
            return end + 1
        }
        return end  // `;` and `}` are written by `run`
    }

    /// The index of the `:` when the statement at `start` is a declaration (`name :`), or nil.
    private func declarationColon(from start: Int, to end: Int) -> Int? {
        guard tokens[start].kind == .ident else { return nil }
        var index = start + 1
        while index < end, tokens[index].kind == .whitespace || tokens[index].kind == .comment { index += 1 }
        return index < end && tokens[index].kind == .punctuation && byte(tokens[index]) == UInt8(ascii: ":") ? index : nil
    }

    private func customPropertyColon(from start: Int) -> Int? {
        let token = tokens[start]
        guard token.kind == .ident, input.hasASCIIPrefix("--", at: token.start) else { return nil }
        return declarationColon(from: start, to: tokens.count)
    }

    /// `--name: value`: the value runs to a `;` or `}` outside all brackets, braces included, and is copied trimmed.
    private mutating func customProperty(from start: Int, colon: Int) -> Int {
        var depth = 0
        var end = colon + 1
        scan: while end < tokens.count {
            let token = tokens[end]
            if token.kind == .function { depth += 1 }
            if token.kind == .punctuation {
                switch byte(token) {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
                case UInt8(ascii: "}"):
                    if depth == 0 { break scan }
                    depth -= 1
                case UInt8(ascii: ";") where depth == 0: break scan
                default: break
                }
            }
            end += 1
        }
        append(tokens[start])
        output.append(UInt8(ascii: ":"))
        var first = colon + 1
        var last = end
        while first < last, tokens[first].kind == .whitespace { first += 1 }
        while last > first, tokens[last - 1].kind == .whitespace { last -= 1 }
        if first < last { output.append(contentsOf: input[tokens[first].start..<tokens[last - 1].end]) }
        return end
    }

    // MARK: Tokens within a statement

    private mutating func write(_ range: Range<Int>, _ context: Context) {
        var previous: CSSToken?
        var pendingSpace = false
        var droppedComment = false
        var functionDepth = 0
        for index in range {
            let token = tokens[index]
            if token.kind == .whitespace {
                pendingSpace = true
                continue
            }
            if token.kind == .comment && !isKeptComment(token) {
                droppedComment = true
                continue
            }
            if let previous {
                if pendingSpace && keepsSpace(between: previous, and: token, context, functionDepth: functionDepth) {
                    output.append(0x20)
                } else if droppedComment && !pendingSpace && couldMerge(previous, token) {
                    output.append(contentsOf: "/**/".utf8)  // `a/**/b` is two tokens, `ab` would be one
                }
            }
            pendingSpace = false
            droppedComment = false
            if token.kind == .function || isPunctuation(token, "(") { functionDepth += 1 }
            if isPunctuation(token, ")") { functionDepth = max(0, functionDepth - 1) }
            if case .value(let property) = context {
                writeValueToken(token, property: property, insideFunction: functionDepth > 0)
            } else {
                append(token)
            }
            previous = token
        }
    }

    private func keepsSpace(between before: CSSToken, and after: CSSToken, _ context: Context, functionDepth: Int) -> Bool {
        if isPunctuation(before, ",") || isPunctuation(after, ",") { return false }
        if before.kind == .function || isPunctuation(before, "(") || isPunctuation(before, "[") { return false }
        if isPunctuation(after, ")") || isPunctuation(after, "]") { return false }
        switch context {
        case .selector:
            return !(isCombinator(before) || isCombinator(after))
        case .atRulePrelude:
            return !(functionDepth > 0 && (isPunctuation(before, ":") || isPunctuation(after, ":")))
        case .value:
            let dropped: [UInt8] = [UInt8(ascii: "!"), UInt8(ascii: "/")]
            return !(before.kind == .delim && dropped.contains(byte(before)) || after.kind == .delim && dropped.contains(byte(after)))
        case .other:
            return true
        }
    }

    private func isCombinator(_ token: CSSToken) -> Bool {
        token.kind == .delim && token.end - token.start == 1
            && [UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "~")].contains(byte(token))
    }

    private func couldMerge(_ before: CSSToken, _ after: CSSToken) -> Bool {
        before.kind != .punctuation && after.kind != .punctuation && before.kind != .function
    }

    // MARK: Values

    private static let lengthUnits: Set<String> = [
        "px", "em", "rem", "ex", "ch", "vw", "vh", "vmin", "vmax", "cm", "mm", "in", "pt", "pc", "q",
    ]

    private mutating func writeValueToken(_ token: CSSToken, property: String, insideFunction: Bool) {
        switch token.kind {
        case .numeric where property != "unicode-range":
            let unit = input.lowercasedASCII(token.numberEnd..<token.end)
            if isZero(token.start..<token.numberEnd) && Self.lengthUnits.contains(unit) && !insideFunction
                && property != "flex" && property != "flex-basis" && !property.hasSuffix("-flex") {
                output.append(UInt8(ascii: "0"))
            } else {
                output.append(contentsOf: shortNumber(token.start..<token.numberEnd))
                output.append(contentsOf: input[token.numberEnd..<token.end])
            }
        case .hash where property != "filter" && !property.hasSuffix("-filter"):
            output.append(contentsOf: shortColor(token) ?? Array(input[token.start..<token.end]))
        default:
            append(token)
        }
    }

    /// `0.50` → `.5`, `-0.5` → `-.5`, `1.50` → `1.5`. One fraction digit always stays: `1.0` is a number where
    /// `1` is an integer, and properties such as `z-index` accept only the latter. Exponents are left alone.
    private func shortNumber(_ range: Range<Int>) -> [UInt8] {
        var bytes = Array(input[range])
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")),
              !bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return bytes }
        while bytes.count > dot + 2, bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        let signLength = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? 1 : 0
        if dot == signLength + 1 && bytes[signLength] == UInt8(ascii: "0") { bytes.remove(at: signLength) }
        return bytes
    }

    /// Whether a number is zero (`0`, `-0`, `0.00`, `0e3`).
    private func isZero(_ range: Range<Int>) -> Bool {
        var sawDigit = false
        for byte in input[range] {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            if byte.isASCIIDigit {
                if byte != UInt8(ascii: "0") { return false }
                sawDigit = true
            }
        }
        return sawDigit
    }

    /// `#AABBCC` → `#abc`, `#aabbccdd` → `#abcd`; nil for hashes that are not 3, 4, 6 or 8 hex digits.
    private func shortColor(_ token: CSSToken) -> [UInt8]? {
        let digits = input[(token.start + 1)..<token.end].map(\.asciiLowercased)
        guard [3, 4, 6, 8].contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count >= 6 && stride(from: 0, to: digits.count, by: 2).allSatisfy({ digits[$0] == digits[$0 + 1] }) {
            return [UInt8(ascii: "#")] + stride(from: 0, to: digits.count, by: 2).map { digits[$0] }
        }
        return [UInt8(ascii: "#")] + digits
    }

    // MARK: Helpers

    private func isKeptComment(_ token: CSSToken) -> Bool { input.hasASCIIPrefix("/*!", at: token.start) }

    private func byte(_ token: CSSToken) -> UInt8 { input[token.start] }

    private func isPunctuation(_ token: CSSToken, _ character: Unicode.Scalar) -> Bool {
        token.kind == .punctuation && input[token.start] == UInt8(ascii: character)
    }

    private mutating func append(_ token: CSSToken) { output.append(contentsOf: input[token.start..<token.end]) }
}
