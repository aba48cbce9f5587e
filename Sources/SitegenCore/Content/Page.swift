/// One markdown file of `content/`: a page, or the `_index.md` of a section.
public final class Page: @unchecked Sendable {
    public enum Kind: Sendable { case page, section }

    /// Site-relative source path: `content/blog/hello.md`.
    public let sourcePath: String
    public let kind: Kind
    public let frontMatter: FrontMatter
    /// The markdown body and the file line it starts on. Empty for a page restored from the build graph until its
    /// body is needed again.
    var body: String
    let bodyLine: Int
    /// The whole file text, for showing source lines under diagnostics; read again on demand for a restored page.
    private var loadedFileText: String?
    private let fileTextLoader: (@Sendable () -> String)?
    /// Where each front-matter key was written, in file coordinates, for diagnostics about values.
    let keyPositions: [String: TextPosition]
    /// Warnings found while loading the file (unknown front matter keys), kept so an incremental build that does not
    /// load the file again still reports them.
    var loadDiagnostics: [Diagnostic] = []
    /// The XXH3 hash of the file.
    var sourceHash: UInt64 = 0

    /// Site-relative path of the section this page lists under ("content" for the root section). For a section's
    /// own `_index.md`, its parent section (nil for the home page).
    var sectionDirectory: String?
    /// Root-relative URL without the base path, e.g. `/blog/hello/`.
    var urlPath = "/"
    /// Files of a page bundle (site-relative), published beside the page.
    var bundleFiles: [String] = []
    var rendered: RenderedMarkdown?
    var summaryHTML = ""
    /// Whether `rendered.html` holds this build's body; false for a page restored from the graph, whose summary,
    /// headings and links are known but whose HTML is rendered again only if an output needs it.
    var hasHTML = false
    /// The hash of everything the body render produced, and what that render read (with the facts' hashes).
    var bodyHash: UInt64 = 0
    var bodyDependencies: [Dependency] = []

    init(sourcePath: String, kind: Kind, frontMatter: FrontMatter, body: String, bodyLine: Int, fileText: String,
         keyPositions: [String: TextPosition]) {
        self.sourcePath = sourcePath
        self.kind = kind
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.loadedFileText = fileText
        self.fileTextLoader = nil
        self.keyPositions = keyPositions
    }

    /// A page restored from the graph, whose text is read again only if a diagnostic needs a source line.
    init(sourcePath: String, kind: Kind, frontMatter: FrontMatter, bodyLine: Int, keyPositions: [String: TextPosition],
         fileTextLoader: @escaping @Sendable () -> String) {
        self.sourcePath = sourcePath
        self.kind = kind
        self.frontMatter = frontMatter
        self.body = ""
        self.bodyLine = bodyLine
        self.loadedFileText = nil
        self.fileTextLoader = fileTextLoader
        self.keyPositions = keyPositions
    }

    var fileText: String {
        if let loadedFileText { return loadedFileText }
        let text = fileTextLoader?() ?? ""
        loadedFileText = text
        return text
    }

    /// The folder of the source file (`content/blog`).
    var directory: String { parentPath(sourcePath) }

    /// `index.md` in a folder makes the folder a page bundle: the page and its files share one URL folder.
    var isBundle: Bool { kind == .page && lastPathComponent(sourcePath) == "index.md" }

    public var title: String {
        if let title = frontMatter.title { return title }
        let stem = isBundle || kind == .section ? lastPathComponent(directory) : fileStem(sourcePath)
        return stem == "content" ? "" : stem
    }

    /// Where a front-matter key was written, or the top of the file.
    func location(ofKey key: String) -> SourceLocation {
        let position = keyPositions[key] ?? TextPosition(line: 1, column: 1)
        return SourceLocation(path: sourcePath, line: position.line, column: position.column)
    }

    func sourceLine(_ number: Int) -> String? { line(number, of: fileText) }
}

/// The file name without its extension.
func fileStem(_ path: String) -> String {
    let name = lastPathComponent(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
}

/// The extension of a file name, lowercased, without the dot.
func fileExtension(_ path: String) -> String {
    let name = lastPathComponent(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
}
