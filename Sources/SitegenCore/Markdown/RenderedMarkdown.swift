/// A link or image destination as the author wrote it, with where it was written, so that a broken link can be
/// reported at its place in the file.
public struct MarkdownLink: Hashable, Sendable {
    /// The destination after cmark-gfm resolved references, entities and backslash escapes (`../a.md#x`,
    /// `https://example.com`), before any rewriting.
    public var destination: String
    /// Line and column of the link's first character (`[`, `!` or `<`; the URL itself for bare autolinks), 1-based
    /// and relative to the markdown text; the column counts UTF-8 bytes, as cmark-gfm and compilers do.
    public var position: TextPosition
    /// An image (`![alt](src)`) rather than a link.
    public var isImage: Bool

    /// A link found at `position`.
    public init(destination: String, position: TextPosition, isImage: Bool) {
        self.destination = destination
        self.position = position
        self.isImage = isImage
    }
}

/// A heading of a page, for tables of contents and for checking `#anchor` links.
public struct MarkdownHeading: Hashable, Sendable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The `id` attribute the heading carries in the HTML; empty when heading ids are turned off, because then no
    /// anchor exists to link to.
    public var id: String
    /// The heading as plain text (markup and an explicit `{#id}` removed), for tables of contents.
    public var title: String
    /// Where the heading starts in the markdown text.
    public var position: TextPosition

    /// A heading found at `position`.
    public init(level: Int, id: String, title: String, position: TextPosition) {
        self.level = level
        self.id = id
        self.title = title
        self.position = position
    }
}

/// Everything one render of a markdown body yields; what the page, list and feed templates need from the body.
public struct RenderedMarkdown: Hashable, Sendable {
    /// The HTML of the whole body.
    public var html: String
    /// The HTML before `<!--more-->` when there is one, otherwise the first top-level paragraph (or empty); list pages
    /// and feeds show it.
    public var summaryHTML: String
    /// Whether the body has an explicit `<!--more-->` (templates show "read more" only then).
    public var hasExplicitSummary: Bool
    /// Every heading in document order, with the id it carries in `html`.
    public var headings: [MarkdownHeading]
    /// Whitespace-separated words in the body's text and code, for reading time.
    public var wordCount: Int
    /// Every link and image destination in document order, as written (before rewriting).
    public var links: [MarkdownLink]

    /// A render result assembled by hand (tests, pages whose body is not markdown).
    public init(
        html: String, summaryHTML: String, hasExplicitSummary: Bool, headings: [MarkdownHeading], wordCount: Int,
        links: [MarkdownLink]
    ) {
        self.html = html
        self.summaryHTML = summaryHTML
        self.hasExplicitSummary = hasExplicitSummary
        self.headings = headings
        self.wordCount = wordCount
        self.links = links
    }
}
