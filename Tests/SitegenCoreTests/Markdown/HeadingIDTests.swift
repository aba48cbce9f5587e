import SitegenCore
import XCTest

final class HeadingIDTests: XCTestCase {
    private func render(_ markdown: String, _ options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        MarkdownRenderer(options: options).render(markdown)
    }

    func testSlugsFollowGitHub() {
        let rendered = render("""
            ## Hello World
            ## API: v2.0 (beta)
            ## snake_case and kebab-case
            ## Ünïcode Straße & Co.
            ## 日本語 見出し
            ## नमस्ते दुनिया
            ## Two  spaces
            """)
        XCTAssertEqual(rendered.headings.map(\.id), [
            "hello-world", "api-v20-beta", "snake_case-and-kebab-case", "ünïcode-straße--co", "日本語-見出し",
            "नमस्ते-दुनिया", "two--spaces",
        ])
        XCTAssertTrue(rendered.html.contains(#"<h2 id="hello-world">Hello World</h2>"#), rendered.html)
    }

    func testHeadingWithoutLettersIsCalledSection() {
        let rendered = render("## 😀\n\n## ???\n")
        XCTAssertEqual(rendered.headings.map(\.id), ["section", "section-1"])
    }

    func testRepeatedTitlesGetNumberedSuffixes() {
        let rendered = render("# Intro\n\n## Intro\n\n### Intro\n\n## Intro 1\n")
        XCTAssertEqual(rendered.headings.map(\.id), ["intro", "intro-1", "intro-2", "intro-1-1"])
        XCTAssertEqual(rendered.headings.map(\.level), [1, 2, 3, 2])
    }

    func testTitleIsPlainText() {
        let rendered = render("## *Fast* `code` and [a link](/x)\nsetext\n---\n")
        XCTAssertEqual(rendered.headings.map(\.title), ["Fast code and a link", "setext"])
        XCTAssertEqual(rendered.headings.first?.id, "fast-code-and-a-link")
        XCTAssertEqual(
            rendered.headings.map(\.position), [TextPosition(line: 1, column: 1), TextPosition(line: 2, column: 1)])
    }

    func testExplicitIDReplacesTheSlugAndLeavesTheText() {
        let rendered = render("## Setup {#install}\n")
        XCTAssertEqual(rendered.html, "<h2 id=\"install\">Setup</h2>\n")
        XCTAssertEqual(rendered.headings, [
            MarkdownHeading(level: 2, id: "install", title: "Setup", position: TextPosition(line: 1, column: 1))
        ])
    }

    func testExplicitIDAfterMarkupAndWithUnderscores() {
        let rendered = render("# *Big* news {#big_news_2}\n")
        XCTAssertEqual(rendered.html, "<h1 id=\"big_news_2\"><em>Big</em> news</h1>\n")
        XCTAssertEqual(rendered.headings.first?.title, "Big news")
    }

    func testMalformedExplicitIDsStayText() {
        let rendered = render("## A {#}\n\n## B {#two words}\n\n## C {x}\n")
        XCTAssertEqual(rendered.headings.map(\.title), ["A {#}", "B {#two words}", "C {x}"])
        XCTAssertEqual(rendered.headings.map(\.id), ["a-", "b-two-words", "c-x"])
    }

    func testGeneratedIDsStepAroundExplicitOnes() {
        let rendered = render("## Install\n\n## Other {#install}\n")
        XCTAssertEqual(rendered.headings.map(\.id), ["install-1", "install"])
    }

    func testExplicitIDIsEscapedInTheAttribute() {
        // Smart punctuation would curl the quotes before the id is read, so it is off here.
        let rendered = render(#"## Quote {#a"b&c'd}"# + "\n", MarkdownOptions(smartPunctuation: false))
        XCTAssertEqual(rendered.headings.first?.id, #"a"b&c'd"#)
        XCTAssertEqual(rendered.html, "<h2 id=\"a&quot;b&amp;c&#39;d\">Quote</h2>\n")
    }

    func testSafeModeStillGetsIDs() {
        let rendered = render("## <em>Raw</em> title\n", MarkdownOptions(unsafeHTML: false))
        XCTAssertEqual(
            rendered.html,
            "<h2 id=\"raw-title\"><!-- raw HTML omitted -->Raw<!-- raw HTML omitted --> title</h2>\n")
    }

    func testHeadingIDsOff() {
        let rendered = render("## Setup {#install}\n", MarkdownOptions(headingIDs: false))
        XCTAssertEqual(rendered.html, "<h2>Setup {#install}</h2>\n")
        XCTAssertEqual(rendered.headings.map(\.id), [""])
        XCTAssertEqual(rendered.headings.map(\.title), ["Setup {#install}"])
    }

    func testRawHeadingTagsAreNotTouched() {
        let rendered = render("<h2>Raw</h2>\n\n## Real\n\n> ## Quoted\n\n- ## In a list\n")
        XCTAssertEqual(rendered.html, """
            <h2>Raw</h2>
            <h2 id="real">Real</h2>
            <blockquote>
            <h2 id="quoted">Quoted</h2>
            </blockquote>
            <ul>
            <li>
            <h2 id="in-a-list">In a list</h2>
            </li>
            </ul>

            """)
    }

    func testPrivateUseCharactersInTheSourceSurvive() {
        let markdown = "## \u{E000}h0\u{E001} odd\n\nText \u{E000}m\u{E001} and \u{E002}.\n"
        let rendered = render(markdown)
        XCTAssertEqual(
            rendered.html,
            "<h2 id=\"h0-odd\">\u{E000}h0\u{E001} odd</h2>\n<p>Text \u{E000}m\u{E001} and \u{E002}.</p>\n")
        XCTAssertEqual(rendered.summaryHTML, "<p>Text \u{E000}m\u{E001} and \u{E002}.</p>\n")
    }
}
