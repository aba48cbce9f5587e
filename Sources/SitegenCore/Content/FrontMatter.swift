/// The validated front matter of one content file.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var date: PageDate?
    public var updated: PageDate?
    public var draft = false
    public var description: String?
    public var slug: String?
    public var url: String?
    public var weight = 0
    /// Terms by taxonomy name, in the order written.
    public var taxonomies: [String: [String]] = [:]
    public var template: String?
    public var aliases: [String] = []
    public var summary: String?
    public var extra = DataTable()
    /// Sections only: how their pages are ordered and how many a list page shows.
    public var sortBy: SortOrder?
    public var paginate: Int?

    public init() {}
}

/// Checks a parsed front-matter table key by key, so that one bad value is reported at its line and the rest of the
/// page still loads.
struct FrontMatterReader {
    let path: String
    let fileText: String
    /// Added to positions inside the front matter to make them file positions.
    let lineOffset: Int
    let taxonomies: [String]
    let isSection: Bool

    func read(_ table: DataTable, into diagnostics: inout [Diagnostic]) -> FrontMatter {
        var matter = FrontMatter()
        for (key, value) in table.entries {
            let position = table.position(of: key).map { $0.offset(lines: lineOffset) } ?? TextPosition(line: 1, column: 1)
            let location = SourceLocation(path: path, line: position.line, column: position.column)
            func fail(_ message: String) {
                diagnostics.append(.error(message, at: location, sourceLine: line(position.line, of: fileText)))
            }
            func string() -> String? {
                if case .string(let s) = value { return s }
                fail("'\(key)' must be a string, not \(value.typeDescription)")
                return nil
            }
            func strings() -> [String]? {
                if case .string(let s) = value { return [s] }
                guard case .array(let items) = value else {
                    fail("'\(key)' must be a list of strings, not \(value.typeDescription)")
                    return nil
                }
                var result: [String] = []
                for item in items {
                    switch item {
                    case .string(let s): result.append(s)
                    case .integer(let i): result.append(String(i))
                    default:
                        fail("'\(key)' must be a list of strings, not a list holding \(item.typeDescription)")
                        return nil
                    }
                }
                return result
            }
            func date() -> PageDate? {
                guard let text = value.stringValue else {
                    fail("'\(key)' must be a date like 2026-11-23 or 2026-11-23T10:00:00Z, not \(value.typeDescription)")
                    return nil
                }
                guard let parsed = PageDate(parsing: text) else {
                    fail("'\(key)' is not a valid date: '\(text)' (expected 2026-11-23 or 2026-11-23T10:00:00Z)")
                    return nil
                }
                return parsed
            }
            switch key {
            case "title": matter.title = string()
            case "description": matter.description = string()
            case "date": matter.date = date()
            case "updated": matter.updated = date()
            case "draft":
                if case .bool(let b) = value { matter.draft = b } else { fail("'draft' must be true or false, not \(value.typeDescription)") }
            case "weight":
                if case .integer(let i) = value, let w = Int(exactly: i) { matter.weight = w } else {
                    fail("'weight' must be an integer, not \(value.typeDescription)")
                }
            case "slug":
                if let s = string() {
                    if s.isEmpty || s.contains("/") || s == "." || s == ".." {
                        fail("'slug' must be one path part without '/', '.' or '..': '\(s)'")
                    } else {
                        matter.slug = s
                    }
                }
            case "url":
                if let s = string() {
                    if let problem = URLPath.problem(with: s) { fail("'url' \(problem): '\(s)'") } else { matter.url = s }
                }
            case "template": matter.template = string()
            case "aliases":
                if let list = strings() {
                    for alias in list {
                        if let problem = URLPath.problem(with: alias) { fail("alias \(problem): '\(alias)'") } else { matter.aliases.append(alias) }
                    }
                }
            case "summary": matter.summary = string()
            case "extra":
                if case .table(let t) = value { matter.extra = t } else { fail("'extra' must be a table, not \(value.typeDescription)") }
            case "sort_by" where isSection:
                if let s = string() {
                    if let order = SortOrder(rawValue: s) { matter.sortBy = order } else { fail("'sort_by' must be one of date, weight, title: '\(s)'") }
                }
            case "paginate" where isSection:
                if case .integer(let i) = value, i >= 1, let n = Int(exactly: i) { matter.paginate = n } else {
                    fail("'paginate' must be a positive integer")
                }
            default:
                if taxonomies.contains(key) {
                    if let terms = strings() {
                        var seen = Set<String>()
                        matter.taxonomies[key] = terms.filter { !$0.trimmingSpaces.isEmpty && seen.insert(Slug.make($0)).inserted }
                    }
                } else {
                    diagnostics.append(.warning("unknown front matter key '\(key)' (put custom values under 'extra')",
                                                at: location, sourceLine: line(position.line, of: fileText)))
                }
            }
        }
        return matter
    }
}
