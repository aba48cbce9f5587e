import XCTest
@testable import SitegenCore

final class MustacheTagScannerTests: XCTestCase {
    func testFindsTagsWithPositions() {
        let tags = MustacheTagScanner.tags(in: "<p>{{title}}</p>\n  {{> head}}{{{content}}}\n{{#list}}x{{/list}}")
        XCTAssertEqual(tags.map(\.name), ["title", "head", "content", "list", "list"])
        XCTAssertEqual(tags[1].kind, .partial)
        XCTAssertEqual(tags[1].position, TextPosition(line: 2, column: 3))
        XCTAssertEqual(tags[2].kind, .unescaped)
        XCTAssertEqual(tags[3].position, TextPosition(line: 3, column: 1))
    }

    func testReportsWhereAnUnclosedSectionOpened() {
        let tags = MustacheTagScanner.tags(in: "a\n{{#pages}}\n{{title}}\n")
        let problem = MustacheTagScanner.structureProblem(in: tags)
        XCTAssertEqual(problem?.0, "section 'pages' is never closed (expected '{{/pages}}')")
        XCTAssertEqual(problem?.1, TextPosition(line: 2, column: 1))
    }

    func testReportsMismatchedClose() {
        let tags = MustacheTagScanner.tags(in: "{{#a}}{{#b}}{{/a}}{{/b}}")
        XCTAssertEqual(MustacheTagScanner.structureProblem(in: tags)?.0,
                       "'{{/a}}' does not match the open section 'b' (opened at line 1)")
        XCTAssertNil(MustacheTagScanner.structureProblem(in: MustacheTagScanner.tags(in: "{{<base}}{{$main}}x{{/main}}{{/base}}")))
    }
}
