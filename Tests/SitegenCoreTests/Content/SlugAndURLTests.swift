import XCTest
@testable import SitegenCore

final class SlugAndURLTests: XCTestCase {
    func testSlugKeepsLettersAndDigitsOfAnyScript() {
        XCTAssertEqual(Slug.make("Hello, World!"), "hello-world")
        XCTAssertEqual(Slug.make("  Swift 6.3 / Linux  "), "swift-6-3-linux")
        XCTAssertEqual(Slug.make("Ünïcödé Straße"), "ünïcödé-straße")
        XCTAssertEqual(Slug.make("日本語 タグ"), "日本語-タグ")
        XCTAssertEqual(Slug.make("snake_case"), "snake_case")
        XCTAssertEqual(Slug.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(Slug.make("!!!"), "")
    }

    func testURLPathsRejectEscapes() {
        XCTAssertNil(URLPath.problem(with: "/about/"))
        XCTAssertNil(URLPath.problem(with: "old/page.html"))
        XCTAssertNotNil(URLPath.problem(with: "/../outside/"))
        XCTAssertNotNil(URLPath.problem(with: "a/./b"))
        XCTAssertNotNil(URLPath.problem(with: "https://example.com/x"))
        XCTAssertNotNil(URLPath.problem(with: "//evil.example/x"))
        XCTAssertNotNil(URLPath.problem(with: "a\\b"))
        XCTAssertNotNil(URLPath.problem(with: ""))
        XCTAssertNotNil(URLPath.problem(with: "a?b"))
    }

    func testNormalizeAndOutputFile() {
        XCTAssertEqual(URLPath.normalize("about"), "/about/")
        XCTAssertEqual(URLPath.normalize("/about/"), "/about/")
        XCTAssertEqual(URLPath.normalize("//a//b"), "/a/b/")
        XCTAssertEqual(URLPath.normalize("/feed.xml"), "/feed.xml")
        XCTAssertEqual(URLPath.normalize("/v1.2/"), "/v1.2/")
        XCTAssertEqual(URLPath.normalize("/"), "/")
        XCTAssertEqual(URLPath.outputFile(for: "/"), "index.html")
        XCTAssertEqual(URLPath.outputFile(for: "/blog/hello/"), "blog/hello/index.html")
        XCTAssertEqual(URLPath.outputFile(for: "/feed.xml"), "feed.xml")
    }

    func testBasePathAndOrigin() {
        var config = SiteConfig()
        config.baseURL = "https://example.com/docs"
        XCTAssertEqual(config.basePath, "/docs")
        XCTAssertEqual(config.origin, "https://example.com")
        config.baseURL = "https://example.com"
        XCTAssertEqual(config.basePath, "")
    }
}

final class PaginatorTests: XCTestCase {
    func testWindowShowsEndsAndNeighboursWithGaps() {
        XCTAssertEqual(Paginator.window(current: 1, total: 1), [1])
        XCTAssertEqual(Paginator.window(current: 2, total: 3), [1, 2, 3])
        XCTAssertEqual(Paginator.window(current: 1, total: 10), [1, 2, 3, nil, 10])
        XCTAssertEqual(Paginator.window(current: 5, total: 10), [1, nil, 3, 4, 5, 6, 7, nil, 10])
        XCTAssertEqual(Paginator.window(current: 4, total: 10), [1, 2, 3, 4, 5, 6, nil, 10])
        XCTAssertEqual(Paginator.window(current: 10, total: 10), [1, nil, 8, 9, 10])
    }

    func testURLsAndRanges() {
        let paginator = Paginator(baseURLPath: "/blog/", pageCount: 23, size: 10)
        XCTAssertEqual(paginator.totalPages, 3)
        XCTAssertEqual(paginator.urlPath(ofPage: 1), "/blog/")
        XCTAssertEqual(paginator.urlPath(ofPage: 3), "/blog/page/3/")
        XCTAssertEqual(paginator.range(ofPage: 3), 20..<23)
        XCTAssertEqual(Paginator(baseURLPath: "/x/", pageCount: 0, size: 5).totalPages, 1)
    }
}
