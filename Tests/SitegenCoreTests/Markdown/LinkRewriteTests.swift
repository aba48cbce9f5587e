import SitegenCore
import XCTest

final class LinkRewriteTests: XCTestCase {
    private func links(_ markdown: String) -> [MarkdownLink] {
        MarkdownRenderer(options: MarkdownOptions()).render(markdown).links
    }

    private func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

    func testRewriteReplacesURLsAndReportsTheOriginals() {
        var seen: [String] = []
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render(
            "See [a](a.md) and ![pic](img/p.png \"Title\") and [b](https://x.org).\n"
        ) { link in
            seen.append(link.destination)
            switch link.destination {
            case "a.md": return "/a/"
            case "img/p.png": return "/img/p.3f2a.png"
            default: return nil
            }
        }
        XCTAssertEqual(seen, ["a.md", "img/p.png", "https://x.org"])
        XCTAssertEqual(
            rendered.html,
            "<p>See <a href=\"/a/\">a</a> and <img src=\"/img/p.3f2a.png\" alt=\"pic\" title=\"Title\" /> and "
                + "<a href=\"https://x.org\">b</a>.</p>\n")
        XCTAssertEqual(rendered.links, [
            MarkdownLink(destination: "a.md", position: at(1, 5), isImage: false),
            MarkdownLink(destination: "img/p.png", position: at(1, 19), isImage: true),
            MarkdownLink(destination: "https://x.org", position: at(1, 49), isImage: false),
        ])
    }

    func testReferenceLinksReportTheResolvedDestinationAtTheUse() {
        XCTAssertEqual(links("Use [the guide][g] or [g].\n\n[g]: <docs/guide.md> \"Guide\"\n"), [
            MarkdownLink(destination: "docs/guide.md", position: at(1, 5), isImage: false),
            MarkdownLink(destination: "docs/guide.md", position: at(1, 23), isImage: false),
        ])
    }

    func testEscapesAndEntitiesAreResolvedInDestinations() {
        XCTAssertEqual(links("[a](a\\_b.md) [c](c&amp;d.md) [e](<my file.md>)\n").map(\.destination), [
            "a_b.md", "c&d.md", "my file.md",
        ])
    }

    func testPositionsInsideContainersTablesAndFootnotes() {
        let markdown = """
            > Quote [q](q.md)
            > and [r](r.md)

            - Item [i](i.md)
              more [j](j.md)

            | col | link |
            |-----|------|
            | x   | [t](t.md) |

            Note[^n].

            [^n]: Footnote [f](f.md)
            """
        XCTAssertEqual(links(markdown).map(\.position), [at(1, 9), at(2, 7), at(4, 8), at(5, 8), at(9, 9), at(13, 16)])
    }

    func testColumnsCountUTF8Bytes() {
        XCTAssertEqual(links("é [a](/x)\n").map(\.position), [at(1, 4)])
    }

    func testAutolinksAreReportedWhereTheyStart() {
        let markdown = """
            Visit www.example.com or https://a.org/x, mail me@b.org.
            > q *e* www.c.com
            > <https://d.org> <mailto:e@f.org>
            - <https://g.org> twice www.example.com

            text
            line2 https://h.org
            """
        XCTAssertEqual(links(markdown), [
            MarkdownLink(destination: "http://www.example.com", position: at(1, 7), isImage: false),
            MarkdownLink(destination: "https://a.org/x", position: at(1, 26), isImage: false),
            MarkdownLink(destination: "mailto:me@b.org", position: at(1, 48), isImage: false),
            MarkdownLink(destination: "http://www.c.com", position: at(2, 9), isImage: false),
            MarkdownLink(destination: "https://d.org", position: at(3, 3), isImage: false),
            MarkdownLink(destination: "mailto:e@f.org", position: at(3, 19), isImage: false),
            MarkdownLink(destination: "https://g.org", position: at(4, 3), isImage: false),
            MarkdownLink(destination: "http://www.example.com", position: at(4, 25), isImage: false),
            MarkdownLink(destination: "https://h.org", position: at(7, 7), isImage: false),
        ])
    }

    func testCRLFLineEndings() {
        XCTAssertEqual(links("one\r\n\r\ntwo [a](a.md)\r\nthree www.x.org\r\n").map(\.position), [at(3, 5), at(4, 7)])
    }

    func testLinksInHeadingsAndImagesInsideLinks() {
        let rendered = MarkdownRenderer(options: MarkdownOptions())
            .render("## See [there](t.md)\n\n[![badge](b.svg)](https://ci)\n")
        XCTAssertEqual(rendered.links, [
            MarkdownLink(destination: "t.md", position: at(1, 8), isImage: false),
            MarkdownLink(destination: "https://ci", position: at(3, 1), isImage: false),
            MarkdownLink(destination: "b.svg", position: at(3, 2), isImage: true),
        ])
        XCTAssertEqual(rendered.headings.map(\.id), ["see-there"])
    }
}
