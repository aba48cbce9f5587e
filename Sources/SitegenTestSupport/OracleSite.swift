import SitegenCore

/// A generated site that a randomized test edits step by step: sections (one nested), pages with tags, categories,
/// dates, weights, links to each other's headings, page bundles with files, template and partial overrides of the
/// built-in theme, data files read by a template, assets, static files and config. Every edit is one a writer makes
/// (see `Edit`), drawn from a seeded generator, and described in words so a failing step can be replayed.
public final class OracleSite {
    /// One page as the generator knows it; its file text is rendered from this.
    struct PageSpec {
        var section: String
        var name: String
        var bundle: Bool
        var title: String
        var day: Int?
        var tags: [String]
        var categories: [String]
        var weight: Int
        var draft: Bool
        var slug: String?
        var paragraphs: [String]
        var links: [String]
        var more: Bool

        var path: String {
            let folder = section.isEmpty ? "content" : "content/" + section
            return bundle ? "\(folder)/\(name)/index.md" : "\(folder)/\(name).md"
        }
    }

    public let fileSystem: FileSystem
    public let root: String
    private var rng: SplitMix64
    private var pages: [String: PageSpec] = [:]
    private var sections: [String] = []
    private var counter = 0
    /// A page whose front matter is currently broken; the next edit repairs it.
    private var broken: String?
    private var config = (title: "Oracle", paginate: 4, extra: "one", dateFormat: "%B %-d, %Y", menu: true, brotli: 3 as Int?)

    static let tagPool = ["swift", "linux", "web", "performance", "design", "release", "howto", "notes"]
    static let words = ["graph", "build", "page", "cache", "hash", "render", "list", "feed", "theme", "edit", "file",
                        "output", "clean", "fast", "minimal", "section", "tag", "link", "anchor", "bundle"]

    public init(seed: UInt64, pageCount: Int, fileSystem: FileSystem, root: String) {
        self.fileSystem = fileSystem
        self.root = root
        rng = SplitMix64(seed: seed)
        sections = ["blog", "docs", "docs/guides", "news"]
        for _ in 0..<pageCount { addPage(in: rng.pick([""] + sections)) }
        writeAll()
    }

    // MARK: Files

    private func write(_ path: String, _ text: String) {
        try! fileSystem.writeAtomically(Array(text.utf8), to: root + "/" + path)
    }

    private func remove(_ path: String) {
        try? fileSystem.removeTree(root + "/" + path)
    }

    private func writeAll() {
        writeConfig()
        write("content/_index.md", "---\ntitle: Home\n---\nWelcome to the oracle site.\n")
        for section in sections { writeSectionIndex(section) }
        for spec in pages.values { write(spec.path, text(of: spec)) }
        write("data/authors.yaml", "- name: Ada\n- name: Grace\n")
        write("assets/css/extra.css", "@import \"parts.css\";\nbody { margin: 0; }\n")
        write("assets/css/parts.css", ".mark { background: url(../img/mark.svg); }\n@font-face { font-family: F; src: url(\"/fonts/f.woff2\"); }\n")
        write("assets/img/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>\n")
        write("assets/fonts/f.woff2", "font bytes\n")
        write("static/files/readme.txt", "static file\n")
        write("templates/blog/page.mustache", "{{<page}}{{/page}}\n<!-- blog page override -->\n")
    }

    private func writeConfig() {
        var text = "title = \"\(config.title)\"\nbase_url = \"https://oracle.example\"\ndate_format = \"\(config.dateFormat)\"\n"
        text += "[build]\npaginate = \(config.paginate)\ntaxonomies = [\"tags\", \"categories\"]\n"
        if config.menu { text += "[[menu]]\nname = \"Blog\"\nurl = \"/blog/\"\nweight = 1\n" }
        // Compression settings (used when the oracle builds with compression): changing them renders nothing again.
        text += "[compress]\nbrotli = \(config.brotli.map(String.init) ?? "false")\ngzip = 6\nmin_size = 64\n"
        text += "[extra]\nflavour = \"\(config.extra)\"\n"
        write("sitegen.toml", text)
    }

    private func writeSectionIndex(_ section: String) {
        let sort = section == "docs" ? "weight" : "date"
        write("content/\(section)/_index.md", "---\ntitle: \(section.capitalized) section\nsort_by: \(sort)\n---\nAbout \(section).\n")
    }

    private func text(of spec: PageSpec) -> String {
        var lines = ["---", "title: \"\(spec.title)\""]
        if let day = spec.day { lines.append("date: 2026-\(pad((day / 28) % 12 + 1))-\(pad(day % 28 + 1))") }
        if !spec.tags.isEmpty { lines.append("tags: [\(spec.tags.joined(separator: ", "))]") }
        if !spec.categories.isEmpty { lines.append("categories: [\(spec.categories.joined(separator: ", "))]") }
        if spec.weight != 0 { lines.append("weight: \(spec.weight)") }
        if spec.draft { lines.append("draft: true") }
        if let slug = spec.slug { lines.append("slug: \(slug)") }
        lines.append("---")
        var body: [String] = []
        for (index, paragraph) in spec.paragraphs.enumerated() {
            body.append(paragraph)
            if index == 0 && spec.more { body.append("<!--more-->") }
            if index == 0 { body.append("## Details") }
        }
        for target in spec.links {
            guard let targetSpec = pages[target] else {
                body.append("A link to [a page that is gone](\(relative(from: spec.path, to: target))).")
                continue
            }
            body.append("See [\(targetSpec.title)](\(relative(from: spec.path, to: target))#details).")
        }
        return lines.joined(separator: "\n") + "\n" + body.joined(separator: "\n\n") + "\n"
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A relative link from one content file to another, as a writer would type it.
    private func relative(from source: String, to target: String) -> String {
        let from = source.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count && common < to.count - 1 && from[from.startIndex + common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }

    // MARK: Random content

    private func sentence() -> String {
        (0..<Int.random(in: 4...12, using: &rng)).map { _ in rng.pick(Self.words) }.joined(separator: " ").capitalized + "."
    }

    @discardableResult
    private func addPage(in section: String) -> String {
        counter += 1
        let spec = PageSpec(
            section: section, name: "page-\(counter)", bundle: rng.chance(0.1), title: "Page \(counter) about \(rng.pick(Self.words))",
            day: rng.chance(0.85) ? Int.random(in: 0..<300, using: &rng) : nil,
            tags: Array(Set((0..<Int.random(in: 0...3, using: &rng)).map { _ in rng.pick(Self.tagPool) })).sorted(),
            categories: rng.chance(0.3) ? [rng.pick(["news", "guide"])] : [], weight: Int.random(in: 0...5, using: &rng),
            draft: rng.chance(0.05), slug: nil, paragraphs: (0..<Int.random(in: 1...4, using: &rng)).map { _ in sentence() },
            links: [], more: rng.chance(0.3))
        var created = spec
        if !pages.isEmpty && rng.chance(0.6) { created.links = [rng.pick(Array(pages.keys).sorted())] }
        pages[created.path] = created
        if created.bundle { write(created.path.replacingOccurrences(of: "index.md", with: "image.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n") }
        return created.path
    }

    private func randomPage() -> String? { pages.isEmpty ? nil : rng.pick(Array(pages.keys).sorted()) }

    private func update(_ path: String, _ change: (inout PageSpec) -> Void) {
        guard var spec = pages[path] else { return }
        change(&spec)
        pages[path] = spec
        write(path, text(of: spec))
    }

    private func delete(_ path: String) {
        guard let spec = pages.removeValue(forKey: path) else { return }
        remove(spec.bundle ? String(path.dropLast("/index.md".count)) : path)
    }

    // MARK: Edits

    /// Applies one random edit and says what it was.
    public func randomEdit() -> String {
        if let path = broken {
            broken = nil
            if let spec = pages[path] { write(path, text(of: spec)) }
            return "repair the front matter of \(path)"
        }
        let roll = Int.random(in: 0..<100, using: &rng)
        guard let page = randomPage() else { addPage(in: "blog"); return "add a page" }
        switch roll {
        case 0..<18:
            update(page) { $0.paragraphs[Int.random(in: 0..<$0.paragraphs.count, using: &rng)] = sentence() }
            return "edit the body of \(page)"
        case 18..<24:
            update(page) { $0.title = "Retitled \(counter) \(rng.pick(Self.words))"; counter += 1 }
            return "retitle \(page)"
        case 24..<29:
            update(page) { $0.day = rng.chance(0.9) ? Int.random(in: 0..<300, using: &rng) : nil }
            return "change the date of \(page)"
        case 29..<34:
            update(page) { $0.tags = Array(Set((0..<Int.random(in: 0...3, using: &rng)).map { _ in rng.pick(Self.tagPool) })).sorted() }
            return "change the tags of \(page)"
        case 34..<37:
            update(page) { $0.weight = Int.random(in: -2...6, using: &rng) }
            return "change the weight of \(page)"
        case 37..<40:
            update(page) { $0.draft.toggle() }
            return "toggle draft on \(page)"
        case 40..<43:
            update(page) { $0.slug = $0.slug == nil ? "slug-\(counter)" : nil; counter += 1 }
            return "set or clear the slug of \(page)"
        case 43..<46:
            broken = page
            write(page, "---\ntitle: [unclosed\n---\nBroken.\n")
            return "break the front matter of \(page)"
        case 46..<52:
            let path = addPage(in: rng.pick([""] + sections))
            write(path, text(of: pages[path]!))
            return "add \(path)"
        case 52..<56:
            delete(page)
            return "delete \(page)"
        case 56..<60, 60..<63:
            guard var spec = pages[page] else { return "nothing" }
            delete(page)
            if roll < 60 {
                counter += 1
                spec.name = "renamed-\(counter)"
            } else {
                spec.section = rng.pick([""] + sections)
            }
            pages[spec.path] = spec
            write(spec.path, text(of: spec))
            if spec.bundle { write(spec.path.replacingOccurrences(of: "index.md", with: "image.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n") }
            return (roll < 60 ? "rename " : "move ") + "\(page) to \(spec.path)"
        case 63..<66:
            if sections.contains("extra"), rng.chance(0.5) {
                for path in pages.keys where pages[path]!.section == "extra" { pages[path] = nil }
                sections.removeAll { $0 == "extra" }
                remove("content/extra")
                return "remove the section content/extra"
            }
            if !sections.contains("extra") {
                sections.append("extra")
                writeSectionIndex("extra")
                for _ in 0..<2 { let path = addPage(in: "extra"); write(path, text(of: pages[path]!)) }
                return "add the section content/extra"
            }
            update(page) { $0.links.append("content/extra/missing.md") }
            return "add a broken link to \(page)"
        case 66..<70:
            let override = "templates/partials/page-meta.mustache"
            let theme = String(decoding: BuiltinTheme.files["partials/page-meta.mustache"] ?? [], as: UTF8.self)
            write(override, theme + "<!-- meta override \(counter) -->\n")
            counter += 1
            return "edit the partial override \(override)"
        case 70..<73:
            let override = "templates/partials/footer.mustache"
            if fileSystem.exists(root + "/" + override) {
                remove(override)
                return "remove the theme override \(override)"
            }
            write(override, "<footer>{{site.title}} by {{#site.data.authors}}{{name}} {{/site.data.authors}}· {{site.extra.flavour}}</footer>\n")
            return "add the theme override \(override)"
        case 73..<75:
            if fileSystem.exists(root + "/templates/blog/page.mustache") {
                remove("templates/blog/page.mustache")
                return "remove templates/blog/page.mustache"
            }
            write("templates/blog/page.mustache", "{{<page}}{{/page}}\n<!-- blog page override \(counter) -->\n")
            return "add templates/blog/page.mustache"
        case 75..<78:
            write("data/authors.yaml", "- name: \(rng.pick(["Ada", "Grace", "Linus", "Barbara"]))\n- name: Grace\n")
            return "edit data/authors.yaml"
        case 78..<84:
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: config.title = "Oracle \(counter)"; counter += 1
            case 1: config.extra = rng.pick(["one", "two", "three"])
            case 2: config.paginate = Int.random(in: 2...6, using: &rng)
            case 3: config.dateFormat = rng.pick(["%B %-d, %Y", "%Y-%m-%d"])
            case 4: config.brotli = rng.pick([nil, 1, 3])
            default: config.menu.toggle()
            }
            writeConfig()
            return "edit sitegen.toml"
        case 84..<88:
            if rng.chance(0.5) {
                write("assets/css/extra.css", "@import \"parts.css\";\nbody { margin: \(Int.random(in: 0...9, using: &rng))px; }\n")
                return "edit assets/css/extra.css"
            }
            if rng.chance(0.3) {
                write("assets/img/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"\(Int.random(in: 1...9, using: &rng))\" height=\"1\"/></svg>\n")
                return "edit assets/img/mark.svg (named by a stylesheet that another one imports)"
            }
            if fileSystem.exists(root + "/assets/css/sitegen.css") {
                remove("assets/css/sitegen.css")
                return "remove the override of the theme stylesheet"
            }
            write("assets/css/sitegen.css", "body { color: red; }\n")
            return "override the theme stylesheet"
        case 88..<92:
            let path = "static/extra-\(Int.random(in: 0..<3, using: &rng)).txt"
            if fileSystem.exists(root + "/" + path) {
                remove(path)
                return "delete \(path)"
            }
            write(path, "extra \(counter)\n")
            return "add \(path)"
        case 92..<96:
            if let spec = pages[page] { write(page, text(of: spec)) }
            return "touch \(page) without changing it"
        default:
            if let bundle = pages.values.first(where: \.bundle) {
                let file = bundle.path.replacingOccurrences(of: "index.md", with: "extra.txt")
                if fileSystem.exists(root + "/" + file) { remove(file); return "remove \(file)" }
                write(file, "bundle file\n")
                return "add \(file)"
            }
            update(page) { $0.more.toggle() }
            return "toggle the summary marker of \(page)"
        }
    }
}
