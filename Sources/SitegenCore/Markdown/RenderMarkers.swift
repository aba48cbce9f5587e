/// Private-use characters that travel through cmark-gfm's HTML renderer to mark places it cannot annotate itself:
/// where a heading needs an `id`, where `<!--more-->` was, where the first paragraph starts and ends.
///
/// Why markers instead of raw HTML nodes: raw HTML is dropped in safe mode (`<!-- raw HTML omitted -->`), while text
/// survives every option; and one render followed by one pass over the bytes is cheaper than rendering pieces of the
/// document separately. A marker is `open`, a kind letter, an optional decimal index, `close`. The two characters are
/// chosen among U+E000...U+E0FF so that neither occurs in the page's markdown: every occurrence in the HTML is ours.
struct RenderMarkers {
    private let open: [UInt8]
    private let close: [UInt8]

    /// Markers made of characters that do not occur in `source`.
    init(avoiding source: UnsafeBufferPointer<UInt8>) {
        // U+E000...U+E0FF are EE 80 80 ... EE 83 BF in UTF-8.
        var seen = [Bool](repeating: false, count: 256)
        var index = 0
        while index + 2 < source.count {
            if source[index] == 0xEE, source[index + 1] & 0xFC == 0x80 {
                seen[Int(source[index + 1] & 0x03) << 6 | Int(source[index + 2] & 0x3F)] = true
            }
            index += 1
        }
        let free = (0..<256).lazy.filter { !seen[$0] }
        var candidates = free.makeIterator()
        // A page holding all 256 is not a real page; fall back to the first two and accept the clash.
        let first = candidates.next() ?? 0
        let second = candidates.next() ?? 1
        open = Self.utf8(ofPrivateUse: first)
        close = Self.utf8(ofPrivateUse: second)
    }

    private static func utf8(ofPrivateUse offset: Int) -> [UInt8] {
        [0xEE, 0x80 | UInt8(offset >> 6), 0x80 | UInt8(offset & 0x3F)]
    }

    private func marker(_ kind: Kind, _ index: Int? = nil) -> String {
        var bytes = open
        bytes.append(kind.rawValue)
        if let index { bytes.append(contentsOf: String(index).utf8) }
        bytes.append(contentsOf: close)
        return String(decoding: bytes, as: UTF8.self)
    }

    private enum Kind: UInt8 {
        case heading = 0x68  // h
        case more = 0x6D  // m
        case summaryStart = 0x73  // s
        case summaryEnd = 0x65  // e
    }

    /// Goes first in the `index`th heading; replaced by its `id` attribute.
    func heading(_ index: Int) -> String { marker(.heading, index) }
    /// The whole text of the paragraph that stands in for `<!--more-->`; the paragraph is cut out.
    var more: String { marker(.more) }
    /// Goes first in the first top-level paragraph.
    var summaryStart: String { marker(.summaryStart) }
    /// Goes last in the first top-level paragraph.
    var summaryEnd: String { marker(.summaryEnd) }

    /// The rendered HTML with the markers resolved.
    struct Spliced {
        var html: [UInt8]
        /// Where `<!--more-->` was, as an offset into `html`.
        var moreOffset: Int?
        /// The first top-level paragraph, `<p>` through `</p>\n`, as offsets into `html`.
        var summaryRange: Range<Int>?
    }

    /// Removes every marker from `html`: heading markers become ` id="..."` on the `<hN>` tag just before them (ids
    /// taken from `headingIDs` by index), the `<!--more-->` paragraph disappears, and the offsets of the cut and of
    /// the first paragraph are recorded.
    func splice(_ html: UnsafeBufferPointer<UInt8>, headingIDs: [String]) -> Spliced {
        var output: [UInt8] = []
        output.reserveCapacity(html.count + headingIDs.reduce(0) { $0 + $1.utf8.count + 6 })
        var result = Spliced(html: [], moreOffset: nil, summaryRange: nil)
        var summaryStart: Int?
        var index = 0
        while index < html.count {
            guard let found = html[index...].firstIndex(of: open[0]) else { break }
            guard let (kind, number, end) = parseMarker(html, at: found) else {
                output.append(contentsOf: html[index...found])
                index = found + 1
                continue
            }
            output.append(contentsOf: html[index..<found])
            index = end
            switch kind {
            case .heading:
                if let number, number < headingIDs.count, Self.endsWithHeadingTag(output) {
                    output.removeLast()
                    output.append(contentsOf: #" id=""#.utf8)
                    Self.appendAttributeEscaped(headingIDs[number], to: &output)
                    output.append(contentsOf: #"">"#.utf8)
                }
            case .more:
                if output.suffix(3).elementsEqual("<p>".utf8) { output.removeLast(3) }
                if Self.hasPrefix("</p>\n", html, at: index) { index += 5 }
                if result.moreOffset == nil { result.moreOffset = output.count }
            case .summaryStart:
                summaryStart = output.suffix(3).elementsEqual("<p>".utf8) ? output.count - 3 : output.count
            case .summaryEnd:
                if let start = summaryStart, Self.hasPrefix("</p>\n", html, at: index) {
                    output.append(contentsOf: html[index..<(index + 5)])
                    index += 5
                    result.summaryRange = start..<output.count
                }
            }
        }
        if index < html.count { output.append(contentsOf: html[index...]) }
        result.html = output
        return result
    }

    /// The marker starting at `start`: its kind, index and the offset just past it; nil if none starts there.
    private func parseMarker(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> (Kind, Int?, Int)? {
        var index = start
        for byte in open {
            guard index < html.count, html[index] == byte else { return nil }
            index += 1
        }
        guard index < html.count, let kind = Kind(rawValue: html[index]) else { return nil }
        index += 1
        var number: Int?
        while index < html.count, html[index] >= 0x30, html[index] <= 0x39 {
            number = (number ?? 0) * 10 + Int(html[index] - 0x30)
            index += 1
        }
        for byte in close {
            guard index < html.count, html[index] == byte else { return nil }
            index += 1
        }
        return (kind, number, index)
    }

    private static func hasPrefix(_ literal: StaticString, _ html: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= html.count else { return false }
        return html[index..<(index + count)].elementsEqual(
            UnsafeBufferPointer(start: literal.utf8Start, count: count))
    }

    /// Whether `output` ends with `<h1>` ... `<h6>`, the only place heading markers belong.
    private static func endsWithHeadingTag(_ output: [UInt8]) -> Bool {
        let count = output.count
        guard count >= 4 else { return false }
        return output[count - 4] == UInt8(ascii: "<") && output[count - 3] == UInt8(ascii: "h")
            && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(output[count - 2])
            && output[count - 1] == UInt8(ascii: ">")
    }

    private static func appendAttributeEscaped(_ value: String, to output: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
