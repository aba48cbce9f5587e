internal import CCmarkGFM
import Foundation

// The only Swift file that talks to libcmark-gfm. Every cmark pointer is created, owned and freed here; the rest of the
// markdown layer sees `CmarkDocument` and `CmarkNode`, small Swift values that cannot outlive the document they came
// from. If another C markdown library ever replaces cmark-gfm, this file is what changes.

/// What one parse asks of cmark-gfm, already translated from `MarkdownOptions`.
struct CmarkConfiguration: Hashable, Sendable {
    var unsafeHTML: Bool
    var smartPunctuation: Bool
    var footnotes: Bool
    var extensions: [String]

    /// One option word for parsing and rendering alike, as cmark-gfm's own command line does: cmark reads the parse
    /// bits while parsing and the render bits while rendering, and ignores the others in each phase.
    fileprivate var cmarkOptions: Int32 {
        var options = CMARK_OPT_DEFAULT
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if footnotes { options |= CMARK_OPT_FOOTNOTES }
        // CMARK_OPT_GITHUB_PRE_LANG stays off on purpose: without it cmark writes `<pre><code class="language-x">`,
        // the form highlighters and the CommonMark spec expect, instead of GitHub's `<pre lang="x">`.
        return options
    }
}

/// Entry points that need no document: parsing and the extension registry.
enum CmarkGFM {
    /// cmark-gfm keeps its syntax extensions in a process-wide registry that must be filled once before the first
    /// lookup. A static `let` runs its initializer exactly once, even when many threads arrive at the same time.
    private static let extensionRegistry: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serializes `cmark_parser_finish`, the part of a parse that uses libcmark-gfm's process-global tables.
    ///
    /// The race (libcmark-gfm 0.29.0.gfm.6; github/cmark-gfm pull request 176, a per-parser table, is not merged):
    /// `src/inlines.c` keeps two static arrays, `SPECIAL_CHARS` (where `subject_find_special_char` stops a text run)
    /// and `SKIP_CHARS` (characters `scan_delims` steps over when it decides whether `*` and `_` are left- or
    /// right-flanking). `cmark_parser_finish` → `finalize_document` → `process_inlines` (`src/blocks.c`) calls
    /// `cmark_manage_extensions_special_characters(parser, true)`, which runs `cmark_inlines_add_special_character`
    /// for the characters of every attached inline extension (`~` from strikethrough, also in `SKIP_CHARS` since it
    /// is an emphasis extension; `:` and `w` from autolink; table, tagfilter and tasklist have none), parses all
    /// inlines, then calls it with `false`, which clears those entries again (`cmark_inlines_remove_special_character`).
    /// A parser that finishes while another is in its inline phase therefore clears `~`, `:` and `w` under it: the
    /// other one renders `~~gone~~` as text, misses autolinks and changes emphasis next to `~`. Adds are idempotent when
    /// both parsers attach the same extensions, but the remove is not, and a parser without extensions reads the
    /// characters others added (`_moved_~1` then stays unemphasized). Nothing else reads or writes these arrays: the
    /// disassembly of the installed library shows the two writers called only from `cmark_parser_finish`, and the
    /// readers only inside `cmark_parse_inlines`, which only `cmark_parser_finish` calls. `cmark_parser_feed` (block
    /// parsing, including the table extension's `try_opening_block` and link reference definitions) touches neither,
    /// and neither does HTML rendering, so only `cmark_parser_finish` needs the lock, in every parse in the process
    /// whatever its extensions. `MarkdownRendererConcurrencyTests` shows the race without the lock (the first wrong
    /// render comes after a few dozen renders) and guards the production setting.
    ///
    /// Measured (`bench/markdown-parallel.sh`, release build, 2 cores, 2,000 generated pages of 12.9 MB, the full
    /// `MarkdownRenderer.render`; median of 11 runs, seconds for the corpus, 1 thread → 2 threads):
    ///
    ///     finishOnly   0.503 → 0.318  (1.58x)   0 wrong renders
    ///     wholeParse   0.502 → 0.377  (1.33x)   0 wrong renders
    ///     unlocked     0.551 → 0.261  (2.11x)   6,645 wrong renders in 22,000; about the ceiling for isolation
    ///
    /// `cmark_parser_finish` is about 45% of a render and `cmark_parser_feed` 12% (perf, one thread), so locking only
    /// the finish lets the other thread feed, walk the tree and render meanwhile: 16% less wall time than locking the
    /// whole parse, and the fastest correct option found. Isolating parsers without vendoring was tried and rejected.
    /// A private copy of libcmark-gfm per core, loaded with `dlmopen` into a namespace of its own, ran at 0.267 s
    /// (finishOnly 0.305 s in that session) but crashed as soon as tagfilter met raw HTML: the C library loaded into
    /// that namespace leaves its per-thread ctype table (`__ctype_tolower_loc`) null on threads it did not start. A
    /// copy loaded beside the first in the same namespace crashed too (its `cmark_strbuf_free` does not recognise the
    /// first copy's `cmark_strbuf__initbuf`), and the extensions library would still bind to the first copy. More
    /// than 1.6x on two cores, or about 2.2x (1 / 0.45) on any number, needs pull request 176's per-parser table.
    private static let parseLock = NSLock()

    /// The locking every parse uses unless a test or the benchmark says otherwise: see `parseLock`.
    static let productionLocking: MarkdownParseLocking = .finishOnly

    private static let lockingSetting = LockingSetting(productionLocking)

    /// Which part of each parse holds `parseLock`. Only tests (through `@testable import`) and the benchmark (through
    /// `MarkdownRenderer.parseLocking`) change it, between batches of parses; a parse reads it once when it starts.
    static var locking: MarkdownParseLocking {
        get { lockingSetting.value }
        set { lockingSetting.value = newValue }
    }

    /// Whether cmark-gfm knows a syntax extension of this name (`table`, `strikethrough`, `autolink`, `tagfilter`,
    /// `tasklist`).
    static func hasExtension(named name: String) -> Bool {
        _ = extensionRegistry
        return name.withCString { cmark_find_syntax_extension($0) } != nil
    }

    /// Parses UTF-8 markdown into a document. Extension names cmark-gfm does not know are skipped; callers that want
    /// to report them ask `hasExtension(named:)` first.
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>, configuration: CmarkConfiguration) -> CmarkDocument {
        _ = extensionRegistry
        let options = configuration.cmarkOptions
        let locking = self.locking
        // Creating a parser and attaching extensions only allocate and link lists of this parser: no lock needed.
        guard let parser = cmark_parser_new(options) else {
            fatalError("cmark-gfm could not allocate a parser (out of memory)")
        }
        for name in configuration.extensions {
            if let syntaxExtension = name.withCString({ cmark_find_syntax_extension($0) }) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        func feed() {
            utf8.withMemoryRebound(to: CChar.self) { bytes in
                cmark_parser_feed(parser, bytes.baseAddress, bytes.count)
            }
        }
        let root: OpaquePointer?
        switch locking {
        case .finishOnly:
            feed()
            root = parseLock.withLock { cmark_parser_finish(parser) }
        case .wholeParse:
            root = parseLock.withLock {
                feed()
                return cmark_parser_finish(parser)
            }
        case .unlocked:
            feed()
            root = cmark_parser_finish(parser)
        }
        guard let root else {
            cmark_parser_free(parser)
            fatalError("cmark-gfm returned no document (out of memory)")
        }
        return CmarkDocument(parser: parser, root: root, options: options)
    }
}

/// Which part of a cmark-gfm parse runs under the process-wide parse lock (see `CmarkGFM.parseLock` for why and for
/// the measurements). Production always uses `CmarkGFM.productionLocking`; the other cases exist so that the tests
/// can show the race and the benchmark can compare the costs.
@_spi(Benchmark) public enum MarkdownParseLocking: String, CaseIterable, Sendable {
    /// No lock at all. Wrong output under parallel load: for tests and the benchmark only.
    case unlocked
    /// Only `cmark_parser_finish` (inline parsing) holds the lock; block parsing (`cmark_parser_feed`) runs in parallel.
    case finishOnly
    /// `cmark_parser_feed` and `cmark_parser_finish` together hold the lock.
    case wholeParse
}

@_spi(Benchmark) extension MarkdownRenderer {
    /// The parse locking of every renderer in the process, for the `markdown-bench` benchmark, which is built in release
    /// mode and so cannot use `@testable import`. Change it only while no render runs.
    public static var parseLocking: MarkdownParseLocking {
        get { CmarkGFM.locking }
        set { CmarkGFM.locking = newValue }
    }
}

/// The current `MarkdownParseLocking`, readable from any thread.
private final class LockingSetting: @unchecked Sendable {
    private let lock = NSLock()
    private var locking: MarkdownParseLocking

    init(_ locking: MarkdownParseLocking) { self.locking = locking }

    var value: MarkdownParseLocking {
        get { lock.withLock { locking } }
        set { lock.withLock { locking = newValue } }
    }
}

/// A parsed markdown document: owns the cmark parser and node tree and frees both when it goes away.
///
/// The parser stays alive beside the tree because its list of attached extensions is what the HTML renderer needs to
/// render extension nodes (tables, task list items, strikethrough). A document is used by one thread at a time.
final class CmarkDocument {
    private let parser: OpaquePointer
    private let rootPointer: OpaquePointer
    private let options: Int32

    fileprivate init(parser: OpaquePointer, root: OpaquePointer, options: Int32) {
        self.parser = parser
        self.rootPointer = root
        self.options = options
    }

    deinit {
        cmark_node_free(rootPointer)
        cmark_parser_free(parser)
    }

    /// The document node.
    var root: CmarkNode { CmarkNode(rootPointer) }

    /// Visits `start` (the root by default) and everything below it in document order, entering before the children
    /// and exiting after them (leaves are entered and exited too).
    ///
    /// The visitor must not add or remove nodes: cmark's iterator follows sibling links that such edits change. Collect
    /// the nodes and edit them after the walk; changing a node's literal or URL is fine.
    func walk(from start: CmarkNode? = nil, _ visit: (CmarkNode, CmarkWalkEvent) -> Void) {
        guard let iterator = cmark_iter_new((start ?? root).pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CmarkNode(node), event == CMARK_EVENT_EXIT ? .exit : .enter)
        }
    }

    /// Renders the whole document to HTML and hands the UTF-8 bytes to `body`; they are freed when `body` returns.
    func withRenderedHTML<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withRenderedHTML(of: root, body)
    }

    /// Renders one node and its descendants to HTML (a paragraph, a heading) and hands the bytes to `body`.
    func withRenderedHTML<R>(of node: CmarkNode, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(node.pointer, options, extensions) else {
            fatalError("cmark-gfm could not render HTML (out of memory)")
        }
        // cmark allocated the buffer with its default allocator, so it is returned to that allocator.
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        let length = strlen(html)
        return try html.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            try body(UnsafeBufferPointer(start: bytes, count: length))
        }
    }

    /// The HTML of the whole document as a string.
    func renderHTML() -> String {
        withRenderedHTML { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML of one node and its descendants as a string.
    func renderHTML(of node: CmarkNode) -> String {
        withRenderedHTML(of: node) { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Editing the tree

    /// Adds a new text node as the first child of `parent`.
    func prependText(_ literal: String, to parent: CmarkNode) {
        let text = makeText(literal)
        if cmark_node_prepend_child(parent.pointer, text) == 0 {
            cmark_node_free(text)
            assertionFailure("cmark-gfm refused a text child for a \(parent.kind) node")
        }
    }

    /// Adds a new text node as the last child of `parent`.
    func appendText(_ literal: String, to parent: CmarkNode) {
        let text = makeText(literal)
        if cmark_node_append_child(parent.pointer, text) == 0 {
            cmark_node_free(text)
            assertionFailure("cmark-gfm refused a text child for a \(parent.kind) node")
        }
    }

    /// Puts a new paragraph holding one text node where `node` was, and frees `node` and its descendants.
    func replace(_ node: CmarkNode, withParagraphOfText literal: String) {
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
            fatalError("cmark-gfm could not allocate a node (out of memory)")
        }
        let text = makeText(literal)
        cmark_node_append_child(paragraph, text)
        if cmark_node_replace(node.pointer, paragraph) == 0 {
            cmark_node_free(paragraph)
            assertionFailure("cmark-gfm refused to replace a \(node.kind) node")
            return
        }
        cmark_node_free(node.pointer)
    }

    /// Takes `node` out of the tree and frees it with its descendants.
    func remove(_ node: CmarkNode) {
        cmark_node_unlink(node.pointer)
        cmark_node_free(node.pointer)
    }

    /// Merges adjacent text nodes below `node`, so that text split by the inline parser reads as one literal.
    func mergeAdjacentText(in node: CmarkNode) {
        cmark_consolidate_text_nodes(node.pointer)
    }

    private func makeText(_ literal: String) -> OpaquePointer {
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else {
            fatalError("cmark-gfm could not allocate a node (out of memory)")
        }
        literal.withCString { _ = cmark_node_set_literal(text, $0) }
        return text
    }
}

/// Whether a walk arrives at a node (before its children) or leaves it (after them).
enum CmarkWalkEvent: Sendable {
    case enter
    case exit
}

/// The node types the markdown layer tells apart; extension nodes (tables, footnotes, strikethrough) are `otherBlock`
/// or `otherInline`.
enum CmarkNodeKind: Hashable, Sendable {
    case document, paragraph, heading, codeBlock, htmlBlock, otherBlock
    case text, code, htmlInline, softBreak, lineBreak, link, image, otherInline
}

/// A borrowed reference to a node of a `CmarkDocument`. Valid only while that document lives and the node is in it;
/// it never frees anything.
struct CmarkNode: Hashable {
    fileprivate let pointer: OpaquePointer

    fileprivate init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var kind: CmarkNodeKind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default:
            return type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE)
                ? .otherInline : .otherBlock
        }
    }

    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var lastChild: CmarkNode? { cmark_node_last_child(pointer).map(CmarkNode.init) }
    var previous: CmarkNode? { cmark_node_previous(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    /// 1-based line where the node starts, or 0 where cmark-gfm recorded none (soft breaks, some autolinks).
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based column where the node starts, counted in UTF-8 bytes, or 0 where cmark-gfm recorded none.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The heading level (1...6), or 0 for other nodes.
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The text of a text, code, code block or HTML node.
    var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }

    /// Reads the literal's UTF-8 bytes without copying them; the buffer is empty for nodes without a literal.
    func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let literal = cmark_node_get_literal(pointer) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let length = strlen(literal)
        return try literal.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// Replaces the literal of a text, code, code block or HTML node.
    func setLiteral(_ literal: String) {
        let accepted = literal.withCString { cmark_node_set_literal(pointer, $0) }
        assert(accepted != 0, "cmark-gfm refused a literal for a \(kind) node")
    }

    /// The destination of a link or image.
    var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }

    /// Replaces the destination of a link or image.
    func setURL(_ url: String) {
        let accepted = url.withCString { cmark_node_set_url(pointer, $0) }
        assert(accepted != 0, "cmark-gfm refused a URL for a \(kind) node")
    }
}
