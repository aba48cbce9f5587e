import SitegenCore
import XCTest

/// A realistic `sitegen.toml`, read the way the config loader will read it.
final class TOMLSiteConfigTests: XCTestCase {
    static let config = """
        # sitegen.toml: the site's own config
        title = "sitegen"
        description = "A static site generator with a provably correct incremental build"
        base_url = "https://sitegen.dev/docs"
        language = "en"
        author = "The sitegen authors"
        date_format = "%B %-d, %Y"

        [build]
        output_dir = "public"
        drafts = false
        minify = true
        compress = ["gzip", "brotli"]
        jobs = 0 # 0: one per core
        ignore = [
          "**/.DS_Store",
          "drafts/**", # never published
        ]

        [markdown]
        smart_punctuation = true
        footnotes = true
        toc = { min_level = 2, max_level = 4 }
        highlight.theme = "github"
        highlight.line_numbers = false

        [taxonomies]
        tags = { paginate_by = 10, feed = true }

        [[menu]]
        name = "Docs"
        url = "/docs/"
        weight = 1

        [[menu]]
        name = "Blog"
        url = "/blog/"
        weight = 2

        [[menu]]
        name = "GitHub"
        url = "https://github.com/example/sitegen"
        weight = 3

        [extra]
        twitter = "@sitegen"
        launched = 2026-11-23
        release.time = 2026-11-23T10:00:00Z
        ratio = 1.618
        "quoted key" = '''
        Raw text
        over lines'''
        """

    func testRealisticSiteConfig() throws {
        let config = try TOMLParser.parse(Self.config)
        XCTAssertEqual(config.keys, ["title", "description", "base_url", "language", "author", "date_format",
                                     "build", "markdown", "taxonomies", "menu", "extra"])
        XCTAssertEqual(config["title"], .string("sitegen"))
        XCTAssertEqual(config["base_url"], .string("https://sitegen.dev/docs"))
        XCTAssertEqual(config["date_format"], .string("%B %-d, %Y"))

        let build = try XCTUnwrap(config["build"]?.tableValue)
        XCTAssertEqual(build["drafts"], .bool(false))
        XCTAssertEqual(build["jobs"], .integer(0))
        XCTAssertEqual(build["compress"], .array([.string("gzip"), .string("brotli")]))
        XCTAssertEqual(build["ignore"], .array([.string("**/.DS_Store"), .string("drafts/**")]))

        let markdown = DataValue.table(config)
        XCTAssertEqual(markdown["markdown.toc.max_level"], .integer(4))
        XCTAssertEqual(markdown["markdown.highlight.theme"], .string("github"))
        XCTAssertEqual(markdown["taxonomies.tags.paginate_by"], .integer(10))

        let menu = try XCTUnwrap(config["menu"]?.arrayValue)
        XCTAssertEqual(menu.map { $0["name"] }, [.string("Docs"), .string("Blog"), .string("GitHub")])
        XCTAssertEqual(menu.map { $0["weight"] }, [.integer(1), .integer(2), .integer(3)])

        let extra = try XCTUnwrap(config["extra"]?.tableValue)
        XCTAssertEqual(extra["launched"], .datetime("2026-11-23"))
        XCTAssertEqual(extra["release"]?.tableValue?["time"], .datetime("2026-11-23T10:00:00Z"))
        XCTAssertEqual(extra["ratio"], .float(1.618))
        XCTAssertEqual(extra["quoted key"], .string("Raw text\nover lines"))
    }

    func testRealisticSiteConfigPositions() throws {
        let config = try TOMLParser.parse(Self.config)
        XCTAssertEqual(config.position(of: "title"), pos(2, 1))
        XCTAssertEqual(config.position(of: "base_url"), pos(4, 1))
        XCTAssertEqual(config.position(of: "build"), pos(9, 2))
        XCTAssertEqual(config["build"]?.tableValue?.position(of: "jobs"), pos(14, 1))
        XCTAssertEqual(config["markdown"]?.tableValue?.position(of: "highlight"), pos(24, 1))
        XCTAssertEqual(config["markdown"]?["highlight"]?.tableValue?.position(of: "line_numbers"), pos(25, 11))
        XCTAssertEqual(config.position(of: "menu"), pos(30, 3))
        XCTAssertEqual(config["menu"]?.arrayValue?[2].tableValue?.position(of: "url"), pos(42, 1))
        XCTAssertEqual(config["extra"]?.tableValue?.position(of: "quoted key"), pos(50, 1))
    }

    func testAMistakeInTheConfigPointsAtIt() {
        let broken = Self.config.replacingOccurrences(of: "weight = 2", with: "weight = 2\nname = \"Again\"")
        assertFormatError("duplicate key 'name'", line: 39, column: 1) { try TOMLParser.parse(broken) }
    }
}
