/// The site's assets: the theme's (`templates/assets/` of the built-in theme) with the site's `assets/` laid over
/// them, each with the URL it is published at. Templates reach them through the `asset` helper.
///
/// Every file of the site's own `assets/` is published; a theme asset only when a template asks for it, so a site
/// with its own templates does not ship the default theme's stylesheet.
struct AssetCatalog {
    /// Logical path (`css/site.css`) to URL path (`/css/site.css`).
    var urls: [String: String] = [:]
    private var outputsByName: [String: PlannedOutput] = [:]
    private var themeOnly: Set<String> = []

    /// The outputs to publish, given the asset names that renders asked for.
    func outputs(referenced: Set<String>) -> [PlannedOutput] {
        outputsByName.keys.sorted().filter { !themeOnly.contains($0) || referenced.contains($0) }.map { outputsByName[$0]! }
    }

    init(themeFiles: [String: [UInt8]], siteAssets: [String]) {
        var chosen: [String: PlannedOutput.Content] = [:]
        var sources: [String: String] = [:]
        for name in themeFiles.keys where name.hasPrefix("assets/") {
            let logical = String(name.dropFirst("assets/".count))
            chosen[logical] = .themeFile(name)
            sources[logical] = TemplateSet.themePrefix + name
        }
        for path in siteAssets {
            let logical = String(path.dropFirst("assets/".count))
            chosen[logical] = .copy(path)
            sources[logical] = path
        }
        for logical in chosen.keys.sorted() {
            urls[logical] = "/" + logical
            if case .themeFile = chosen[logical]! { themeOnly.insert(logical) }
            outputsByName[logical] = PlannedOutput(path: logical, source: sources[logical]!, content: chosen[logical]!,
                                                   dependencies: [.file(sources[logical]!)])
        }
    }
}
