/// A place in a site file, as `path:line:column`, 1-based like compilers and editors count.
///
/// `path` is site-relative (`content/blog/hello.md`), so diagnostics read the same on every machine and in golden
/// files; the CLI may prefix the site folder when it prints them.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    /// The top of an input file, or nil when `source` names something generated (a feed, the sitemap) rather than a
    /// file, so that such diagnostics are not pinned to a path that does not exist.
    public static func ofInput(_ source: String) -> SourceLocation? {
        let roots = ["content/", "templates/", "assets/", "static/", "data/", "(theme)/", "sitegen.toml"]
        return roots.contains(where: source.hasPrefix) ? SourceLocation(path: source) : nil
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// A line and column inside one text, before it is tied to a file.
public struct TextPosition: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position moved down by `lines` lines, for text that starts partway through a file (front matter, bodies).
    public func offset(lines: Int) -> TextPosition { TextPosition(line: line + lines, column: column) }
}
