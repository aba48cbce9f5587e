import SitegenCore
import XCTest

/// Choosing a minifier by extension, and the promises every minifier keeps.
final class MinifierTests: XCTestCase {
    func testKindForPath() {
        XCTAssertEqual(Minifier.kind(forPath: "index.html"), .html)
        XCTAssertEqual(Minifier.kind(forPath: "old/PAGE.HTM"), .html)
        XCTAssertEqual(Minifier.kind(forPath: "css/site.css"), .css)
        XCTAssertEqual(Minifier.kind(forPath: "js/app.js"), .js)
        XCTAssertEqual(Minifier.kind(forPath: "js/app.mjs"), .js)
        XCTAssertEqual(Minifier.kind(forPath: "data.json"), .json)
        XCTAssertEqual(Minifier.kind(forPath: "site.webmanifest"), .json)
        XCTAssertEqual(Minifier.kind(forPath: "favicon.svg"), .svg)
        XCTAssertEqual(Minifier.kind(forPath: "atom.xml"), .xml)
        XCTAssertEqual(Minifier.kind(forPath: "feed.rss"), .xml)
        XCTAssertEqual(Minifier.kind(forPath: "feed.atom"), .xml)
        XCTAssertNil(Minifier.kind(forPath: "app.js.map"))
        XCTAssertNil(Minifier.kind(forPath: "style.xsl"))
        XCTAssertNil(Minifier.kind(forPath: "robots.txt"))
        XCTAssertNil(Minifier.kind(forPath: "css/.css"))
        XCTAssertNil(Minifier.kind(forPath: "dir.html/file"))
        XCTAssertNil(Minifier.kind(forPath: ""))
    }

    func testEmptyInputStaysEmptyForEveryKind() {
        for kind in MinifyKind.allCases where kind != .json {
            XCTAssertEqual(Minifier.minify([], kind: kind), [], "\(kind)")
        }
        XCTAssertEqual(Minifier.minify([], kind: .json), [], "not JSON: unchanged")
    }

    /// Bytes that are no valid UTF-8, NULs and truncated constructs: never a crash, and unreadable input unchanged.
    func testGarbageNeverCrashes() {
        let samples: [[UInt8]] = [
            [0xFF, 0xFE, 0x00, 0x3C], Array("<".utf8), Array("</".utf8), Array("<a href='".utf8), Array("/*".utf8),
            Array("'".utf8), Array("`${".utf8), Array("}".utf8), Array("{{{".utf8), Array("<!".utf8), Array("@".utf8),
            Array("#".utf8), Array("\\".utf8), Array("url(".utf8), [0xE2, 0x80], [0xC2],
        ]
        for sample in samples {
            for kind in MinifyKind.allCases { _ = Minifier.minify(sample, kind: kind) }
        }
    }
}
