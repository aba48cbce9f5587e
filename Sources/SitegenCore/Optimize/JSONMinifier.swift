/// Removes the whitespace between JSON tokens.
///
/// It validates as it copies (RFC 8259: one value, strings with valid escapes and no control characters, numbers in
/// JSON's grammar, literals spelled out), because whitespace is only insignificant in text that really is JSON: a file
/// named `.json` that is something else (JSON with comments, JSON Lines) comes back unchanged. Nesting is tracked on a
/// heap stack, so a deeply nested document cannot overflow the call stack.
enum JSONMinifier {
    static func minify(_ input: [UInt8]) -> [UInt8]? {
        var reader = JSONCompactor(input: input)
        return reader.run() ? reader.output : nil
    }
}

private struct JSONCompactor {
    let input: [UInt8]
    var index = 0
    var output: [UInt8] = []

    init(input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    /// What the reader expects next inside the innermost open array or object.
    private enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose }

    mutating func run() -> Bool {
        var closers: [UInt8] = []  // `]` or `}` for each open container
        var expect = Expect.value
        skipBOMAndSpace()
        while true {
            skipSpace()
            guard index < input.count else { return closers.isEmpty && expect == .commaOrClose }
            let byte = input[index]
            switch expect {
            case .value, .valueOrClose:
                if expect == .valueOrClose && byte == UInt8(ascii: "]") {
                    closers.removeLast(); take()
                    expect = .commaOrClose
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    closers.append(byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                    take()
                    expect = byte == UInt8(ascii: "[") ? .valueOrClose : .keyOrClose
                } else {
                    guard scalar() else { return false }
                    expect = .commaOrClose
                }
            case .key, .keyOrClose:
                if expect == .keyOrClose && byte == UInt8(ascii: "}") {
                    closers.removeLast(); take()
                    expect = .commaOrClose
                } else {
                    guard byte == UInt8(ascii: "\""), string() else { return false }
                    expect = .colon
                }
            case .colon:
                guard byte == UInt8(ascii: ":") else { return false }
                take()
                expect = .value
            case .commaOrClose:
                guard let closer = closers.last else { return false }  // text after the top-level value
                if byte == closer {
                    closers.removeLast(); take()
                } else if byte == UInt8(ascii: ",") {
                    take()
                    expect = closer == UInt8(ascii: "]") ? .value : .key
                } else {
                    return false
                }
            }
        }
    }

    private mutating func take() {
        output.append(input[index])
        index += 1
    }

    private mutating func skipBOMAndSpace() {
        if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { index = 3 }
    }

    private mutating func skipSpace() {
        while index < input.count, input[index] == 0x20 || input[index] == 0x0A || input[index] == 0x09 || input[index] == 0x0D {
            index += 1
        }
    }

    private mutating func scalar() -> Bool {
        switch input[index] {
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        guard input.hasASCIIPrefix(word, at: index) else { return false }
        let end = index + word.utf8CodeUnitCount
        output.append(contentsOf: input[index..<end])
        index = end
        return true
    }

    private mutating func string() -> Bool {
        let start = index
        index += 1
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                output.append(contentsOf: input[start..<index])
                return true
            } else if byte == UInt8(ascii: "\\") {
                guard index + 1 < input.count else { return false }
                switch input[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= input.count, input[(index + 2)..<(index + 6)].allSatisfy(\.isHexDigit) else { return false }
                    index += 6
                default:
                    return false
                }
            } else if byte < 0x20 {
                return false
            } else {
                index += 1
            }
        }
        return false
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() -> Bool {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else if !digits() {
            return false
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits() else { return false }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits() else { return false }
        }
        output.append(contentsOf: input[start..<index])
        return true
    }

    private func peek(_ byte: UInt8) -> Bool { index < input.count && input[index] == byte }

    private mutating func digits() -> Bool {
        let start = index
        while index < input.count, input[index].isASCIIDigit { index += 1 }
        return index > start
    }
}
