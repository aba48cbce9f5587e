import SitegenCore
import XCTest

/// JSON: whitespace outside strings, and only in valid JSON.
final class JSONMinifierTests: XCTestCase {
    func testWhitespaceBetweenTokensGoes() {
        assertMinifies("{\n  \"a\": [1, 2.5e-3, -0],\n  \"b\" : {\"c\": null, \"d\": true, \"e\": false}\n}\n",
                       to: #"{"a":[1,2.5e-3,-0],"b":{"c":null,"d":true,"e":false}}"#, as: .json)
    }

    func testWhitespaceInsideStringsStays() {
        assertMinifies(#"{ "a b" : " x\t \"y\" \\ \u00e9 " }"#, to: #"{"a b":" x\t \"y\" \\ \u00e9 "}"#, as: .json)
    }

    func testScalarsAndEmptyContainersAtTopLevel() {
        assertMinifies(" 42 ", to: "42", as: .json)
        assertMinifies(" [ ] ", to: "[]", as: .json)
        assertMinifies("{ }", to: "{}", as: .json)
        assertMinifies(#" "s" "#, to: #""s""#, as: .json)
    }

    func testInvalidJSONIsReturnedUnchanged() {
        for text in ["{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "// c\n{}", "{'a': 1}", "[01]", "[1.]", "[.5]", "[+1]", "nul",
                     "\"tab\there\"", "\"bad \\x escape\"", "{} {}", "[1]]", "[", "{\"a\":", "\"unterminated", "[1,]"] {
            assertUnchanged(text, as: .json)
        }
    }

    func testDeepNestingDoesNotOverflowTheStack() {
        let depth = 200_000
        let text = String(repeating: "[ ", count: depth) + String(repeating: "] ", count: depth)
        XCTAssertEqual(minified(text, .json), String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
    }
}
