import XCTest
import SitegenCore
import SitegenTestSupport

/// The sites that ship with sitegen: the example site (its own documentation) and the `sitegen init` starter, both
/// rendered by the built-in theme.
final class ExampleSiteTests: XCTestCase {
    func testExampleSiteBuildsWithoutWarnings() {
        let temp = TemporaryDirectory()
        var options = BuildOptions(siteDirectory: FixturePaths.packageRoot + "/site", outputDirectory: temp.sub("out"), jobs: 2)
        options.cacheDirectory = temp.sub("cache")
        let report = SiteBuilder().build(options)
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertGreaterThanOrEqual(report.contentPages, 20)
        let tree = OutputTree(reading: temp.sub("out"))
        for path in ["index.html", "docs/templates/index.html", "blog/page/3/index.html", "tags/index.html", "atom.xml",
                     "sitemap.xml", "robots.txt", "404.html", "favicon.svg", "asset-manifest.json", "preload-manifest.json", "_headers"] {
            XCTAssertNotNil(tree.files[path], path)
        }
        // The theme's stylesheet, published under its fingerprinted name only.
        XCTAssertNil(tree.files["css/sitegen.css"])
        XCTAssertEqual(tree.files.keys.filter { $0.hasPrefix("css/sitegen.") && $0.hasSuffix(".css") }.count, 1)
    }

    /// The starter site with the default theme, compared file by file: a change to the theme shows up here.
    func testStarterSiteWithTheDefaultThemeMatchesGoldenFiles() throws {
        let temp = TemporaryDirectory()
        try StarterSite.create(at: temp.sub("site"), fileSystem: LocalFileSystem())
        var options = BuildOptions(siteDirectory: temp.sub("site"), outputDirectory: temp.sub("out"), jobs: 2)
        options.compress = false
        options.now = FixturePaths.fixedNow
        let report = SiteBuilder().build(options)
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        if let difference = GoldenTree.compare(actual: temp.sub("out"), golden: FixturePaths.fixtures + "/starter-expected") {
            XCTFail(difference)
        }
    }
}
