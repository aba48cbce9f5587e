import SitegenCore
import XCTest

final class WordCountTests: XCTestCase {
    private func words(_ markdown: String) -> Int {
        MarkdownRenderer(options: MarkdownOptions()).render(markdown).wordCount
    }

    func testPlainText() {
        XCTAssertEqual(words("Hello world, this is sitegen.\n"), 5)
        XCTAssertEqual(words(""), 0)
    }

    func testMarkupInsideAWordDoesNotSplitIt() {
        XCTAssertEqual(words("foo_bar baz **a**b c~~d~~e\n"), 4)
    }

    func testBlocksAndLineBreaksSeparateWords() {
        XCTAssertEqual(words("one\n\ntwo\nthree  \nfour\n"), 4)
        XCTAssertEqual(words("| a | b |\n|---|---|\n| c | d |\n"), 4)
        XCTAssertEqual(words("- a\n- b\n\n> c\n"), 3)
    }

    func testCodeCounts() {
        XCTAssertEqual(words("Call `make all` now.\n\n```\nlet x = 1\n```\n\n    indented code\n"), 10)
    }

    func testHeadingsCountWithoutTheirExplicitID() {
        XCTAssertEqual(words("## Getting started {#start}\n\nBody.\n"), 3)
    }

    func testRawHTMLAndURLsDoNotCountButLinkTextDoes() {
        XCTAssertEqual(words("<div class=\"x\">\nraw words here\n</div>\n\nA [link text](https://example.com/a/b).\n"), 3)
    }

    func testUnicodeWhitespaceSeparates() {
        XCTAssertEqual(words("10\u{00A0}km and\u{3000}日本語\n"), 4)
    }
}
