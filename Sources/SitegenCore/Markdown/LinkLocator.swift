/// Finds where a link or image starts in the markdown text, so that "broken link" diagnostics point at it.
///
/// cmark-gfm's positions are exact for `[text](url)` and `![alt](src)`, but not for autolinks: `<https://x>` reports
/// a column that ignores the block's indentation, and the autolink extension's bare `www.x.com`, `https://x` and
/// `me@x.com` report 0:0 or a column one off. The locator checks each reported position against the source and, where
/// it does not hold, finds the link's text in the source after the nearest position that cmark did get right.
struct LinkLocator {
    private let source: UnsafeBufferPointer<UInt8>
    /// Byte offset of the start of each line (line 1 at index 0); built on the first link, as most pages have one
    /// and many have none.
    private var lineStarts: [Int]?

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
    }

    /// The position of `link` (a link or image node) in the source, 1-based.
    mutating func position(of link: CmarkNode, isImage: Bool) -> TextPosition {
        let lineStarts = self.lineStarts ?? Self.lineStarts(of: source)
        self.lineStarts = lineStarts
        let lines = SourceLines(source: source, lineStarts: lineStarts)

        // `<https://x>` and `<me@x.com>`: the link text's own position is right, and `<` comes just before it.
        if let text = link.firstChild, text.kind == .text, text.startLine > 0, text.startColumn > 1,
            lines.byte(line: text.startLine, column: text.startColumn - 1) == UInt8(ascii: "<"),
            text.withLiteralBytes({ lines.hasBytes($0, line: text.startLine, column: text.startColumn) })
        {
            return TextPosition(line: text.startLine, column: text.startColumn - 1)
        }
        // `[text](url)`, `[text][ref]`, `![alt](src)`: cmark's position is right when it points at the opening mark.
        if lines.byte(line: link.startLine, column: link.startColumn) == UInt8(ascii: isImage ? "!" : "[") {
            return TextPosition(line: link.startLine, column: link.startColumn)
        }
        // A bare autolink: its text is the source text; search for it after the nearest trustworthy position.
        let hint = Self.hint(before: link)
        let found: TextPosition? =
            if let text = link.firstChild, text.kind == .text {
                text.withLiteralBytes { lines.find($0, from: hint) }
            } else {
                nil
            }
        return found ?? hint
    }

    /// The start of the closest earlier sibling that has a position, else of the closest ancestor that has one.
    private static func hint(before node: CmarkNode) -> TextPosition {
        var sibling = node.previous
        while let current = sibling {
            if current.startLine > 0, current.startColumn > 0 {
                return TextPosition(line: current.startLine, column: current.startColumn)
            }
            sibling = current.previous
        }
        var ancestor = node.parent
        while let current = ancestor {
            if current.startLine > 0, current.startColumn > 0 {
                return TextPosition(line: current.startLine, column: current.startColumn)
            }
            ancestor = current.parent
        }
        return TextPosition(line: 1, column: 1)
    }

    /// Line starts as cmark counts lines: a line ends at `\n`, `\r\n` or a lone `\r`.
    private static func lineStarts(of source: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            if byte == 0x0D, index < source.count, source[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(index) }
        }
        return starts
    }
}

/// Byte access to the source by line and column.
private struct SourceLines {
    let source: UnsafeBufferPointer<UInt8>
    let lineStarts: [Int]

    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let offset = lineStarts[line - 1] + column - 1
        return offset < source.count ? offset : nil
    }

    func byte(line: Int, column: Int) -> UInt8? {
        offset(line: line, column: column).map { source[$0] }
    }

    func hasBytes(_ needle: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Bool {
        guard let start = offset(line: line, column: column), start + needle.count <= source.count else { return false }
        return needle.elementsEqual(source[start..<(start + needle.count)])
    }

    /// The first occurrence of `needle` at or after `start`.
    func find(_ needle: UnsafeBufferPointer<UInt8>, from start: TextPosition) -> TextPosition? {
        guard let first = needle.first, var offset = offset(line: start.line, column: start.column) else { return nil }
        while offset + needle.count <= source.count {
            if source[offset] == first, needle.elementsEqual(source[offset..<(offset + needle.count)]) {
                return position(of: offset)
            }
            offset += 1
        }
        return nil
    }

    func position(of offset: Int) -> TextPosition {
        // The last line start at or before `offset`.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return TextPosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }
}
