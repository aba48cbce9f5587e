/// The site's assets: the theme's (`templates/assets/` of the built-in theme) with the site's `assets/` laid over
/// them, each with the URL it is published at. Templates reach them through the `asset` helper.
struct AssetCatalog {
    /// Logical path (`css/site.css`) to URL path (`/css/site.css`).
    var urls: [String: String] = [:]
    var outputs: [PlannedOutput] = []

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
            outputs.append(PlannedOutput(path: logical, source: sources[logical]!, content: chosen[logical]!,
                                         dependencies: [.file(sources[logical]!)]))
        }
    }
}
