/// The facts about JavaScript's grammar that the tokenizer and the minifier decide with.
enum JSSyntax {
    /// Punctuators of two or more bytes, grouped by first byte, longest first (single bytes are the fallback).
    static let punctuators: [[[UInt8]]] = {
        let all = [">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
                   "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
                   "&=", "|=", "^=", "<<", ">>", "**"]
        var table = [[[UInt8]]](repeating: [], count: 256)
        for text in all.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let bytes = Array(text.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        return table
    }()

    /// Keywords after which an expression starts, so a `/` begins a regular expression and a `{` an object.
    static let keywordsBeforeExpression: Set<Substring> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await", "extends",
    ]

    /// Keywords among those above after which `{` opens a block.
    static let blockKeywords: Set<Substring> = ["do", "else"]

    /// Keywords whose parenthesised head is followed by a statement: `if (a) /re/.test(b)`.
    static let controlKeywords: Set<Substring> = ["if", "while", "for", "with"]

    /// Words after which a line break is part of the grammar ("no LineTerminator here"): `return\nx` returns nothing.
    /// `get`, `set`, `static` and `async` are here too: they change meaning when a class member follows on the
    /// next line.
    static let restrictedWords: Set<Substring> = [
        "return", "break", "continue", "throw", "yield", "async", "await", "let", "get", "set", "static",
    ]

    /// Keywords that cannot end an expression or statement, so a line break after them is never an ASI point.
    static let keywordsThatContinue: Set<Substring> = [
        "if", "else", "do", "var", "const", "function", "new", "typeof", "void", "delete", "in", "instanceof",
        "case", "try", "finally", "catch", "class", "extends", "switch", "while", "for", "with", "import", "export",
    ]

    /// Names that cannot start a statement or expression: a line break before them is never an ASI point.
    static let keywordsThatCannotStart: Set<Substring> = ["in", "instanceof"]

    /// Single-byte punctuators that can start a statement or expression, so a line break before them may be an
    /// ASI point: `a\n(b)` and `a\n[b]` are famous, `a\n+b` and `a\n-b` less so.
    static let punctuatorsThatStart: Set<Substring> = ["(", "[", "{", "+", "-", "!", "~", "++", "--", "<", "@", "#"]

    /// Punctuators that can end an expression or statement.
    static let punctuatorsThatEnd: Set<Substring> = [")", "]", "}", "++", "--"]
}
