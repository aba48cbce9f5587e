/// Renders markdown bodies (in parallel) and rewrites links between markdown files to page URLs, recording what
/// each body read: the URLs of the pages and files it links to. Runs after every page has its URL, and before any
/// template renders, because templates show other pages' summaries.
struct BodyRenderer {
    let model: SiteModel
    let markdown: MarkdownRenderer
    /// Asset name to URL path, for links and images written as `/assets/<name>`.
    let assetURLs: [String: String]
    let jobs: Int

    /// Renders the bodies of `pages`, setting their HTML, summary, body hash and body dependencies.
    func render(_ pages: [Page]) {
        let resolver = LinkResolver()
        _ = parallelMap(pages, jobs: jobs) { page -> Bool in
            let recorder = DependencyRecorder()
            let rendered = markdown.render(page.body) { link in
                rewrite(link, in: page, resolver: resolver, recorder: recorder)
            }
            page.rendered = rendered
            page.hasHTML = true
            page.summaryHTML = page.frontMatter.summary.map { markdown.render($0).html } ?? rendered.summaryHTML
            let hasher = StableHasher()
            hasher.combine(rendered.html)
            hasher.combine(page.summaryHTML)
            hasher.combine(rendered.hasExplicitSummary)
            hasher.combine(rendered.wordCount)
            for heading in rendered.headings {
                hasher.combine(heading.level)
                hasher.combine(heading.id)
                hasher.combine(heading.title)
            }
            page.bodyHash = hasher.finalize()
            page.bodyDependencies = recorder.sorted
            return true
        }
    }

    private func rewrite(_ link: MarkdownLink, in page: Page, resolver: LinkResolver, recorder: DependencyRecorder) -> String? {
        switch resolver.resolve(link.destination, from: page) {
        case .external, .sameFileAnchor, .outsideContent:
            return nil
        case .asset(let name, let suffix):
            recorder.record(.asset(name))
            guard let urlPath = assetURLs[name] else { return nil }
            return model.config.basePath + urlPath + suffix
        case .page(let path, let fragment):
            recorder.record(.pageURL(path))
            guard let target = model.pagesBySource[path] else { return nil }
            return model.config.basePath + target.urlPath + (fragment.map { "#" + $0 } ?? "")
        case .resource(let path, let fragment):
            // A relative link to a file of content/ (a bundle's image) becomes root-relative, so it still works where
            // the page's summary is shown: list pages, feeds, other folders.
            recorder.record(.resourceURL(path))
            guard let urlPath = model.resourceURLs[path] else { return nil }
            return model.config.basePath + urlPath + (fragment.map { "#" + $0 } ?? "")
        }
    }
}
