/// Reads `sitegen.toml` into a `SiteConfig`, reporting every unknown key (a warning) and every value of the wrong
/// type (an error) at its line, instead of stopping at the first.
struct ConfigLoader {
    static let fileName = "sitegen.toml"

    let path: String
    let diagnostics: DiagnosticsEngine

    /// Parses `text`; returns nil only when the file is not valid TOML (already reported).
    func load(_ text: String) -> (config: SiteConfig, table: DataTable)? {
        let table: DataTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            report(.error(error.message, at: location(error.position), sourceLine: line(error.position.line, of: text)))
            return nil
        }
        var config = SiteConfig()
        let reader = TableReader(table: table, path: path, text: text, diagnostics: diagnostics, prefix: "")
        reader.string("title") { config.title = $0 }
        reader.string("base_url") { value in
            var url = value
            while url.hasSuffix("/") { url.removeLast() }
            if !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                reader.error("base_url must start with http:// or https://", key: "base_url")
            } else {
                config.baseURL = url
            }
        }
        reader.string("language") { config.language = $0 }
        reader.string("description") { config.description = $0 }
        reader.string("author") { config.author = $0 }
        reader.string("date_format") { config.dateFormat = $0 }
        reader.table("build") { build in
            build.string("output_dir") { value in
                if value.isEmpty || value.hasPrefix("/") || value.split(separator: "/").contains("..") {
                    build.error("output_dir must be a folder inside the site", key: "output_dir")
                } else {
                    config.outputDir = value
                }
            }
            build.bool("drafts") { config.drafts = $0 }
            build.bool("future") { config.future = $0 }
            build.int("paginate") { value in
                if value < 1 { build.error("paginate must be at least 1", key: "paginate") } else { config.paginate = value }
            }
            build.stringArray("taxonomies") { names in
                for name in names where Slug.make(name) != name || name.isEmpty {
                    build.error("taxonomy name '\(name)' must be lowercase letters, digits and '-'", key: "taxonomies")
                    return
                }
                config.taxonomies = names
            }
            build.string("sort") { value in
                if let order = SortOrder(rawValue: value) {
                    config.sort = order
                } else {
                    build.error("sort must be one of date, weight, title", key: "sort")
                }
            }
            build.bool("feeds") { config.feeds = $0 }
            build.bool("minify") { config.minify = $0 }
            build.bool("fingerprint") { config.fingerprint = $0 }
            build.warnUnknown()
        }
        reader.table("markdown") { markdown in
            markdown.bool("unsafe_html") { config.unsafeHTML = $0 }
            markdown.bool("smart_punctuation") { config.smartPunctuation = $0 }
            markdown.warnUnknown()
        }
        reader.table("compress") { compress in
            compress.intOrFalse("brotli", range: 0...11) { config.compression.brotli = $0 }
            compress.intOrFalse("gzip", range: 1...12) { config.compression.gzip = $0 }
            compress.int("min_size") { value in
                if value < 0 { compress.error("min_size must not be negative", key: "min_size") } else { config.compression.minSize = value }
            }
            compress.warnUnknown()
        }
        reader.tableArray("menu") { item in
            var name: String?
            var url: String?
            var weight = 0
            item.string("name") { name = $0 }
            item.string("url") { url = $0 }
            item.int("weight") { weight = $0 }
            item.warnUnknown()
            if let name, let url {
                config.menu.append(MenuEntry(name: name, url: url, weight: weight))
            } else {
                item.errorHere("a menu entry needs a name and a url")
            }
        }
        reader.any("extra") { value in
            if case .table(let extra) = value { config.extra = extra } else {
                reader.error("extra must be a table", key: "extra")
            }
        }
        reader.warnUnknown()
        config.menu.sort { ($0.weight, $0.name) < ($1.weight, $1.name) }
        return (config, table)
    }

    private func report(_ diagnostic: Diagnostic) { diagnostics.emit(diagnostic) }

    private func location(_ position: TextPosition) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }
}

/// Reads typed keys out of one config table, remembering which keys it used so the rest can be reported as unknown.
final class TableReader {
    let table: DataTable
    let path: String
    let text: String
    let diagnostics: DiagnosticsEngine
    let prefix: String
    /// Where the table itself starts, for errors about the table as a whole.
    let origin: TextPosition
    private var used: Set<String> = []

    init(table: DataTable, path: String, text: String, diagnostics: DiagnosticsEngine, prefix: String,
         origin: TextPosition = TextPosition(line: 1, column: 1)) {
        self.table = table
        self.path = path
        self.text = text
        self.diagnostics = diagnostics
        self.prefix = prefix
        self.origin = origin
    }

    func any(_ key: String, _ apply: (DataValue) -> Void) {
        used.insert(key)
        if let value = table[key] { apply(value) }
    }

    func string(_ key: String, _ apply: (String) -> Void) {
        any(key) { value in
            if case .string(let s) = value { apply(s) } else { typeError(key, expected: "a string", got: value) }
        }
    }

    func bool(_ key: String, _ apply: (Bool) -> Void) {
        any(key) { value in
            if case .bool(let b) = value { apply(b) } else { typeError(key, expected: "a boolean", got: value) }
        }
    }

    func int(_ key: String, _ apply: (Int) -> Void) {
        any(key) { value in
            if case .integer(let i) = value, let small = Int(exactly: i) { apply(small) } else {
                typeError(key, expected: "an integer", got: value)
            }
        }
    }

    /// An integer in `range`, or `false` (nil: switched off).
    func intOrFalse(_ key: String, range: ClosedRange<Int>, _ apply: (Int?) -> Void) {
        any(key) { value in
            switch value {
            case .bool(false): apply(nil)
            case .integer(let i) where range.contains(Int(clamping: i)): apply(Int(i))
            default: error("'\(prefix)\(key)' must be an integer from \(range.lowerBound) to \(range.upperBound), or false", key: key)
            }
        }
    }

    func stringArray(_ key: String, _ apply: ([String]) -> Void) {
        any(key) { value in
            guard case .array(let items) = value else { return typeError(key, expected: "an array of strings", got: value) }
            var strings: [String] = []
            for item in items {
                guard case .string(let s) = item else { return typeError(key, expected: "an array of strings", got: value) }
                strings.append(s)
            }
            apply(strings)
        }
    }

    func table(_ key: String, _ apply: (TableReader) -> Void) {
        any(key) { value in
            guard case .table(let inner) = value else { return typeError(key, expected: "a table", got: value) }
            apply(TableReader(table: inner, path: path, text: text, diagnostics: diagnostics,
                              prefix: prefix + key + ".", origin: table.position(of: key) ?? origin))
        }
    }

    func tableArray(_ key: String, _ apply: (TableReader) -> Void) {
        any(key) { value in
            guard case .array(let items) = value else { return typeError(key, expected: "an array of tables", got: value) }
            for item in items {
                guard case .table(let inner) = item else { return typeError(key, expected: "an array of tables", got: value) }
                let start = inner.keys.first.flatMap { inner.position(of: $0) } ?? table.position(of: key) ?? origin
                apply(TableReader(table: inner, path: path, text: text, diagnostics: diagnostics,
                                  prefix: prefix + key + ".", origin: start))
            }
        }
    }

    func warnUnknown() {
        for key in table.keys where !used.contains(key) {
            diagnostics.emit(.warning("unknown key '\(prefix)\(key)'", at: location(of: key), sourceLine: sourceLine(of: key)))
        }
    }

    func error(_ message: String, key: String) {
        diagnostics.emit(.error(message, at: location(of: key), sourceLine: sourceLine(of: key)))
    }

    func errorHere(_ message: String) {
        diagnostics.emit(.error(message, at: SourceLocation(path: path, line: origin.line, column: origin.column),
                                sourceLine: line(origin.line, of: text)))
    }

    private func typeError(_ key: String, expected: String, got value: DataValue) {
        error("'\(prefix)\(key)' must be \(expected), not \(value.typeDescription)", key: key)
    }

    private func location(of key: String) -> SourceLocation {
        let position = table.position(of: key) ?? origin
        return SourceLocation(path: path, line: position.line, column: position.column)
    }

    private func sourceLine(of key: String) -> String? {
        line((table.position(of: key) ?? origin).line, of: text)
    }
}

/// Line `number` (1-based) of `text`, for printing under a diagnostic.
func line(_ number: Int, of text: String) -> String? {
    var current = 1
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if current == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
        current += 1
    }
    return nil
}
