import SitegenCore
import XCTest

/// `[table]`, `[[array.of.tables]]`, dotted keys, and which redefinitions TOML 1.0 allows.
final class TOMLTableTests: XCTestCase {
    private func parse(_ text: String) throws -> DataValue { .table(try TOMLParser.parse(text)) }

    func testTablesAndSubtables() throws {
        let doc = try parse("""
            top = 0
            [table-1]
            key1 = "some string"
            key2 = 123

            [table-2]
            key1 = "another string"

            [dog."tater.man"]
            type.name = "pug"

            [ j . "ʞ" . 'l' ]
            x = 1
            """)
        XCTAssertEqual(doc.tableValue?.keys, ["top", "table-1", "table-2", "dog", "j"])
        XCTAssertEqual(doc["table-1.key2"], .integer(123))
        XCTAssertEqual(doc["dog"]?.tableValue?["tater.man"]?["type.name"], .string("pug"))
        XCTAssertEqual(doc["j"]?.tableValue?["ʞ"]?["l.x"], .integer(1))
    }

    func testHeaderKeyPositions() throws {
        let doc = try parse("""
            [a.b]
            x = 1
            [ c ]
            [[d]]
            y = 2
            [[d]]
            y = 3
            """)
        let root = try XCTUnwrap(doc.tableValue)
        XCTAssertEqual(root.position(of: "a"), pos(1, 2))
        XCTAssertEqual(root["a"]?.tableValue?.position(of: "b"), pos(1, 4))
        XCTAssertEqual(root.position(of: "c"), pos(3, 3))
        XCTAssertEqual(root.position(of: "d"), pos(4, 3))
        let elements = try XCTUnwrap(root["d"]?.arrayValue)
        XCTAssertEqual(elements[0].tableValue?.position(of: "y"), pos(5, 1))
        XCTAssertEqual(elements[1].tableValue?.position(of: "y"), pos(7, 1))
    }

    func testImplicitSuperTablesMayBeDefinedLater() throws {
        let doc = try parse("""
            [x.y.z.w]
            a = 1
            [x]
            b = 2
            """)
        XCTAssertEqual(doc["x.y.z.w.a"], .integer(1))
        XCTAssertEqual(doc["x.b"], .integer(2))
    }

    func testDottedKeysCreateSubtablesAndHeadersMayAddSubtablesBelowThem() throws {
        let doc = try parse("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]
            smooth = true
            """)
        XCTAssertEqual(doc["fruit.apple.color"], .string("red"))
        XCTAssertEqual(doc["fruit.apple.taste.sweet"], .bool(true))
        XCTAssertEqual(doc["fruit.apple.texture.smooth"], .bool(true))
    }

    func testDottedKeysMayExtendTablesThatHeadersOnlyImplied() throws {
        let doc = try parse("""
            [a.b.c]
            z = 9
            [a]
            b.d = 1
            """)
        XCTAssertEqual(doc["a.b.c.z"], .integer(9))
        XCTAssertEqual(doc["a.b.d"], .integer(1))
    }

    func testArrayOfTables() throws {
        let doc = try parse("""
            [[products]]
            name = "Hammer"
            sku = 738594937

            [[products]]  # empty table within the array

            [[products]]
            name = "Nail"
            color = "gray"
            """)
        let products = try XCTUnwrap(doc["products"]?.arrayValue)
        XCTAssertEqual(products.count, 3)
        XCTAssertEqual(products[0]["name"], .string("Hammer"))
        XCTAssertEqual(products[1], .table(DataTable()))
        XCTAssertEqual(products[2]["color"], .string("gray"))
    }

    func testNestedArraysOfTablesGoToTheLastElement() throws {
        let doc = try parse("""
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """)
        let fruits = try XCTUnwrap(doc["fruits"]?.arrayValue)
        XCTAssertEqual(fruits.count, 2)
        XCTAssertEqual(fruits[0]["physical.color"], .string("red"))
        XCTAssertEqual(fruits[0]["varieties"]?.arrayValue?.count, 2)
        XCTAssertEqual(fruits[0]["varieties"]?.arrayValue?[1]["name"], .string("granny smith"))
        XCTAssertEqual(fruits[1]["varieties"]?.arrayValue?.first?["name"], .string("plantain"))
    }

    func testKeysOfTheSameTableMayBeInterleavedWithDottedKeys() throws {
        let doc = try parse("""
            apple.type = "fruit"
            orange.type = "fruit"
            apple.skin = "thin"
            orange.skin = "thick"
            """)
        XCTAssertEqual(doc.tableValue?.keys, ["apple", "orange"])
        XCTAssertEqual(doc["apple"]?.tableValue?.keys, ["type", "skin"])
    }

    func testEmptyDocumentsAndComments() throws {
        XCTAssertEqual(try TOMLParser.parse(""), DataTable())
        XCTAssertEqual(try TOMLParser.parse("# only a comment\n\n   \n\t# another"), DataTable())
        XCTAssertEqual(try TOMLParser.parse("a = 1 # comment\n[t] # comment\n[[u]] # comment"),
                       try TOMLParser.parse("a = 1\n[t]\n[[u]]"))
    }

    // MARK: Redefinitions

    func testDuplicateKeys() {
        assertFormatError("duplicate key 'title'", line: 2, column: 1) {
            try TOMLParser.parse("title = \"a\"\ntitle = \"b\"")
        }
        assertFormatError("duplicate key 'spelling'", line: 2, column: 1) {
            try TOMLParser.parse("spelling = \"favorite\"\n\"spelling\" = \"favourite\"")
        }
        assertFormatError("duplicate key 'a.b'", line: 2, column: 3) {
            try TOMLParser.parse("a.b = 1\na.b = 2")
        }
        assertFormatError("duplicate key 'x'", line: 3, column: 1) {
            try TOMLParser.parse("[t]\nx = 1\nx = 2")
        }
        assertFormatError("duplicate key 'b'", line: 3, column: 1) {
            try TOMLParser.parse("[a.b]\n[a]\nb = 1")
        }
    }

    func testTableDefinedTwice() {
        assertFormatError("table 'fruit' is already defined", line: 4, column: 2) {
            try TOMLParser.parse("[fruit]\napple = \"red\"\n\n[fruit]\norange = \"orange\"")
        }
        assertFormatError("table 'a.b' is already defined", line: 3, column: 2) {
            try TOMLParser.parse("[a.b]\n[a]\n[a.b]")
        }
        assertFormatError("table 'x' is already defined", line: 3, column: 2) {
            try TOMLParser.parse("[x.y]\n[x]\n[x]")
        }
    }

    func testHeaderCannotDefineATableMadeByDottedKeys() {
        assertFormatError("table 'fruit.apple' is already defined", line: 4, column: 2) {
            try TOMLParser.parse("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple]")
        }
        assertFormatError("table 'a' is already defined", line: 2, column: 2) {
            try TOMLParser.parse("a.b = 1\n[a]")
        }
    }

    func testDottedKeysCannotExtendATableDefinedElsewhere() {
        assertFormatError("table 'b.c' is already defined", line: 4, column: 3) {
            try TOMLParser.parse("[a.b.c]\nz = 9\n[a]\nb.c.t = 1")
        }
        assertFormatError("table 'b.c.d' is already defined", line: 4, column: 5) {
            try TOMLParser.parse("[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1")
        }
    }

    func testDottedKeyThroughAValue() {
        assertFormatError("key 'a' is already defined as an integer", line: 2, column: 1) {
            try TOMLParser.parse("a = 1\na.b = 2")
        }
        assertFormatError("key 'a' is already defined as a string", line: 2, column: 2) {
            try TOMLParser.parse("a = \"x\"\n[a.b]")
        }
        assertFormatError("key 'a' is already defined as an array", line: 2, column: 2) {
            try TOMLParser.parse("a = [1]\n[a]")
        }
        assertFormatError("key 'a' is already defined as an array of tables", line: 3, column: 1) {
            try TOMLParser.parse("[[t.a]]\n[t]\na.b = 1")
        }
    }

    func testInlineTablesAreImmutable() {
        assertFormatError("cannot extend inline table 'type'", line: 2, column: 1) {
            try TOMLParser.parse("type = { name = \"Nail\" }\ntype.edible = false")
        }
        assertFormatError("cannot extend inline table 'a'", line: 2, column: 2) {
            try TOMLParser.parse("a = {}\n[a]")
        }
        assertFormatError("cannot extend inline table 'a'", line: 2, column: 2) {
            try TOMLParser.parse("a = { b = 1 }\n[a.c]")
        }
        assertFormatError("cannot extend inline table 'a'", line: 2, column: 3) {
            try TOMLParser.parse("a = { b = 1 }\n[[a.c]]")
        }
        assertFormatError("cannot extend inline table 'a'", line: 1, column: 15) {
            try TOMLParser.parse("t = { a = {}, a.b = 1 }")
        }
        assertFormatError("duplicate key 'a'", line: 1, column: 16) {
            try TOMLParser.parse("t = { a.b = 1, a = 2 }")
        }
    }

    func testArraysOfTablesAndStaticArraysDoNotMix() {
        assertFormatError("cannot append to static array 'fruits'", line: 2, column: 3) {
            try TOMLParser.parse("fruits = []\n[[fruits]]")
        }
        assertFormatError("key 'fruit' is already defined as an array of tables", line: 3, column: 2) {
            try TOMLParser.parse("[[fruit]]\nname = \"apple\"\n[fruit]")
        }
        assertFormatError("key 'fruit.physical' is already defined as a table", line: 3, column: 3) {
            try TOMLParser.parse("[fruit.physical]\ncolor = \"red\"\n[[fruit.physical]]")
        }
        assertFormatError("key 'fruit' is already defined as a table", line: 2, column: 3) {
            try TOMLParser.parse("[fruit.physical]\n[[fruit]]")
        }
    }
}
