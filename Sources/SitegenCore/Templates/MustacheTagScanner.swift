/// One `{{...}}` tag of a template, with where it starts.
struct MustacheTag {
    enum Kind { case variable, open, invertedOpen, close, partial, parent, block, comment, delimiter, unescaped }
    var kind: Kind
    var name: String
    var position: TextPosition
}

/// Finds the tags of a template with their positions, to check what the Mustache parser does not report well:
/// which partials a template uses (so a missing one is an error instead of silent empty output), and where an
/// unclosed section was opened. Stops at a set-delimiter tag, after which it cannot know the delimiters for sure.
enum MustacheTagScanner {
    static func tags(in text: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var result: [MustacheTag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else { index += 1; continue }
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            var start = index + 2
            let triple = start < bytes.count && bytes[start] == 0x7B
            if triple { start += 1 }
            guard let end = find(bytes, from: start) else { break }
            var inner = String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces
            var kind = MustacheTag.Kind.variable
            if triple {
                kind = .unescaped
            } else if let sigil = inner.first {
                switch sigil {
                case "#": kind = .open
                case "^": kind = .invertedOpen
                case "/": kind = .close
                case ">": kind = .partial
                case "<": kind = .parent
                case "$": kind = .block
                case "!": kind = .comment
                case "=": kind = .delimiter
                case "&": kind = .unescaped
                default: break
                }
                if kind != .variable { inner = String(inner.dropFirst()).trimmingSpaces }
            }
            if kind == .delimiter { break }
            result.append(MustacheTag(kind: kind, name: inner, position: TextPosition(line: line, column: column)))
            for byte in bytes[index..<end] where byte == 0x0A {
                line += 1
            }
            if let lastNewline = bytes[index..<end].lastIndex(of: 0x0A) { lineStart = lastNewline + 1 }
            index = end + (triple && end + 2 < bytes.count && bytes[end + 2] == 0x7D ? 3 : 2)
        }
        return result
    }

    private static func find(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 0x7D && bytes[i + 1] == 0x7D { return i }
            i += 1
        }
        return nil
    }

    /// The first section, inverted section, block or parent that is never closed, or a close tag that closes
    /// something else: the message and where to point.
    static func structureProblem(in tags: [MustacheTag]) -> (String, TextPosition)? {
        var stack: [MustacheTag] = []
        for tag in tags {
            switch tag.kind {
            case .open, .invertedOpen, .block, .parent:
                stack.append(tag)
            case .close:
                guard let open = stack.popLast() else {
                    return ("'{{/\(tag.name)}}' closes a section that was never opened", tag.position)
                }
                if open.name != tag.name {
                    return ("'{{/\(tag.name)}}' does not match the open section '\(open.name)' (opened at line \(open.position.line))", tag.position)
                }
            default:
                break
            }
        }
        if let open = stack.last {
            return ("section '\(open.name)' is never closed (expected '{{/\(open.name)}}')", open.position)
        }
        return nil
    }
}
