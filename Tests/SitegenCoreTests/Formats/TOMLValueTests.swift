import SitegenCore
import XCTest

/// Scalars, strings, arrays and inline tables of TOML 1.0.
final class TOMLValueTests: XCTestCase {
    private func value(_ toml: String) throws -> DataValue? {
        try TOMLParser.parse("v = \(toml)")["v"]
    }

    // MARK: Keys

    func testBareQuotedAndDottedKeys() throws {
        let table = try TOMLParser.parse("""
            bare_key-1 = 1
            1234 = 2
            "quoted key" = 3
            'literal "key"' = 4
            "" = 5
            "ʎǝʞ" = 6
            site . "a.b" . c = 7
            """)
        XCTAssertEqual(table.keys, ["bare_key-1", "1234", "quoted key", "literal \"key\"", "", "ʎǝʞ", "site"])
        XCTAssertEqual(table["quoted key"], .integer(3))
        XCTAssertEqual(table[""], .integer(5))
        XCTAssertEqual(DataValue.table(table)["site"]?.tableValue?["a.b"]?.tableValue?["c"], .integer(7))
    }

    func testKeyPositionsAreOneBasedAndCountUnicodeScalars() throws {
        let table = try TOMLParser.parse("# comment\ntitle = \"x\"\n  indented = 1\n\"ʎǝʞ\" = 1\n")
        XCTAssertEqual(table.position(of: "title"), pos(2, 1))
        XCTAssertEqual(table.position(of: "indented"), pos(3, 3))
        XCTAssertEqual(table.position(of: "ʎǝʞ"), pos(4, 1))

        // Columns count characters, not UTF-8 bytes: "é" and "ü" are two bytes each.
        let inline = try TOMLParser.parse("\"é\" = { \"ü\" = 1, \"ß\" = 2 }")
        let nested = try XCTUnwrap(inline["é"]?.tableValue)
        XCTAssertEqual(nested.position(of: "ü"), pos(1, 9))
        XCTAssertEqual(nested.position(of: "ß"), pos(1, 18))
    }

    func testDottedKeyPositionsPointAtEachSegment() throws {
        let table = try TOMLParser.parse("a.b.c = 1\na.d = 2")
        XCTAssertEqual(table.position(of: "a"), pos(1, 1))
        let a = try XCTUnwrap(table["a"]?.tableValue)
        XCTAssertEqual(a.position(of: "b"), pos(1, 3))
        XCTAssertEqual(a.position(of: "d"), pos(2, 3))
        XCTAssertEqual(a["b"]?.tableValue?.position(of: "c"), pos(1, 5))
    }

    func testByteOrderMarkIsSkipped() throws {
        let table = try TOMLParser.parse("\u{FEFF}a = 1")
        XCTAssertEqual(table["a"], .integer(1))
        XCTAssertEqual(table.position(of: "a"), pos(1, 1))
    }

    func testWindowsLineEndings() throws {
        let table = try TOMLParser.parse("a = 1\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\n")
        XCTAssertEqual(table["b"], .string("x\ny"))
        XCTAssertEqual(table.position(of: "b"), pos(2, 1))
    }

    // MARK: Strings

    func testBasicStringEscapes() throws {
        XCTAssertEqual(try value(#""a\tb\nc\\d\"e\bf\fg\rh""#), .string("a\tb\nc\\d\"e\u{8}f\u{C}g\rh"))
        XCTAssertEqual(try value(#""\u00E9\u03B1 \U0001F600""#), .string("éα 😀"))
        XCTAssertEqual(try value(#""plain""#), .string("plain"))
        XCTAssertEqual(try value(#""""#), .string(""))
        XCTAssertEqual(try value("\"tab\there\""), .string("tab\there"))
    }

    func testLiteralStringsKeepBackslashes() throws {
        XCTAssertEqual(try value(#"'C:\Users\nodejs\templates'"#), .string(#"C:\Users\nodejs\templates"#))
        XCTAssertEqual(try value(#"'<\i\c*\s*>'"#), .string(#"<\i\c*\s*>"#))
    }

    func testMultilineBasicStrings() throws {
        XCTAssertEqual(try value("\"\"\"\nRoses are red\nViolets are blue\"\"\""),
                       .string("Roses are red\nViolets are blue"))
        XCTAssertEqual(try value("\"\"\"one \"\" two\"\"\""), .string("one \"\" two"))
        XCTAssertEqual(try value("\"\"\"\"This,\" she said.\"\"\"\""), .string("\"This,\" she said.\""))
        XCTAssertEqual(try value("\"\"\"a\"\"\"\"\""), .string("a\"\""))
        XCTAssertEqual(try value("\"\"\"esc \\\"\"\" \\u00E9\"\"\""), .string("esc \"\"\" é"))
    }

    func testLineEndingBackslashTrimsWhitespaceAndNewlines() throws {
        let text = "\"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\   \n    the lazy dog.\"\"\""
        XCTAssertEqual(try value(text), .string("The quick brown fox jumps over the lazy dog."))
        XCTAssertEqual(try value("\"\"\"\\\n   \"\"\""), .string(""))
    }

    func testMultilineLiteralStrings() throws {
        XCTAssertEqual(try value("'''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''"),
                       .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"))
        XCTAssertEqual(try value("'''I [dw]on't need \\d{2} apples'''"), .string("I [dw]on't need \\d{2} apples"))
        XCTAssertEqual(try value("''''That,' she said, 'is pointless.''''"),
                       .string("'That,' she said, 'is pointless.'"))
    }

    // MARK: Numbers

    func testIntegers() throws {
        XCTAssertEqual(try value("+99"), .integer(99))
        XCTAssertEqual(try value("42"), .integer(42))
        XCTAssertEqual(try value("0"), .integer(0))
        XCTAssertEqual(try value("-17"), .integer(-17))
        XCTAssertEqual(try value("+0"), .integer(0))
        XCTAssertEqual(try value("-0"), .integer(0))
        XCTAssertEqual(try value("1_000"), .integer(1000))
        XCTAssertEqual(try value("5_349_221"), .integer(5_349_221))
        XCTAssertEqual(try value("9223372036854775807"), .integer(.max))
        XCTAssertEqual(try value("-9223372036854775808"), .integer(.min))
    }

    func testHexOctalAndBinaryIntegers() throws {
        XCTAssertEqual(try value("0xDEADBEEF"), .integer(0xDEADBEEF))
        XCTAssertEqual(try value("0xdead_beef"), .integer(0xDEADBEEF))
        XCTAssertEqual(try value("0o01234567"), .integer(0o01234567))
        XCTAssertEqual(try value("0o755"), .integer(0o755))
        XCTAssertEqual(try value("0b11010110"), .integer(0b11010110))
        XCTAssertEqual(try value("0x7FFFFFFFFFFFFFFF"), .integer(.max))
    }

    func testFloats() throws {
        XCTAssertEqual(try value("+1.0"), .float(1.0))
        XCTAssertEqual(try value("3.1415"), .float(3.1415))
        XCTAssertEqual(try value("-0.01"), .float(-0.01))
        XCTAssertEqual(try value("5e+22"), .float(5e+22))
        XCTAssertEqual(try value("1e06"), .float(1e06))
        XCTAssertEqual(try value("-2E-2"), .float(-2e-2))
        XCTAssertEqual(try value("6.626e-34"), .float(6.626e-34))
        XCTAssertEqual(try value("224_617.445_991_228"), .float(224_617.445_991_228))
        XCTAssertEqual(try value("0.0"), .float(0))
        XCTAssertEqual(try value("inf"), .float(.infinity))
        XCTAssertEqual(try value("+inf"), .float(.infinity))
        XCTAssertEqual(try value("-inf"), .float(-.infinity))
        for text in ["nan", "+nan", "-nan"] {
            guard case .float(let nan)? = try value(text) else { return XCTFail(text) }
            XCTAssertTrue(nan.isNaN, text)
        }
    }

    func testBooleans() throws {
        XCTAssertEqual(try value("true"), .bool(true))
        XCTAssertEqual(try value("false"), .bool(false))
        XCTAssertEqual(try value("[true,false]"), .array([.bool(true), .bool(false)]))
    }

    // MARK: Dates and times

    func testDatesAndTimesKeepTheirSourceText() throws {
        for text in ["1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999-07:00",
                     "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999",
                     "1979-05-27", "07:32:00", "00:32:00.999999", "2024-02-29", "1987-07-05T17:45:56.6+05:30",
                     "1990-12-31T23:59:60Z"] {
            XCTAssertEqual(try value(text), .datetime(text), text)
        }
    }

    func testDateFollowedByCommentIsADate() throws {
        let table = try TOMLParser.parse("d = 1979-05-27 # birthday\nt = [1979-05-27, 07:32:00]")
        XCTAssertEqual(table["d"], .datetime("1979-05-27"))
        XCTAssertEqual(table["t"], .array([.datetime("1979-05-27"), .datetime("07:32:00")]))
    }

    // MARK: Arrays

    func testArrays() throws {
        XCTAssertEqual(try value("[ 1, 2, 3 ]"), .array([.integer(1), .integer(2), .integer(3)]))
        XCTAssertEqual(try value("[]"), .array([]))
        XCTAssertEqual(try value("[ \"red\", 'yellow' ]"), .array([.string("red"), .string("yellow")]))
        XCTAssertEqual(try value("[ [ 1, 2 ], [\"a\", 'b'] ]"),
                       .array([.array([.integer(1), .integer(2)]), .array([.string("a"), .string("b")])]))
        XCTAssertEqual(try value("[ 0.1, 0.2, 1, \"mixed\", 1979-05-27 ]"),
                       .array([.float(0.1), .float(0.2), .integer(1), .string("mixed"), .datetime("1979-05-27")]))
    }

    func testMultilineArraysWithCommentsAndTrailingComma() throws {
        let text = """
            [ # opening comment
              1, # one
              # a line of its own
              2,
            
              3,   # trailing comma next
            ]
            """
        XCTAssertEqual(try value(text), .array([.integer(1), .integer(2), .integer(3)]))
    }

    func testArrayOfInlineTables() throws {
        let points = try value("[ { x = 1, y = 2 }, { x = 7, y = 8 } ]")
        XCTAssertEqual(points?.arrayValue?.count, 2)
        XCTAssertEqual(points?.arrayValue?[1]["y"], .integer(8))
    }

    // MARK: Inline tables

    func testInlineTables() throws {
        let table = try TOMLParser.parse("""
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            empty = {}
            animal = { type.name = "pug", type.size = "small" }
            nested = { a = { b = [1, { c = true }] } }
            """)
        XCTAssertEqual(table["name"]?.tableValue?.keys, ["first", "last"])
        XCTAssertEqual(table["point"]?.tableValue?["y"], .integer(2))
        XCTAssertEqual(table["empty"], .table(DataTable()))
        XCTAssertEqual(DataValue.table(table)["animal.type.size"], .string("small"))
        XCTAssertEqual(DataValue.table(table)["nested.a.b"]?.arrayValue?[1]["c"], .bool(true))
    }

    func testArraysInsideInlineTablesMaySpanLines() throws {
        let table = try TOMLParser.parse("t = { list = [\n 1,\n 2\n] }")
        XCTAssertEqual(DataValue.table(table)["t.list"], .array([.integer(1), .integer(2)]))
    }
}
