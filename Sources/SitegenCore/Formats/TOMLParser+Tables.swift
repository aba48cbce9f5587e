/// Where headers and dotted keys put their tables, and the redefinition rules of TOML 1.0: a table is defined
/// once, by one header or by the dotted keys of one section; inline tables and static arrays are closed; an array of
/// tables only grows through `[[name]]`. Each error points at the key that breaks the rule.
extension TOMLReader {
    /// Resolves all but the last segment of a key/value pair's key to the table the value goes into, creating
    /// tables on the way. Dotted keys may extend tables their own section made, and tables that were only created
    /// implicitly by a header path, but nothing a header defined, nothing another section made, and no inline
    /// table or array.
    mutating func dottedKeyTarget(_ key: [TOMLKeyPart], from table: TOMLTable,
                                  section: Int) throws(FormatError) -> TOMLTable {
        var target = table
        for n in 0..<(key.count - 1) {
            let part = key[n]
            switch target[part.name] {
            case nil:
                let created = TOMLTable()
                created.dottedSection = section
                target.insert(part.name, .table(created), at: position(at: part.offset))
                target = created
            case .table(let existing):
                if existing.isDefinedByHeader || (existing.dottedSection.map { $0 != section } ?? false) {
                    throw error("table '\(TOMLReader.describe(key[...n]))' is already defined", at: part.offset)
                }
                existing.dottedSection = section
                target = existing
            case .tables:
                throw error("key '\(TOMLReader.describe(key[...n]))' is already defined as an array of tables",
                            at: part.offset)
            case .value(let value):
                throw conflict(with: value, key: key[...n], at: part.offset)
            }
        }
        return target
    }

    /// The parent table of a header's last segment. Headers may pass through any table (including ones made by
    /// dotted keys) and into the last element of an array of tables, but not into values.
    mutating func headerParent(_ key: [TOMLKeyPart]) throws(FormatError) -> TOMLTable {
        var table = root
        for n in 0..<(key.count - 1) {
            let part = key[n]
            switch table[part.name] {
            case nil:
                let created = TOMLTable()
                table.insert(part.name, .table(created), at: position(at: part.offset))
                table = created
            case .table(let existing):
                table = existing
            case .tables(let array):
                table = array.tables[array.tables.count - 1]
            case .value(let value):
                throw conflict(with: value, key: key[...n], at: part.offset)
            }
        }
        return table
    }

    /// `[a.b]`: defines the table, or makes a table that an earlier header only implied into a defined one.
    mutating func defineTable(_ key: [TOMLKeyPart]) throws(FormatError) -> TOMLTable {
        let parent = try headerParent(key)
        let last = key[key.count - 1]
        switch parent[last.name] {
        case nil:
            let table = TOMLTable(definedByHeader: true)
            parent.insert(last.name, .table(table), at: position(at: last.offset))
            return table
        case .table(let existing):
            if existing.isDefinedByHeader || existing.dottedSection != nil {
                throw error("table '\(TOMLReader.describe(key))' is already defined", at: key[0].offset)
            }
            existing.isDefinedByHeader = true
            return existing
        case .tables:
            throw error("key '\(TOMLReader.describe(key))' is already defined as an array of tables",
                        at: key[0].offset)
        case .value(let value):
            throw conflict(with: value, key: key[...], at: key[0].offset)
        }
    }

    /// `[[a.b]]`: appends a new table to the array of tables, creating the array the first time.
    mutating func appendTableArrayElement(_ key: [TOMLKeyPart]) throws(FormatError) -> TOMLTable {
        let parent = try headerParent(key)
        let last = key[key.count - 1]
        let element = TOMLTable(definedByHeader: true)
        switch parent[last.name] {
        case nil:
            let array = TOMLTableArray()
            array.tables.append(element)
            parent.insert(last.name, .tables(array), at: position(at: last.offset))
        case .tables(let array):
            array.tables.append(element)
        case .table:
            throw error("key '\(TOMLReader.describe(key))' is already defined as a table", at: key[0].offset)
        case .value(.array):
            throw error("cannot append to static array '\(TOMLReader.describe(key))'", at: key[0].offset)
        case .value(let value):
            throw conflict(with: value, key: key[...], at: key[0].offset)
        }
        return element
    }

    /// The error for reaching into a finished value as if it were a table.
    mutating func conflict(with value: DataValue, key: ArraySlice<TOMLKeyPart>, at offset: Int) -> FormatError {
        if case .table = value {
            return error("cannot extend inline table '\(TOMLReader.describe(key))'", at: offset)
        }
        return error("key '\(TOMLReader.describe(key))' is already defined as \(value.typeDescription)", at: offset)
    }
}
