/// One markdown file of `content/`: a page, or the `_index.md` of a section.
public final class Page: @unchecked Sendable {
    public enum Kind: Sendable { case page, section }

    /// Site-relative source path: `content/blog/hello.md`.
    public let sourcePath: String
    public let kind: Kind
    public let frontMatter: FrontMatter
    /// The markdown body and the file line it starts on.
    let body: String
    let bodyLine: Int
    /// The whole file text, for showing source lines under diagnostics.
    let fileText: String
    /// Where each front-matter key was written, in file coordinates, for diagnostics about values.
    let keyPositions: [String: TextPosition]

    /// Site-relative path of the section this page lists under ("content" for the root section). For a section's
    /// own `_index.md`, its parent section (nil for the home page).
    var sectionDirectory: String?
    /// Root-relative URL without the base path, e.g. `/blog/hello/`.
    var urlPath = "/"
    /// Files of a page bundle (site-relative), published beside the page.
    var bundleFiles: [String] = []
    var rendered: RenderedMarkdown?
    var summaryHTML = ""

    init(sourcePath: String, kind: Kind, frontMatter: FrontMatter, body: String, bodyLine: Int, fileText: String,
         keyPositions: [String: TextPosition]) {
        self.sourcePath = sourcePath
        self.kind = kind
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.fileText = fileText
        self.keyPositions = keyPositions
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
