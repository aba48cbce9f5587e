extension HTMLWriter {
    /// Writes a start tag with its attributes minified (see `HTMLMinifier`). `html` is false inside SVG and MathML,
    /// where attribute names are not HTML's and `/>` closes an element.
    mutating func writeStartTag(_ tag: HTMLTag, html: Bool) {
        let name = tag.lowercasedName
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: input[tag.name])
        var lastWasUnquoted = false
        for attribute in tag.attributes {
            let attributeName = input.lowercasedASCII(attribute.name)
            if html && isDefaultType(attributeName, attribute, element: name) { continue }
            output.append(0x20)
            output.append(contentsOf: input[attribute.name])
            lastWasUnquoted = false
            guard let value = attribute.value, !value.isEmpty else { continue }  // `alt=""` is `alt`
            if html && !name.contains("-") && HTMLElements.booleanAttributes.contains(attributeName)
                && input.lowercasedASCII(value) == attributeName {
                continue
            }
            output.append(UInt8(ascii: "="))
            if canBeUnquoted(value) {
                output.append(contentsOf: input[value])
                lastWasUnquoted = true
            } else {
                let quote = attribute.quote ?? (input[value].contains(UInt8(ascii: "\"")) ? UInt8(ascii: "'") : UInt8(ascii: "\""))
                output.append(quote)
                output.append(contentsOf: input[value])
                output.append(quote)
            }
        }
        if tag.selfClosing && !(html && HTMLElements.void.contains(name)) {
            if lastWasUnquoted { output.append(0x20) }  // `<x a=b/>` would read the `/` into the value
            output.append(UInt8(ascii: "/"))
        }
        output.append(UInt8(ascii: ">"))
    }

    /// HTML5's unquoted attribute value: not empty, and none of whitespace, `"`, `'`, `=`, `<`, `>` or `` ` ``.
    private func canBeUnquoted(_ value: Range<Int>) -> Bool {
        for byte in input[value] {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "`"):
                return false
            default:
                continue
            }
        }
        return !value.isEmpty
    }

    /// `type="text/javascript"` on `script`, `type="text/css"` on `style` and `link`: what the browser assumes anyway.
    private func isDefaultType(_ attributeName: String, _ attribute: HTMLTag.Attribute, element: String) -> Bool {
        guard attributeName == "type", let value = attribute.value else { return false }
        let type = input.lowercasedASCII(value).trimmingASCIISpace()
        switch element {
        case "script": return !type.isEmpty && HTMLElements.javaScriptTypes.contains(type)
        case "style", "link": return type == "text/css"
        default: return false
        }
    }
}
