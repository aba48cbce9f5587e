/// Something a render read. The incremental graph stores each output's dependencies with the hash of what was read
/// (a fact), and re-renders the output only when one of those facts changed (llbuild calls this a key).
public enum Dependency: Hashable, Sendable {
    /// The bytes of an input file that is copied or read as a whole (static files, assets).
    case file(String)
    /// A template name as the lookup resolved it: its file (site or theme) and text, or its absence. Recording the
    /// names a lookup tried means that adding an override (`templates/blog/page.mustache`) re-renders exactly the
    /// outputs that would now pick it.
    case template(String)
    /// A top-level key of `sitegen.toml` that is not part of the build signature (`title`, `menu`, `extra`, ...).
    case config(String)
    /// Everything a page's own output shows of it: its source, rendered body, URL, section and bundle files.
    case pageSelf(String)
    /// One field of a page's summary record (`title`, `date`, `summary`, `reading_time`, ...): what lists show.
    /// Recording fields one by one is the early cutoff of a body edit: it changes the page's word count, but a list
    /// that shows only titles and dates does not read that field, so it is not rendered again.
    case summaryField(String, String)
    /// The URL of a page (or its absence), read by bodies that link to it.
    case pageURL(String)
    /// The URL of a non-markdown file of `content/` (or its absence), read by bodies that link to it.
    case resourceURL(String)
    /// The members and order of a section's list, its subsections and its URL.
    case sectionList(String)
    /// Which pages come before and after a page in its section: what `page.previous` and `page.next` point at.
    case neighbours(String)
    /// The terms of a taxonomy, with their counts.
    case taxonomyTerms(String)
    /// The pages of one term of a taxonomy.
    case termPages(taxonomy: String, term: String)
    /// The site-wide list of newest pages.
    case recentPages
    /// The entries of a section's feed, in order: its newest dated pages, across its subsections.
    case feedEntries(String)
    /// The data files, all together (`site.data`).
    case data
    /// A published asset's URL and final bytes (so its integrity and, for a stylesheet, its fonts), or its absence.
    case asset(String)

    /// The key as stored in the graph: a kind, a colon, the argument.
    public var key: String {
        switch self {
        case .file(let p): return "file:" + p
        case .template(let n): return "template:" + n
        case .config(let k): return "config:" + k
        case .pageSelf(let p): return "page:" + p
        case .summaryField(let p, let f): return "field:" + p + "#" + f
        case .pageURL(let p): return "url:" + p
        case .resourceURL(let p): return "resource:" + p
        case .sectionList(let d): return "section:" + d
        case .neighbours(let p): return "neighbours:" + p
        case .taxonomyTerms(let t): return "terms:" + t
        case .termPages(let t, let term): return "term:" + t + "/" + term
        case .recentPages: return "recent:"
        case .feedEntries(let d): return "feed:" + d
        case .data: return "data:"
        case .asset(let a): return "asset:" + a
        }
    }

    /// Parses a stored key; nil for a key this version does not know (an old graph is then rebuilt).
    public init?(key: String) {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let kind = key[..<colon]
        let argument = String(key[key.index(after: colon)...])
        switch kind {
        case "file": self = .file(argument)
        case "template": self = .template(argument)
        case "config": self = .config(argument)
        case "page": self = .pageSelf(argument)
        case "field":
            guard let hash = argument.lastIndex(of: "#") else { return nil }
            self = .summaryField(String(argument[..<hash]), String(argument[argument.index(after: hash)...]))
        case "url": self = .pageURL(argument)
        case "resource": self = .resourceURL(argument)
        case "section": self = .sectionList(argument)
        case "neighbours": self = .neighbours(argument)
        case "terms": self = .taxonomyTerms(argument)
        case "term":
            guard let slash = argument.firstIndex(of: "/") else { return nil }
            self = .termPages(taxonomy: String(argument[..<slash]), term: String(argument[argument.index(after: slash)...]))
        case "recent": self = .recentPages
        case "feed": self = .feedEntries(argument)
        case "data": self = .data
        case "asset": self = .asset(argument)
        default: return nil
        }
    }

    /// Why an output that read this had to be rendered again, as `--explain` says it.
    public var changeDescription: String {
        switch self {
        case .file(let p): return "\(p) changed"
        case .template(let n): return "template '\(n)' changed"
        case .config(let k): return "config key '\(k)' changed"
        case .pageSelf(let p): return "\(p) changed"
        case .summaryField(let p, let f): return "'\(f)' of \(p) changed"
        case .pageURL(let p): return "the URL of linked page \(p) changed"
        case .resourceURL(let p): return "the URL of linked file \(p) changed"
        case .sectionList(let d): return "the list of \(d) changed"
        case .neighbours(let p): return "the previous or next page of \(p) changed"
        case .taxonomyTerms(let t): return "the terms of taxonomy '\(t)' changed"
        case .termPages(let t, let term): return "the pages of \(t) '\(term)' changed"
        case .recentPages: return "the list of recent pages changed"
        case .feedEntries(let d): return "the entries of the feed of \(d) changed"
        case .data: return "a data file changed"
        case .asset(let a): return "asset '\(a)' changed"
        }
    }
}

/// Collects what one render reads. Each render has its own recorder, so recording needs no lock.
public final class DependencyRecorder: @unchecked Sendable {
    public private(set) var dependencies: Set<Dependency> = []

    public init() {}

    public func record(_ dependency: Dependency) { dependencies.insert(dependency) }

    /// The dependencies in a stable order, for storing and for `--explain`.
    public var sorted: [Dependency] { dependencies.sorted { $0.key < $1.key } }
}
