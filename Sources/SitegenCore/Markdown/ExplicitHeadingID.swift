/// The `{#custom-id}` an author may end a heading with (Hugo and Zola syntax), for anchors that must not change when
/// the heading's wording does.
enum ExplicitHeadingID {
    /// Splits `Install {#setup}` into the visible text `Install` and the id `setup`; nil when the text does not end
    /// with `{#` + one or more characters other than whitespace and braces + `}`.
    static func split(_ text: String) -> (text: String, id: String)? {
        let bytes = Array(text.utf8)
        var end = bytes.count
        while end > 0, isWhitespace(bytes[end - 1]) { end -= 1 }
        guard end >= 4, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        var open = end - 2
        while open >= 0, bytes[open] != UInt8(ascii: "{") {
            let byte = bytes[open]
            if byte == UInt8(ascii: "}") || isWhitespace(byte) { return nil }
            open -= 1
        }
        guard open >= 0, open + 2 < end - 1, bytes[open + 1] == UInt8(ascii: "#") else { return nil }
        let id = String(decoding: bytes[(open + 2)..<(end - 1)], as: UTF8.self)
        var textEnd = open
        while textEnd > 0, isWhitespace(bytes[textEnd - 1]) { textEnd -= 1 }
        return (String(decoding: bytes[..<textEnd], as: UTF8.self), id)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
