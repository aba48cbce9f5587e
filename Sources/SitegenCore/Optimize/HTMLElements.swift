/// What the HTML minifier knows about element names: how whitespace beside them renders, and which hold raw text.
enum HTMLElements {
    /// How an element's tags affect the whitespace next to them.
    enum Flow {
        /// Starts and ends a line of its own (`div`, `p`, `li`, `br`...): whitespace beside its tags never renders.
        case block
        /// An inline wrapper (`a`, `em`, `span`, `code`...): whitespace beside it renders as one space.
        case wrapper
        /// Shown nowhere (`script`, `style`, `link`, `meta`, `template`): whitespace passes through it as if it were
        /// not there.
        case hidden
        /// Anything else, custom elements included (`img`, `input`, `button`, `svg`...): it takes room on the line,
        /// so whitespace on either side of it renders. Unknown elements land here, the safe side.
        case content
    }

    static func flow(of name: String) -> Flow {
        if blocks.contains(name) { return .block }
        if wrappers.contains(name) { return .wrapper }
        if hidden.contains(name) { return .hidden }
        return .content
    }

    private static let blocks: Set<String> = [
        "html", "head", "body", "address", "article", "aside", "blockquote", "br", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li",
        "main", "menu", "nav", "ol", "optgroup", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "ul", "search", "listing",
    ]

    private static let wrappers: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var",
    ]

    private static let hidden: Set<String> = ["script", "style", "link", "meta", "template", "base"]

    /// Elements without content or end tag: a `/` in `<br/>` means nothing and can go.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr",
    ]

    /// Elements whose content the tokenizer reads as raw text up to their end tag; copied verbatim unless minified
    /// as CSS or JS.
    static let rawText: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]

    /// Elements whose whitespace is shown as written.
    static let preformatted: Set<String> = ["pre", "listing"]

    /// Attributes whose presence is their meaning: `disabled="disabled"` says no more than `disabled`.
    static let booleanAttributes: Set<String> = [
        "allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls", "default", "defer", "disabled",
        "formnovalidate", "hidden", "inert", "ismap", "itemscope", "loop", "multiple", "muted", "nomodule",
        "novalidate", "open", "playsinline", "readonly", "required", "reversed", "selected",
    ]

    /// Script types run as JavaScript: the default, so a `type` naming one can go (except `module`).
    static let javaScriptTypes: Set<String> = [
        "", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript",
        "application/x-javascript", "text/jscript",
    ]

    /// Whether a script of this (lowercased, trimmed) type holds JSON.
    static func isJSONScriptType(_ type: String) -> Bool {
        type == "application/json" || type == "importmap" || type == "speculationrules" || type.hasSuffix("+json")
    }
}
