/// Byte classes shared by the minifiers, named after the specifications that define them.
extension UInt8 {
    /// HTML's ASCII whitespace (tab, LF, FF, CR, space), which is also CSS's and XML's apart from FF.
    var isMarkupSpace: Bool {
        self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0D || self == 0x0C
    }

    /// An ASCII letter.
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }

    /// An ASCII digit.
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// An ASCII hexadecimal digit.
    var isHexDigit: Bool { hexDigitValue != nil }

    /// The byte with ASCII upper case letters lowered; other bytes unchanged.
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}

extension Array where Element == UInt8 {
    /// Whether the bytes at `index` are `ascii`, optionally compared without regard to ASCII case.
    func hasASCIIPrefix(_ ascii: StaticString, at index: Int, caseInsensitive: Bool = false) -> Bool {
        hasPrefix(UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount), at: index, caseInsensitive: caseInsensitive)
    }

    /// The index of the first occurrence of `ascii` at or after `from`, or nil.
    func firstIndex(ofASCII ascii: StaticString, from: Int, caseInsensitive: Bool = false) -> Int? {
        firstIndex(of: UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount), from: from, caseInsensitive: caseInsensitive)
    }

    /// The index of the first occurrence of the bytes of `text` at or after `from`, or nil.
    func firstIndex(ofText text: String, from: Int, caseInsensitive: Bool = false) -> Int? {
        firstIndex(of: Array(text.utf8), from: from, caseInsensitive: caseInsensitive)
    }

    func hasPrefix<Pattern: RandomAccessCollection<UInt8>>(_ pattern: Pattern, at index: Int, caseInsensitive: Bool = false) -> Bool
    where Pattern.Index == Int {
        guard index >= 0, index + pattern.count <= count else { return false }
        for offset in 0..<pattern.count {
            let byte = self[index + offset]
            let expected = pattern[pattern.startIndex + offset]
            if caseInsensitive ? byte.asciiLowercased != expected.asciiLowercased : byte != expected { return false }
        }
        return true
    }

    func firstIndex<Pattern: RandomAccessCollection<UInt8>>(of pattern: Pattern, from: Int, caseInsensitive: Bool = false) -> Int?
    where Pattern.Index == Int {
        guard let first = pattern.first else { return from }
        let wanted = caseInsensitive ? first.asciiLowercased : first
        var index = Swift.max(0, from)
        let last = count - pattern.count
        while index <= last {
            let byte = caseInsensitive ? self[index].asciiLowercased : self[index]
            if byte == wanted && hasPrefix(pattern, at: index, caseInsensitive: caseInsensitive) { return index }
            index += 1
        }
        return nil
    }

    /// The bytes of `range` with ASCII letters lowered, as a String, for comparing names with known ones.
    func lowercasedASCII(_ range: Range<Int>) -> String {
        String(decoding: self[range].map(\.asciiLowercased), as: UTF8.self)
    }
}

extension ArraySlice where Element == UInt8 {
    /// Whether the slice contains the bytes of `text`.
    func containsASCII(_ text: StaticString) -> Bool {
        Array(self).firstIndex(ofASCII: text, from: 0) != nil
    }
}
