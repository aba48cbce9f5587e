import XCTest

/// The rules `normalize.py` documents in its doctests, so that the conformance tests' comparison is itself checked.
final class HTMLNormalizerTests: XCTestCase {
    func testWhitespaceCollapsesExceptInPre() {
        XCTAssertEqual(HTMLNormalizer.normalize("<p>a  \t b</p>"), "<p>a b</p>")
        XCTAssertEqual(HTMLNormalizer.normalize("<p>a  \t\nb</p>"), "<p>a b</p>")
        XCTAssertEqual(HTMLNormalizer.normalize("<pre><code>a  \n  b\n</code></pre>"), "<pre><code>a  \n  b\n</code></pre>")
    }

    func testWhitespaceAroundBlockTagsIsRemoved() {
        XCTAssertEqual(HTMLNormalizer.normalize(" <p>a  b</p>"), "<p>a b</p>")
        XCTAssertEqual(HTMLNormalizer.normalize("<p>a  b</p> "), "<p>a b</p>")
        XCTAssertEqual(HTMLNormalizer.normalize("\n\t<p>\n\t\ta  b\t\t</p>\n\t"), "<p>a b</p>")
        XCTAssertEqual(HTMLNormalizer.normalize("<i>a  b</i> "), "<i>a b</i> ")
    }

    func testSelfClosingTagsBecomeOpenTags() {
        XCTAssertEqual(HTMLNormalizer.normalize("<br />"), "<br>")
        XCTAssertEqual(HTMLNormalizer.normalize("<img src=\"a\" alt=\"b\" />"), "<img alt=\"b\" src=\"a\">")
    }

    func testAttributesAreSortedAndLowercased() {
        XCTAssertEqual(HTMLNormalizer.normalize(#"<a title="bar" HREF="foo">x</a>"#), #"<a href="foo" title="bar">x</a>"#)
    }

    func testReferencesAreDecodedExceptMarkupCharacters() {
        XCTAssertEqual(HTMLNormalizer.normalize("&forall;&amp;&gt;&lt;&quot;"), "\u{2200}&amp;&gt;&lt;&quot;")
        XCTAssertEqual(HTMLNormalizer.normalize("&#x41;&#66;&#X43;&nosuch;"), "AB&X43;&nosuch;")
    }

    func testDifferentHTMLStaysDifferent() {
        XCTAssertNotEqual(HTMLNormalizer.normalize("<p>a</p>"), HTMLNormalizer.normalize("<p>b</p>"))
        XCTAssertNotEqual(HTMLNormalizer.normalize("<em>a</em>"), HTMLNormalizer.normalize("<strong>a</strong>"))
        XCTAssertNotEqual(HTMLNormalizer.normalize("<a href=\"x\">"), HTMLNormalizer.normalize("<a href=\"y\">"))
        XCTAssertNotEqual(HTMLNormalizer.normalize("<p>a b</p>"), HTMLNormalizer.normalize("<p>ab</p>"))
    }
}
