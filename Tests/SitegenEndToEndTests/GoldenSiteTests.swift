import XCTest
import SitegenCore
import SitegenTestSupport

/// Builds the fixture sites and compares the whole output tree with the golden files beside them.
final class GoldenSiteTests: XCTestCase {
    private func build(_ site: String, into output: String, jobs: Int = 2) -> BuildReport {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output, jobs: jobs)
        options.compress = false
        options.cacheDirectory = output + ".cache"
        options.now = FixturePaths.fixedNow
        return SiteBuilder().build(options)
    }

    func testFeaturesSiteMatchesGoldenFiles() throws {
        let temp = TemporaryDirectory()
        let site = FixturePaths.fixtures + "/features/site"
        let report = build(site, into: temp.sub("out"))
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        if let difference = GoldenTree.compare(actual: temp.sub("out"), golden: FixturePaths.fixtures + "/features/expected") {
            XCTFail(difference)
        }
    }

    func testDraftsAndFuturePagesAppearOnlyWhenAskedFor() {
        let temp = TemporaryDirectory()
        let site = FixturePaths.fixtures + "/features/site"
        let plain = OutputTree(reading: { _ = build(site, into: temp.sub("plain")); return temp.sub("plain") }())
        XCTAssertNil(plain.files["blog/draft/index.html"])
        XCTAssertNil(plain.files["blog/future/index.html"])
        XCTAssertNil(plain.files["tags/hidden/index.html"])

        var options = BuildOptions(siteDirectory: site, outputDirectory: temp.sub("all"), jobs: 2)

        options.compress = false
        options.cacheDirectory = temp.sub("all.cache")
        options.now = FixturePaths.fixedNow
        options.drafts = true
        options.future = true
        XCTAssertTrue(SiteBuilder().build(options).succeeded)
        let all = OutputTree(reading: temp.sub("all"))
        XCTAssertNotNil(all.files["blog/draft/index.html"])
        XCTAssertNotNil(all.files["blog/future/index.html"])
        XCTAssertNotNil(all.files["tags/hidden/index.html"])
        XCTAssertTrue(all.text("blog/index.html")!.contains("7 pages"))
    }

    func testOutputDoesNotDependOnTheNumberOfThreads() {
        let temp = TemporaryDirectory()
        let site = FixturePaths.fixtures + "/features/site"
        XCTAssertTrue(build(site, into: temp.sub("one"), jobs: 1).succeeded)
        XCTAssertTrue(build(site, into: temp.sub("many"), jobs: 8).succeeded)
        XCTAssertNil(OutputTree(reading: temp.sub("one")).difference(from: OutputTree(reading: temp.sub("many"))))
    }

    func testSecondBuildWritesNothingAndKeepsForeignFiles() throws {
        let temp = TemporaryDirectory()
        let site = FixturePaths.fixtures + "/features/site"
        let first = build(site, into: temp.sub("out"))
        XCTAssertEqual(first.outputsWritten, first.outputs)
        try LocalFileSystem().writeAtomically(Array("mine".utf8), to: temp.sub("out/CNAME"))
        let second = build(site, into: temp.sub("out"))
        XCTAssertEqual(second.outputsWritten, 0)
        XCTAssertEqual(second.outputsUnchanged, second.outputs)
        XCTAssertEqual(second.outputsDeleted, 0)
        XCTAssertEqual(try LocalFileSystem().readString(temp.sub("out/CNAME")), "mine")
    }
}
