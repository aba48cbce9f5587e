/// Turns a page's markdown body into HTML plus what the rest of the build needs from it (headings, summary, links,
/// word count), in one parse and one HTML render: the body of every page passes through here.
public struct MarkdownRenderer: Sendable {
    /// The options every render uses.
    public let options: MarkdownOptions

    /// A renderer with fixed options; cheap to create, safe to share between threads.
    public init(options: MarkdownOptions) {
        self.options = options
    }

    /// Renders `markdown`, giving headings ids and cutting out the summary.
    ///
    /// `rewrite` is called once per link and image destination, in document order; returning a string replaces the
    /// URL in the HTML (links to `.md` files become page URLs), `nil` keeps it. `RenderedMarkdown.links` reports the
    /// destinations as written, before rewriting.
    public func render(_ markdown: String, rewrite: (MarkdownLink) -> String? = { _ in nil }) -> RenderedMarkdown {
        var markdown = markdown
        return markdown.withUTF8 { source in
            var pass = RenderPass(source: source, options: options)
            return pass.run(rewrite: rewrite)
        }
    }

    /// Plain cmark-gfm HTML, no ids, no rewriting: what the conformance tests check.
    public func renderPlainHTML(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { source in
            CmarkGFM.parse(source, configuration: options.cmarkConfiguration).renderHTML()
        }
    }
}

/// One render of one body. The source buffer is only valid during `MarkdownRenderer.render`, so the pass lives no
/// longer than that.
private struct RenderPass {
    let source: UnsafeBufferPointer<UInt8>
    let options: MarkdownOptions
    let document: CmarkDocument

    var headingNodes: [CmarkNode] = []
    var links: [MarkdownLink] = []
    var moreBlocks: [CmarkNode] = []
    var firstParagraph: CmarkNode?
    var words = WordCounter()

    init(source: UnsafeBufferPointer<UInt8>, options: MarkdownOptions) {
        self.source = source
        self.options = options
        self.document = CmarkGFM.parse(source, configuration: options.cmarkConfiguration)
    }

    mutating func run(rewrite: (MarkdownLink) -> String?) -> RenderedMarkdown {
        collect(rewrite: rewrite)
        let headings = nameHeadings()

        // Markers go in only now: the walk above must not see them (they would count as words) and must not have the
        // tree changed under it.
        let markers = RenderMarkers(avoiding: source)
        if options.headingIDs {
            for (index, node) in headingNodes.enumerated() {
                document.prependText(markers.heading(index), to: node)
            }
        }
        if let more = moreBlocks.first {
            document.replace(more, withParagraphOfText: markers.more)
            // Only the first `<!--more-->` cuts; later ones would be stray comments (or "raw HTML omitted").
            for extra in moreBlocks.dropFirst() { document.remove(extra) }
        } else if let paragraph = firstParagraph {
            document.prependText(markers.summaryStart, to: paragraph)
            document.appendText(markers.summaryEnd, to: paragraph)
        }

        let spliced = document.withRenderedHTML { markers.splice($0, headingIDs: headings.map(\.id)) }
        let summary: ArraySlice<UInt8>
        if let cut = spliced.moreOffset {
            summary = spliced.html[..<cut]
        } else if let range = spliced.summaryRange {
            summary = spliced.html[range]
        } else {
            summary = []
        }
        return RenderedMarkdown(
            html: String(decoding: spliced.html, as: UTF8.self),
            summaryHTML: String(decoding: summary, as: UTF8.self),
            hasExplicitSummary: !moreBlocks.isEmpty,
            headings: headings,
            wordCount: words.count,
            links: links)
    }

    /// One walk over the tree: records links (rewriting them), headings, `<!--more-->` blocks and the first paragraph,
    /// and counts the words outside headings (heading words are counted once their `{#id}` is gone).
    private mutating func collect(rewrite: (MarkdownLink) -> String?) {
        let root = document.root
        var locator = LinkLocator(source: source)
        var headingDepth = 0
        document.walk { node, event in
            let kind = node.kind
            if kind.isBlock { words.endWord() }
            switch (kind, event) {
            case (.heading, .enter):
                headingDepth += 1
            case (.heading, .exit):
                headingDepth -= 1
                headingNodes.append(node)
            case (.text, .enter), (.code, .enter), (.codeBlock, .enter):
                if headingDepth == 0 { node.withLiteralBytes { words.add($0) } }
            case (.softBreak, .enter), (.lineBreak, .enter):
                words.endWord()
            case (.link, .enter), (.image, .enter):
                let link = MarkdownLink(
                    destination: node.url ?? "", position: locator.position(of: node, isImage: kind == .image),
                    isImage: kind == .image)
                links.append(link)
                if let replacement = rewrite(link) { node.setURL(replacement) }
            case (.htmlBlock, .enter):
                if node.parent == root, node.withLiteralBytes(Self.isMoreMarker) { moreBlocks.append(node) }
            case (.paragraph, .enter):
                if firstParagraph == nil, node.parent == root { firstParagraph = node }
            default:
                break
            }
        }
    }

    /// Titles and ids of the collected headings, in order; strips explicit `{#id}`s from the tree on the way.
    private mutating func nameHeadings() -> [MarkdownHeading] {
        var explicitIDs: [Int: String] = [:]
        var titles: [String] = []
        titles.reserveCapacity(headingNodes.count)
        for (index, node) in headingNodes.enumerated() {
            if options.headingIDs, let id = takeExplicitID(from: node) { explicitIDs[index] = id }
            let title = plainText(of: node)
            words.endWord()
            words.add(title)
            words.endWord()
            titles.append(title)
        }
        var slugger = HeadingSlugger(reserved: Set(explicitIDs.values))
        return headingNodes.enumerated().map { index, node in
            let id = options.headingIDs ? explicitIDs[index] ?? slugger.id(for: titles[index]) : ""
            return MarkdownHeading(
                level: node.headingLevel, id: id, title: titles[index],
                position: TextPosition(line: node.startLine, column: node.startColumn))
        }
    }

    /// Removes a trailing `{#id}` from the heading's text and returns the id.
    private func takeExplicitID(from heading: CmarkNode) -> String? {
        guard let last = heading.lastChild, last.kind == .text,
            last.withLiteralBytes({ $0.last == UInt8(ascii: "}") })
        else { return nil }
        // The inline parser may have split `{#my_id}` at `_`; one text node makes the suffix easy to find.
        document.mergeAdjacentText(in: heading)
        guard let text = heading.lastChild, text.kind == .text, let literal = text.literal,
            let (visible, id) = ExplicitHeadingID.split(literal)
        else { return nil }
        text.setLiteral(visible)
        return id
    }

    /// The heading's text without markup: text and code spans, line breaks as spaces, raw HTML left out.
    private func plainText(of heading: CmarkNode) -> String {
        var title = ""
        document.walk(from: heading) { node, event in
            guard event == .enter else { return }
            switch node.kind {
            case .text, .code: title += node.literal ?? ""
            case .softBreak, .lineBreak: title += " "
            default: break
            }
        }
        return title
    }

    /// `<!--more-->` or `<!-- more -->` alone in an HTML block (with the newline cmark keeps).
    private static func isMoreMarker(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = literal.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(literal[end - 1]) { end -= 1 }
        let text = literal[..<end]
        return text.elementsEqual("<!--more-->".utf8) || text.elementsEqual("<!-- more -->".utf8)
    }
}

extension CmarkNodeKind {
    /// Block nodes end words: text in two paragraphs, cells or list items never forms one word.
    var isBlock: Bool {
        switch self {
        case .document, .paragraph, .heading, .codeBlock, .htmlBlock, .otherBlock: return true
        case .text, .code, .htmlInline, .softBreak, .lineBreak, .link, .image, .otherInline: return false
        }
    }
}
