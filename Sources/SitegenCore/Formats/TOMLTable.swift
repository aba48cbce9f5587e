/// A table while a TOML document is being read: mutable and shared by reference, because `[a.b]` headers, dotted
/// keys and `[[a]]` elements all reach back into tables created earlier, and remembering how each table came to
/// exist is what the redefinition rules of TOML 1.0 are about.
///
/// It becomes an immutable `DataTable` once the document is complete.
final class TOMLTable {
    enum Entry {
        /// A finished value: a scalar, a static array or an inline table, none of which may be extended later.
        case value(DataValue)
        case table(TOMLTable)
        /// An array of tables (`[[name]]`); headers and dotted paths that pass through it reach its last element.
        case tables(TOMLTableArray)
    }

    private(set) var keys: [String] = []
    private(set) var entries: [String: Entry] = [:]
    private var positions: [String: TextPosition] = [:]

    /// Defined by its own `[header]` (or as an element of `[[header]]`): a second header for it is an error, and
    /// dotted keys may not reach into it from another table's section.
    var isDefinedByHeader = false
    /// The section (the run of lines after one header) whose dotted keys created or extended this table. Other
    /// sections may then neither define it with a header nor extend it with dotted keys.
    var dottedSection: Int?

    init(definedByHeader: Bool = false) {
        isDefinedByHeader = definedByHeader
    }

    subscript(key: String) -> Entry? { entries[key] }

    func insert(_ key: String, _ entry: Entry, at position: TextPosition) {
        if entries.updateValue(entry, forKey: key) == nil {
            keys.append(key)
            positions[key] = position
        }
    }

    /// The finished, immutable table.
    func dataTable() -> DataTable {
        var table = DataTable()
        for key in keys {
            let value: DataValue
            switch entries[key]! {
            case .value(let v): value = v
            case .table(let t): value = .table(t.dataTable())
            case .tables(let array): value = .array(array.tables.map { .table($0.dataTable()) })
            }
            table.set(key, value, at: positions[key])
        }
        return table
    }
}

/// The elements of one `[[name]]` array of tables, appended to as its headers appear.
final class TOMLTableArray {
    var tables: [TOMLTable] = []
}
