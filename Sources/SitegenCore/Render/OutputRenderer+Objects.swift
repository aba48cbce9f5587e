/// The root objects of each kind of output: `page`, `section`, `term`, `feed`, `sitemap`.
extension OutputRenderer {
    func pageObject(_ page: Page, recorder: DependencyRecorder) -> RecordedObject {
        var values = values.summaries[page.sourcePath] ?? [:]
        var keyDependencies: [String: [Dependency]] = [:]
        let rendered = page.rendered
        values["content"] = rendered?.html ?? ""
        values["has_summary_more"] = rendered?.hasExplicitSummary ?? false
        let toc = tocTree(rendered?.headings ?? [])
        if !toc.isEmpty { values["toc"] = toc }
        values["has_toc"] = (rendered?.headings.filter { (2...4).contains($0.level) }.count ?? 0) >= 2
        var taxonomies: [String: Any] = [:]
        var taxonomyTerms: [Any] = []
        for name in model.config.taxonomies {
            let list = SiteValues.terms(of: page, in: name, config: model.config)
            if !list.isEmpty {
                taxonomies[name] = list
                taxonomyTerms.append(["name": name, "url": self.values.url("/\(name)/"), "terms": list] as [String: Any])
            }
        }
        values["taxonomies"] = taxonomies
        if !taxonomyTerms.isEmpty { values["taxonomy_terms"] = taxonomyTerms }
        if let directory = page.sectionDirectory, let section = model.sections[directory] {
            if !section.isRoot {
                values["section"] = ["title": section.title, "url": self.values.url(section.urlPath)]
                keyDependencies["section"] = self.values.sectionLinkDependencies(section)
            }
            if let position = section.pages.firstIndex(where: { $0 === page }) {
                if position > 0 {
                    values["previous"] = self.values.summaryObject(section.pages[position - 1], recorder: recorder)
                }
                if position + 1 < section.pages.count {
                    values["next"] = self.values.summaryObject(section.pages[position + 1], recorder: recorder)
                }
                keyDependencies["previous"] = [.neighbours(page.sourcePath)]
                keyDependencies["next"] = [.neighbours(page.sourcePath)]
            }
        }
        let crumbs = breadcrumbs(from: page.sectionDirectory)
        values["breadcrumbs"] = crumbs.values
        keyDependencies["breadcrumbs"] = crumbs.dependencies
        values["assets"] = page.bundleFiles.map { file -> [String: Any] in
            let name = String(file.dropFirst(page.directory.count + 1))
            return ["name": name, "url": self.values.url(page.urlPath + name)]
        }
        if let slug = page.frontMatter.slug { values["slug"] = slug }
        values["language"] = model.config.language
        return RecordedObject(values, dependency: nil, keyDependencies: keyDependencies, recorder: recorder)
    }

    func sectionObject(_ section: Section, paginator: Paginator, number: Int, recorder: DependencyRecorder) -> RecordedObject {
        var values = ValueMap()
        var keyDependencies: [String: [Dependency]] = [:]
        let ownSource: [Dependency] = section.index.map { [.file($0.sourcePath)] } ?? []
        values.set("title", section.title)
        values["url"] = self.values.url(section.urlPath)
        values["permalink"] = self.values.permalink(section.urlPath)
        values.set("description", section.index?.frontMatter.description)
        values.set("content", section.index?.rendered?.html)
        if model.hasFeed(section) { values["feed_url"] = self.values.url(section.urlPath + "atom.xml") }
        if let extra = section.index?.frontMatter.extra, !extra.isEmpty { values["extra"] = templateValue(extra) }
        for key in ["title", "url", "permalink", "description", "content", "extra"] { keyDependencies[key] = ownSource }
        let shown = Array(section.pages[paginator.range(ofPage: number)])
        values["pages"] = shown.map { self.values.summaryObject($0, recorder: recorder) }
        values["page_count"] = section.pages.count
        values.set("subsections", section.subsections.map { self.values.sectionLink($0) })
        keyDependencies["pages"] = [.sectionList(section.directory)]
        keyDependencies["page_count"] = [.sectionList(section.directory)]
        keyDependencies["subsections"] = [.sectionList(section.directory)]
            + section.subsections.flatMap(self.values.sectionLinkDependencies)
        values["paginator"] = paginatorValues(paginator, number: number)
        values["is_paginated"] = paginator.totalPages > 1
        keyDependencies["paginator"] = [.sectionList(section.directory)]
        keyDependencies["is_paginated"] = [.sectionList(section.directory)]
        let crumbs = breadcrumbs(from: section.parent?.directory)
        if !section.isRoot {
            values["breadcrumbs"] = crumbs.values
            keyDependencies["breadcrumbs"] = crumbs.dependencies
        }
        return RecordedObject(values.values, dependency: nil, keyDependencies: keyDependencies, recorder: recorder)
    }

    func termObject(_ term: Term, paginator: Paginator, number: Int, recorder: DependencyRecorder) -> RecordedObject {
        let shown = Array(term.pages[paginator.range(ofPage: number)])
        let values: [String: Any] = [
            "name": term.name,
            "url": self.values.url(term.urlPath),
            "permalink": self.values.permalink(term.urlPath),
            "taxonomy": ["name": term.taxonomy, "url": self.values.url("/\(term.taxonomy)/")],
            "pages": shown.map { self.values.summaryObject($0, recorder: recorder) },
            "page_count": term.pages.count,
            "paginator": paginatorValues(paginator, number: number),
            "is_paginated": paginator.totalPages > 1,
        ]
        return RecordedObject(values, dependency: .termPages(taxonomy: term.taxonomy, term: term.slug), recorder: recorder)
    }

    /// The newest 20 dated pages of a section and of its subsections (the home feed covers the whole site).
    func feedObject(_ section: Section, urlPath: String, recorder: DependencyRecorder) -> RecordedObject {
        recorder.record(.feedEntries(section.directory))
        let newest = Array(model.feedPages(of: section).prefix(OutputRenderer.feedSize))
        let entries = newest.map { page -> RecordedObject in
            let path = page.sourcePath
            var entry = ValueMap()
            entry.set("title", page.title)
            entry["permalink"] = self.values.permalink(page.urlPath)
            let date = page.frontMatter.date ?? PageDate(instant: 0)
            entry["date_rfc3339"] = date.rfc3339
            entry["updated_rfc3339"] = (page.frontMatter.updated ?? date).rfc3339
            entry.set("summary", page.summaryHTML)
            entry.set("author", model.config.author)
            // `updated_rfc3339` falls back to the date, so it reads both fields.
            return RecordedObject(entry.values, dependency: nil, keyDependencies: [
                "author": [.config("author")],
                "updated_rfc3339": [.summaryField(path, "updated_rfc3339"), .summaryField(path, "date_rfc3339")],
            ], dependencyForKey: { key in .summaryField(path, key) }, recorder: recorder)
        }
        let updated = newest.map { ($0.frontMatter.updated ?? $0.frontMatter.date ?? PageDate(instant: 0)) }.max() ?? PageDate(instant: 0)
        var values = ValueMap()
        values.set("title", section.isRoot ? model.config.title : "\(section.title) · \(model.config.title)")
        values["url"] = self.values.url(urlPath)
        values["permalink"] = self.values.permalink(urlPath)
        values["home_permalink"] = self.values.permalink(section.urlPath)
        values["updated_rfc3339"] = updated.rfc3339
        values["entries"] = entries
        let titleDependencies: [Dependency] = [.config("title")] + (section.index.map { [.summaryField($0.sourcePath, "title")] } ?? [])
        return RecordedObject(values.values, dependency: .feedEntries(section.directory),
                              keyDependencies: ["title": titleDependencies,
                                                "updated_rfc3339": newest.flatMap { [.summaryField($0.sourcePath, "date_rfc3339"),
                                                                                   .summaryField($0.sourcePath, "updated_rfc3339")] }],
                              recorder: recorder)
    }

    func sitemapObject(recorder: DependencyRecorder) -> [String: Any] {
        var entries: [(String, String)] = []
        recorder.record(.sectionList("content"))
        for page in model.pages {
            for field in ["permalink", "date_iso", "updated_iso"] { recorder.record(.summaryField(page.sourcePath, field)) }
            let date = page.frontMatter.updated ?? page.frontMatter.date
            entries.append((page.urlPath, date?.isoDay ?? ""))
        }
        for section in model.sortedSections {
            recorder.record(.sectionList(section.directory))
            let newest = section.pages.compactMap { $0.frontMatter.updated ?? $0.frontMatter.date }.max()
            entries.append((section.urlPath, newest?.isoDay ?? ""))
        }
        for taxonomy in model.taxonomies {
            recorder.record(.taxonomyTerms(taxonomy.name))
            entries.append((taxonomy.urlPath, ""))
            for term in taxonomy.terms { entries.append((term.urlPath, "")) }
        }
        let sorted = entries.sorted { $0.0 < $1.0 }
        return ["entries": sorted.map { entry -> [String: Any] in
            var item = ValueMap()
            item["permalink"] = values.permalink(entry.0)
            item.set("lastmod", entry.1)
            return item.values
        }]
    }

    func paginatorValues(_ paginator: Paginator, number: Int) -> [String: Any] {
        var values = ValueMap()
        values["current"] = number
        values["total"] = paginator.totalPages
        values["has_previous"] = number > 1
        values["has_next"] = number < paginator.totalPages
        if number > 1 { values["previous_url"] = self.values.url(paginator.urlPath(ofPage: number - 1)) }
        if number < paginator.totalPages { values["next_url"] = self.values.url(paginator.urlPath(ofPage: number + 1)) }
        values["first_url"] = self.values.url(paginator.urlPath(ofPage: 1))
        values["last_url"] = self.values.url(paginator.urlPath(ofPage: paginator.totalPages))
        values["numbers"] = Paginator.window(current: number, total: paginator.totalPages).map { n -> [String: Any] in
            guard let n else { return ["is_gap": true] }
            return ["number": n, "url": self.values.url(paginator.urlPath(ofPage: n)), "is_current": n == number]
        }
        return values.values
    }

    /// Home, then each section down to `directory`.
    func breadcrumbs(from directory: String?) -> (values: [Any], dependencies: [Dependency]) {
        guard let directory, let section = model.sections[directory] else { return ([], []) }
        var chain = section.ancestors
        if !section.isRoot { chain.append(section) }
        var values: [Any] = [["title": model.config.title, "url": self.values.url("/")] as [String: Any]]
        var dependencies: [Dependency] = [.config("title")]
        for link in chain {
            values.append(["title": link.title, "url": self.values.url(link.urlPath)] as [String: Any])
            dependencies.append(contentsOf: self.values.sectionLinkDependencies(link))
        }
        return (values, dependencies)
    }

    /// Nests headings of the TOC levels under their nearest shallower heading.
    func tocTree(_ headings: [MarkdownHeading]) -> [Any] {
        final class Node {
            let heading: MarkdownHeading
            var children: [Node] = []
            init(_ heading: MarkdownHeading) { self.heading = heading }
            var value: [String: Any] {
                var v: [String: Any] = ["level": heading.level, "id": heading.id, "title": heading.title]
                if !children.isEmpty { v["children"] = children.map(\.value) }
                return v
            }
        }
        var roots: [Node] = []
        var stack: [Node] = []
        for heading in headings where (2...4).contains(heading.level) {
            let node = Node(heading)
            while let last = stack.last, last.heading.level >= heading.level { stack.removeLast() }
            if let parent = stack.last { parent.children.append(node) } else { roots.append(node) }
            stack.append(node)
        }
        return roots.map(\.value)
    }
}
