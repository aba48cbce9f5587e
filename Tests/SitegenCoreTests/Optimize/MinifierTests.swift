import SitegenCore
import SitegenTestSupport
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

    /// Snippets full of the constructs the minifiers track, cut and spliced at random: every kind must survive every
    /// mutation, give the same output twice, and never grow the input by more than the few bytes it may add.
    func testRandomMutationsNeverCrashAndStayDeterministic() {
        let snippets = [
            "<p a=\"1\">x <b>y</b></p><script>a = `${ {b: '/'} }` / 2 /* c */</script><style>a { b: url( c ) }</style>",
            "a { --x: { y }; b: calc(1px + 2px) !important } @media (x) { y { z: #FFF } }",
            "x = /re[/]/g; return\n a++ / 2 // c\n<!-- d\n--> e",
            "{\"a\": [1, 2.5, \"\\u00e9\"], \"b\": null}",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \">\">]><r xml:space=\"preserve\"> <![CDATA[ x ]]><!-- c --><p d=\"M 0.5 1\"/></r>",
        ]
        var random = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            var bytes = Array(random.pick(snippets).utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where at < bytes.count: bytes.remove(at: at)
                case 1: bytes.insert(random.pick(Array("<>/*'\"`${}()[];:,\\\n -!#@.0e".utf8)), at: at)
                default: bytes = Array(bytes[..<at]) + Array(random.pick(snippets).utf8.prefix(20))
                }
            }
            for kind in MinifyKind.allCases {
                let once = Minifier.minify(bytes, kind: kind)
                XCTAssertEqual(Minifier.minify(bytes, kind: kind), once)
                XCTAssertLessThanOrEqual(once.count, bytes.count + 16, "\(kind): \(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
