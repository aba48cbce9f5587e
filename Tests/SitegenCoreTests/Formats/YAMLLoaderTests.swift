import SitegenCore
import XCTest

/// YAML through Yams: the mapping of scalar types, nested structures, key positions and error positions.
final class YAMLLoaderTests: XCTestCase {
    func testScalarTypes() throws {
        let table = try YAMLLoader.loadTable("""
            title: Hello, world
            count: 42
            negative: -7
            ratio: 0.5
            exponent: 1e3
            draft: false
            published: True
            legacy_yes: yes
            legacy_off: off
            hex: 0x1F
            octal: 0o17
            underscored: 1_000
            infinite: .inf
            negative_infinite: -.Inf
            date: 2026-11-23
            datetime: 2026-11-23T10:00:00Z
            spaced: 2026-11-23 10:00:00 +01:00
            version: 1.2.3
            equals: =
            angle: <<
            custom: !custom foo
            huge: 123456789012345678901234567890
            """)
        XCTAssertEqual(table["title"], .string("Hello, world"))
        XCTAssertEqual(table["count"], .integer(42))
        XCTAssertEqual(table["negative"], .integer(-7))
        XCTAssertEqual(table["ratio"], .float(0.5))
        XCTAssertEqual(table["exponent"], .float(1000))
        XCTAssertEqual(table["draft"], .bool(false))
        XCTAssertEqual(table["published"], .bool(true))
        XCTAssertEqual(table["legacy_yes"], .bool(true))
        XCTAssertEqual(table["legacy_off"], .bool(false))
        XCTAssertEqual(table["hex"], .integer(31))
        XCTAssertEqual(table["octal"], .integer(15))
        XCTAssertEqual(table["underscored"], .integer(1000))
        XCTAssertEqual(table["infinite"], .float(.infinity))
        XCTAssertEqual(table["negative_infinite"], .float(-.infinity))
        XCTAssertEqual(table["date"], .datetime("2026-11-23"))
        XCTAssertEqual(table["datetime"], .datetime("2026-11-23T10:00:00Z"))
        XCTAssertEqual(table["spaced"], .datetime("2026-11-23 10:00:00 +01:00"))
        XCTAssertEqual(table["version"], .string("1.2.3"))
        XCTAssertEqual(table["equals"], .string("="))
        XCTAssertEqual(table["angle"], .string("<<"))
        XCTAssertEqual(table["custom"], .string("foo"))
        XCTAssertEqual(table["huge"], .float(Double("123456789012345678901234567890")!))
    }

    func testNotANumber() throws {
        guard case .float(let value)? = try YAMLLoader.loadTable("x: .nan")["x"] else { return XCTFail() }
        XCTAssertTrue(value.isNaN)
    }

    func testQuotedAndBlockScalarsAreAlwaysStrings() throws {
        let table = try YAMLLoader.loadTable("""
            a: "42"
            b: 'true'
            c: "2026-11-23"
            d: '~'
            e: !!str 12
            f: !!int "12"
            literal: |
              line one
              line two
            folded: >
              folded
              text
            """)
        XCTAssertEqual(table["a"], .string("42"))
        XCTAssertEqual(table["b"], .string("true"))
        XCTAssertEqual(table["c"], .string("2026-11-23"))
        XCTAssertEqual(table["d"], .string("~"))
        XCTAssertEqual(table["e"], .string("12"))
        XCTAssertEqual(table["f"], .string("12"))
        XCTAssertEqual(table["literal"], .string("line one\nline two\n"))
        XCTAssertEqual(table["folded"], .string("folded text"))
    }

    func testNullsAreLeftOut() throws {
        let table = try YAMLLoader.loadTable("""
            a: ~
            b: null
            c:
            d: Null
            kept: 1
            list: [x, null, y, ~]
            """)
        XCTAssertEqual(table.keys, ["kept", "list"])
        XCTAssertEqual(table["list"], .array([.string("x"), .string("y")]))
    }

    func testEmptyAndNullDocumentsAreEmptyTables() throws {
        for text in ["", "\n\n", "# only a comment\n", "---\n", "~", "null", "---\n...\n"] {
            XCTAssertEqual(try YAMLLoader.loadTable(text), DataTable(), text.debugDescription)
            XCTAssertEqual(try YAMLLoader.load(text), .table(DataTable()), text.debugDescription)
        }
    }

    func testNestedStructures() throws {
        let value = try YAMLLoader.load("""
            site:
              title: Docs
              authors:
                - name: Ada
                  links: [https://example.com, {rel: me, href: /ada}]
                - name: Grace
              empty_list: []
              empty_map: {}
            """)
        XCTAssertEqual(value["site.title"], .string("Docs"))
        let authors = try XCTUnwrap(value["site.authors"]?.arrayValue)
        XCTAssertEqual(authors.count, 2)
        XCTAssertEqual(authors[0]["links"]?.arrayValue?.first, .string("https://example.com"))
        XCTAssertEqual(authors[0]["links"]?.arrayValue?.last?["href"], .string("/ada"))
        XCTAssertEqual(authors[1]["name"], .string("Grace"))
        XCTAssertEqual(value["site.empty_list"], .array([]))
        XCTAssertEqual(value["site.empty_map"], .table(DataTable()))
    }

    func testKeyPositionsAreOneBased() throws {
        let table = try YAMLLoader.loadTable("""
            # front matter
            title: Hello
            nested:
              inner: 1
              "quoted key": 2
            list:
              - name: first
                weight: 3
            flow: {é: 1, ü: 2}
            """)
        XCTAssertEqual(table.position(of: "title"), pos(2, 1))
        XCTAssertEqual(table.position(of: "nested"), pos(3, 1))
        XCTAssertEqual(table["nested"]?.tableValue?.position(of: "inner"), pos(4, 3))
        XCTAssertEqual(table["nested"]?.tableValue?.position(of: "quoted key"), pos(5, 3))
        let first = try XCTUnwrap(table["list"]?.arrayValue?.first?.tableValue)
        XCTAssertEqual(first.position(of: "name"), pos(7, 5))
        XCTAssertEqual(first.position(of: "weight"), pos(8, 5))
        // Columns count characters: "é" is two bytes but one column.
        XCTAssertEqual(table["flow"]?.tableValue?.position(of: "ü"), pos(9, 14))
    }

    func testWindowsLineEndingsAndByteOrderMark() throws {
        let table = try YAMLLoader.loadTable("\u{FEFF}a: 1\r\nb:\r\n  c: two\r\n")
        XCTAssertEqual(table["a"], .integer(1))
        XCTAssertEqual(table.position(of: "a"), pos(1, 1))
        XCTAssertEqual(table.position(of: "b"), pos(2, 1))
        XCTAssertEqual(table["b"]?.tableValue?.position(of: "c"), pos(3, 3))
    }

    func testMergeKeys() throws {
        let value = try YAMLLoader.load("""
            defaults: &defaults
              layout: post
              draft: true
            extra: &extra
              toc: true
            page:
              <<: [*defaults, *extra]
              draft: false
            """)
        XCTAssertEqual(value["page"]?.tableValue?.keys, ["layout", "toc", "draft"])
        XCTAssertEqual(value["page.draft"], .bool(false))
        XCTAssertEqual(value["page.layout"], .string("post"))
        // A merged key points where it was written: in the anchored mapping.
        XCTAssertEqual(value["page"]?.tableValue?.position(of: "layout"), pos(2, 3))
        XCTAssertEqual(value["page"]?.tableValue?.position(of: "draft"), pos(8, 3))
    }

    func testAliasesRepeatTheAnchoredValue() throws {
        let value = try YAMLLoader.load("a: &x [1, 2]\nb: *x")
        XCTAssertEqual(value["b"], .array([.integer(1), .integer(2)]))
    }

    func testTopLevelShapes() throws {
        XCTAssertEqual(try YAMLLoader.load("- a\n- b"), .array([.string("a"), .string("b")]))
        XCTAssertEqual(try YAMLLoader.load("just text"), .string("just text"))
        assertFormatError("expected a mapping at the top level", line: 1, column: 1) {
            try YAMLLoader.loadTable("- a\n- b")
        }
        assertFormatError("expected a mapping at the top level", line: 2, column: 1) {
            try YAMLLoader.loadTable("# comment\njust text")
        }
        assertFormatError("expected a mapping at the top level", line: 1, column: 1) {
            try YAMLLoader.loadTable("'~'")
        }
    }

    // MARK: Errors

    func testDuplicateKeysAreReportedAtTheSecondOccurrence() {
        assertFormatError("duplicate key 'a'", line: 3, column: 1) { try YAMLLoader.load("a: 1\nb: 2\na: 3") }
        assertFormatError("duplicate key 'a'", line: 3, column: 3) { try YAMLLoader.load("x:\n  a: 1\n  a: 2") }
        assertFormatError("duplicate key 'a'", line: 1, column: 8) { try YAMLLoader.load("{a: 1, a: 2}") }
        assertFormatError("duplicate key 'a'", line: 2, column: 1) { try YAMLLoader.load("a: 1\na: 2\na: 3") }
        assertFormatError("duplicate key 'a'", line: 2, column: 3) { try YAMLLoader.load("- a: 1\n  a: 2") }
        assertFormatError("duplicate key 'x'", line: 1, column: 18) { try YAMLLoader.load("{é: 1, ü: {x: 1, x: 2}}") }
        // The first duplicate in the text wins, whichever Yams found first.
        assertFormatError("duplicate key 'b'", line: 3, column: 1) { try YAMLLoader.load("b: 1\na: 1\nb: 2\na: 2") }
    }

    func testDuplicateKeysWithQuotesTagsAnchorsOrNullValues() {
        assertFormatError("duplicate key 'a'", line: 2, column: 1) { try YAMLLoader.load("a: 1\n\"a\": 2") }
        assertFormatError("duplicate key 'a'", line: 2, column: 1) { try YAMLLoader.load("!!str a: 1\na: 2") }
        assertFormatError("duplicate key 'a'", line: 2, column: 1) { try YAMLLoader.load("&k a: 1\na: 2") }
        assertFormatError("duplicate key 'a'", line: 2, column: 1) { try YAMLLoader.load("a: ~\na: 1") }
        assertFormatError("duplicate key 'a'", line: 3, column: 1) { try YAMLLoader.load("a: 1\r\nb: 2\r\na: 3") }
        assertFormatError("duplicate key 'a'", line: 1, column: 11) { try YAMLLoader.load("\u{FEFF}x: {a: 1, a: 2}") }
        assertFormatError("duplicate key '<<'", line: 2, column: 1) { try YAMLLoader.load("<<: {a: 1}\n<<: {b: 2}") }
        // Different YAML types, but the same key once keys are strings.
        assertFormatError("duplicate key '1'", line: 2, column: 1) { try YAMLLoader.load("1: a\n\"1\": b") }
    }

    func testSyntaxErrorsCarryYamlsPosition() {
        assertFormatError("mapping values are not allowed in this context", line: 1, column: 5) {
            try YAMLLoader.load("a: b: c")
        }
        assertFormatError("found unexpected end of stream while scanning a quoted scalar", line: 1, column: 19) {
            try YAMLLoader.load("key: \"unterminated")
        }
        assertFormatError("found unexpected end of stream while scanning a quoted scalar started at line 1",
                          line: 3, column: 1) {
            try YAMLLoader.load("key: \"unterminated\nb: 2\n")
        }
        assertFormatError("did not find expected key while parsing a block mapping started at line 1",
                          line: 3, column: 2) {
            try YAMLLoader.load("a:\n  - b\n c: d")
        }
        assertFormatError("found character that cannot start any token while scanning for the next token",
                          line: 2, column: 1) {
            try YAMLLoader.load("a:\n\tb: 1")
        }
        assertFormatError("did not find expected ',' or ']' while parsing a flow sequence started at line 1",
                          line: 2, column: 2) {
            try YAMLLoader.load("é: [1, 2\nb: 3")
        }
        assertFormatError("expected a single document in the stream, but found another document",
                          line: 2, column: 1) {
            try YAMLLoader.load("a: 1\n---\nb: 2")
        }
        assertFormatError("found undefined alias", line: 1, column: 4) { try YAMLLoader.load("a: *nope") }
        assertFormatError("control characters are not allowed", line: 2, column: 4) {
            try YAMLLoader.load("a: 1\nb: \u{1}")
        }
    }

    func testMappingKeysMustBeScalars() {
        assertFormatError("mapping keys must be scalars", line: 1, column: 3) { try YAMLLoader.load("? [a, b]\n: 1") }
        assertFormatError("mapping keys must be scalars", line: 2, column: 1) { try YAMLLoader.load("x: 1\n{a: 1}: 2") }
    }

    func testMergeKeyNeedsMappings() {
        assertFormatError("a merge key '<<' takes a mapping or a list of mappings", line: 1, column: 9) {
            try YAMLLoader.load("a: {<<: 1}")
        }
        assertFormatError("a merge key '<<' takes a mapping or a list of mappings", line: 2, column: 14) {
            try YAMLLoader.load("x: &x {k: 1}\na: {<<: [*x, 2]}")
        }
    }

    func testThrownErrorsAreFormatErrors() {
        XCTAssertThrowsError(try YAMLLoader.load("a: [")) { error in
            XCTAssertTrue(error is FormatError, "\(type(of: error))")
        }
    }
}
