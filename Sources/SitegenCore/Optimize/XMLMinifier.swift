/// Removes comments and the indentation between elements from XML, SVG included.
///
/// Text is never changed: a text node with any non-whitespace byte is copied exactly, which is what feeds need
/// (their titles and escaped HTML content are data). A whitespace-only text node goes only when it is indentation
/// between elements; it stays when it is an element's only content (`<a> </a>`), when its parent has text of its own
/// (mixed content, where `<b>x</b> <i>y</i>` needs its space), inside `xml:space="preserve"`, inside Atom's
/// `type="xhtml"` content and, in SVG, inside the elements whose text is shown or read (`text`, `title`, `desc`,
/// `style`, `script`...). Inside tags, the whitespace between attributes becomes one space; attribute values,
/// processing instructions, the doctype and CDATA sections are copied verbatim. Anything malformed (an unterminated
/// tag, comment or CDATA section, a stray `</`) returns nil.
///
/// In SVG, path data and point lists are respelled with the same numbers (`SVGPathData`), and a leading XML
/// declaration that only states the defaults (version 1.0, UTF-8) goes; editors' metadata is kept.
enum XMLMinifier {
    enum Dialect { case xml, svg }

    static func minify(_ input: [UInt8], dialect: Dialect) -> [UInt8]? {
        guard let events = XMLScanner.scan(input) else { return nil }
        let mixed = mixedElements(events, input)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var preserving: [Bool] = []  // for each open element: is whitespace kept inside it?
        var mixedStack: [Bool] = []
        var elementOrdinal = 0
        for (position, event) in events.enumerated() {
            switch event {
            case .verbatim(let range):
                if dialect == .svg && position == 0 && isDefaultDeclaration(input.lowercasedASCII(range)) { continue }
                output.append(contentsOf: input[range])
            case .comment:
                break
            case .text(let range):
                let keep = preserving.last == true || mixedStack.last == true
                    || input[range].contains(where: { !$0.isMarkupSpace })
                    || isOnlyContent(events, position)
                if keep { output.append(contentsOf: input[range]) }
            case .start(let tag):
                output.append(UInt8(ascii: "<"))
                output.append(contentsOf: input[tag.name])
                for attribute in tag.attributes {
                    output.append(0x20)
                    output.append(contentsOf: input[attribute.name])
                    output.append(UInt8(ascii: "="))
                    writeValue(attribute, input, dialect, into: &output)
                }
                output.append(contentsOf: tag.selfClosing ? Array("/>".utf8) : [UInt8(ascii: ">")])
                if !tag.selfClosing {
                    preserving.append(preserving.last == true || preservesSpace(tag, input, dialect))
                    mixedStack.append(mixed.contains(elementOrdinal))
                }
                elementOrdinal += 1
            case .end(let name):
                output.append(contentsOf: Array("</".utf8))
                output.append(contentsOf: input[name])
                output.append(UInt8(ascii: ">"))
                _ = preserving.popLast()
                _ = mixedStack.popLast()
            }
        }
        return output
    }

    /// Copies an attribute value with its quotes; in SVG, path data and point lists are shortened.
    private static func writeValue(_ attribute: XMLScanner.Attribute, _ input: [UInt8], _ dialect: Dialect, into output: inout [UInt8]) {
        let name = input[attribute.name]
        let isPath = name.elementsEqual("d".utf8)
        if dialect == .svg, isPath || name.elementsEqual("points".utf8),
           let short = SVGPathData.minify(input[(attribute.value.lowerBound + 1)..<(attribute.value.upperBound - 1)], allowsCommands: isPath) {
            output.append(input[attribute.value.lowerBound])
            output.append(contentsOf: short)
            output.append(input[attribute.value.lowerBound])
        } else {
            output.append(contentsOf: input[attribute.value])
        }
    }

    /// An SVG file's `<?xml version="1.0" encoding="UTF-8"?>` says what a parser assumes without it, so it goes;
    /// any other version or encoding keeps it.
    private static func isDefaultDeclaration(_ text: String) -> Bool {
        guard text.hasPrefix("<?xml "), text.contains("version=\"1.0\"") || text.contains("version='1.0'") else { return false }
        return !text.contains("encoding") || text.contains("encoding=\"utf-8\"") || text.contains("encoding='utf-8'")
    }

    private static let svgTextElements: Set<String> = ["text", "tspan", "textpath", "title", "desc", "style", "script", "pre"]

    private static func preservesSpace(_ tag: XMLScanner.Tag, _ input: [UInt8], _ dialect: Dialect) -> Bool {
        for attribute in tag.attributes {
            let name = input.lowercasedASCII(attribute.name)
            let value = input.lowercasedASCII((attribute.value.lowerBound + 1)..<(attribute.value.upperBound - 1))
            if name == "xml:space" && value == "preserve" { return true }
            if name == "type" && value == "xhtml" { return true }
        }
        let name = input.lowercasedASCII(tag.name)
        let local = name.split(separator: ":").last.map(String.init) ?? name
        return dialect == .svg ? svgTextElements.contains(local) : local == "pre"
    }

    /// Whether the text at `position` sits alone between a start tag and its end tag.
    private static func isOnlyContent(_ events: [XMLScanner.Event], _ position: Int) -> Bool {
        guard position > 0, position + 1 < events.count else { return false }
        if case .start(let tag) = events[position - 1], !tag.selfClosing, case .end = events[position + 1] { return true }
        return false
    }

    /// The ordinals (in document order) of the elements that have non-whitespace text or CDATA of their own.
    private static func mixedElements(_ events: [XMLScanner.Event], _ input: [UInt8]) -> Set<Int> {
        var result = Set<Int>()
        var open: [Int] = []
        var ordinal = 0
        for event in events {
            switch event {
            case .start(let tag):
                if !tag.selfClosing { open.append(ordinal) }
                ordinal += 1
            case .end:
                _ = open.popLast()
            case .text(let range):
                if let top = open.last, input[range].contains(where: { !$0.isMarkupSpace }) { result.insert(top) }
            case .verbatim(let range):
                if let top = open.last, input.hasASCIIPrefix("<![CDATA[", at: range.lowerBound) { result.insert(top) }
            case .comment:
                break
            }
        }
        return result
    }
}

/// Reads XML into a flat list of events, checking only what the minifier relies on: that every construct ends.
enum XMLScanner {
    struct Attribute {
        var name: Range<Int>
        /// The value with its quotes.
        var value: Range<Int>
    }

    struct Tag {
        var name: Range<Int>
        var attributes: [Attribute]
        var selfClosing: Bool
    }

    enum Event {
        /// A processing instruction, doctype or CDATA section.
        case verbatim(Range<Int>)
        case comment
        case text(Range<Int>)
        case start(Tag)
        case end(Range<Int>)
    }

    static func scan(_ input: [UInt8]) -> [Event]? {
        var events: [Event] = []
        var index = 0
        while index < input.count {
            let start = index
            guard input[index] == UInt8(ascii: "<") else {
                while index < input.count, input[index] != UInt8(ascii: "<") { index += 1 }
                events.append(.text(start..<index))
                continue
            }
            if input.hasASCIIPrefix("<!--", at: index) {
                guard let close = input.firstIndex(ofASCII: "-->", from: index + 4) else { return nil }
                index = close + 3
                events.append(.comment)
            } else if input.hasASCIIPrefix("<![CDATA[", at: index) {
                guard let close = input.firstIndex(ofASCII: "]]>", from: index + 9) else { return nil }
                index = close + 3
                events.append(.verbatim(start..<index))
            } else if input.hasASCIIPrefix("<?", at: index) {
                guard let close = input.firstIndex(ofASCII: "?>", from: index + 2) else { return nil }
                index = close + 2
                events.append(.verbatim(start..<index))
            } else if input.hasASCIIPrefix("<!", at: index) {
                guard let end = declarationEnd(input, from: index + 2) else { return nil }
                index = end
                events.append(.verbatim(start..<index))
            } else if input.hasASCIIPrefix("</", at: index) {
                index += 2
                let name = scanName(input, &index)
                skipSpace(input, &index)
                guard !name.isEmpty, index < input.count, input[index] == UInt8(ascii: ">") else { return nil }
                index += 1
                events.append(.end(name))
            } else {
                guard let tag = scanStartTag(input, &index) else { return nil }
                events.append(.start(tag))
            }
        }
        return events
    }

    /// The end of `<!DOCTYPE ...>`, past an internal subset `[...]` and quoted strings that may hold `>`.
    private static func declarationEnd(_ input: [UInt8], from start: Int) -> Int? {
        var index = start
        var depth = 0
        while index < input.count {
            let byte = input[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = input[index...].firstIndex(of: byte) else { return nil }
                index = close + 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: return index
            default: break
            }
        }
        return nil
    }

    private static func scanStartTag(_ input: [UInt8], _ index: inout Int) -> Tag? {
        index += 1
        let name = scanName(input, &index)
        guard !name.isEmpty else { return nil }
        var attributes: [Attribute] = []
        while true {
            skipSpace(input, &index)
            guard index < input.count else { return nil }
            if input[index] == UInt8(ascii: ">") {
                index += 1
                return Tag(name: name, attributes: attributes, selfClosing: false)
            }
            if input.hasASCIIPrefix("/>", at: index) {
                index += 2
                return Tag(name: name, attributes: attributes, selfClosing: true)
            }
            let attributeName = scanName(input, &index)
            skipSpace(input, &index)
            guard !attributeName.isEmpty, index < input.count, input[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpace(input, &index)
            guard index < input.count, input[index] == UInt8(ascii: "\"") || input[index] == UInt8(ascii: "'"),
                  let close = input[(index + 1)...].firstIndex(of: input[index]) else { return nil }
            attributes.append(Attribute(name: attributeName, value: index..<(close + 1)))
            index = close + 1
        }
    }

    private static func scanName(_ input: [UInt8], _ index: inout Int) -> Range<Int> {
        let start = index
        while index < input.count {
            let byte = input[index]
            if byte.isMarkupSpace || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
            index += 1
        }
        return start..<index
    }

    private static func skipSpace(_ input: [UInt8], _ index: inout Int) {
        while index < input.count, input[index].isMarkupSpace { index += 1 }
    }
}
