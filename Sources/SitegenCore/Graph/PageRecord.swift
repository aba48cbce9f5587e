/// What the graph keeps of a markdown file so that an unchanged file is never read, parsed or rendered again just
/// to put its summary in a list: its front matter, and what its body render produced apart from the HTML itself
/// (summary, headings, links, word count), with what that render read.
struct PageRecord {
    var sourcePath: String
    var sourceHash: UInt64
    var isSection: Bool
    var frontMatter: FrontMatter
    var bodyLine: Int
    var keyPositions: [String: TextPosition]
    var loadDiagnostics: [Diagnostic]
    var summaryHTML: String
    var hasExplicitSummary: Bool
    var headings: [MarkdownHeading]
    var wordCount: Int
    var links: [MarkdownLink]
    var bodyHash: UInt64
    /// Whether the body was ever rendered: not for drafts and future pages, which are rendered when published.
    var hasBody: Bool
    /// What the body render read, with each fact's hash at that time.
    var bodyDependencies: [(key: String, hash: UInt64)]

    init(page: Page, bodyFacts: [(key: String, hash: UInt64)]) {
        sourcePath = page.sourcePath
        sourceHash = page.sourceHash
        isSection = page.kind == .section
        frontMatter = page.frontMatter
        bodyLine = page.bodyLine
        keyPositions = page.keyPositions
        loadDiagnostics = page.loadDiagnostics
        summaryHTML = page.summaryHTML
        hasExplicitSummary = page.rendered?.hasExplicitSummary ?? false
        headings = page.rendered?.headings ?? []
        wordCount = page.rendered?.wordCount ?? 0
        links = page.rendered?.links ?? []
        bodyHash = page.bodyHash
        hasBody = page.rendered != nil
        bodyDependencies = bodyFacts
    }

    /// The page as the previous build left it, without its HTML.
    func restore(fileTextLoader: @escaping @Sendable () -> String) -> Page {
        let page = Page(sourcePath: sourcePath, kind: isSection ? .section : .page, frontMatter: frontMatter,
                        bodyLine: bodyLine, keyPositions: keyPositions, fileTextLoader: fileTextLoader)
        page.sourceHash = sourceHash
        page.loadDiagnostics = loadDiagnostics
        page.summaryHTML = summaryHTML
        if hasBody {
            page.rendered = RenderedMarkdown(html: "", summaryHTML: summaryHTML, hasExplicitSummary: hasExplicitSummary,
                                             headings: headings, wordCount: wordCount, links: links)
        }
        page.hasHTML = false
        page.bodyHash = bodyHash
        page.bodyDependencies = bodyDependencies.compactMap { Dependency(key: $0.key) }
        return page
    }
}

extension PageRecord {
    func encode(into writer: inout ByteWriter) {
        writer.write(sourcePath)
        writer.write(sourceHash)
        writer.write(isSection)
        frontMatter.encode(into: &writer)
        writer.write(bodyLine)
        writer.write(count: keyPositions.count)
        for key in keyPositions.keys.sorted() {
            writer.write(key)
            writer.write(keyPositions[key]!.line)
            writer.write(keyPositions[key]!.column)
        }
        writer.write(count: loadDiagnostics.count)
        for diagnostic in loadDiagnostics { diagnostic.encode(into: &writer) }
        writer.write(summaryHTML)
        writer.write(hasExplicitSummary)
        writer.write(count: headings.count)
        for heading in headings {
            writer.write(heading.level)
            writer.write(heading.id)
            writer.write(heading.title)
            writer.write(heading.position.line)
            writer.write(heading.position.column)
        }
        writer.write(wordCount)
        writer.write(count: links.count)
        for link in links {
            writer.write(link.destination)
            writer.write(link.position.line)
            writer.write(link.position.column)
            writer.write(link.isImage)
        }
        writer.write(bodyHash)
        writer.write(hasBody)
        writer.write(count: bodyDependencies.count)
        for dependency in bodyDependencies {
            writer.write(dependency.key)
            writer.write(dependency.hash)
        }
    }

    init(from reader: inout ByteReader) throws(GraphDecodingError) {
        sourcePath = try reader.readString()
        sourceHash = try reader.readUInt64()
        isSection = try reader.readBool()
        frontMatter = try FrontMatter(from: &reader)
        bodyLine = try reader.readInt()
        keyPositions = [:]
        for _ in 0..<(try reader.readCount(minimumItemSize: 20)) {
            let key = try reader.readString()
            keyPositions[key] = TextPosition(line: try reader.readInt(), column: try reader.readInt())
        }
        loadDiagnostics = []
        for _ in 0..<(try reader.readCount()) { loadDiagnostics.append(try Diagnostic(from: &reader)) }
        summaryHTML = try reader.readString()
        hasExplicitSummary = try reader.readBool()
        headings = []
        for _ in 0..<(try reader.readCount(minimumItemSize: 32)) {
            let level = try reader.readInt()
            let id = try reader.readString()
            let title = try reader.readString()
            let position = TextPosition(line: try reader.readInt(), column: try reader.readInt())
            headings.append(MarkdownHeading(level: level, id: id, title: title, position: position))
        }
        wordCount = try reader.readInt()
        links = []
        for _ in 0..<(try reader.readCount(minimumItemSize: 21)) {
            let destination = try reader.readString()
            let position = TextPosition(line: try reader.readInt(), column: try reader.readInt())
            links.append(MarkdownLink(destination: destination, position: position, isImage: try reader.readBool()))
        }
        bodyHash = try reader.readUInt64()
        hasBody = try reader.readBool()
        bodyDependencies = []
        for _ in 0..<(try reader.readCount(minimumItemSize: 12)) {
            bodyDependencies.append((try reader.readString(), try reader.readUInt64()))
        }
    }
}

extension FrontMatter {
    func encode(into writer: inout ByteWriter) {
        writer.write(title)
        for date in [self.date, updated] {
            writer.write(date != nil)
            if let date {
                for field in [date.year, date.month, date.day, date.hour, date.minute, date.second] { writer.write(field) }
                writer.write(date.offsetMinutes != nil)
                writer.write(date.offsetMinutes ?? 0)
            }
        }
        writer.write(draft)
        writer.write(description)
        writer.write(slug)
        writer.write(url)
        writer.write(weight)
        writer.write(count: taxonomies.count)
        for name in taxonomies.keys.sorted() {
            writer.write(name)
            writer.write(count: taxonomies[name]!.count)
            for term in taxonomies[name]! { writer.write(term) }
        }
        writer.write(template)
        writer.write(count: aliases.count)
        for alias in aliases { writer.write(alias) }
        writer.write(summary)
        DataValue.table(extra).encode(into: &writer)
        writer.write(sortBy?.rawValue)
        writer.write(paginate != nil)
        writer.write(paginate ?? 0)
    }

    init(from reader: inout ByteReader) throws(GraphDecodingError) {
        self.init()
        title = try reader.readOptionalString()
        var dates: [PageDate?] = []
        for _ in 0..<2 {
            if try reader.readBool() {
                var fields: [Int] = []
                for _ in 0..<6 { fields.append(try reader.readInt()) }
                let hasOffset = try reader.readBool()
                let offset = try reader.readInt()
                dates.append(PageDate(year: fields[0], month: fields[1], day: fields[2], hour: fields[3], minute: fields[4],
                                      second: fields[5], offsetMinutes: hasOffset ? offset : nil))
            } else {
                dates.append(nil)
            }
        }
        date = dates[0]
        updated = dates[1]
        draft = try reader.readBool()
        description = try reader.readOptionalString()
        slug = try reader.readOptionalString()
        url = try reader.readOptionalString()
        weight = try reader.readInt()
        for _ in 0..<(try reader.readCount(minimumItemSize: 8)) {
            let name = try reader.readString()
            var terms: [String] = []
            for _ in 0..<(try reader.readCount(minimumItemSize: 4)) { terms.append(try reader.readString()) }
            taxonomies[name] = terms
        }
        template = try reader.readOptionalString()
        for _ in 0..<(try reader.readCount(minimumItemSize: 4)) { aliases.append(try reader.readString()) }
        summary = try reader.readOptionalString()
        guard case .table(let table) = try DataValue(from: &reader) else { throw GraphDecodingError(description: "extra is not a table") }
        extra = table
        if let order = try reader.readOptionalString() {
            guard let parsed = SortOrder(rawValue: order) else { throw GraphDecodingError(description: "unknown sort order") }
            sortBy = parsed
        }
        let hasPaginate = try reader.readBool()
        let pageSize = try reader.readInt()
        paginate = hasPaginate ? pageSize : nil
    }
}

extension DataValue {
    func encode(into writer: inout ByteWriter) {
        switch self {
        case .string(let s): writer.write(UInt8(1)); writer.write(s)
        case .integer(let i): writer.write(UInt8(2)); writer.write(i)
        case .float(let f): writer.write(UInt8(3)); writer.write(f)
        case .bool(let b): writer.write(UInt8(4)); writer.write(b)
        case .datetime(let s): writer.write(UInt8(5)); writer.write(s)
        case .array(let items):
            writer.write(UInt8(6))
            writer.write(count: items.count)
            for item in items { item.encode(into: &writer) }
        case .table(let table):
            writer.write(UInt8(7))
            writer.write(count: table.keys.count)
            for (key, value) in table.entries {
                writer.write(key)
                value.encode(into: &writer)
            }
        }
    }

    init(from reader: inout ByteReader, depth: Int = 0) throws(GraphDecodingError) {
        guard depth < 600 else { throw GraphDecodingError(description: "data nested too deeply") }
        switch try reader.readUInt8() {
        case 1: self = .string(try reader.readString())
        case 2: self = .integer(try reader.readInt64())
        case 3: self = .float(try reader.readDouble())
        case 4: self = .bool(try reader.readBool())
        case 5: self = .datetime(try reader.readString())
        case 6:
            var items: [DataValue] = []
            for _ in 0..<(try reader.readCount()) { items.append(try DataValue(from: &reader, depth: depth + 1)) }
            self = .array(items)
        case 7:
            var table = DataTable()
            for _ in 0..<(try reader.readCount(minimumItemSize: 5)) {
                let key = try reader.readString()
                table.set(key, try DataValue(from: &reader, depth: depth + 1))
            }
            self = .table(table)
        default:
            throw GraphDecodingError(description: "unknown data value tag")
        }
    }
}

extension Diagnostic {
    func encode(into writer: inout ByteWriter) {
        writer.write(severity.rawValue)
        writer.write(message)
        writer.write(location != nil)
        if let location {
            writer.write(location.path)
            writer.write(location.line)
            writer.write(location.column)
        }
        writer.write(sourceLine)
    }

    init(from reader: inout ByteReader) throws(GraphDecodingError) {
        guard let severity = Severity(rawValue: try reader.readString()) else { throw GraphDecodingError(description: "unknown severity") }
        let message = try reader.readString()
        var location: SourceLocation?
        if try reader.readBool() {
            location = SourceLocation(path: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
        }
        self.init(severity, message, at: location, sourceLine: try reader.readOptionalString())
    }
}
