/// A Swift port of the HTML normalization in cmark-gfm's `test/normalize.py`, so that the conformance tests compare
/// HTML the way the spec's own tooling does: whitespace collapsed (except in `<pre>`), whitespace around block tags
/// removed, self-closing tags written as open tags, attributes sorted, character references decoded except for `<`,
/// `>`, `&` and `"`.
///
/// normalize.py leans on Python's `html.parser.HTMLParser` (3.x, `convert_charrefs` off) and on how it is fed: the
/// HTML is cut into chunks (`<![CDATA[...]]>`, `<...>`, text), a chunk starting with `<![CDATA` is copied verbatim, a
/// `<` that starts no chunk is dropped, and each other chunk is fed to the parser, which keeps what it cannot finish
/// for the next feed. This port keeps that structure (feeds, `goahead(end:)`, the tolerant start-tag grammar), because
/// its quirks decide which pairs of HTML strings count as equal.
struct HTMLNormalizer {
    private enum Last { case startTag, endTag, data, comment, declaration, processingInstruction, reference }

    // Python HTMLParser state.
    private var raw: [Unicode.Scalar] = []
    private var cdataElement: String?

    // normalize.py's MyHTMLParser state.
    private var output = ""
    private var last = Last.startTag
    private var lastTag = ""
    private var inPre = false

    /// The normalized form of `html`.
    static func normalize(_ html: String) -> String {
        var normalizer = HTMLNormalizer()
        for chunk in chunks(Array(html.unicodeScalars)) {
            if chunk.starts(with: "<![CDATA".unicodeScalars) {
                normalizer.output.unicodeScalars.append(contentsOf: chunk)
            } else {
                normalizer.raw.append(contentsOf: chunk)
                normalizer.goahead(end: false)
            }
        }
        normalizer.goahead(end: true)
        return normalizer.output
    }

    /// `re.finditer("(\<!\[CDATA\[.*?\]\]\>|\<[^>]*\>|[^<]+)", html)`.
    private static func chunks(_ s: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var result: [ArraySlice<Unicode.Scalar>] = []
        var i = 0
        while i < s.count {
            if s[i] != "<" {
                var j = i
                while j < s.count, s[j] != "<" { j += 1 }
                result.append(s[i..<j])
                i = j
                continue
            }
            if hasPrefix("<![CDATA[", s, at: i) {
                var j = i + 9
                while j + 2 < s.count, s[j] != "\n", !(s[j] == "]" && s[j + 1] == "]" && s[j + 2] == ">") { j += 1 }
                if j + 2 < s.count, s[j] == "]", s[j + 1] == "]", s[j + 2] == ">" {
                    result.append(s[i..<(j + 3)])
                    i = j + 3
                    continue
                }
            }
            if let close = find([">"], in: s, from: i + 1) {
                result.append(s[i...close])
                i = close + 1
            } else {
                i += 1  // no alternative matches here: finditer moves on and the `<` is lost
            }
        }
        return result
    }

    // MARK: HTMLParser.goahead

    private mutating func goahead(end: Bool) {
        let s = raw
        let n = s.count
        var i = 0
        loop: while i < n {
            var j: Int
            if let element = cdataElement {
                guard let close = Self.closingTag(element, in: s, from: i) else { break loop }
                j = close
            } else {
                j = i
                while j < n, s[j] != "<", s[j] != "&" { j += 1 }
            }
            if i < j { handleData(s[i..<j]) }
            i = j
            if i == n { break }
            if s[i] == "<" {
                var k: Int
                if i + 1 < n, Self.isASCIILetter(s[i + 1]) {
                    k = parseStartTag(s, at: i)
                } else if Self.hasPrefix("</", s, at: i) {
                    k = parseEndTag(s, at: i)
                } else if Self.hasPrefix("<!--", s, at: i) {
                    k = parseComment(s, at: i)
                } else if Self.hasPrefix("<?", s, at: i) {
                    k = parseProcessingInstruction(s, at: i)
                } else if Self.hasPrefix("<!", s, at: i) {
                    k = parseDeclaration(s, at: i)
                } else if i + 1 < n {
                    handleData(s[i..<(i + 1)])
                    k = i + 1
                } else {
                    break
                }
                if k < 0 {
                    if !end { break }
                    if let gt = Self.find([">"], in: s, from: i + 1) {
                        k = gt + 1
                    } else {
                        k = Self.find(["<"], in: s, from: i + 1) ?? i + 1
                    }
                    handleData(s[i..<k])
                }
                i = k
            } else if Self.hasPrefix("&#", s, at: i) {
                if let (name, k) = Self.characterReference(s, at: i) {
                    handleCharacterReference(name)
                    i = k
                    continue
                }
                if s[i...].contains(";") {
                    handleData(s[i..<(i + 2)])
                    i += 2
                }
                break
            } else {
                if let (name, k) = Self.entityReference(s, at: i) {
                    let scalar = Self.entityCodePoints[name].flatMap(Unicode.Scalar.init)
                    outputCharacter(scalar, fallback: "&\(name);")
                    last = .reference
                    i = k
                    continue
                }
                if i + 1 < n, Self.isASCIILetter(s[i + 1]) || s[i + 1] == "#" {
                    // `incomplete`: wait for more text; at the end, Python skips the `&` and stops here.
                    if end, i + 2 == n { i += 1 }
                    break
                } else if i + 1 < n {
                    handleData(s[i..<(i + 1)])
                    i += 1
                } else {
                    break
                }
            }
        }
        if end, i < n, cdataElement == nil {
            handleData(s[i..<n])
            i = n
        }
        raw = Array(s[i...])
    }

    // MARK: Markup

    /// `parse_starttag`; the offset after the tag, or -1 when the tag is not complete yet.
    private mutating func parseStartTag(_ s: [Unicode.Scalar], at i: Int) -> Int {
        let endPosition = Self.wholeStartTagEnd(s, at: i)
        if endPosition < 0 { return endPosition }
        var k = Self.tagNameEnd(s, from: i + 1)
        let tag = String(String.UnicodeScalarView(s[(i + 1)..<k])).lowercased()
        k = Self.skipSpacesAndSlashes(s, from: k)
        var attributes: [(name: String, value: String?)] = []
        while k < endPosition, let attribute = Self.attribute(s, at: k) {
            attributes.append((attribute.name, attribute.value))
            k = attribute.end
        }
        let rest = Self.stripped(s[k..<endPosition])
        if !rest.elementsEqual(">".unicodeScalars), !rest.elementsEqual("/>".unicodeScalars) {
            handleData(s[i..<endPosition])
            return endPosition
        }
        handleStartTag(tag, attributes)
        if rest.elementsEqual("/>".unicodeScalars) {
            lastTag = tag
            last = .endTag
        } else if tag == "script" || tag == "style" {
            cdataElement = tag
        }
        return endPosition
    }

    /// `check_for_whole_start_tag`, with `locatestarttagend_tolerant` matched by hand.
    private static func wholeStartTagEnd(_ s: [Unicode.Scalar], at i: Int) -> Int {
        let n = s.count
        var j = tagNameEnd(s, from: i + 1)
        var k = j
        while k < n, isWhitespace(s[k]) || s[k] == "/" { k += 1 }
        while let attribute = attribute(s, at: k, trailingSpaceInValue: true) {
            k = attribute.end
        }
        if k > j { j = k }
        while j < n, isWhitespace(s[j]) { j += 1 }
        guard j < n else { return -1 }
        let next = s[j]
        if next == ">" { return j + 1 }
        if next == "/" {
            if j + 1 < n, s[j + 1] == ">" { return j + 2 }
            return -1
        }
        if isASCIILetter(next) || next == "=" { return -1 }
        return j > i ? j : i + 1
    }

    /// `[a-zA-Z][^\t\n\r\f />\x00]*` from `start`; returns its end.
    private static func tagNameEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start + 1
        while j < s.count, !["\t", "\n", "\r", "\u{0C}", " ", "/", ">", "\0"].contains(s[j]) { j += 1 }
        return j
    }

    /// `(?:\s|/(?!>))*`.
    private static func skipSpacesAndSlashes(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var k = start
        while k < s.count, isWhitespace(s[k]) || (s[k] == "/" && !(k + 1 < s.count && s[k + 1] == ">")) { k += 1 }
        return k
    }

    /// `attrfind_tolerant` at `k` (with `trailingSpaceInValue`, the attribute part of `locatestarttagend_tolerant`).
    private static func attribute(
        _ s: [Unicode.Scalar], at k: Int, trailingSpaceInValue: Bool = false
    ) -> (name: String, value: String?, end: Int)? {
        let n = s.count
        guard k > 0, k < n, ["'", "\"", "/"].contains(s[k - 1]) || isWhitespace(s[k - 1]),
            !isWhitespace(s[k]), s[k] != "/", s[k] != ">"
        else { return nil }
        var j = k + 1
        while j < n, !isWhitespace(s[j]), !["/", "=", ">"].contains(s[j]) { j += 1 }
        let name = String(String.UnicodeScalarView(s[k..<j])).lowercased()
        var value: String?
        // `(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?`
        var m = j
        while m < n, isWhitespace(s[m]) { m += 1 }
        if m < n, s[m] == "=" {
            let firstEquals = m
            while m < n, s[m] == "=" { m += 1 }
            let afterEquals = m
            while m < n, isWhitespace(s[m]) { m += 1 }
            var valueEnd: Int?
            var text: ArraySlice<Unicode.Scalar> = []
            func bareValue(from start: Int) {
                var e = start
                while e < n, s[e] != ">", !isWhitespace(s[e]) { e += 1 }
                text = s[start..<e]
                valueEnd = e
            }
            if m < n, s[m] == "'" || s[m] == "\"" {
                if let close = find([s[m]], in: s, from: m + 1) {
                    text = s[(m + 1)..<close]
                    valueEnd = close + 1
                } else if m > afterEquals {
                    // An unclosed quote: the regex backtracks one space and takes an empty bare value before it.
                    valueEnd = m - 1
                } else if afterEquals - firstEquals > 1 {
                    // ... or gives back one `=` and takes a bare value starting with it.
                    bareValue(from: afterEquals - 1)
                }
            } else {
                bareValue(from: m)
            }
            if var end = valueEnd {
                value = text.isEmpty ? "" : unescape(text)
                if trailingSpaceInValue { while end < n, isWhitespace(s[end]) { end += 1 } }
                j = end
            }
        }
        return (name, value, skipSpacesAndSlashes(s, from: j))
    }

    /// `parse_endtag`.
    private mutating func parseEndTag(_ s: [Unicode.Scalar], at i: Int) -> Int {
        guard let gt = Self.find([">"], in: s, from: i + 1) else { return -1 }
        let afterGreaterThan = gt + 1
        // `endtagfind`: `</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>`
        var j = i + 2
        while j < s.count, Self.isWhitespace(s[j]) { j += 1 }
        let nameStart = j
        if j < s.count, Self.isASCIILetter(s[j]) {
            j += 1
            while j < s.count, Self.isASCIILetter(s[j]) || Self.isASCIIDigit(s[j]) || "-.:_".unicodeScalars.contains(s[j]) {
                j += 1
            }
        }
        let nameEnd = j
        while j < s.count, Self.isWhitespace(s[j]) { j += 1 }
        if nameEnd > nameStart, j < s.count, s[j] == ">" {
            let element = String(String.UnicodeScalarView(s[nameStart..<nameEnd])).lowercased()
            if let cdata = cdataElement, element != cdata {
                handleData(s[i..<(j + 1)])
                return j + 1
            }
            handleEndTag(element)
            cdataElement = nil
            return j + 1
        }
        if cdataElement != nil {
            handleData(s[i..<afterGreaterThan])
            return afterGreaterThan
        }
        guard i + 2 < s.count, Self.isASCIILetter(s[i + 2]) else {
            if Self.hasPrefix("</>", s, at: i) { return i + 3 }
            return parseBogusComment(s, at: i)
        }
        let tagEnd = Self.tagNameEnd(s, from: i + 2)
        let tag = String(String.UnicodeScalarView(s[(i + 2)..<tagEnd])).lowercased()
        let close = Self.find([">"], in: s, from: Self.skipSpacesAndSlashes(s, from: tagEnd)) ?? -1
        handleEndTag(tag)
        return close + 1
    }

    /// `parse_comment`: `<!--` up to `--\s*>`.
    private mutating func parseComment(_ s: [Unicode.Scalar], at i: Int) -> Int {
        var from = i + 4
        while let dashes = Self.find(["-", "-"], in: s, from: from) {
            var close = dashes + 2
            while close < s.count, Self.isWhitespace(s[close]) { close += 1 }
            if close < s.count, s[close] == ">" {
                handleComment(s[(i + 4)..<dashes])
                return close + 1
            }
            from = dashes + 1
        }
        return -1
    }

    /// `parse_pi`: `<?` up to `>`.
    private mutating func parseProcessingInstruction(_ s: [Unicode.Scalar], at i: Int) -> Int {
        guard let close = Self.find([">"], in: s, from: i + 2) else { return -1 }
        output += "<?" + String(String.UnicodeScalarView(s[(i + 2)..<close])) + ">"
        last = .processingInstruction
        return close + 1
    }

    /// `parse_html_declaration`.
    private mutating func parseDeclaration(_ s: [Unicode.Scalar], at i: Int) -> Int {
        if Self.hasPrefix("<![", s, at: i) { return parseMarkedSection(s, at: i) }
        if Self.hasPrefix("<!doctype", s, at: i, caseInsensitive: true) {
            guard let close = Self.find([">"], in: s, from: i + 9) else { return -1 }
            handleDeclaration(s[(i + 2)..<close])
            return close + 1
        }
        return parseBogusComment(s, at: i)
    }

    /// `parse_marked_section` (`<![CDATA[` that spans lines, `<![if ...]>`); Python raises on other names, which
    /// here counts as an incomplete construct.
    private mutating func parseMarkedSection(_ s: [Unicode.Scalar], at i: Int) -> Int {
        var j = i + 3
        guard j < s.count, Self.isASCIILetter(s[j]) else { return -1 }
        while j < s.count, Self.isASCIILetter(s[j]) || Self.isASCIIDigit(s[j]) || "-_.".unicodeScalars.contains(s[j]) {
            j += 1
        }
        let name = String(String.UnicodeScalarView(s[(i + 3)..<j])).lowercased()
        let closers: [[Unicode.Scalar]]
        switch name {
        case "temp", "cdata", "ignore", "include", "rcdata": closers = [["]", "]"]]
        case "if", "else", "endif": closers = [["]"]]
        default: return -1
        }
        // `]\s*]\s*>` or `]\s*>`
        var from = i + 3
        while let bracket = Self.find(["]"], in: s, from: from) {
            var k = bracket + 1
            if closers[0].count == 2 {
                while k < s.count, Self.isWhitespace(s[k]) { k += 1 }
                guard k < s.count, s[k] == "]" else { from = bracket + 1; continue }
                k += 1
            }
            while k < s.count, Self.isWhitespace(s[k]) { k += 1 }
            if k < s.count, s[k] == ">" {
                handleDeclaration(s[(i + 2)..<bracket].dropFirst())
                return k + 1
            }
            from = bracket + 1
        }
        return -1
    }

    /// `<!x>` and `</ x>`: a comment holding what follows the first two characters.
    private mutating func parseBogusComment(_ s: [Unicode.Scalar], at i: Int) -> Int {
        guard let close = Self.find([">"], in: s, from: i + 2) else { return -1 }
        handleComment(s[(i + 2)..<close])
        return close + 1
    }

    /// `charref`: `&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]`; the name and the offset after it (after `;` only if
    /// the terminator is `;`).
    private static func characterReference(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 2
        let hex = j < s.count && (s[j] == "x" || s[j] == "X")
        if hex { j += 1 }
        let digitsStart = j
        while j < s.count, hex ? s[j].properties.isASCIIHexDigit : isASCIIDigit(s[j]) { j += 1 }
        guard j > digitsStart, j < s.count, !s[j].properties.isASCIIHexDigit else { return nil }
        return (String(String.UnicodeScalarView(s[(i + 2)..<j])), s[j] == ";" ? j + 1 : j)
    }

    /// `entityref`: `&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]`.
    private static func entityReference(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        guard j < s.count, isASCIILetter(s[j]) else { return nil }
        j += 1
        while j < s.count, isASCIILetter(s[j]) || isASCIIDigit(s[j]) || s[j] == "-" || s[j] == "." { j += 1 }
        guard j < s.count, !isASCIILetter(s[j]), !isASCIIDigit(s[j]) else { return nil }
        return (String(String.UnicodeScalarView(s[(i + 1)..<j])), s[j] == ";" ? j + 1 : j)
    }

    /// In `<script>`/`<style>`, where `</\s*name\s*>` (any case) starts.
    private static func closingTag(_ element: String, in s: [Unicode.Scalar], from start: Int) -> Int? {
        var from = start
        while let open = find(["<", "/"], in: s, from: from) {
            var j = open + 2
            while j < s.count, isWhitespace(s[j]) { j += 1 }
            if hasPrefix(element, s, at: j, caseInsensitive: true) {
                var k = j + element.unicodeScalars.count
                while k < s.count, isWhitespace(s[k]) { k += 1 }
                if k < s.count, s[k] == ">" { return open }
            }
            from = open + 1
        }
        return nil
    }

    // MARK: Handlers (normalize.py's MyHTMLParser)

    private mutating func handleData(_ scalars: ArraySlice<Unicode.Scalar>) {
        var data = Array(scalars)
        let afterTag = last == .endTag || last == .startTag
        let afterBlockTag = afterTag && Self.blockTags.contains(lastTag)
        if afterTag, lastTag == "br" {
            while data.first == "\n" { data.removeFirst() }
        }
        if !inPre { data = Self.collapseWhitespace(data) }
        if afterBlockTag, !inPre {
            if last == .startTag {
                data = Array(data.drop(while: Self.isWhitespace))
            } else if last == .endTag {
                data = Array(data.drop(while: Self.isWhitespace))
                while let lastScalar = data.last, Self.isWhitespace(lastScalar) { data.removeLast() }
            }
        }
        output.unicodeScalars.append(contentsOf: data)
        last = .data
    }

    private mutating func handleStartTag(_ tag: String, _ attributes: [(name: String, value: String?)]) {
        if tag == "pre" { inPre = true }
        if Self.blockTags.contains(tag) { stripTrailingWhitespace() }
        output += "<" + tag
        let sorted = attributes.sorted { a, b in
            if a.name != b.name { return a.name < b.name }
            switch (a.value, b.value) {
            case (nil, _?): return true
            case let (x?, y?): return x < y
            default: return false
            }
        }
        for (name, value) in sorted {
            output += " " + name
            if let value { output += "=\"" + Self.escapeAttribute(value) + "\"" }
        }
        output += ">"
        lastTag = tag
        last = .startTag
    }

    private mutating func handleEndTag(_ tag: String) {
        if tag == "pre" {
            inPre = false
        } else if Self.blockTags.contains(tag) {
            stripTrailingWhitespace()
        }
        output += "</" + tag + ">"
        lastTag = tag
        last = .endTag
    }

    private mutating func handleComment(_ data: ArraySlice<Unicode.Scalar>) {
        output += "<!--" + String(String.UnicodeScalarView(data)) + "-->"
        last = .comment
    }

    private mutating func handleDeclaration(_ data: ArraySlice<Unicode.Scalar>) {
        output += "<!" + String(String.UnicodeScalarView(data)) + ">"
        last = .declaration
    }

    private mutating func handleCharacterReference(_ name: String) {
        let value = name.hasPrefix("x") ? UInt32(name.dropFirst(), radix: 16) : UInt32(name, radix: 10)
        outputCharacter(value.flatMap(Unicode.Scalar.init), fallback: "&\(name);")
        last = .reference
    }

    private mutating func outputCharacter(_ scalar: Unicode.Scalar?, fallback: String) {
        switch scalar {
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "&": output += "&amp;"
        case "\"": output += "&quot;"
        case let scalar?: output.unicodeScalars.append(scalar)
        case nil: output += fallback
        }
    }

    private mutating func stripTrailingWhitespace() {
        while let lastScalar = output.unicodeScalars.last, Self.isWhitespace(lastScalar) {
            output.unicodeScalars.removeLast()
        }
    }
}
