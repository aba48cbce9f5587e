/// The site's settings from `sitegen.toml`, after validation and after the command line's overrides.
///
/// Everything here can change output, so the incremental graph treats the parsed table's keys as inputs that pages
/// record when they read them.
public struct SiteConfig: Hashable, Sendable {
    public var title = "My site"
    /// Absolute, without a trailing slash: `https://example.com` or `https://example.com/docs`.
    public var baseURL = "http://localhost"
    public var language = "en"
    public var description = ""
    public var author = ""
    public var dateFormat = "%B %-d, %Y"

    public var outputDir = "public"
    public var drafts = false
    public var future = false
    public var paginate = 10
    public var taxonomies = ["tags"]
    public var sort: SortOrder = .date
    public var feeds = true

    /// Minify rendered HTML and XML, and text assets (CSS, JS, SVG, JSON).
    public var minify = true
    /// Publish assets as `name.<hash>.ext`.
    public var fingerprint = true
    public var compression = CompressionSettings()

    public var unsafeHTML = true
    public var smartPunctuation = true

    public var menu: [MenuEntry] = []
    public var extra = DataTable()

    public init() {}

    /// The path part of the base URL (`/docs` for `https://example.com/docs`, "" for a root site), prefixed to every
    /// root-relative URL so that a site can live in a subfolder of its host.
    public var basePath: String {
        guard let scheme = baseURL.range(of: "://") else { return "" }
        let afterHost = baseURL[scheme.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "" }
        var path = String(afterHost[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The scheme and host part of the base URL.
    public var origin: String {
        let path = basePath
        return path.isEmpty ? baseURL : String(baseURL.dropLast(path.count))
    }
}

/// How the pages of a list are ordered.
public enum SortOrder: String, Hashable, Sendable, CaseIterable {
    /// Newest first, then by title.
    case date
    /// Lightest first, then by title.
    case weight
    /// Alphabetical.
    case title
}

/// One item of the site's navigation menu (`[[menu]]` in config).
public struct MenuEntry: Hashable, Sendable {
    public var name: String
    public var url: String
    public var weight: Int

    public init(name: String, url: String, weight: Int) {
        self.name = name
        self.url = url
        self.weight = weight
    }
}

/// The `[compress]` table: which precompressed siblings (`.br`, `.gz`) outputs get.
public struct CompressionSettings: Hashable, Sendable {
    /// Brotli quality 0...11, nil for no `.br` files.
    public var brotli: Int? = 11
    /// gzip level 1...12 (libdeflate's scale, where 12 is smallest), nil for no `.gz` files.
    public var gzip: Int? = 12
    /// Outputs smaller than this many bytes are not compressed: the saving does not pay for a second request path.
    public var minSize = 256

    public init() {}

    public static let off: CompressionSettings = {
        var settings = CompressionSettings()
        settings.brotli = nil
        settings.gzip = nil
        return settings
    }()

    public var isOff: Bool { brotli == nil && gzip == nil }
}
