import SitegenCore
import XCTest

/// Choosing a format by file extension and parsing through it.
final class DataFormatTests: XCTestCase {
    func testFormatForPath() {
        XCTAssertEqual(DataFormat.forPath("sitegen.toml"), .toml)
        XCTAssertEqual(DataFormat.forPath("data/authors.yaml"), .yaml)
        XCTAssertEqual(DataFormat.forPath("data/authors.yml"), .yaml)
        XCTAssertEqual(DataFormat.forPath("data/team/a.json"), .json)
        XCTAssertEqual(DataFormat.forPath("/abs/path/DATA.JSON"), .json)
        XCTAssertEqual(DataFormat.forPath("archive.tar.Yml"), .yaml)
        XCTAssertEqual(DataFormat.forPath("dir.json/notes.txt"), nil)
        XCTAssertEqual(DataFormat.forPath("data/.json"), nil)
        XCTAssertEqual(DataFormat.forPath("README"), nil)
        XCTAssertEqual(DataFormat.forPath("toml"), nil)
        XCTAssertEqual(DataFormat.forPath("trailing."), nil)
        XCTAssertEqual(DataFormat.forPath(""), nil)
    }

    func testParseDispatchesToEachFormat() throws {
        let expected = DataValue.table({
            var table = DataTable()
            table.set("title", .string("Hi"))
            table.set("tags", .array([.string("a"), .string("b")]))
            return table
        }())
        let toml = try DataFormat.toml.parse("title = \"Hi\"\ntags = [\"a\", \"b\"]")
        let yaml = try DataFormat.yaml.parse("title: Hi\ntags: [a, b]")
        let json = try DataFormat.json.parse("{\"title\": \"Hi\", \"tags\": [\"a\", \"b\"]}")
        // Equality includes positions, which differ per format: compare entries.
        for value in [toml, yaml, json] {
            XCTAssertEqual(value.tableValue?.entries.map(\.key), expected.tableValue?.entries.map(\.key))
            XCTAssertEqual(value.tableValue?.entries.map(\.value), expected.tableValue?.entries.map(\.value))
        }
    }

    func testParseErrorsAreFormatErrors() {
        assertFormatError("expected '=' after key", line: 1, column: 7) { try DataFormat.toml.parse("title \"x\"") }
        assertFormatError("mapping values are not allowed in this context", line: 1, column: 5) {
            try DataFormat.yaml.parse("a: b: c")
        }
        assertFormatError("expected ':' after key", line: 1, column: 6) { try DataFormat.json.parse("{\"a\" 1}") }
    }
}
