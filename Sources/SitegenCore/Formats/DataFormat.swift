/// The data formats sitegen reads, named by file extension, so that data files, config and front matter all go
/// through one switch and a new format is one new case.
public enum DataFormat: String, Hashable, Sendable, CaseIterable {
    /// `.toml`: the site config and `+++` front matter.
    case toml
    /// `.yaml` or `.yml`: `---` front matter and data files.
    case yaml
    /// `.json`: data files.
    case json

    /// The format of a file from its extension (`.toml`, `.yaml`/`.yml`, `.json`, in any case), or nil.
    public static func forPath(_ path: String) -> DataFormat? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        // A leading dot starts a hidden file's name, not an extension: `.json` alone has none.
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "toml": return .toml
        case "yaml", "yml": return .yaml
        case "json": return .json
        default: return nil
        }
    }

    /// Parses `text` in this format; TOML always gives a table, YAML and JSON may give any value.
    public func parse(_ text: String) throws(FormatError) -> DataValue {
        switch self {
        case .toml: return .table(try TOMLParser.parse(text))
        case .yaml: return try YAMLLoader.load(text)
        case .json: return try JSONLoader.load(text)
        }
    }
}
