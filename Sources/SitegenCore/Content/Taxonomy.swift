/// One taxonomy of the site (tags by default): its terms and the pages of each.
public final class Taxonomy: @unchecked Sendable {
    public let name: String
    /// Terms sorted by slug.
    var terms: [Term] = []

    init(name: String) { self.name = name }

    var urlPath: String { "/\(name)/" }
}

/// A term of a taxonomy (`swift` in tags) and the pages that carry it, newest first.
public final class Term: @unchecked Sendable {
    /// The spelling shown, taken from the first page (in source path order) that uses the term.
    public let name: String
    public let slug: String
    let taxonomy: String
    var pages: [Page] = []

    init(name: String, slug: String, taxonomy: String) {
        self.name = name
        self.slug = slug
        self.taxonomy = taxonomy
    }

    var urlPath: String { "/\(taxonomy)/\(slug)/" }
}

/// Groups pages by term for every configured taxonomy.
func buildTaxonomies(names: [String], pages: [Page]) -> [Taxonomy] {
    names.map { name in
        let taxonomy = Taxonomy(name: name)
        var bySlug: [String: Term] = [:]
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            for termName in page.frontMatter.taxonomies[name] ?? [] {
                let slug = Slug.make(termName)
                guard !slug.isEmpty else { continue }
                let term = bySlug[slug] ?? {
                    let created = Term(name: termName.trimmingSpaces, slug: slug, taxonomy: name)
                    bySlug[slug] = created
                    return created
                }()
                term.pages.append(page)
            }
        }
        taxonomy.terms = bySlug.values.sorted { $0.slug < $1.slug }
        for term in taxonomy.terms { term.pages = sortPages(term.pages, by: .date) }
        return taxonomy
    }
}
