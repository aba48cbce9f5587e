/// A file the build will publish: rendered bytes, or a copy of an input file.
public struct PlannedOutput: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// A site-relative input path copied as it is (static files, assets, bundle files), or a theme file.
        case copy(String)
        case themeFile(String)
    }

    /// Path relative to the output folder: `blog/hello/index.html`.
    public var path: String
    /// The input this output comes from, named when two outputs collide.
    public var source: String
    public var content: Content
    /// What the render read, for the incremental graph.
    public var dependencies: [Dependency]
    /// For an HTML page, what it needs first (`preload-manifest.json`, `_headers`).
    public var preloads: [PreloadEntry] = []

    public init(path: String, source: String, content: Content, dependencies: [Dependency] = []) {
        self.path = path
        self.source = source
        self.content = content
        self.dependencies = dependencies
    }
}
