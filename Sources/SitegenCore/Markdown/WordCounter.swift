/// Counts whitespace-separated words across the text pieces of a document, for reading time.
///
/// The inline parser splits text at markup (`foo_bar` can be three text nodes, `**a**b` two), so a word may continue
/// from one piece into the next; the counter carries "inside a word" across pieces until `endWord()` marks a break
/// (a new block, a line break). Works on UTF-8 bytes: this runs over every page of the site.
struct WordCounter {
    private(set) var count = 0
    private var inWord = false

    /// Counts the words of one piece of text that continues the current line.
    mutating func add(_ utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let separator: Bool
            let length: Int
            if byte < 0x80 {
                separator = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                length = 1
            } else {
                (separator, length) = Self.decodeSeparator(utf8, at: index)
            }
            if separator {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
            index += length
        }
    }

    /// Counts the words of a Swift string that continues the current line.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// Ends the current word: what follows starts a new one even without whitespace in between.
    mutating func endWord() {
        inWord = false
    }

    /// Whether the non-ASCII scalar at `index` is whitespace (no-break and ideographic spaces included), and how many
    /// bytes it takes. Malformed bytes count as one non-space byte each; cmark-gfm only hands out valid UTF-8.
    private static func decodeSeparator(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Bool, Int) {
        let lead = utf8[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= utf8.count else { return (false, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (false, length) }
        return (scalar.properties.isWhitespace, length)
    }
}
