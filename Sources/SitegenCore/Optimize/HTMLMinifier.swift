/// Minifies an HTML document in one pass over its bytes, keeping its DOM apart from whitespace.
///
/// - Comments go, except conditional comments (`<!--[if IE]>...<![endif]-->` and their downlevel-revealed forms).
/// - Whitespace in text collapses to one space, and goes entirely beside block elements (`div`, `p`, `li`, `br`...),
///   at the start of a block and after another space; tags of hidden elements (`script`, `link`...) are seen
///   through. See `HTMLElements.Flow`. Inside `pre`, `listing`, `textarea` and other raw-text elements nothing
///   changes. Text is otherwise copied byte for byte, character references included. This assumes the usual
///   rendering: a style sheet that makes `li` inline or gives a `div` `white-space: pre` is not considered.
/// - Tags are rewritten with single spaces between attributes; values lose their quotes where the HTML5
///   unquoted-value rules allow, empty values and boolean attributes (`disabled="disabled"`) become bare, and the
///   default `type` of `script` (`text/javascript`) and of `style` and `link` (`text/css`) goes. Values are never
///   changed beyond their quotes. `/` goes from void elements (`<br/>`) and stays elsewhere (it matters in SVG).
/// - Inline `<style>` and JavaScript or JSON `<script>`s go through the CSS, JS and JSON minifiers; a script of
///   another type (`text/template`) is kept as it is, as is any inline block its minifier cannot read.
/// - Optional tags (`</p>`, `<head>`) are kept: dropping them is a parser quirk to rely on, for little gain.
///
/// A document the reader cannot follow (a tag, comment or raw-text element that never ends) is returned unchanged.
enum HTMLMinifier {
    static func minify(_ input: [UInt8]) -> [UInt8] {
        var writer = HTMLWriter(input: input)
        return writer.run() ? writer.output : input
    }
}

struct HTMLWriter {
    let input: [UInt8]
    var output: [UInt8] = []
    var index = 0
    /// A run of whitespace was read and not written yet.
    var pendingSpace = false
    /// Nothing visible since the last block boundary: whitespace here does not render.
    var atLineStart = true
    /// The last visible thing written was a space: another one does not render.
    var afterSpace = false
    /// How many `pre`/`listing` elements are open: their text is copied as is.
    var preformattedDepth = 0
    /// How many `svg`/`math` elements are open: their raw-text elements are not minified, their attributes are not
    /// HTML's.
    var foreignDepth = 0

    init(input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    mutating func run() -> Bool {
        while index < input.count {
            if input[index] == UInt8(ascii: "<"), index + 1 < input.count {
                guard markup() else { return false }
            } else {
                text()
            }
        }
        return true
    }

    // MARK: Text

    private mutating func text() {
        if preformattedDepth > 0 {
            let start = index
            index += 1
            while index < input.count, input[index] != UInt8(ascii: "<") { index += 1 }
            output.append(contentsOf: input[start..<index])
            return
        }
        // A `<` that starts no markup is text; it is always taken with the bytes after it.
        var first = true
        while index < input.count, first || input[index] != UInt8(ascii: "<") {
            first = false
            if input[index].isMarkupSpace {
                while index < input.count, input[index].isMarkupSpace { index += 1 }
                pendingSpace = true
            } else {
                let start = index
                index += 1
                while index < input.count, !input[index].isMarkupSpace, input[index] != UInt8(ascii: "<") { index += 1 }
                writePendingSpace()
                output.append(contentsOf: input[start..<index])
                atLineStart = false
                afterSpace = false
            }
        }
    }

    private mutating func writePendingSpace() {
        if pendingSpace && !atLineStart && !afterSpace {
            output.append(0x20)
            afterSpace = true
        }
        pendingSpace = false
    }

    /// Applies an element's flow to the whitespace state, before its tag is written.
    private mutating func enter(_ flow: HTMLElements.Flow) {
        if preformattedDepth > 0 { return }
        switch flow {
        case .block:
            pendingSpace = false
            atLineStart = true
            afterSpace = false
        case .wrapper:
            writePendingSpace()
        case .hidden:
            break
        case .content:
            writePendingSpace()
            atLineStart = false
            afterSpace = false
        }
    }

    // MARK: Markup

    /// Reads the markup at a `<`; false when the document cannot be read safely.
    private mutating func markup() -> Bool {
        let next = input[index + 1]
        if input.hasASCIIPrefix("<!--", at: index) { return comment() }
        if input.hasASCIIPrefix("<!doctype", at: index, caseInsensitive: true) { return doctype() }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            // `<![CDATA[...]]>` in SVG and MathML; elsewhere a bogus comment up to `>` such as `<![endif]>` or `<?php`.
            let cdata = foreignDepth > 0 && input.hasASCIIPrefix("<![CDATA[", at: index)
            guard let close = input.firstIndex(ofASCII: cdata ? "]]>" : ">", from: index + 2) else { return false }
            copyVerbatim(to: close + (cdata ? 3 : 1))
            return true
        }
        if next == UInt8(ascii: "/") {
            guard index + 2 < input.count else { return false }
            if !input[index + 2].isASCIILetter {
                guard let close = input.firstIndex(ofASCII: ">", from: index + 2) else { return false }
                copyVerbatim(to: close + 1)  // `</>` and `</ x>`
                return true
            }
            return endTag()
        }
        if next.isASCIILetter { return startTag() }
        text()
        return true
    }

    private mutating func copyVerbatim(to end: Int) {
        output.append(contentsOf: input[index..<end])
        index = end
    }

    private mutating func comment() -> Bool {
        let bodyStart = index + 4
        let end: Int
        if input.hasASCIIPrefix(">", at: bodyStart) {
            end = bodyStart + 1  // `<!-->` is a whole (empty) comment
        } else if input.hasASCIIPrefix("->", at: bodyStart) {
            end = bodyStart + 2
        } else {
            let close = input.firstIndex(ofASCII: "-->", from: bodyStart)
            let bang = input.firstIndex(ofASCII: "--!>", from: bodyStart)
            guard let first = [close.map { $0 + 3 }, bang.map { $0 + 4 }].compactMap({ $0 }).min() else { return false }
            end = first
        }
        let body = input[bodyStart..<end]
        let isConditional = body.containsASCII("[if ") || body.containsASCII("[endif]")
        if isConditional {
            enter(.hidden)
            copyVerbatim(to: end)
        } else {
            index = end
        }
        return true
    }

    private mutating func doctype() -> Bool {
        guard let close = input.firstIndex(ofASCII: ">", from: index) else { return false }
        let words = input.lowercasedASCII(index..<close).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        if words == ["<!doctype", "html"] {
            output.append(contentsOf: "<!doctype html>".utf8)
            index = close + 1
        } else {
            copyVerbatim(to: close + 1)
        }
        return true
    }

    private mutating func endTag() -> Bool {
        guard let tag = HTMLTag.read(input, at: index) else { return false }
        let name = tag.lowercasedName
        if name == "svg" || name == "math" { foreignDepth = max(0, foreignDepth - 1) }
        enter(foreignDepth > 0 ? .content : HTMLElements.flow(of: name))
        if HTMLElements.preformatted.contains(name) { preformattedDepth = max(0, preformattedDepth - 1) }
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: input[tag.name])
        output.append(UInt8(ascii: ">"))
        index = tag.end
        return true
    }

    private mutating func startTag() -> Bool {
        guard let tag = HTMLTag.read(input, at: index) else { return false }
        let name = tag.lowercasedName
        let inForeign = foreignDepth > 0 || name == "svg" || name == "math"
        enter(inForeign ? .content : HTMLElements.flow(of: name))
        writeStartTag(tag, html: !inForeign)
        index = tag.end
        if tag.selfClosing && inForeign { return true }
        if name == "svg" || name == "math" { foreignDepth += 1 }
        if HTMLElements.preformatted.contains(name) { preformattedDepth += 1 }
        if name == "plaintext" {
            copyVerbatim(to: input.count)
            return true
        }
        if HTMLElements.rawText.contains(name) { return rawText(of: tag, inForeign: foreignDepth > 0) }
        return true
    }

    /// The content of `script`, `style`, `textarea`... up to the end tag, minified when it is CSS, JS or JSON.
    private mutating func rawText(of tag: HTMLTag, inForeign: Bool) -> Bool {
        let name = tag.lowercasedName
        guard let end = rawTextEnd(name, from: index) else { return false }
        let content = Array(input[index..<end])
        var minified: [UInt8]?
        if !inForeign && name == "script" {
            if content.firstIndex(ofASCII: "<!--", from: 0) != nil && content.firstIndex(ofASCII: "<script", from: 0, caseInsensitive: true) != nil {
                return false  // the tokenizer's escaped script states: not worth following
            }
            let type = tag.lowercasedValue(of: "type", in: input) ?? ""
            if HTMLElements.javaScriptTypes.contains(type) || type == "module" {
                minified = JSMinifier.minify(content, isModule: type == "module")
            } else if HTMLElements.isJSONScriptType(type) {
                minified = JSONMinifier.minify(content)
            }
        } else if !inForeign && name == "style" && ["", "text/css"].contains(tag.lowercasedValue(of: "type", in: input) ?? "") {
            minified = CSSMinifier.minify(content)
        }
        if let result = minified, result.firstIndex(ofText: "</" + name, from: 0, caseInsensitive: true) == nil,
           result.firstIndex(ofASCII: "<!--", from: 0) == nil {
            output.append(contentsOf: result)
        } else {
            output.append(contentsOf: content)
        }
        index = end
        return true
    }

    /// Where the raw text of `name` ends: at `</name` followed by whitespace, `/` or `>`.
    private func rawTextEnd(_ name: String, from start: Int) -> Int? {
        var at = start
        while let candidate = input.firstIndex(ofASCII: "</", from: at) {
            let after = candidate + 2 + name.utf8.count
            if after < input.count, input.lowercasedASCII((candidate + 2)..<after) == name,
               input[after].isMarkupSpace || input[after] == UInt8(ascii: "/") || input[after] == UInt8(ascii: ">") {
                return candidate
            }
            at = candidate + 2
        }
        return nil
    }
}
