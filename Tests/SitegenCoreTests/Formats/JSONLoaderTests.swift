import SitegenCore
import XCTest

/// Strict RFC 8259 JSON: valid documents, positions, and the errors of invalid ones.
final class JSONLoaderTests: XCTestCase {
    private func expect(_ message: String, _ line: Int, _ column: Int, _ text: String,
                        file: StaticString = #filePath, testLine: UInt = #line) {
        assertFormatError(message, line: line, column: column, file: file, testLine: testLine) {
            try JSONLoader.load(text)
        }
    }

    func testObjectsArraysAndScalars() throws {
        let value = try JSONLoader.load("""
            {
              "title": "Authors",
              "count": 2,
              "ratio": 0.25,
              "big": 1e3,
              "active": true,
              "retired": false,
              "people": [{"name": "Ada", "tags": ["math", "engines"]}, {"name": "Grace"}],
              "empty": {}, "none": []
            }
            """)
        XCTAssertEqual(value.tableValue?.keys, ["title", "count", "ratio", "big", "active", "retired", "people",
                                               "empty", "none"])
        XCTAssertEqual(value["title"], .string("Authors"))
        XCTAssertEqual(value["count"], .integer(2))
        XCTAssertEqual(value["ratio"], .float(0.25))
        XCTAssertEqual(value["big"], .float(1000))
        XCTAssertEqual(value["active"], .bool(true))
        XCTAssertEqual(value["retired"], .bool(false))
        XCTAssertEqual(value["people"]?.arrayValue?.first?["tags"], .array([.string("math"), .string("engines")]))
        XCTAssertEqual(value["empty"], .table(DataTable()))
        XCTAssertEqual(value["none"], .array([]))
    }

    func testTopLevelValuesOfAnyKind() throws {
        XCTAssertEqual(try JSONLoader.load("[1, \"two\", 3.5]"), .array([.integer(1), .string("two"), .float(3.5)]))
        XCTAssertEqual(try JSONLoader.load(" \"text\" "), .string("text"))
        XCTAssertEqual(try JSONLoader.load("42"), .integer(42))
        XCTAssertEqual(try JSONLoader.load("\n\ttrue\r\n"), .bool(true))
    }

    func testIntegersThatFitStayIntegers() throws {
        XCTAssertEqual(try JSONLoader.load("9223372036854775807"), .integer(.max))
        XCTAssertEqual(try JSONLoader.load("-9223372036854775808"), .integer(.min))
        XCTAssertEqual(try JSONLoader.load("-0"), .integer(0))
        XCTAssertEqual(try JSONLoader.load("9223372036854775808"), .float(9223372036854775808))
        XCTAssertEqual(try JSONLoader.load("-9223372036854775809"), .float(-0x1p63))
        XCTAssertEqual(try JSONLoader.load("1.0"), .float(1))
        XCTAssertEqual(try JSONLoader.load("1E+2"), .float(100))
        XCTAssertEqual(try JSONLoader.load("-0.5e-1"), .float(-0.05))
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try JSONLoader.load(#""a\"b\\c\/d\be\ff\ng\rh\ti""#), .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
        XCTAssertEqual(try JSONLoader.load(#""\u00e9\u03B1""#), .string("éα"))
        XCTAssertEqual(try JSONLoader.load(#""\ud83d\ude00 smile""#), .string("😀 smile"))
        XCTAssertEqual(try JSONLoader.load(#""\u0000""#), .string("\u{0}"))
        XCTAssertEqual(try JSONLoader.load("\"raw ünïcödé 😀\""), .string("raw ünïcödé 😀"))
    }

    func testNullsAreLeftOut() throws {
        let value = try JSONLoader.load(#"{"a": null, "b": 1, "list": [null, 1, null, 2]}"#)
        XCTAssertEqual(value.tableValue?.keys, ["b", "list"])
        XCTAssertEqual(value["list"], .array([.integer(1), .integer(2)]))
        XCTAssertEqual(try JSONLoader.load("null"), .table(DataTable()))
    }

    func testKeyPositions() throws {
        let value = try JSONLoader.load("""
            {"title": "x",
              "nested": {
                "inner": 1, "ünïcode": 2, "after": 3
              }
            }
            """)
        let root = try XCTUnwrap(value.tableValue)
        XCTAssertEqual(root.position(of: "title"), pos(1, 2))
        XCTAssertEqual(root.position(of: "nested"), pos(2, 3))
        let nested = try XCTUnwrap(root["nested"]?.tableValue)
        XCTAssertEqual(nested.position(of: "inner"), pos(3, 5))
        XCTAssertEqual(nested.position(of: "ünïcode"), pos(3, 17))
        // Columns count characters: "ünïcode" has two two-byte characters.
        XCTAssertEqual(nested.position(of: "after"), pos(3, 31))
    }

    func testByteOrderMarkAndCarriageReturns() throws {
        let value = try JSONLoader.load("\u{FEFF}{\r\n\"a\": 1,\r\"b\": 2}")
        XCTAssertEqual(value.tableValue?.position(of: "a"), pos(2, 1))
        XCTAssertEqual(value.tableValue?.position(of: "b"), pos(3, 1))
    }

    func testLongSingleLineDocumentsStayFast() throws {
        let members = (0..<20_000).map { "\"key\($0)\": \($0)" }.joined(separator: ", ")
        let value = try JSONLoader.load("{" + members + "}")
        XCTAssertEqual(value.tableValue?.keys.count, 20_000)
        XCTAssertEqual(value.tableValue?.position(of: "key1"), pos(1, 13))
    }

    // MARK: Errors

    func testStructuralErrors() {
        expect("unexpected end of input", 1, 1, "")
        expect("unexpected end of input", 1, 4, "   ")
        expect("unexpected text after value", 1, 4, "{} []")
        expect("unexpected text after value", 1, 3, "1 2")
        expect("expected a value", 1, 1, "}")
        expect("expected a value", 1, 7, "{\"a\": }")
        expect("expected ':' after key", 1, 6, "{\"a\" 1}")
        expect("object keys must be strings", 1, 2, "{a: 1}")
        expect("object keys must be strings", 1, 2, "{'a': 1}")
        expect("trailing comma is not allowed", 1, 9, "{\"a\": 1,}")
        expect("trailing comma is not allowed", 1, 4, "[1,]")
        expect("expected ',' or '}' in object", 1, 9, "{\"a\": 1 \"b\": 2}")
        expect("expected ',' or ']' in array", 1, 4, "[1 2]")
        expect("expected a value", 1, 2, "[,1]")
        expect("expected a value", 1, 4, "[1,,2]")
        expect("unterminated object", 1, 1, "{\"a\": 1")
        expect("unterminated object", 2, 1, "[\n{")
        expect("unterminated array", 1, 1, "[1, 2")
        expect("unterminated array", 1, 1, "[1,")
        expect("duplicate key 'a'", 3, 3, "{\n  \"a\": 1,\n  \"a\": 2\n}")
        expect("duplicate key 'a'", 1, 13, "{\"a\": null, \"a\": 1}")
    }

    func testLiteralErrors() {
        expect("invalid literal 'True'", 1, 1, "True")
        expect("invalid literal 'nul'", 1, 7, "{\"a\": nul}")
        expect("invalid literal 'NaN'", 1, 1, "NaN")
        expect("invalid number", 1, 1, "-Infinity")
    }

    func testNumberErrors() {
        expect("leading zeros are not allowed", 1, 1, "012")
        expect("leading zeros are not allowed", 1, 1, "-012")
        expect("expected digits after '.'", 1, 3, "1.")
        expect("expected digits after '.'", 1, 3, "1.e5")
        expect("expected digits in exponent", 1, 3, "1e")
        expect("expected digits in exponent", 1, 4, "1e+")
        expect("invalid number", 1, 1, "-")
        expect("expected a value", 1, 1, "+1")
        expect("expected a value", 1, 1, ".5")
        expect("unexpected text after value", 1, 2, "0x1F")
    }

    func testStringErrors() {
        expect("unterminated string", 1, 1, "\"abc")
        expect("expected ',' or '}' in object", 1, 8, "{\"a\": 1\"}")
        expect("unterminated string", 1, 7, "{\"a\": \"line\nbreak\"}")
        expect("control characters must be escaped in strings", 1, 3, "\"a\u{1}\"")
        expect("control characters must be escaped in strings", 1, 3, "\"a\tb\"")
        expect("invalid escape sequence '\\x'", 1, 3, "\"a\\x41\"")
        expect("invalid escape sequence '\\''", 1, 2, "\"\\'\"")
        expect("invalid escape sequence", 1, 2, "\"\\")
        expect("invalid unicode escape", 1, 2, "\"\\u12G4\"")
        expect("invalid unicode escape", 1, 2, "\"\\u12\"")
        expect("unpaired surrogate in unicode escape", 1, 2, "\"\\ud83d\"")
        expect("unpaired surrogate in unicode escape", 1, 2, "\"\\ud83d\\u0041\"")
        expect("unpaired surrogate in unicode escape", 1, 2, "\"\\ude00\"")
    }

    func testNestingIsLimited() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        expect("arrays and objects are nested too deeply", 1, 513, deep)
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        XCTAssertNoThrow(try JSONLoader.load(fine))
    }
}
