import SitegenCore
import XCTest

/// `text` minified as `kind`, as a String, for exact comparisons.
func minified(_ text: String, _ kind: MinifyKind) -> String {
    String(decoding: Minifier.minify(Array(text.utf8), kind: kind), as: UTF8.self)
}

/// Asserts that `input` minifies to exactly `expected`, and that minifying again changes nothing.
func assertMinifies(_ input: String, to expected: String, as kind: MinifyKind, file: StaticString = #filePath, line: UInt = #line) {
    let once = minified(input, kind)
    XCTAssertEqual(once, expected, file: file, line: line)
    XCTAssertEqual(minified(once, kind), once, "minifying twice changes the output", file: file, line: line)
}

/// Asserts that `input` comes back unchanged.
func assertUnchanged(_ input: String, as kind: MinifyKind, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(minified(input, kind), input, file: file, line: line)
}
