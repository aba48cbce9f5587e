/// Rewrites SVG path data (`d`) and point lists (`points`) in their shortest spelling with the same numbers.
///
/// Commands are kept as written (no absolute/relative conversion, no precision loss): only separators and zeros
/// change. Between two numbers a separator is written unless the second starts with `-` or `+`, or with `.` after a
/// number that already has a `.` and no exponent (`1.5.5` reads as 1.5 and .5 in the SVG grammar). Numbers lose a
/// leading zero (`0.5` → `.5`) and trailing fraction zeros (`1.50` → `1.5`, `2.0` → `2`). Any byte outside the
/// grammar leaves the value as it was.
enum SVGPathData {
    static func minify(_ value: ArraySlice<UInt8>, allowsCommands: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(value.count)
        var index = value.startIndex
        var previousNumber: (hasDot: Bool, hasExponent: Bool)?
        while index < value.endIndex {
            let byte = value[index]
            if byte.isMarkupSpace || byte == UInt8(ascii: ",") {
                index += 1
            } else if byte.isASCIILetter {
                guard allowsCommands, Self.commands.contains(byte) else { return nil }
                output.append(byte)
                previousNumber = nil
                index += 1
            } else {
                let start = index
                guard let end = numberEnd(value, from: index) else { return nil }
                let number = shortNumber(Array(value[start..<end]))
                let first = number[0]
                if let previous = previousNumber, first != UInt8(ascii: "-"), first != UInt8(ascii: "+"),
                   first != UInt8(ascii: ".") || !previous.hasDot || previous.hasExponent {
                    output.append(0x20)
                }
                output.append(contentsOf: number)
                previousNumber = (number.contains(UInt8(ascii: ".")), number.contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
                index = end
            }
        }
        return output
    }

    private static let commands: Set<UInt8> = Set("MmZzLlHhVvCcSsQqTtAa".utf8)

    /// `[+-]? (digits (. digits?)? | . digits) ([eE] [+-]? digits)?`, or nil.
    private static func numberEnd(_ value: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        func digits() -> Int {
            let first = index
            while index < value.endIndex, value[index].isASCIIDigit { index += 1 }
            return index - first
        }
        if index < value.endIndex, value[index] == UInt8(ascii: "-") || value[index] == UInt8(ascii: "+") { index += 1 }
        var count = digits()
        if index < value.endIndex, value[index] == UInt8(ascii: ".") {
            index += 1
            count += digits()
        }
        guard count > 0 else { return nil }
        if index < value.endIndex, value[index] == UInt8(ascii: "e") || value[index] == UInt8(ascii: "E") {
            index += 1
            if index < value.endIndex, value[index] == UInt8(ascii: "-") || value[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        return index
    }

    private static func shortNumber(_ number: [UInt8]) -> [UInt8] {
        var bytes = number
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")),
              !bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return bytes }
        while bytes.count > dot + 1, bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        if bytes.count == dot + 1 { bytes.removeLast() }
        let sign = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? 1 : 0
        if dot == sign + 1, bytes[sign] == UInt8(ascii: "0"), bytes.count > dot { bytes.remove(at: sign) }
        if bytes.count == sign { bytes.append(UInt8(ascii: "0")) }  // `-0.0` → `-0`
        return bytes
    }
}
