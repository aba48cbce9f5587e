import SitegenCore
import XCTest

/// Every syntax error names the place to look: message and line:column are both part of the contract.
final class TOMLErrorTests: XCTestCase {
    private func expect(_ message: String, _ line: Int, _ column: Int, _ text: String,
                        file: StaticString = #filePath, testLine: UInt = #line) {
        assertFormatError(message, line: line, column: column, file: file, testLine: testLine) {
            try TOMLParser.parse(text)
        }
    }

    func testKeyValueSyntax() {
        expect("expected '=' after key", 1, 5, "key value")
        expect("expected '=' after key", 2, 4, "a = 1\nkey\n")
        expect("expected '=' after key", 1, 4, "key")
        expect("expected a key", 1, 1, "= 1")
        expect("expected a key", 1, 3, "a.= 1")
        expect("expected a value", 1, 4, "a =")
        expect("expected a value", 1, 5, "a = # nothing")
        expect("expected a value", 2, 5, "x = 1\na = \nb = 2")
        expect("expected newline after value", 1, 7, "a = 1 b = 2")
        expect("expected newline after value", 1, 12, "a = \"text\" trailing")
        expect("invalid character in bare key", 1, 4, "caf\u{E9} = 1")
        expect("multi-line strings cannot be keys", 1, 1, "\"\"\"key\"\"\" = 1")
    }

    func testInvalidValues() {
        expect("invalid value 'hello'", 1, 5, "a = hello")
        expect("invalid value 'True'", 1, 5, "a = True")
        expect("invalid value 'truely'", 1, 5, "a = truely")
        expect("invalid value '.5'", 1, 5, "a = .5")
        expect("invalid value 'infinity'", 1, 5, "a = infinity")
        expect("invalid value '-'", 1, 5, "a = -")
    }

    func testHeaderSyntax() {
        expect("expected ']' after table name", 1, 4, "[a b]")
        expect("expected ']' after table name", 1, 3, "[a")
        expect("expected ']]' after table name", 1, 4, "[[a]")
        expect("expected ']]' after table name", 1, 4, "[[a] ]")
        expect("expected a key", 1, 2, "[]")
        expect("expected a key", 1, 3, "[ [a] ]")
        expect("expected a key", 1, 4, "[a.]")
        expect("expected newline after table header", 1, 5, "[a] b = 1")
    }

    func testStringErrors() {
        expect("unterminated string", 1, 5, "a = \"abc")
        expect("unterminated string", 1, 5, "a = \"abc\nb = 1")
        expect("unterminated string", 1, 5, "a = 'abc\nb = 1")
        expect("unterminated string", 1, 5, "a = \"\"\"abc\n\nb = 1")
        expect("unterminated string", 2, 5, "a = 1\nb = '''abc")
        expect("invalid escape sequence '\\x'", 1, 9, "a = \"abc\\x41\"")
        expect("invalid escape sequence '\\e'", 1, 6, "a = \"\\e\"")
        expect("invalid escape sequence", 1, 6, "a = \"\\ \"")
        expect("invalid unicode escape", 1, 6, "a = \"\\u12\"")
        expect("invalid unicode escape", 1, 6, "a = \"\\U0001F60\"")
        expect("unicode escape is not a valid scalar value", 1, 6, "a = \"\\uD800\"")
        expect("unicode escape is not a valid scalar value", 1, 6, "a = \"\\U00110000\"")
        expect("control characters must be escaped in strings", 1, 7, "a = \"x\u{1}\"")
        expect("control characters are not allowed in literal strings", 1, 7, "a = 'x\u{7F}'")
        expect("control characters must be escaped in strings", 2, 2, "a = \"\"\"\nx\u{0}\"\"\"")
        expect("control characters are not allowed in literal strings", 1, 9, "a = '''x\u{1B}'''")
        expect("too many quotes in a row in a multi-line string", 1, 16, "a = \"\"\"abc\"\"\"\"\"\"")
        expect("invalid escape sequence", 1, 8, "a = \"\"\"\\ x\"\"\"")
    }

    func testNumberErrors() {
        expect("leading zeros are not allowed", 1, 5, "a = 012")
        expect("leading zeros are not allowed", 1, 5, "a = -01")
        expect("leading zeros are not allowed", 1, 5, "a = 03.14")
        expect("underscores must be between digits", 1, 5, "a = 1__000")
        expect("underscores must be between digits", 1, 5, "a = 1_")
        expect("underscores must be between digits", 1, 5, "a = 1_.5")
        expect("underscores must be between digits", 1, 5, "a = 0x_1")
        expect("invalid value '_1'", 1, 5, "a = _1")
        expect("invalid number '1.'", 1, 5, "a = 1.")
        expect("invalid number '1.e5'", 1, 5, "a = 1.e5")
        expect("invalid number '1e'", 1, 5, "a = 1e")
        expect("invalid number '1.5.2'", 1, 5, "a = 1.5.2")
        expect("invalid number '0x'", 1, 5, "a = 0x")
        expect("invalid number '0xG'", 1, 5, "a = 0xG")
        expect("invalid number '0o8'", 1, 5, "a = 0o8")
        expect("invalid number '0b2'", 1, 5, "a = 0b2")
        expect("invalid number '0X1'", 1, 5, "a = 0X1")
        expect("signs are not allowed on hexadecimal, octal or binary integers", 1, 5, "a = +0x1")
        expect("integer is out of range", 1, 5, "a = 9223372036854775808")
        expect("integer is out of range", 1, 5, "a = -9223372036854775809")
        expect("integer is out of range", 1, 5, "a = 0x8000000000000000")
        expect("integer is out of range", 1, 5, "a = 99999999999999999999999")
    }

    func testDateTimeErrors() {
        expect("invalid date '2026-13-01'", 1, 5, "a = 2026-13-01")
        expect("invalid date '2026-02-29'", 1, 5, "a = 2026-02-29")
        expect("invalid date '2026-04-31'", 1, 5, "a = 2026-04-31")
        expect("invalid date '2026-1-01'", 1, 5, "a = 2026-1-01")
        expect("invalid date-time '1979-05-27T07:32'", 1, 5, "a = 1979-05-27T07:32")
        expect("invalid date-time '1979-05-27T25:00:00'", 1, 5, "a = 1979-05-27T25:00:00")
        expect("invalid date-time '1979-05-27 07:32:00X'", 1, 5, "a = 1979-05-27 07:32:00X")
        expect("invalid date-time '1979-05-27T07:32:00+7:00'", 1, 5, "a = 1979-05-27T07:32:00+7:00")
        expect("invalid date-time '1979-05-27T07:32:00.'", 1, 5, "a = 1979-05-27T07:32:00.")
        expect("invalid date-time '1979-05-27T'", 1, 5, "a = 1979-05-27T")
        expect("invalid time '07:32'", 1, 5, "a = 07:32")
        expect("invalid time '07:32:00Z'", 1, 5, "a = 07:32:00Z")
        expect("invalid time '07:60:00'", 1, 5, "a = 07:60:00")
    }

    func testArrayErrors() {
        expect("unterminated array", 1, 5, "a = [1, 2")
        expect("unterminated array", 1, 5, "a = [1,\n2,\n# comment\n")
        expect("expected ',' or ']' in array", 1, 8, "a = [1 2]")
        expect("expected ',' or ']' in array", 2, 1, "a = [1, 2\nb = 3")
        expect("expected a value", 1, 6, "a = [,1]")
        expect("expected a value", 1, 8, "a = [1,,2]")
        expect("control characters are not allowed in comments", 1, 10, "a = [ # x\u{1}\n]")
    }

    func testInlineTableErrors() {
        expect("unterminated inline table", 1, 5, "a = { b = 1")
        expect("inline tables must be on one line", 1, 12, "a = { b = 1\n}")
        expect("inline tables must be on one line", 1, 6, "a = {\nb = 1 }")
        expect("inline tables must be on one line", 1, 14, "a = { b = 1, # no comments\n}")
        expect("trailing comma is not allowed in an inline table", 1, 12, "a = { b = 1, }")
        expect("expected ',' or '}' in inline table", 1, 13, "a = { b = 1 c = 2 }")
        expect("expected a key", 1, 7, "a = { , }")
        expect("expected '=' after key", 1, 9, "a = { b }")
    }

    func testLineBreakAndCommentErrors() {
        expect("carriage return without line feed", 1, 6, "a = 1\rb = 2")
        expect("control characters are not allowed in comments", 1, 10, "a = 1 # x\u{7F}")
        expect("control characters are not allowed in comments", 2, 3, "a = 1\n# \u{0}")
    }

    func testNestingIsLimited() {
        let deep = "a = " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        expect("arrays and inline tables are nested too deeply", 1, 261, deep)
        let fine = "a = " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        XCTAssertNoThrow(try TOMLParser.parse(fine))
    }

    func testErrorDescriptionIsLineColonColumn() {
        XCTAssertEqual(FormatError("expected '=' after key", at: pos(3, 7)).description, "3:7: expected '=' after key")
    }
}
