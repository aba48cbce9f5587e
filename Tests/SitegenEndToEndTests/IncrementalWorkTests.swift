import XCTest
import SitegenCore
import SitegenTestSupport

/// Incremental builds do work in proportion to the change: these tests count what each kind of edit renders and
/// writes, and name exactly which outputs (as Hugo's rebuild tests do).
final class IncrementalWorkTests: XCTestCase {
    static let site = """
        -- sitegen.toml --
        title = "Work"
        base_url = "https://work.example"
        [build]
        paginate = 10
        -- content/_index.md --
        ---
        title: Home
        ---
        Home page.
        -- content/about.md --
        ---
        title: About
        ---
        About this site.
        -- content/blog/_index.md --
        ---
        title: Blog
        ---
        -- content/blog/one.md --
        ---
        title: One
        date: 2026-01-01
        tags: [alpha]
        ---
        First paragraph of one.

        Second paragraph of one.
        -- content/blog/two.md --
        ---
        title: Two
        date: 2026-01-02
        tags: [beta]
        ---
        First paragraph of two.

        Second paragraph of two.
        -- content/blog/three.md --
        ---
        title: Three
        date: 2026-01-03
        tags: [alpha, beta]
        ---
        First paragraph of three.

        Second paragraph of three, linking [one](one.md).
        -- content/blog/four.md --
        ---
        title: Four
        date: 2026-01-04
        tags: [gamma]
        ---
        First paragraph of four.

        Second paragraph of four.
        -- content/blog/five.md --
        ---
        title: Five
        date: 2026-01-05
        ---
        First paragraph of five.

        Second paragraph of five.
        -- templates/partials/byline.mustache --
        <p class="byline">by {{site.author}}</p>
        -- templates/page.mustache --
        <title>{{page.title}} · {{site.title}}</title>
        {{> byline}}
        {{{page.content}}}
        {{#page.previous}}<a rel="prev" href="{{url}}">{{title}}</a>{{/page.previous}}
        {{#page.next}}<a rel="next" href="{{url}}">{{title}}</a>{{/page.next}}
        -- templates/home.mustache --
        <h1>{{site.title}}</h1>{{#site.recent}}<a href="{{url}}">{{title}}</a>{{/site.recent}}
        -- templates/section.mustache --
        <h1>{{section.title}}</h1>{{#section.pages}}<a href="{{url}}">{{title}}</a> {{date}}{{/section.pages}}
        -- templates/taxonomy.mustache --
        {{#taxonomy.terms}}{{name}} ({{count}}){{/taxonomy.terms}}
        -- templates/term.mustache --
        {{term.name}}: {{#term.pages}}<a href="{{url}}">{{title}}</a>{{/term.pages}}
        -- templates/404.mustache --
        Not found
        -- templates/atom.mustache --
        <feed>{{#feed.entries}}<entry>{{title}} {{summary}}</entry>{{/feed.entries}}</feed>
        -- templates/sitemap.mustache --
        {{#sitemap.entries}}{{permalink}} {{/sitemap.entries}}
        -- templates/robots.mustache --
        Sitemap: {{robots.sitemap_url}}
        -- templates/alias.mustache --
        {{alias.target_url}}
        """

    private var temp: TemporaryDirectory!

    override func setUpWithError() throws {
        temp = TemporaryDirectory()
        try InlineFixture.write(Self.site, to: temp.sub("site"))
        // Files written a moment ago are "racily clean" and re-hashed on every build; date them a minute back so the
        // tests see the stat pre-filter at work.
        let past = Date(timeIntervalSinceNow: -60)
        for path in OutputTree(reading: temp.sub("site")).paths {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: temp.sub("site/" + path))
        }
        let first = build()
        XCTAssertTrue(first.succeeded, first.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(first.fullBuildReason, "no build cache")
    }

    private func build() -> BuildReport {
        var options = BuildOptions(siteDirectory: temp.sub("site"), jobs: 2)
        options.compress = false
        options.now = FixturePaths.fixedNow
        options.explain = true
        return SiteBuilder().build(options)
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let file = temp.sub("site/" + path)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try change(text).write(toFile: file, atomically: true, encoding: .utf8)
    }

    private func rendered(_ report: BuildReport) -> [String] { report.explanations.map(\.output) }

    func testNoChangeRendersAndWritesNothing() {
        let report = build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.pagesRendered, 0)
        XCTAssertEqual(report.outputsWritten, 0)
        XCTAssertEqual(report.inputsHashed, 0)
        XCTAssertNil(report.fullBuildReason)
    }

    func testBodyEditRendersOnlyThatPage() throws {
        try edit("content/blog/three.md") { $0.replacingOccurrences(of: "Second paragraph of three", with: "A rewritten second paragraph") }
        let report = build()
        XCTAssertEqual(rendered(report), ["blog/three/index.html"])
        XCTAssertEqual(report.pagesRendered, 1)
        XCTAssertEqual(report.outputsWritten, 1)
        XCTAssertEqual(report.bodiesRendered, 1)
        XCTAssertEqual(report.pagesParsed, 1)
    }

    func testSummaryEditAlsoRendersTheFeedsThatShowIt() throws {
        try edit("content/blog/three.md") { $0.replacingOccurrences(of: "First paragraph of three", with: "A new opening") }
        XCTAssertEqual(rendered(build()), ["atom.xml", "blog/atom.xml", "blog/three/index.html"])
    }

    func testTitleEditRendersThePageAndExactlyWhatShowsItsTitle() throws {
        try edit("content/blog/three.md") { $0.replacingOccurrences(of: "title: Three", with: "title: Three, retitled") }
        let report = build()
        XCTAssertEqual(rendered(report), [
            "atom.xml", "blog/atom.xml",                                  // feeds list titles
            "blog/four/index.html",                                       // a neighbour's prev/next link
            "blog/index.html",                                            // the section list
            "blog/three/index.html",                                      // the page itself
            "blog/two/index.html",                                        // the other neighbour
            "index.html",                                                 // the home page's recent list
            "tags/alpha/index.html", "tags/beta/index.html",              // its terms' pages
        ])
        XCTAssertEqual(report.outputsWritten, 9)
    }

    func testPartialEditRendersExactlyThePagesThatUseIt() throws {
        try edit("templates/partials/byline.mustache") { $0.replacingOccurrences(of: "by", with: "written by") }
        XCTAssertEqual(rendered(build()), ["about/index.html", "blog/five/index.html", "blog/four/index.html", "blog/one/index.html",
                                           "blog/three/index.html", "blog/two/index.html"])
    }

    func testConfigTitleEditRendersThePagesThatShowIt() throws {
        try edit("sitegen.toml") { $0.replacingOccurrences(of: "title = \"Work\"", with: "title = \"Work!\"") }
        let report = build()
        XCTAssertNil(report.fullBuildReason)
        XCTAssertEqual(rendered(report), ["about/index.html", "blog/five/index.html", "blog/four/index.html", "blog/one/index.html",
                                          "blog/three/index.html", "blog/two/index.html", "index.html"],
                       "pages and the home page show the site title; feeds, lists and terms do not")
    }

    func testTouchingAFileHashesItButRendersNothing() throws {
        try edit("content/blog/two.md") { $0 }
        let report = build()
        XCTAssertEqual(report.inputsHashed, 1)
        XCTAssertEqual(report.pagesRendered, 0)
        XCTAssertEqual(report.outputsWritten, 0)
    }

    func testDeletingAPageRemovesItsOutputAndRendersWhatListedIt() throws {
        try FileManager.default.removeItem(atPath: temp.sub("site/content/blog/four.md"))
        let report = build()
        XCTAssertEqual(report.outputsDeleted, 2, "the page and the term page of its only tag")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.sub("site/public/blog/four/index.html")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.sub("site/public/tags/gamma/index.html")))
        XCTAssertEqual(rendered(report), ["atom.xml", "blog/atom.xml", "blog/five/index.html", "blog/index.html", "blog/three/index.html",
                                          "index.html", "sitemap.xml", "tags/index.html"])
    }

    func testASecondBuildAfterAnEditDoesNothing() throws {
        try edit("content/about.md") { $0 + "\nMore.\n" }
        XCTAssertEqual(build().pagesRendered, 1)
        let again = build()
        XCTAssertEqual(again.pagesRendered, 0)
        XCTAssertEqual(again.outputsWritten, 0)
    }
}

final class OutputFolderTests: XCTestCase {
    /// Regression: with no input changed, a build into another output folder took the no-op shortcut and wrote
    /// nothing there.
    func testBuildingIntoAnotherFolderWritesEverything() throws {
        let temp = TemporaryDirectory()
        try InlineFixture.write(IncrementalWorkTests.site, to: temp.sub("site"))
        var options = BuildOptions(siteDirectory: temp.sub("site"), jobs: 2)
        options.compress = false
        options.now = FixturePaths.fixedNow
        let first = SiteBuilder().build(options)
        XCTAssertTrue(first.succeeded)
        let noop = SiteBuilder().build(options)
        XCTAssertEqual(noop.contentPages, first.contentPages, "a build with nothing to do still reports the pages")
        XCTAssertEqual(noop.pagesSkipped, first.pagesRendered)
        options.outputDirectory = temp.sub("elsewhere")
        let elsewhere = SiteBuilder().build(options)
        XCTAssertEqual(elsewhere.outputsWritten, first.outputsWritten)
        XCTAssertNil(OutputTree(reading: temp.sub("site/public")).difference(from: OutputTree(reading: temp.sub("elsewhere"))))
    }
}
