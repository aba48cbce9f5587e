/// A start or end tag as the HTML tokenizer reads it, with byte ranges into the document.
struct HTMLTag {
    struct Attribute {
        var name: Range<Int>
        /// The value without its quotes, or nil for a bare attribute.
        var value: Range<Int>?
        /// The quote that enclosed the value, or nil when it was unquoted or absent.
        var quote: UInt8?
    }

    var name: Range<Int>
    /// The name in lower case, for looking it up.
    var lowercasedName: String
    var attributes: [Attribute] = []
    var isEndTag: Bool
    var selfClosing = false
    /// Where the tag ends: the index after its `>`.
    var end: Int

    /// Reads the tag whose `<` is at `start` after the tokenizer's rules (tag open, attribute name, before and after
    /// attribute value states). Nil when the document ends inside it, which the minifier treats as unreadable.
    static func read(_ input: [UInt8], at start: Int) -> HTMLTag? {
        let isEndTag = input[start + 1] == UInt8(ascii: "/")
        var index = start + (isEndTag ? 2 : 1)
        let nameStart = index
        while index < input.count, !input[index].isMarkupSpace, input[index] != UInt8(ascii: "/"), input[index] != UInt8(ascii: ">") {
            index += 1
        }
        var tag = HTMLTag(name: nameStart..<index, lowercasedName: input.lowercasedASCII(nameStart..<index), isEndTag: isEndTag, end: 0)
        while index < input.count {
            let byte = input[index]
            if byte.isMarkupSpace {
                index += 1
            } else if byte == UInt8(ascii: ">") {
                tag.end = index + 1
                return tag
            } else if byte == UInt8(ascii: "/") {
                index += 1
                if index < input.count, input[index] == UInt8(ascii: ">") {
                    tag.selfClosing = true
                    tag.end = index + 1
                    return tag
                }
            } else {
                guard let attribute = readAttribute(input, &index) else { return nil }
                tag.attributes.append(attribute)
            }
        }
        return nil
    }

    private static func readAttribute(_ input: [UInt8], _ index: inout Int) -> Attribute? {
        let nameStart = index
        index += 1  // the first byte belongs to the name, even an `=`
        while index < input.count {
            let byte = input[index]
            if byte.isMarkupSpace || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") { break }
            index += 1
        }
        var attribute = Attribute(name: nameStart..<index, value: nil, quote: nil)
        var after = index
        while after < input.count, input[after].isMarkupSpace { after += 1 }
        guard after < input.count, input[after] == UInt8(ascii: "=") else { return attribute }
        index = after + 1
        while index < input.count, input[index].isMarkupSpace { index += 1 }
        guard index < input.count else { return nil }
        let quote = input[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let close = input[(index + 1)...].firstIndex(of: quote) else { return nil }
            attribute.value = (index + 1)..<close
            attribute.quote = quote
            index = close + 1
        } else {
            let valueStart = index
            while index < input.count, !input[index].isMarkupSpace, input[index] != UInt8(ascii: ">") { index += 1 }
            attribute.value = valueStart..<index
        }
        return attribute
    }

    /// The value of the first attribute named `name` (lowercase), lowercased and trimmed, or nil.
    func lowercasedValue(of name: String, in input: [UInt8]) -> String? {
        guard let attribute = attributes.first(where: { input.lowercasedASCII($0.name) == name }) else { return nil }
        guard let value = attribute.value else { return "" }
        return input.lowercasedASCII(value).trimmingASCIISpace()
    }
}

extension String {
    /// The string without leading and trailing HTML whitespace.
    func trimmingASCIISpace() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !$0.isMarkupSpace }), let last = bytes.lastIndex(where: { !$0.isMarkupSpace }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
