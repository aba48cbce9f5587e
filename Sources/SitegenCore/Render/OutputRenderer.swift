import Mustache

/// Renders every templated output of the site (pages, list pages, taxonomies, feeds, sitemap, robots.txt, 404,
/// alias redirects) in parallel. Each render gets its own `DependencyRecorder`, and every value it can see comes
/// through `SiteValues`, so what it read is known exactly.
struct OutputRenderer {
    /// How many entries a feed lists.
    static let feedSize = 20

    let model: SiteModel
    let values: SiteValues
    let templates: TemplateSet
    /// The processed assets, for the `asset` and `integrity` helpers.
    let assets: AssetCatalog
    let preloader: Preloader
    /// Minify what renders produce (HTML pages, feeds, the sitemap).
    let minify: Bool
    let hasStaticRobots: Bool
    let jobs: Int

    enum Job {
        case page(Page)
        case section(Section, number: Int)
        case taxonomy(Taxonomy)
        case term(Term, number: Int)
        case notFound
        case feed(Section)
        case sitemap
        case robots
        case alias(Page, String)
    }

    /// A job with the output file it produces and the input it comes from, known before rendering.
    struct PlannedJob {
        var job: Job
        var path: String
        var source: String
    }

    /// Every templated output of the site, in a stable order.
    func plan() -> [PlannedJob] {
        allJobs().map { job in
            let (urlPath, source) = describe(job)
            return PlannedJob(job: job, path: URLPath.outputFile(for: urlPath), source: source)
        }
    }

    /// The URL path and the source of a job's output.
    func describe(_ job: Job) -> (urlPath: String, source: String) {
        switch job {
        case .page(let page):
            return (page.urlPath, page.sourcePath)
        case .section(let section, let number):
            let size = section.index?.frontMatter.paginate ?? model.config.paginate
            let paginator = Paginator(baseURLPath: section.urlPath, pageCount: section.pages.count, size: size)
            return (paginator.urlPath(ofPage: number), section.index?.sourcePath ?? "content")
        case .taxonomy(let taxonomy):
            return (taxonomy.urlPath, "taxonomy '\(taxonomy.name)'")
        case .term(let term, let number):
            let paginator = Paginator(baseURLPath: term.urlPath, pageCount: term.pages.count, size: model.config.paginate)
            return (paginator.urlPath(ofPage: number), "term '\(term.name)' of taxonomy '\(term.taxonomy)'")
        case .notFound:
            return ("/404.html", "404 page")
        case .feed(let section):
            return (section.urlPath + "atom.xml", "feed of \(section.index?.sourcePath ?? "content")")
        case .sitemap:
            return ("/sitemap.xml", "sitemap")
        case .robots:
            return ("/robots.txt", "robots.txt")
        case .alias(let page, let alias):
            return (URLPath.normalize(alias), page.sourcePath)
        }
    }

    private func allJobs() -> [Job] {
        var jobs: [Job] = []
        for page in model.pages { jobs.append(.page(page)) }
        for section in model.sortedSections {
            let size = section.index?.frontMatter.paginate ?? model.config.paginate
            let paginator = Paginator(baseURLPath: section.urlPath, pageCount: section.pages.count, size: size)
            for number in 1...paginator.totalPages { jobs.append(.section(section, number: number)) }
            if model.hasFeed(section) { jobs.append(.feed(section)) }
        }
        for taxonomy in model.taxonomies {
            jobs.append(.taxonomy(taxonomy))
            for term in taxonomy.terms {
                let paginator = Paginator(baseURLPath: term.urlPath, pageCount: term.pages.count, size: model.config.paginate)
                for number in 1...paginator.totalPages { jobs.append(.term(term, number: number)) }
            }
        }
        jobs.append(.notFound)
        jobs.append(.sitemap)
        if !hasStaticRobots { jobs.append(.robots) }
        for page in model.pagesBySource.keys.sorted().map({ model.pagesBySource[$0]! }) {
            for alias in page.frontMatter.aliases { jobs.append(.alias(page, alias)) }
        }
        return jobs
    }

    /// Renders the given jobs in parallel; a job that failed (its error is reported) has no output.
    func render(_ planned: [PlannedJob], diagnostics: DiagnosticsEngine) -> [PlannedOutput] {
        let results: [(PlannedOutput?, [Diagnostic])] = parallelMap(planned, jobs: jobs) { item in
            var found: [Diagnostic] = []
            let output = render(item.job, diagnostics: &found)
            return (output, found)
        }
        var outputs: [PlannedOutput] = []
        for (output, found) in results {
            diagnostics.emit(contentsOf: found)
            if let output { outputs.append(output) }
        }
        return outputs
    }

    private func render(_ job: Job, diagnostics: inout [Diagnostic]) -> PlannedOutput? {
        let recorder = DependencyRecorder()
        var root: [String: Any] = [:]
        let missingAssets = addHelpers(to: &root, recorder: recorder)
        let (urlPath, source) = describe(job)
        let templateName: String
        switch job {
        case .page(let page):
            guard let name = pageTemplate(page, recorder: recorder, diagnostics: &diagnostics) else { return nil }
            templateName = name
            recorder.record(.pageSelf(page.sourcePath))
            root["page"] = pageObject(page, recorder: recorder)
            root["is_page"] = true
        case .section(let section, let number):
            guard let name = sectionTemplate(section, recorder: recorder, diagnostics: &diagnostics) else { return nil }
            templateName = name
            let size = section.index?.frontMatter.paginate ?? model.config.paginate
            let paginator = Paginator(baseURLPath: section.urlPath, pageCount: section.pages.count, size: size)
            if let index = section.index { recorder.record(.pageSelf(index.sourcePath)) }
            root["section"] = sectionObject(section, paginator: paginator, number: number, recorder: recorder)
            root[section.isRoot ? "is_home" : "is_section"] = true
        case .taxonomy(let taxonomy):
            templateName = "taxonomy"
            root["taxonomy"] = RecordedObject(["name": taxonomy.name, "url": values.url(taxonomy.urlPath),
                                               "permalink": values.permalink(taxonomy.urlPath), "terms": values.termList(taxonomy)],
                                              dependency: .taxonomyTerms(taxonomy.name), recorder: recorder)
            root["is_taxonomy"] = true
        case .term(let term, let number):
            templateName = "term"
            let paginator = Paginator(baseURLPath: term.urlPath, pageCount: term.pages.count, size: model.config.paginate)
            root["term"] = termObject(term, paginator: paginator, number: number, recorder: recorder)
            root["is_term"] = true
        case .notFound:
            templateName = "404"
            root["is_404"] = true
        case .feed(let section):
            templateName = "atom"
            root["feed"] = feedObject(section, urlPath: urlPath, recorder: recorder)
        case .sitemap:
            templateName = "sitemap"
            root["sitemap"] = sitemapObject(recorder: recorder)
        case .robots:
            templateName = "robots"
            recorder.record(.config("base_url"))
            root["robots"] = ["sitemap_url": values.permalink("/sitemap.xml")]
        case .alias(let page, _):
            templateName = "alias"
            recorder.record(.summaryField(page.sourcePath, "permalink"))
            root["alias"] = ["target_url": values.permalink(page.urlPath)]
        }
        root["site"] = values.siteObject(recorder: recorder, currentURLPath: urlPath)
        if templates.isBroken(templateName) { return nil }
        guard templates.has(templateName) else {
            let location = SourceLocation.ofInput(source)
            diagnostics.append(.error("template '\(templateName).mustache' not found" + (location == nil ? " (needed for the \(source))" : ""),
                                      at: location))
            return nil
        }
        for name in templates.names(reachedFrom: templateName) { recorder.record(.template(name)) }
        let text = templates.render(templateName, context: root)
        for asset in Set(missingAssets.names).sorted() {
            let location = templates.locate(asset) ?? SourceLocation(path: templates.sources[templateName]?.path ?? templateName)
            diagnostics.append(.error("asset '\(asset)' not found in assets/", at: location))
        }
        for asset in Set(missingAssets.withoutIntegrity).sorted() {
            let location = templates.locate(asset) ?? SourceLocation(path: templates.sources[templateName]?.path ?? templateName)
            diagnostics.append(.error("asset '\(asset)' has no integrity: only stylesheets, scripts and other text assets do", at: location))
        }
        let path = URLPath.outputFile(for: urlPath)
        var bytes = Array(text.utf8)
        var preloads: [PreloadEntry] = []
        if path.hasSuffix(".html") {
            preloads = preloader.entries(in: bytes)
            bytes = Preloader.inject(preloads, into: bytes)
        }
        if minify, let kind = Minifier.kind(forPath: path) { bytes = Minifier.minify(bytes, kind: kind) }
        var output = PlannedOutput(path: path, source: source, content: .bytes(bytes), dependencies: recorder.sorted)
        output.preloads = preloads
        return output
    }

    // MARK: Templates

    /// The template of a page: front matter `template`, else `<section-path>/page` from the page's section up to the
    /// top, else `page`. Every name tried is recorded, found or not.
    private func pageTemplate(_ page: Page, recorder: DependencyRecorder, diagnostics: inout [Diagnostic]) -> String? {
        if let name = page.frontMatter.template {
            let bare = name.hasSuffix(".mustache") ? String(name.dropLast(9)) : name
            recorder.record(.template(bare))
            if templates.has(bare) || templates.isBroken(bare) { return bare }
            diagnostics.append(.error("template '\(name)' not found in templates/", at: page.location(ofKey: "template"),
                                      sourceLine: page.sourceLine(page.location(ofKey: "template").line)))
            return nil
        }
        for folder in folderChain(page.sectionDirectory ?? "content") {
            recorder.record(.template(folder + "page"))
            if templates.has(folder + "page") || templates.isBroken(folder + "page") { return folder + "page" }
        }
        return "page"
    }

    private func sectionTemplate(_ section: Section, recorder: DependencyRecorder, diagnostics: inout [Diagnostic]) -> String? {
        if let index = section.index, let name = index.frontMatter.template {
            let bare = name.hasSuffix(".mustache") ? String(name.dropLast(9)) : name
            recorder.record(.template(bare))
            if templates.has(bare) || templates.isBroken(bare) { return bare }
            diagnostics.append(.error("template '\(name)' not found in templates/", at: index.location(ofKey: "template"),
                                      sourceLine: index.sourceLine(index.location(ofKey: "template").line)))
            return nil
        }
        if section.isRoot { return "home" }
        for folder in folderChain(section.directory) {
            recorder.record(.template(folder + "section"))
            if templates.has(folder + "section") || templates.isBroken(folder + "section") { return folder + "section" }
        }
        return "section"
    }

    /// `docs/guides/`, `docs/`, for `content/docs/guides`: where section-specific templates are looked for.
    private func folderChain(_ directory: String) -> [String] {
        var parts = directory.split(separator: "/").dropFirst().map(String.init)
        var chain: [String] = []
        while !parts.isEmpty {
            chain.append(parts.joined(separator: "/") + "/")
            parts.removeLast()
        }
        return chain
    }

    // MARK: Helpers

    /// The `asset`, `integrity`, `url` and `abs_url` lambdas; the returned box fills with the asset names that do
    /// not exist.
    private func addHelpers(to root: inout [String: Any], recorder: DependencyRecorder) -> MissingAssets {
        let assets = self.assets.assets
        let values = self.values
        let missing = MissingAssets()
        root["asset"] = MustacheLambda { (text: String) -> Any? in
            let name = text.trimmingSpaces
            recorder.record(.asset(name))
            guard let asset = assets[name] else {
                missing.names.append(name)
                return ""
            }
            return values.url(asset.urlPath)
        }
        root["integrity"] = MustacheLambda { (text: String) -> Any? in
            let name = text.trimmingSpaces
            recorder.record(.asset(name))
            guard let asset = assets[name] else {
                missing.names.append(name)
                return ""
            }
            guard let integrity = asset.integrity else {
                missing.withoutIntegrity.append(name)
                return ""
            }
            return integrity
        }
        root["url"] = MustacheLambda { (text: String) -> Any? in
            recorder.record(.config("base_url"))
            return values.url(URLPath.normalizeLink(text.trimmingSpaces))
        }
        root["abs_url"] = MustacheLambda { (text: String) -> Any? in
            recorder.record(.config("base_url"))
            return values.permalink(URLPath.normalizeLink(text.trimmingSpaces))
        }
        return missing
    }
}

/// Collects the asset names a render asked for that do not exist, from inside the helper lambdas.
final class MissingAssets: @unchecked Sendable {
    var names: [String] = []
    /// Assets asked for an `integrity` that have none (only text assets are read and digested).
    var withoutIntegrity: [String] = []
}
