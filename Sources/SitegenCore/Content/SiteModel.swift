import Foundation

/// The organized site: published pages with their URLs, the section tree, taxonomies, and the files of `content/`
/// that are not markdown. Built once per build from the loaded pages, before any body is rendered, because a body's
/// links need every page's URL.
final class SiteModel: @unchecked Sendable {
    let config: SiteConfig
    /// Published pages (not section indexes), sorted by source path.
    let pages: [Page]
    /// Every published markdown file by source path, section indexes included.
    let pagesBySource: [String: Page]
    let root: Section
    /// Every section by folder, the root included.
    let sections: [String: Section]
    let taxonomies: [Taxonomy]
    /// Non-markdown files of `content/` and the URL path each is published at.
    let resources: [(source: String, urlPath: String)]
    /// The same, by source path.
    let resourceURLs: [String: String]
    /// Source paths of pages left out as drafts or future-dated.
    let unpublished: Set<String>
    /// Markdown files that exist but could not be loaded (their errors are reported); links to them are not
    /// reported again as links to missing pages.
    var failedSources: Set<String> = []

    init(config: SiteConfig, pages: [Page], sections: [String: Section], root: Section, taxonomies: [Taxonomy],
         resources: [(source: String, urlPath: String)], unpublished: Set<String>) {
        self.config = config
        self.pages = pages
        self.sections = sections
        self.root = root
        self.taxonomies = taxonomies
        self.resources = resources
        self.resourceURLs = Dictionary(resources.map { ($0.source, $0.urlPath) }, uniquingKeysWith: { a, _ in a })
        self.unpublished = unpublished
        var bySource: [String: Page] = [:]
        for page in pages { bySource[page.sourcePath] = page }
        for section in sections.values { if let index = section.index { bySource[index.sourcePath] = index } }
        self.pagesBySource = bySource
        self.recent = Array(sortPages(pages, by: .date).prefix(5))
        self.newestDate = pages.compactMap { $0.frontMatter.date }.max()
    }

    /// Sections sorted by folder, for deterministic iteration.
    var sortedSections: [Section] { sections.values.sorted { $0.directory < $1.directory } }

    /// The five newest pages of the whole site (`site.recent`), computed once.
    let recent: [Page]
    /// The newest page date of the site (`site.copyright_year`).
    let newestDate: PageDate?

    private let feedLock = NSLock()
    private var feedPagesCache: [String: [Page]] = [:]

    /// The dated pages of a section and of its subsections, newest first: what its feed lists. Computed once per
    /// section, because every render of the section's pages asks whether it has a feed.
    func feedPages(of section: Section) -> [Page] {
        feedLock.lock()
        defer { feedLock.unlock() }
        if let known = feedPagesCache[section.directory] { return known }
        var pages: [Page] = []
        var pending = [section]
        while let next = pending.popLast() {
            pages.append(contentsOf: next.pages.filter { $0.frontMatter.date != nil })
            pending.append(contentsOf: next.subsections)
        }
        let sorted = sortPages(pages, by: .date)
        feedPagesCache[section.directory] = sorted
        return sorted
    }

    /// The home page always has a feed when feeds are on; a section has one when it has dated pages.
    func hasFeed(_ section: Section) -> Bool {
        config.feeds && (section.isRoot || !feedPages(of: section).isEmpty)
    }
}

/// A mutable value shared by reference, for a memo inside an otherwise immutable struct used on one thread.
final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// Builds the `SiteModel` from loaded pages: decides what is published, assigns URLs, files pages into sections.
struct SiteModelBuilder {
    let config: SiteConfig
    let includeDrafts: Bool
    let includeFuture: Bool
    /// Seconds since 1970 that "future" is measured against.
    let now: Int64

    func build(pages loaded: [Page], resourceFiles: [String], diagnostics: DiagnosticsEngine) -> SiteModel {
        var unpublished = Set<String>()
        var published: [Page] = []
        var indexes: [Page] = []
        for page in loaded.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if page.kind == .section { indexes.append(page); continue }
            if page.frontMatter.draft && !includeDrafts { unpublished.insert(page.sourcePath); continue }
            if let date = page.frontMatter.date, date.instant > now, !includeFuture { unpublished.insert(page.sourcePath); continue }
            published.append(page)
        }

        let root = Section(directory: "content", index: indexes.first { $0.directory == "content" })
        var sections: [String: Section] = ["content": root]
        let bundleDirectories = Set(loaded.filter(\.isBundle).map(\.directory))
        for index in indexes where index.directory != "content" {
            if bundleDirectories.contains(index.directory) {
                diagnostics.emit(.error("a folder cannot be both a section (_index.md) and a page bundle (index.md)",
                                        at: SourceLocation(path: index.sourcePath)))
                continue
            }
            sections[index.directory] = Section(directory: index.directory, index: index)
        }
        func nearestSection(above directory: String) -> Section {
            var current = directory
            while current != "content" && !current.isEmpty {
                current = parentPath(current)
                if let section = sections[current] { return section }
            }
            return root
        }
        for section in sections.values.sorted(by: { $0.directory < $1.directory }) where !section.isRoot {
            let parent = nearestSection(above: section.directory)
            section.parent = parent
            section.index?.sectionDirectory = parent.directory
            parent.subsections.append(section)
            section.urlPath = sectionURL(section, diagnostics: diagnostics)
        }
        root.urlPath = "/"
        root.index.map { $0.urlPath = "/" }
        for section in sections.values {
            section.index?.urlPath = section.urlPath
            section.subsections.sort { a, b in
                let wa = a.index?.frontMatter.weight ?? 0
                let wb = b.index?.frontMatter.weight ?? 0
                if wa != wb { return wa < wb }
                if a.title.lowercased() != b.title.lowercased() { return a.title.lowercased() < b.title.lowercased() }
                return a.directory < b.directory
            }
        }

        for page in published {
            let home = sections[page.directory].flatMap { page.isBundle ? nil : $0 } ?? nearestSection(above: page.isBundle ? page.directory : page.directory + "/x")
            page.sectionDirectory = home.directory
            home.pages.append(page)
            page.urlPath = pageURL(page, diagnostics: diagnostics)
        }
        for section in sections.values {
            section.pages = sortPages(section.pages, by: section.sortOrder ?? config.sort)
        }

        var resources: [(String, String)] = []
        let pagesByBundle = Dictionary(published.filter(\.isBundle).map { ($0.directory, $0) }, uniquingKeysWith: { a, _ in a })
        let unpublishedBundles = Set(loaded.filter { $0.isBundle && unpublished.contains($0.sourcePath) }.map(\.directory))
        for file in resourceFiles.sorted() {
            var directory = parentPath(file)
            var within = lastPathComponent(file)
            var owner: Page?
            var hidden = false
            while directory != "content" && !directory.isEmpty {
                if let page = pagesByBundle[directory] { owner = page; break }
                if unpublishedBundles.contains(directory) { hidden = true; break }
                within = lastPathComponent(directory) + "/" + within
                directory = parentPath(directory)
            }
            if hidden { continue }
            if let owner {
                owner.bundleFiles.append(file)
                resources.append((file, owner.urlPath + within))
            } else {
                resources.append((file, folderURL(parentPath(file)) + lastPathComponent(file)))
            }
        }

        let taxonomies = buildTaxonomies(names: config.taxonomies, pages: published)
        return SiteModel(config: config, pages: published, sections: sections, root: root, taxonomies: taxonomies,
                         resources: resources, unpublished: unpublished)
    }

    /// `/blog/2024/` for `content/blog/2024`: each folder name slugified (once per folder: thousands of pages
    /// share a handful of folders).
    private func folderURL(_ directory: String) -> String {
        if let known = folderURLs.value[directory] { return known }
        let parts = directory.split(separator: "/").dropFirst().map { Slug.make(String($0)) }
        let url = parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
        folderURLs.value[directory] = url
        return url
    }

    /// Folder URLs already made in this build of the model.
    private let folderURLs = Box<[String: String]>([:])

    private func sectionURL(_ section: Section, diagnostics: DiagnosticsEngine) -> String {
        guard let index = section.index else { return folderURL(section.directory) }
        if let url = index.frontMatter.url { return URLPath.normalize(url) }
        if let slug = index.frontMatter.slug {
            return folderURL(parentPath(section.directory)) + Slug.make(slug) + "/"
        }
        return folderURL(section.directory)
    }

    private func pageURL(_ page: Page, diagnostics: DiagnosticsEngine) -> String {
        if let url = page.frontMatter.url { return URLPath.normalize(url) }
        let folder = page.isBundle ? parentPath(page.directory) : page.directory
        let name = page.frontMatter.slug.map { Slug.make($0) } ?? Slug.make(page.isBundle ? lastPathComponent(page.directory) : fileStem(page.sourcePath))
        if name.isEmpty {
            diagnostics.emit(.error("cannot make a URL from this file name; set 'slug' or 'url' in the front matter",
                                    at: SourceLocation(path: page.sourcePath)))
            return folderURL(folder) + "page/"
        }
        return folderURL(folder) + name + "/"
    }
}
