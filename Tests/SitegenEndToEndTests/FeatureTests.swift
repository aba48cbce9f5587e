import XCTest
import SitegenCore
import SitegenTestSupport

/// Features that the golden fixture does not switch on: refusing raw HTML, URL overrides, title ordering, a base URL
/// from the command line, static robots.txt.
final class FeatureTests: XCTestCase {
    static let templates = """
        -- templates/page.mustache --
        {{{page.content}}}
        -- templates/home.mustache --
        home
        -- templates/section.mustache --
        {{#section.pages}}{{title}};{{/section.pages}}
        -- templates/taxonomy.mustache --
        t
        -- templates/term.mustache --
        t
        -- templates/404.mustache --
        404
        -- templates/atom.mustache --
        <feed>{{#feed.entries}}{{permalink}} {{/feed.entries}}</feed>
        -- templates/sitemap.mustache --
        {{#sitemap.entries}}{{permalink}} {{/sitemap.entries}}
        -- templates/robots.mustache --
        generated {{robots.sitemap_url}}
        -- templates/alias.mustache --
        {{alias.target_url}}
        """

    private func build(_ files: String, configure: (inout BuildOptions) -> Void = { _ in }) throws -> (BuildReport, OutputTree) {
        let temp = TemporaryDirectory()
        try InlineFixture.write(files + "\n" + Self.templates, to: temp.path)
        var options = BuildOptions(siteDirectory: temp.path, outputDirectory: temp.sub("out"), jobs: 2)
        options.compress = false
        options.minify = false
        options.cacheDirectory = temp.sub("cache")
        options.now = FixturePaths.fixedNow
        configure(&options)
        let report = SiteBuilder().build(options)
        return (report, OutputTree(reading: temp.sub("out")))
    }

    func testRawHTMLIsRefusedWhenConfigured() throws {
        let (report, tree) = try build("""
            -- sitegen.toml --
            base_url = "https://x.example"
            [markdown]
            unsafe_html = false
            -- content/a.md --
            Hello <b>bold</b> and <script>alert(1)</script>.

            <div>block</div>
            """)
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(tree.text("a/index.html"), "<p>Hello <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> and <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->.</p>\n<!-- raw HTML omitted -->\n\n")
    }

    func testURLOverrideSortByTitleAndStaticRobots() throws {
        let (report, tree) = try build("""
            -- sitegen.toml --
            base_url = "https://x.example"
            -- content/list/_index.md --
            ---
            sort_by: title
            ---
            -- content/list/b.md --
            ---
            title: Banana
            date: 2026-01-03
            ---
            -- content/list/a.md --
            ---
            title: apple
            date: 2026-01-01
            url: /fruit/apple/
            ---
            -- content/list/c.md --
            ---
            title: Cherry
            date: 2026-01-02
            ---
            -- static/robots.txt --
            mine
            """)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(tree.text("list/index.html"), "apple;Banana;Cherry;\n")
        XCTAssertNotNil(tree.files["fruit/apple/index.html"])
        XCTAssertNil(tree.files["list/a/index.html"])
        XCTAssertEqual(tree.text("robots.txt"), "mine\n", "a static robots.txt wins over the generated one")
        XCTAssertEqual(tree.text("list/atom.xml"), "<feed>https://x.example/list/b/ https://x.example/list/c/ https://x.example/fruit/apple/ </feed>\n",
                       "feeds are newest first whatever the section's order")
    }

    func testBaseURLFromTheCommandLineWithAPath() throws {
        let (report, tree) = try build("""
            -- sitegen.toml --
            base_url = "https://x.example"
            -- content/a.md --
            See [b](b.md).
            -- content/b.md --
            B
            """) { $0.baseURL = "https://preview.example/pr-7/" }
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(tree.text("a/index.html"), "<p>See <a href=\"/pr-7/b/\">b</a>.</p>\n\n")
        XCTAssertEqual(tree.text("sitemap.xml"),
                       "https://preview.example/pr-7/ https://preview.example/pr-7/a/ https://preview.example/pr-7/b/ https://preview.example/pr-7/tags/ \n")
    }

    func testTwoPagesWithOneURLAreAnErrorNamingBoth() throws {
        let (report, _) = try build("""
            -- sitegen.toml --
            base_url = "https://x.example"
            -- content/a.md --
            ---
            slug: same
            ---
            A
            -- content/same.md --
            B
            """)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.description),
                       ["content/same.md:1:1: error: output 'same/index.html' is produced by both content/a.md and content/same.md"])
    }
}
