import SitegenCore
import XCTest

final class MarkdownOptionsTests: XCTestCase {
    func testDefaultsAreGitHubs() {
        let options = MarkdownOptions()
        XCTAssertTrue(options.unsafeHTML)
        XCTAssertTrue(options.smartPunctuation)
        XCTAssertTrue(options.footnotes)
        XCTAssertEqual(options.extensions, ["table", "strikethrough", "autolink", "tagfilter", "tasklist"])
        XCTAssertTrue(options.headingIDs)
        XCTAssertEqual(options.tocLevels, 2...4)
        XCTAssertEqual(options.unknownExtensions, [])
    }

    func testUnknownExtensionsAreReportedAndSkipped() {
        let options = MarkdownOptions(extensions: ["table", "mermaid", "footnotes"])
        XCTAssertEqual(options.unknownExtensions, ["mermaid", "footnotes"])
        XCTAssertEqual(
            MarkdownRenderer(options: options).renderPlainHTML("|a|\n|-|\n"),
            "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n")
    }

    func testOptionsReachCmark() {
        let plain = MarkdownOptions(
            unsafeHTML: false, smartPunctuation: false, footnotes: false, extensions: [], headingIDs: false)
        XCTAssertEqual(
            MarkdownRenderer(options: plain).renderPlainHTML("\"Hi\" -- <b>x</b> ~~y~~ [^1]\n\n[^1]: n\n"),
            "<p>&quot;Hi&quot; -- <!-- raw HTML omitted -->x<!-- raw HTML omitted --> ~~y~~ <a href=\"n\">^1</a></p>\n")
        XCTAssertEqual(
            MarkdownRenderer(options: MarkdownOptions()).renderPlainHTML("\"Hi\" -- <b>x</b> ~~y~~\n\n```swift\nx\n```\n"),
            "<p>“Hi” – <b>x</b> <del>y</del></p>\n<pre><code class=\"language-swift\">x\n</code></pre>\n")
    }
}
