/// Removes comments and whitespace from a script, from its tokens.
///
/// Between two tokens it writes nothing, one space, or one line break:
/// - a line break where the source had one and automatic semicolon insertion could depend on it, which is whenever
///   the token before can end a statement and the token after can start one (`a\n(b)`, `a\n++b`, `}\nfoo`), and
///   after the words of the "no LineTerminator here" productions (`return`, `break`, `yield`...). Elsewhere, after
///   `{`, `,`, `;` or an operator, or before `.`, `)` or an operator, joining the lines cannot change the parse;
/// - a space where the two tokens would otherwise read as one (`a in b`, `a + +b`, `x / /re/`, `1 .toString()`);
/// - nothing otherwise.
///
/// Comments go, except `/*! ... */` and those that mention `@license` or `@preserve`, which are kept verbatim
/// with the line breaks that surround them: licences often require their notice to travel with the code. Names
/// are not shortened and no statement is rewritten; the savings come from layout alone.
enum JSMinifier {
    /// The minified script, or nil when it cannot be tokenized (the caller keeps the original).
    /// `isModule` turns off Annex B's HTML-like comments, which modules do not have.
    static func minify(_ input: [UInt8], isModule: Bool) -> [UInt8]? {
        guard let tokens = JSTokenizer.tokenize(input, isModule: isModule) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var previous: JSToken?
        for token in tokens {
            if let previous {
                if token.newlineBefore && needsLineBreak(previous, token, input) {
                    output.append(0x0A)
                } else if needsSpace(previous, token, input) {
                    output.append(0x20)
                }
            }
            output.append(contentsOf: input[token.start..<token.end])
            previous = token
        }
        return output
    }

    private static func needsLineBreak(_ before: JSToken, _ after: JSToken, _ input: [UInt8]) -> Bool {
        if before.kind == .keptComment || after.kind == .keptComment { return true }
        let afterText = text(after, input)
        if before.kind == .name && JSSyntax.restrictedWords.contains(text(before, input)) {
            return !(after.kind == .punctuator && [";", "}", ")", "]", ",", ":"].contains(afterText))
        }
        return canEnd(before, input) && canStart(after, afterText)
    }

    private static func canEnd(_ token: JSToken, _ input: [UInt8]) -> Bool {
        switch token.kind {
        case .number, .string, .template, .templateTail, .regex: return true
        case .templateHead, .templateMiddle, .keptComment: return false
        case .name: return !JSSyntax.keywordsThatContinue.contains(text(token, input))
        case .punctuator: return JSSyntax.punctuatorsThatEnd.contains(text(token, input))
        }
    }

    private static func canStart(_ token: JSToken, _ text: Substring) -> Bool {
        switch token.kind {
        case .number, .string, .template, .templateHead, .regex: return true
        case .templateMiddle, .templateTail, .keptComment: return false
        case .name: return !JSSyntax.keywordsThatCannotStart.contains(text)
        case .punctuator: return JSSyntax.punctuatorsThatStart.contains(text)
        }
    }

    private static func needsSpace(_ before: JSToken, _ after: JSToken, _ input: [UInt8]) -> Bool {
        let last = input[before.end - 1]
        let first = input[after.start]
        if last.isJSNameByte && first.isJSNameByte { return true }
        if before.kind == .regex && first.isJSNameByte { return true }  // `/a/ in b` is not the flags `in`
        if before.kind == .number && first == UInt8(ascii: ".") { return true }  // `1 .toString()`
        switch (last, first) {
        case (UInt8(ascii: "+"), UInt8(ascii: "+")), (UInt8(ascii: "-"), UInt8(ascii: "-")),
             (UInt8(ascii: "/"), UInt8(ascii: "/")), (UInt8(ascii: "/"), UInt8(ascii: "*")),
             (UInt8(ascii: "<"), UInt8(ascii: "!")), (UInt8(ascii: "-"), UInt8(ascii: ">")):
            return true  // `a + +b`, `a - -b`, `x / /re/`, and no `<!--` or `-->` made up from parts
        default:
            return false
        }
    }

    private static func text(_ token: JSToken, _ input: [UInt8]) -> Substring {
        Substring(decoding: input[token.start..<token.end], as: UTF8.self)
    }
}
