import Yams

/// Composing a YAML text with Yams, and turning Yams's errors into `FormatError`s at 1-based positions.
///
/// Yams rejects a duplicate key itself, but it names the *first* occurrence, and we want the second (the one to
/// delete). So when it reports one, we rename that occurrence with a private-use sentinel and compose again, until
/// the document composes; the conversion then strips the sentinels, finds the duplicate in source order and reports
/// it where it was repeated. Only documents with duplicate keys pay for this.
extension YAMLDocument {
    init(_ text: String) throws(FormatError) {
        // libyaml, told the encoding (we tell it, rather than let Yams read an environment variable), takes a byte
        // order mark for content and fails on the next line; columns start after it, as in TOML and JSON.
        var source = text
        if source.unicodeScalars.first == "\u{FEFF}" { source.unicodeScalars.removeFirst() }
        var renames: [YAMLKeyRename] = []
        var renamedPositions = Set<TextPosition>()
        while true {
            do {
                let root = try Yams.compose(yaml: source, .default, .default, .utf8)
                self.init(root: root, renames: renames)
                return
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let position = YAMLDocument(root: nil, renames: renames).position(of: context.mark)
                let name = YAMLKeyRename.originalName(duplicates.first ?? "")
                let fallback = FormatError("duplicate key '\(name)'", at: position)
                guard renames.count < 64, renamedPositions.insert(position).inserted,
                      let rename = YAMLKeyRename.insert(into: &source, at: context.mark, number: renames.count) else {
                    throw fallback
                }
                renames.append(rename)
            } catch {
                throw YAMLDocument.formatError(error, renames: renames)
            }
        }
    }

    static func formatError(_ error: any Error, renames: [YAMLKeyRename]) -> FormatError {
        let document = YAMLDocument(root: nil, renames: renames)
        guard let yamlError = error as? YamlError else {
            return FormatError(String(describing: error), at: TextPosition(line: 1, column: 1))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return FormatError(message(problem: problem, context: context, mark: mark),
                               at: document.position(of: mark))
        case let .reader(problem, offset, _, yaml):
            return FormatError(problem, at: position(ofCharacterOffset: offset, in: yaml))
        case let .duplicatedKeysInMapping(duplicates, context):
            return FormatError("duplicate key '\(duplicates.first ?? "")'", at: document.position(of: context.mark))
        case .memory:
            return FormatError("out of memory", at: TextPosition(line: 1, column: 1))
        default:
            return FormatError(String(describing: yamlError), at: TextPosition(line: 1, column: 1))
        }
    }

    /// libyaml's problem ("could not find expected ':'") with its context ("while scanning a simple key"), and the
    /// line the context began on when that is not the line of the problem (an unclosed quote, say).
    private static func message(problem: String, context: YamlError.Context?, mark: Mark) -> String {
        guard let context else { return problem }
        if problem.hasPrefix("but ") { return "\(context.text), \(problem)" }
        if context.mark.line != mark.line { return "\(problem) \(context.text) started at line \(context.mark.line)" }
        return "\(problem) \(context.text)"
    }

    /// Yams gives reader errors (bad characters) as an offset in `Character`s.
    private static func position(ofCharacterOffset offset: Int?, in text: String) -> TextPosition {
        guard let offset else { return TextPosition(line: 1, column: 1) }
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if YAMLKeyRename.isLineBreak(character.unicodeScalars.first!) {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return TextPosition(line: line, column: column)
    }
}

/// A sentinel put in front of a duplicate key's text so that Yams would compose the document.
struct YAMLKeyRename {
    /// Where the sentinel was inserted, in the text as it was then (1-based, columns in Unicode scalars).
    var line: Int
    var column: Int
    /// The sentinel's length in Unicode scalars; later columns on its line move back by this much.
    var length: Int

    private static let marker: Unicode.Scalar = "\u{E000}"

    /// The key without a sentinel (`\u{E000}3\u{E000}title` is `title`).
    static func originalName(_ name: String) -> String {
        let scalars = name.unicodeScalars
        guard scalars.first == marker, let close = scalars.dropFirst().firstIndex(of: marker) else { return name }
        return String(scalars[scalars.index(after: close)...])
    }

    /// Line breaks as libyaml counts them: `\r\n` (one `Character` in Swift), `\r`, `\n`, NEL, LS and PS.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    /// Renames the key whose node starts at `mark`; nil when that is not a key we can rename (a block scalar or a
    /// collection used as a key).
    static func insert(into source: inout String, at mark: Mark, number: Int) -> YAMLKeyRename? {
        let scalars = source.unicodeScalars
        guard var i = index(in: scalars, line: mark.line, column: mark.column) else { return nil }
        var column = mark.column
        func advance() {
            i = scalars.index(after: i)
            column += 1
        }
        // A tag or anchor written before the key is part of its node.
        while i < scalars.endIndex, scalars[i] == "!" || scalars[i] == "&" {
            while i < scalars.endIndex, scalars[i] != " ", scalars[i] != "\t", !isLineBreak(scalars[i]) { advance() }
            while i < scalars.endIndex, scalars[i] == " " || scalars[i] == "\t" { advance() }
        }
        guard i < scalars.endIndex else { return nil }
        switch scalars[i] {
        case "\"", "'": advance()
        case "[", "{", "|", ">", "*": return nil
        default: if isLineBreak(scalars[i]) { return nil }
        }
        let sentinel = "\u{E000}\(number)\u{E000}"
        source.unicodeScalars.insert(contentsOf: sentinel.unicodeScalars, at: i)
        return YAMLKeyRename(line: mark.line, column: column, length: sentinel.unicodeScalars.count)
    }

    private static func index(in scalars: String.UnicodeScalarView, line: Int,
                              column: Int) -> String.UnicodeScalarView.Index? {
        var i = scalars.startIndex
        var currentLine = 1
        var currentColumn = 1
        while i < scalars.endIndex {
            if currentLine == line, currentColumn == column { return i }
            let scalar = scalars[i]
            i = scalars.index(after: i)
            if isLineBreak(scalar) {
                if scalar == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
        }
        return nil
    }
}
