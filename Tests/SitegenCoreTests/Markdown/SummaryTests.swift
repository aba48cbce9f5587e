import SitegenCore
import XCTest

final class SummaryTests: XCTestCase {
    private func render(_ markdown: String, _ options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        MarkdownRenderer(options: options).render(markdown)
    }

    func testMoreMarkerSplitsTheBody() {
        let rendered = render("Intro *one*.\n\nIntro two.\n\n<!--more-->\n\nRest.\n")
        XCTAssertTrue(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "<p>Intro <em>one</em>.</p>\n<p>Intro two.</p>\n")
        XCTAssertEqual(rendered.html, "<p>Intro <em>one</em>.</p>\n<p>Intro two.</p>\n<p>Rest.</p>\n")
    }

    func testSpacedMoreMarkerAndNoBlankLineBefore() {
        let rendered = render("Intro.\n<!-- more -->\nRest.\n")
        XCTAssertTrue(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "<p>Intro.</p>\n")
        XCTAssertEqual(rendered.html, "<p>Intro.</p>\n<p>Rest.</p>\n")
    }

    func testMoreMarkerInSafeModeLeavesNoOmittedComment() {
        let rendered = render("Intro.\n\n<!--more-->\n\n<div>raw</div>\n", MarkdownOptions(unsafeHTML: false))
        XCTAssertTrue(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "<p>Intro.</p>\n")
        XCTAssertEqual(rendered.html, "<p>Intro.</p>\n<!-- raw HTML omitted -->\n")
    }

    func testSummaryKeepsHeadingIDsAndRewrittenLinks() {
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render(
            "## Start\n\nSee [setup](setup.md).\n\n<!--more-->\n\nMore.\n"
        ) { $0.destination == "setup.md" ? "/setup/" : nil }
        XCTAssertEqual(
            rendered.summaryHTML, "<h2 id=\"start\">Start</h2>\n<p>See <a href=\"/setup/\">setup</a>.</p>\n")
    }

    func testMoreMarkerFirstGivesAnEmptySummary() {
        let rendered = render("<!--more-->\n\nBody.\n")
        XCTAssertTrue(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "")
        XCTAssertEqual(rendered.html, "<p>Body.</p>\n")
    }

    func testOnlyTheFirstMarkerCutsAndLaterOnesDisappear() {
        let rendered = render("One.\n\n<!--more-->\n\nTwo.\n\n<!--more-->\n\nThree.\n")
        XCTAssertEqual(rendered.summaryHTML, "<p>One.</p>\n")
        XCTAssertEqual(rendered.html, "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n")
    }

    func testMarkerThatIsNotATopLevelBlockDoesNotCut() {
        let rendered = render("Inline <!--more--> marker.\n\n> <!--more-->\n\nOther <!-- MORE -->\n")
        XCTAssertFalse(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "<p>Inline <!--more--> marker.</p>\n")
        XCTAssertEqual(rendered.html, """
            <p>Inline <!--more--> marker.</p>
            <blockquote>
            <!--more-->
            </blockquote>
            <p>Other <!-- MORE --></p>

            """)
    }

    func testWithoutMarkerTheSummaryIsTheFirstTopLevelParagraph() {
        let rendered = render("# Title\n\n> Quoted paragraph.\n\n- item paragraph\n\nFirst [p](/x) *here*.\n\nSecond.\n")
        XCTAssertFalse(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "<p>First <a href=\"/x\">p</a> <em>here</em>.</p>\n")
        XCTAssertEqual(rendered.html, """
            <h1 id="title">Title</h1>
            <blockquote>
            <p>Quoted paragraph.</p>
            </blockquote>
            <ul>
            <li>item paragraph</li>
            </ul>
            <p>First <a href="/x">p</a> <em>here</em>.</p>
            <p>Second.</p>

            """)
    }

    func testFirstParagraphEndingInFootnoteReferenceOrHardBreak() {
        let rendered = render("Note[^1] and a break  \nhere.\n\n[^1]: The note.\n")
        XCTAssertEqual(
            rendered.summaryHTML,
            ##"<p>Note<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>"##
                + " and a break<br />\nhere.</p>\n")
    }

    func testNoParagraphGivesAnEmptySummary() {
        let rendered = render("# Only a heading\n\n```\ncode\n```\n")
        XCTAssertFalse(rendered.hasExplicitSummary)
        XCTAssertEqual(rendered.summaryHTML, "")
        XCTAssertEqual(render("").summaryHTML, "")
        XCTAssertEqual(render("").html, "")
    }
}
