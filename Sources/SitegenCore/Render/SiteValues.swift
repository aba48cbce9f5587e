/// The template values that do not depend on which output is being rendered: page summaries, the `site` object, the
/// data files. Computed once per build, shared by every render (read-only), and wrapped per render in
/// `RecordedObject`s so each render still records exactly what it read.
final class SiteValues: @unchecked Sendable {
    let model: SiteModel
    let config: SiteConfig
    /// Page summary dictionaries by source path.
    private(set) var summaries: [String: [String: Any]] = [:]
    /// The `site` object's values and the dependencies of each key.
    private(set) var site: [String: Any] = [:]
    private(set) var siteDependencies: [String: [Dependency]] = [:]

    private let data: [String: Any]
    private let jobs: Int

    init(model: SiteModel, data: [String: Any], jobs: Int) {
        self.model = model
        self.config = model.config
        self.data = data
        self.jobs = jobs
    }

    /// Computes the summary records and the `site` object, once every body is rendered (summaries show bodies).
    func computeSummaries() {
        let all = model.pagesBySource.keys.sorted()
        let built = parallelMap(all, jobs: jobs) { [model] path in SiteValues.summary(of: model.pagesBySource[path]!, model: model) }
        for (path, summary) in zip(all, built) { summaries[path] = summary }
        buildSite(data: data)
    }

    func url(_ urlPath: String) -> String { config.basePath + urlPath }
    func permalink(_ urlPath: String) -> String { config.baseURL + urlPath }

    /// A page summary for a list, recording each field a template reads.
    func summaryObject(_ page: Page, recorder: DependencyRecorder) -> RecordedObject {
        let path = page.sourcePath
        return RecordedObject(summaries[path] ?? [:], dependency: nil, dependencyForKey: { .summaryField(path, $0) }, recorder: recorder)
    }

    /// The dependencies of a section link (`title`, `url`, `description`, `page_count`): its index page's fields and
    /// its list.
    func sectionLinkDependencies(_ section: Section) -> [Dependency] {
        var dependencies: [Dependency] = [.sectionList(section.directory)]
        if let index = section.index {
            dependencies.append(.summaryField(index.sourcePath, "title"))
            dependencies.append(.summaryField(index.sourcePath, "description"))
        }
        return dependencies
    }

    /// The `site` object for a render of the output at `currentURLPath`: menu and section links say whether they
    /// are the current one (`is_current`), which Mustache cannot work out by comparing URLs itself.
    func siteObject(recorder: DependencyRecorder, currentURLPath: String) -> RecordedObject {
        var values = site
        values["menu"] = config.menu.map { entry -> [String: Any] in
            let external = entry.url.contains("://")
            let target = external ? entry.url : URLPath.normalize(entry.url)
            return ["name": entry.name, "url": external ? entry.url : url(target), "is_external": external,
                    "is_current": !external && isCurrent(target, currentURLPath)]
        }
        let sections = model.root.subsections.map { section -> [String: Any] in
            var link = sectionLink(section)
            link["is_current"] = isCurrent(section.urlPath, currentURLPath)
            return link
        }
        values["sections"] = sections.isEmpty ? nil : sections
        let recent = model.recent
        values["recent"] = recent.isEmpty ? nil : recent.map { summaryObject($0, recorder: recorder) }
        return RecordedObject(values, dependency: nil, keyDependencies: siteDependencies, recorder: recorder)
    }

    /// A link is current on its own page and on every page below it (a section link stays current on its pages);
    /// the home link only on the home page.
    private func isCurrent(_ target: String, _ current: String) -> Bool {
        target == "/" ? current == "/" : current.hasPrefix(target)
    }

    private static func summary(of page: Page, model: SiteModel) -> [String: Any] {
        let config = model.config
        var values = ValueMap()
        values.set("title", page.title)
        values["url"] = config.basePath + page.urlPath
        values["permalink"] = config.baseURL + page.urlPath
        values.set("description", page.frontMatter.description)
        values.set("summary", page.summaryHTML)
        if let date = page.frontMatter.date {
            values["date"] = date.formatted(config.dateFormat)
            values["date_iso"] = date.isoDay
            values["date_rfc3339"] = date.rfc3339
            values["has_date"] = true
        }
        let words = page.rendered?.wordCount ?? 0
        values["word_count"] = words
        values["reading_time"] = max(1, (words + 199) / 200)
        values.set("tags", terms(of: page, in: "tags", config: config))
        if let updated = page.frontMatter.updated {
            values["updated"] = updated.formatted(config.dateFormat)
            values["updated_iso"] = updated.isoDay
            values["updated_rfc3339"] = updated.rfc3339
            values["has_updated"] = true
        }
        values["draft"] = page.frontMatter.draft
        values["weight"] = page.frontMatter.weight
        if let directory = page.sectionDirectory, directory != "content", let section = model.sections[directory] {
            values.set("section_title", section.title)
            values["section_url"] = config.basePath + section.urlPath
        }
        if !page.frontMatter.extra.isEmpty { values["extra"] = templateValue(page.frontMatter.extra) }
        return values.values
    }

    static func terms(of page: Page, in taxonomy: String, config: SiteConfig) -> [Any] {
        (page.frontMatter.taxonomies[taxonomy] ?? []).compactMap { name in
            let slug = Slug.make(name)
            return slug.isEmpty ? nil : ["name": name.trimmingSpaces, "url": config.basePath + "/\(taxonomy)/\(slug)/"] as [String: Any]
        }
    }

    private func buildSite(data: [String: Any]) {
        var values = ValueMap()
        var deps: [String: [Dependency]] = [:]
        func put(_ key: String, _ value: String, _ dependency: Dependency) {
            values.set(key, value)
            deps[key] = [dependency]
        }
        put("title", config.title, .config("title"))
        put("description", config.description, .config("description"))
        put("author", config.author, .config("author"))
        put("language", config.language, .config("language"))
        put("base_url", config.baseURL, .config("base_url"))
        put("home_url", url("/"), .config("base_url"))
        put("generator", "sitegen", .config("base_url"))
        deps["menu"] = [.config("menu"), .config("base_url")]
        let top = model.root.subsections
        deps["sections"] = [.sectionList("content")] + top.flatMap(sectionLinkDependencies)

        values.set("taxonomies", model.taxonomies.map { taxonomy -> [String: Any] in
            ["name": taxonomy.name, "url": url(taxonomy.urlPath), "terms": termList(taxonomy)]
        })
        deps["taxonomies"] = model.taxonomies.map { .taxonomyTerms($0.name) }

        deps["recent"] = [.recentPages]
        if let newest = model.newestDate {
            values["copyright_year"] = newest.year
        }
        deps["copyright_year"] = [.recentPages]

        values["data"] = data
        deps["data"] = [.data]
        if !config.extra.isEmpty { values["extra"] = templateValue(config.extra) }
        deps["extra"] = [.config("extra")]
        if config.feeds { values["feed_url"] = url("/atom.xml") }
        deps["feed_url"] = [.config("build"), .config("base_url")]
        site = values.values
        siteDependencies = deps
    }

    func sectionLink(_ section: Section) -> [String: Any] {
        var values = ValueMap()
        values.set("title", section.title)
        values["url"] = url(section.urlPath)
        values["permalink"] = permalink(section.urlPath)
        values.set("description", section.index?.frontMatter.description)
        values["page_count"] = section.pages.count
        return values.values
    }

    func termList(_ taxonomy: Taxonomy) -> [Any] {
        taxonomy.terms.map {
            ["name": $0.name, "url": url($0.urlPath), "permalink": permalink($0.urlPath), "count": $0.pages.count] as [String: Any]
        }
    }
}
