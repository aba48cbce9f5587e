import XCTest
@testable import SitegenServer

final class RequestPathTests: XCTestCase {
    private func parts(_ target: String) -> [String]? {
        try? RequestPath.parse(target).get().parts
    }

    func testPlainPathsDecodeEachPartAndIgnoreQueryAndFragment() throws {
        XCTAssertEqual(parts("/"), [])
        XCTAssertEqual(parts("/docs/cli/?q=1#top"), ["docs", "cli"])
        XCTAssertEqual(parts("//a//b/"), ["a", "b"])
        XCTAssertEqual(parts("/caf%C3%A9/a%20b.html"), ["café", "a b.html"])
        XCTAssertEqual(try RequestPath.parse("/docs/").get().namesFolder, true)
        XCTAssertEqual(try RequestPath.parse("/docs").get().namesFolder, false)
        XCTAssertEqual(try RequestPath.parse("/").get().namesFolder, true)
    }

    func testDotDotInEverySpellingIsRefused() {
        for target in ["/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2e/x", "/.%2e/x", "/a/./b",
                       "/..", "/a/%2e"] {
            XCTAssertNil(parts(target), target)
        }
    }

    func testEncodedSeparatorsNulAndBackslashesAreRefused() {
        for target in ["/a%2fb", "/a%2F..%2Fb", "/..%2f..%2fetc", "/a%5cb", "/a\\b", "/..\\x", "/a%00.html", "/%c0%ae%c0%ae/x"] {
            XCTAssertNil(parts(target), target)
        }
    }

    func testMalformedEscapesAndRelativeTargetsAreRefused() {
        XCTAssertEqual(RequestPath.parse("/a%zz"), .failure(.badEncoding))
        XCTAssertEqual(RequestPath.parse("/a%4"), .failure(.badEncoding))
        XCTAssertEqual(RequestPath.parse("/a%e2%82"), .failure(.badEncoding))
        XCTAssertEqual(RequestPath.parse("a/b"), .failure(.notAbsolute))
        XCTAssertEqual(RequestPath.parse("*"), .failure(.notAbsolute))
    }
}
