/// The URLs a stylesheet names: every `url(...)` and every `@import`, with where they are, so the asset pipeline can
/// fingerprint what they point at, report the missing ones at their line and column, and know which fonts the
/// stylesheet declares in `@font-face` (those get preloaded).
///
/// A small scanner, not a CSS parser: it skips comments and strings, and follows block nesting only far enough to
/// know whether a `url()` sits inside an `@font-face` rule. Anything it does not recognise is left alone.
struct CSSReference: Equatable {
    /// The URL as written, without quotes.
    var url: String
    /// Byte range of the URL text (inside the quotes, or inside `url(` and `)` when unquoted).
    var range: Range<Int>
    var position: TextPosition
    var isImport: Bool
    /// Inside an `@font-face` rule: the rule's ordinal in the stylesheet (a font the stylesheet declares).
    var fontFace: Int?
}

enum CSSReferences {
    static func scan(_ css: [UInt8]) -> [CSSReference] {
        var found: [CSSReference] = []
        var index = 0
        var line = 1
        var lineStart = 0
        // One entry per open block: the ordinal of the @font-face rule it is or is inside, if any.
        var blocks: [Int?] = []
        var fontFaces = 0
        // The at-keyword seen since the last block boundary, if any (`font-face`, `import`, `media`...).
        var pendingAtRule: String?
        let count = css.count

        func position(_ at: Int) -> TextPosition { TextPosition(line: line, column: at - lineStart + 1) }
        func skipSpace() {
            while index < count, isSpace(css[index]) {
                if css[index] == 0x0A { line += 1; lineStart = index + 1 }
                index += 1
            }
        }
        /// Reads a quoted string starting at `index` (on the quote); returns the range inside the quotes.
        func readString() -> Range<Int>? {
            let quote = css[index]
            index += 1
            let start = index
            while index < count {
                let byte = css[index]
                if byte == quote { index += 1; return start..<(index - 1) }
                if byte == 0x5C { index += 2; continue }
                if byte == 0x0A { return nil }
                index += 1
            }
            return nil
        }

        while index < count {
            let byte = css[index]
            switch byte {
            case 0x0A:
                line += 1
                lineStart = index + 1
                index += 1
            case 0x2F where index + 1 < count && css[index + 1] == 0x2A:  // /* comment */
                index += 2
                while index + 1 < count && !(css[index] == 0x2A && css[index + 1] == 0x2F) {
                    if css[index] == 0x0A { line += 1; lineStart = index + 1 }
                    index += 1
                }
                index += 2
            case 0x22, 0x27:
                let startPosition = position(index + 1)
                guard let range = readString() else { return found }
                if pendingAtRule == "import" {
                    found.append(CSSReference(url: text(css, range), range: range, position: startPosition, isImport: true, fontFace: nil))
                    pendingAtRule = "import-done"
                }
            case 0x40:  // @keyword
                var end = index + 1
                while end < count, isNameByte(css[end]) { end += 1 }
                pendingAtRule = text(css, (index + 1)..<end).lowercased()
                index = end
            case 0x7B:
                if pendingAtRule == "font-face" {
                    blocks.append(fontFaces)
                    fontFaces += 1
                } else {
                    blocks.append(blocks.last ?? nil)
                }
                pendingAtRule = nil
                index += 1
            case 0x7D:
                if !blocks.isEmpty { blocks.removeLast() }
                pendingAtRule = nil
                index += 1
            case 0x3B:
                if pendingAtRule?.hasPrefix("import") == true { pendingAtRule = nil }
                index += 1
            case 0x55 where isURLFunction(css, at: index), 0x75 where isURLFunction(css, at: index):  // url(
                index += 4
                skipSpace()
                var reference: CSSReference?
                if index < count, css[index] == 0x22 || css[index] == 0x27 {
                    let startPosition = position(index + 1)
                    guard let range = readString() else { return found }
                    reference = CSSReference(url: text(css, range), range: range, position: startPosition, isImport: false, fontFace: nil)
                } else {
                    let start = index
                    let startPosition = position(index)
                    while index < count, css[index] != 0x29, !isSpace(css[index]) { index += 1 }
                    reference = CSSReference(url: text(css, start..<index), range: start..<index, position: startPosition, isImport: false, fontFace: nil)
                }
                skipSpace()
                guard index < count, css[index] == 0x29 else { continue }
                index += 1
                if var reference {
                    reference.isImport = pendingAtRule == "import"
                    reference.fontFace = blocks.last ?? nil
                    if reference.isImport { pendingAtRule = "import-done" }
                    found.append(reference)
                }
            default:
                index += 1
            }
        }
        return found
    }

    /// `css` with each reference's URL text replaced by `replacements[i]` (nil keeps it).
    static func rewrite(_ css: [UInt8], _ references: [CSSReference], with replacements: [String?]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(css.count + 64)
        var cursor = 0
        for (reference, replacement) in zip(references, replacements) {
            guard let replacement else { continue }
            output.append(contentsOf: css[cursor..<reference.range.lowerBound])
            output.append(contentsOf: Array(replacement.utf8))
            cursor = reference.range.upperBound
        }
        output.append(contentsOf: css[cursor...])
        return output
    }

    private static func isURLFunction(_ css: [UInt8], at index: Int) -> Bool {
        guard index + 3 < css.count, css[index + 3] == 0x28 else { return false }
        let word = css[index..<(index + 3)].map { $0 | 0x20 }
        guard word == Array("url".utf8) else { return false }
        return index == 0 || !isNameByte(css[index - 1])
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte >= 0x80
    }

    private static func text(_ css: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: css[range], as: UTF8.self)
    }
}
