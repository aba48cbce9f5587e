import XCTest
@testable import SitegenCore

final class FrontMatterSplitterTests: XCTestCase {
    func testYAMLAndTOMLFencesAndLineNumbers() throws {
        let yaml = try FrontMatterSplitter.split("---\ntitle: A\ndate: 2026-01-01\n---\nBody\n")
        XCTAssertEqual(yaml.format, .yaml)
        XCTAssertEqual(yaml.frontMatter, "title: A\ndate: 2026-01-01")
        XCTAssertEqual(yaml.frontMatterLine, 2)
        XCTAssertEqual(yaml.body, "Body\n")
        XCTAssertEqual(yaml.bodyLine, 5)
        let toml = try FrontMatterSplitter.split("+++\ntitle = \"A\"\n+++\n\nBody")
        XCTAssertEqual(toml.format, .toml)
        XCTAssertEqual(toml.bodyLine, 4)
    }

    func testNoFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplitter.split("# Title\n\n---\n")
        XCTAssertEqual(split.format, .none)
        XCTAssertEqual(split.body, "# Title\n\n---\n")
        XCTAssertEqual(split.bodyLine, 1)
        XCTAssertEqual(try FrontMatterSplitter.split("----\nx").format, .none)
    }

    func testUnclosedFenceIsAnErrorOnLineOne() {
        XCTAssertThrowsError(try FrontMatterSplitter.split("---\ntitle: A\nBody")) { error in
            let failure = error as! FrontMatterSplitError
            XCTAssertEqual(failure.line, 1)
            XCTAssertEqual(failure.message, "front matter starting with '---' is not closed by a '---' line")
        }
    }

    func testTextDecodingReportsTheFirstBadByte() {
        XCTAssertEqual(try TextDecoding.decode(Array("a\r\nb".utf8)), "a\nb")
        XCTAssertEqual(try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61]), "a")
        XCTAssertThrowsError(try TextDecoding.decode(Array("ok\nab".utf8) + [0xFF])) { error in
            let failure = error as! TextDecodingError
            XCTAssertEqual(failure.position, TextPosition(line: 2, column: 3))
            XCTAssertEqual(failure.message, "invalid UTF-8 (byte 0xFF)")
        }
        XCTAssertThrowsError(try TextDecoding.decode([0x61, 0x00])) { error in
            XCTAssertEqual((error as! TextDecodingError).message, "file contains NUL bytes; it looks binary, not text")
        }
        XCTAssertThrowsError(try TextDecoding.decode([0xED, 0xA0, 0x80]))  // a UTF-16 surrogate
        XCTAssertThrowsError(try TextDecoding.decode([0xC0, 0xAF]))  // overlong '/'
    }
}
