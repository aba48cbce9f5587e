/// Separates a content file into its front matter and its markdown body, remembering on which line each starts so
/// that positions inside either can be reported as positions in the file.
struct FrontMatterSplit: Sendable {
    enum Format: Sendable { case yaml, toml, none }
    var format: Format
    /// The front matter text without its fence lines.
    var frontMatter: String
    /// The file line on which `frontMatter` starts (1-based).
    var frontMatterLine: Int
    var body: String
    /// The file line on which `body` starts (1-based).
    var bodyLine: Int
}

/// Why a file's front matter could not even be separated from its body.
struct FrontMatterSplitError: Error {
    var message: String
    var line: Int
}

enum FrontMatterSplitter {
    /// `---` fences YAML and `+++` fences TOML, each on a line of its own at the very top of the file (after an
    /// optional byte-order mark); a file without a fence is all body.
    static func split(_ text: String) throws(FrontMatterSplitError) -> FrontMatterSplit {
        var content = Substring(text)
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        let fence: String
        let format: FrontMatterSplit.Format
        if content.hasPrefix("---") { fence = "---"; format = .yaml } else if content.hasPrefix("+++") { fence = "+++"; format = .toml } else {
            return FrontMatterSplit(format: .none, frontMatter: "", frontMatterLine: 1, body: String(content), bodyLine: 1)
        }
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingCharacters(in: "\r \t") == fence else {
            return FrontMatterSplit(format: .none, frontMatter: "", frontMatterLine: 1, body: String(content), bodyLine: 1)
        }
        lines = lines.dropFirst()
        var frontMatter: [Substring] = []
        var lineNumber = 2
        while let line = lines.first {
            lines = lines.dropFirst()
            if line.trimmingCharacters(in: "\r \t") == fence {
                let body = lines.joined(separator: "\n")
                return FrontMatterSplit(format: format, frontMatter: frontMatter.joined(separator: "\n"), frontMatterLine: 2,
                                        body: body, bodyLine: lineNumber + 1)
            }
            frontMatter.append(line)
            lineNumber += 1
        }
        throw FrontMatterSplitError(message: "front matter starting with '\(fence)' is not closed by a '\(fence)' line", line: 1)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let c = slice.first, set.contains(c) { slice.removeFirst() }
        while let c = slice.last, set.contains(c) { slice.removeLast() }
        return slice
    }
}
