import XCTest
import SitegenTestSupport
@testable import SitegenCore

final class BuildGraphTests: XCTestCase {
    private func sampleGraph() -> BuildGraph {
        var matter = FrontMatter()
        matter.title = "A"
        matter.date = PageDate(parsing: "2026-01-02T03:04:05+01:00")
        matter.taxonomies = ["tags": ["x", "y"]]
        matter.aliases = ["/old/"]
        matter.sortBy = .weight
        matter.paginate = 3
        var extra = DataTable()
        extra.set("n", .integer(4))
        extra.set("list", .array([.string("a"), .bool(true), .float(1.5), .datetime("2026-01-01")]))
        matter.extra = extra
        let page = Page(sourcePath: "content/a.md", kind: .page, frontMatter: matter, body: "Body", bodyLine: 5, fileText: "",
                        keyPositions: ["title": TextPosition(line: 2, column: 1)])
        page.sourceHash = 42
        page.summaryHTML = "<p>Body</p>"
        page.rendered = RenderedMarkdown(html: "<p>Body</p>", summaryHTML: "<p>Body</p>", hasExplicitSummary: false,
                                         headings: [MarkdownHeading(level: 2, id: "h", title: "H", position: TextPosition(line: 1, column: 1))],
                                         wordCount: 1, links: [MarkdownLink(destination: "b.md", position: TextPosition(line: 1, column: 3), isImage: false)])
        page.bodyHash = 7
        page.loadDiagnostics = [.warning("unknown front matter key 'x'", at: SourceLocation(path: "content/a.md", line: 3, column: 1))]
        var graph = BuildGraph(pages: ["content/a.md": PageRecord(page: page, bodyFacts: [("url:content/b.md", 9)])])
        graph.signature = 1
        graph.buildStart = 2
        graph.nextPublication = 3
        graph.outputDirectory = "public"
        graph.inputs = ["content/a.md": .init(stamp: FileStamp(size: 1, mtime: 2, inode: 3), hash: 42)]
        graph.setOutputs(["a/index.html": .init(source: "content/a.md", hash: 5, dependencies: [(1, 6)])],
                         keys: ["unused:x", "page:content/a.md"])
        graph.diagnostics = [.warning("w", at: nil)]
        return graph
    }

    func testRoundTrip() throws {
        let bytes = sampleGraph().encoded()
        var decoded = try BuildGraph(decoding: bytes)
        XCTAssertEqual(decoded.signature, 1)
        XCTAssertEqual(decoded.nextPublication, 3)
        XCTAssertEqual(decoded.outputDirectory, "public")
        XCTAssertEqual(decoded.inputs["content/a.md"], .init(stamp: FileStamp(size: 1, mtime: 2, inode: 3), hash: 42))
        XCTAssertEqual(decoded.outputPaths, ["a/index.html"])
        XCTAssertEqual(try decoded.loadOutputs()["a/index.html"]?.dependencies.map(\.key), [0])
        XCTAssertEqual(decoded.keys, ["page:content/a.md"], "unused keys are dropped")
        XCTAssertEqual(decoded.diagnostics.map(\.description), ["warning: w"])
        let record = try XCTUnwrap(decoded.loadPages()["content/a.md"])
        XCTAssertEqual(record.frontMatter, sampleGraph().pagesForTest["content/a.md"]!.frontMatter)
        XCTAssertEqual(record.links.first?.destination, "b.md")
        XCTAssertEqual(record.headings.first?.id, "h")
        XCTAssertEqual(record.bodyDependencies.map(\.key), ["url:content/b.md"])
        XCTAssertTrue(record.hasBody)
        XCTAssertEqual(decoded.encoded(), bytes, "encoding is deterministic")
    }

    func testEveryKindOfDamageIsRejectedCleanly() {
        let bytes = sampleGraph().encoded()
        var cases: [(String, [UInt8])] = [
            ("empty", []),
            ("truncated header", Array(bytes.prefix(20))),
            ("truncated payload", Array(bytes.dropLast(9))),
            ("trailing garbage", bytes + [1, 2, 3]),
            ("other magic", Array("NOTGRAPH".utf8) + bytes.dropFirst(8)),
        ]
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        cases.append(("flipped payload bit", flipped))
        var version = bytes
        version[8] = 99
        cases.append(("other version", version))
        for (name, damaged) in cases {
            XCTAssertThrowsError(try BuildGraph(decoding: damaged), name)
        }
        // Every truncation point fails cleanly, never crashes.
        for length in stride(from: 0, to: bytes.count, by: 7) {
            XCTAssertThrowsError(try BuildGraph(decoding: Array(bytes.prefix(length))))
        }
    }

    /// Regression: a no-op build that saved the graph without decoding its page records wrote an empty page table,
    /// so the next edit re-parsed every page.
    func testSavingWithoutDecodingPagesKeepsThem() throws {
        var decoded = try BuildGraph(decoding: sampleGraph().encoded())
        decoded.buildStart = 99
        var again = try BuildGraph(decoding: decoded.encoded())
        XCTAssertEqual(try again.loadPages().keys.sorted(), ["content/a.md"])
        XCTAssertEqual(try again.loadOutputs()["a/index.html"]?.hash, 5, "output records survive a save without decoding")
    }

    func testDependencyKeysRoundTrip() {
        let all: [Dependency] = [.file("static/a b.txt"), .template("blog/page"), .config("extra"), .pageSelf("content/a.md"),
                                 .summaryField("content/a#b.md", "title"), .pageURL("content/x.md"), .resourceURL("content/p/i.png"),
                                 .sectionList("content/blog"), .neighbours("content/a.md"), .taxonomyTerms("tags"),
                                 .termPages(taxonomy: "tags", term: "swift"), .recentPages, .data, .asset("css/x.css")]
        for dependency in all {
            XCTAssertEqual(Dependency(key: dependency.key), dependency, dependency.key)
        }
        XCTAssertNil(Dependency(key: "unknown:x"))
        XCTAssertNil(Dependency(key: "nocolon"))
    }
}

extension BuildGraph {
    /// The page records of a graph built in memory.
    var pagesForTest: [String: PageRecord] {
        var copy = self
        return (try? copy.loadPages()) ?? [:]
    }
}
