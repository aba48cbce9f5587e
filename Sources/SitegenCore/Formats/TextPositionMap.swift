/// Turns byte offsets into UTF-8 text into 1-based lines and columns, for the hand-written parsers.
///
/// The parsers work on bytes for speed, but positions must read like an editor's: a line ends at `\n`, at `\r\n`, or
/// at a lone `\r`; a column counts Unicode scalars (as libyaml, and so the YAML loader, does), not bytes. Line starts
/// are found once up front; a cache of the last answer makes the column count linear when positions are asked for
/// in increasing order, as keys are, so a megabyte of single-line (minified) JSON stays fast.
struct TextPositionMap {
    private var lineStarts: [Int] = []
    private var cachedLine = 0
    private var cachedOffset: Int
    private var cachedColumn = 1

    /// `start` is where line 1, column 1 is (after a byte order mark, if any).
    init(_ bytes: [UInt8], start: Int = 0) {
        lineStarts.reserveCapacity(bytes.count / 32 + 1)
        lineStarts.append(start)
        var i = start
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == 0x0A {
                lineStarts.append(i + 1)
            } else if byte == 0x0D, i + 1 == count || bytes[i + 1] != 0x0A {
                lineStarts.append(i + 1)
            }
            i += 1
        }
        cachedOffset = start
    }

    /// The position of the byte at `offset`; an offset at the end of the text is the place just after it.
    mutating func position(at offset: Int, in bytes: [UInt8]) -> TextPosition {
        let line: Int
        var from: Int
        var column: Int
        let nextLineStart = cachedLine + 1 < lineStarts.count ? lineStarts[cachedLine + 1] : Int.max
        if offset >= cachedOffset, offset < nextLineStart {
            line = cachedLine
            from = cachedOffset
            column = cachedColumn
        } else {
            line = lineIndex(containing: offset)
            from = lineStarts[line]
            column = 1
        }
        let end = min(offset, bytes.count)
        while from < end {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        cachedLine = line
        cachedOffset = end
        cachedColumn = column
        return TextPosition(line: line + 1, column: column)
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
