/// How markdown becomes HTML: the `[markdown]` table of `sitegen.toml`, with GitHub's choices as defaults.
///
/// `Hashable` so that the options can be part of a page's render signature: changing one re-renders the pages.
public struct MarkdownOptions: Hashable, Sendable {
    /// Keep raw HTML and `javascript:`-style links; when false cmark-gfm writes `<!-- raw HTML omitted -->` instead,
    /// for sites that publish markdown they did not write.
    public var unsafeHTML = true
    /// Curly quotes, en and em dashes and ellipses from `"`, `'`, `--`, `---` and `...`.
    public var smartPunctuation = true
    /// GitHub-style footnotes (`[^1]` and `[^1]: text`), collected at the end of the page.
    public var footnotes = true
    /// cmark-gfm syntax extensions attached to every parse, by their cmark-gfm names.
    public var extensions: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// Give each heading an `id` (a GitHub-style slug, or an explicit `{#id}`), so that pages and tables of contents
    /// can link to it.
    public var headingIDs = true
    /// The heading levels a table of contents lists; the renderer reports every heading and leaves the choice to the
    /// table of contents.
    public var tocLevels: ClosedRange<Int> = 2...4

    /// Options with GitHub's defaults for everything not given.
    public init(
        unsafeHTML: Bool = true,
        smartPunctuation: Bool = true,
        footnotes: Bool = true,
        extensions: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"],
        headingIDs: Bool = true,
        tocLevels: ClosedRange<Int> = 2...4
    ) {
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.footnotes = footnotes
        self.extensions = extensions
        self.headingIDs = headingIDs
        self.tocLevels = tocLevels
    }

    /// The names in `extensions` that cmark-gfm does not know, in order, so that configuration loading can report
    /// them; rendering skips them.
    public var unknownExtensions: [String] {
        extensions.filter { !CmarkGFM.hasExtension(named: $0) }
    }

    /// The part of the options cmark-gfm itself sees.
    var cmarkConfiguration: CmarkConfiguration {
        CmarkConfiguration(
            unsafeHTML: unsafeHTML, smartPunctuation: smartPunctuation, footnotes: footnotes, extensions: extensions)
    }
}
