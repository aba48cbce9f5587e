/// A folder of `content/` with an `_index.md` (or the content root itself): a list page with its own pages.
public final class Section: @unchecked Sendable {
    /// Site-relative folder: `content` for the root, `content/blog` for a section.
    public let directory: String
    /// The section's `_index.md`; the root section may have none.
    let index: Page?
    /// Pages listed by this section, in its sort order.
    var pages: [Page] = []
    var subsections: [Section] = []
    weak var parent: Section?
    var urlPath = "/"

    init(directory: String, index: Page?) {
        self.directory = directory
        self.index = index
    }

    var isRoot: Bool { directory == "content" }

    var title: String { index?.title ?? "" }

    var sortOrder: SortOrder? { index?.frontMatter.sortBy }

    /// Sections from the top down to this one, the root excluded.
    var ancestors: [Section] {
        var chain: [Section] = []
        var current = parent
        while let section = current, !section.isRoot {
            chain.insert(section, at: 0)
            current = section.parent
        }
        return chain
    }
}

/// The pages of a list, in the order the list wants: dates newest first, weights lightest first, titles
/// alphabetical; ties are broken by title and then by source path so the order never depends on the file system.
func sortPages(_ pages: [Page], by order: SortOrder) -> [Page] {
    pages.sorted { a, b in
        switch order {
        case .date:
            let x = a.frontMatter.date?.instant ?? Int64.min
            let y = b.frontMatter.date?.instant ?? Int64.min
            if x != y { return x > y }
        case .weight:
            if a.frontMatter.weight != b.frontMatter.weight { return a.frontMatter.weight < b.frontMatter.weight }
        case .title:
            break
        }
        let ta = a.title.lowercased()
        let tb = b.title.lowercased()
        if ta != tb { return ta < tb }
        return a.sourcePath < b.sourcePath
    }
}
