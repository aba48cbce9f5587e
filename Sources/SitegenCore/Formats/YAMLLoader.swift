import Yams

/// YAML front matter and data files, read with Yams (libyaml) and turned into `DataValue` trees.
///
/// Scalars get the types Yams's default resolver gives them (YAML 1.1 booleans such as `yes`, octal `012`,
/// sexagesimal `1:30` included, since that is what YAML users get everywhere else); timestamp-looking scalars become
/// `.datetime` with their text as written, and quoted or block scalars are always strings. `DataValue` has no null,
/// so a null value leaves its key out, a null element of a sequence is skipped, and an empty or null document is
/// an empty table. Merge keys (`<<: *defaults`) are applied; keys written in the mapping win over merged ones.
///
/// Positions are Yams's marks: 1-based lines, 1-based columns counted in Unicode scalars. A key's position is the
/// start of its node: the key text, its opening quote, or its tag or anchor if it has one.
public enum YAMLLoader {
    /// Parses a YAML document of any shape (a data file may be a list).
    public static func load(_ text: String) throws(FormatError) -> DataValue {
        let document = try YAMLDocument(text)
        guard let root = document.root else { return .table(DataTable()) }
        return try document.value(of: root) ?? .table(DataTable())
    }

    /// Parses a YAML document that must be a mapping, as front matter and config are.
    public static func loadTable(_ text: String) throws(FormatError) -> DataTable {
        let document = try YAMLDocument(text)
        guard let root = document.root else { return DataTable() }
        switch root {
        case .mapping(let mapping):
            return try document.table(of: mapping)
        case .scalar(let scalar) where YAMLDocument.tagName(of: root) == .null && scalar.style == .plain:
            return DataTable()
        default:
            throw FormatError("expected a mapping at the top level", at: document.position(of: root.mark))
        }
    }
}

/// One composed YAML document and the conversion of its nodes.
struct YAMLDocument {
    /// Nil for a document with no content at all.
    let root: Node?
    /// Renamed duplicate keys (see `YAMLDocument+DuplicateKeys.swift`), undone in key names and positions.
    let renames: [YAMLKeyRename]

    func position(of mark: Mark?) -> TextPosition {
        guard let mark else { return TextPosition(line: 1, column: 1) }
        var column = mark.column
        for rename in renames.reversed() where rename.line == mark.line && column >= rename.column + rename.length {
            column -= rename.length
        }
        return TextPosition(line: mark.line, column: column)
    }

    /// The tag Yams's resolver gives the node (`!!int` for a plain `42`, `!!str` for anything quoted).
    static func tagName(of node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    /// The value of a node, or nil for null.
    func value(of node: Node) throws(FormatError) -> DataValue? {
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, tag: YAMLDocument.tagName(of: node))
        case .sequence(let sequence):
            var elements: [DataValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                if let value = try value(of: element) { elements.append(value) }
            }
            return .array(elements)
        case .mapping(let mapping):
            return .table(try table(of: mapping))
        case .alias(let alias):
            // Composing resolves aliases to their anchored nodes; this case exists only for emitting.
            throw FormatError("unexpected alias", at: position(of: alias.mark))
        }
    }

    private func scalarValue(_ scalar: Node.Scalar, tag: Tag.Name) -> DataValue? {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        switch tag {
        case .null:
            return nil
        case .bool:
            return Bool.construct(from: scalar).map(DataValue.bool) ?? .string(scalar.string)
        case .int:
            if let integer = Int64.construct(from: scalar) { return .integer(integer) }
            // Too large for 64 bits: keep the magnitude as a float rather than failing.
            return Double.construct(from: scalar).map(DataValue.float) ?? .string(scalar.string)
        case .float:
            return Double.construct(from: scalar).map(DataValue.float) ?? .string(scalar.string)
        case .timestamp:
            return .datetime(scalar.string)
        default:
            return .string(scalar.string)
        }
    }

    /// A mapping's keys in order, each at its key node's mark; a key given twice is an error at the second.
    func table(of mapping: Node.Mapping) throws(FormatError) -> DataTable {
        var explicitKeys = Set<String>()
        for (key, _) in mapping where !isMergeKey(key) {
            if case .scalar(let scalar) = key { explicitKeys.insert(name(of: scalar)) }
        }
        var table = DataTable()
        var seen = Set<String>()
        for (key, valueNode) in mapping {
            if isMergeKey(key) {
                guard seen.insert("<<").inserted else {
                    throw FormatError("duplicate key '<<'", at: position(of: key.mark))
                }
                for source in try mergeSources(valueNode) {
                    for (name, value) in source.entries where !explicitKeys.contains(name) && table[name] == nil {
                        table.set(name, value, at: source.position(of: name))
                    }
                }
                continue
            }
            guard case .scalar(let scalar) = key else {
                throw FormatError("mapping keys must be scalars", at: position(of: key.mark))
            }
            let name = name(of: scalar)
            guard seen.insert(name).inserted else {
                throw FormatError("duplicate key '\(name)'", at: position(of: key.mark))
            }
            if let value = try value(of: valueNode) {
                table.set(name, value, at: position(of: key.mark))
            }
        }
        return table
    }

    /// A plain `<<`; also one that was renamed as a duplicate, so that two merge keys are a duplicate key.
    private func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key, scalar.style == .plain || scalar.style == .any else { return false }
        if YAMLDocument.tagName(of: key) == .merge { return true }
        return !renames.isEmpty && scalar.string != "<<" && name(of: scalar) == "<<"
    }

    /// The tables a merge key brings in: one mapping, or a sequence of them (earlier ones win).
    private func mergeSources(_ node: Node) throws(FormatError) -> [DataTable] {
        switch node {
        case .mapping(let mapping):
            return [try table(of: mapping)]
        case .sequence(let sequence):
            var tables: [DataTable] = []
            for element in sequence {
                guard case .mapping(let mapping) = element else {
                    throw FormatError("a merge key '<<' takes a mapping or a list of mappings",
                                      at: position(of: element.mark))
                }
                tables.append(try table(of: mapping))
            }
            return tables
        default:
            throw FormatError("a merge key '<<' takes a mapping or a list of mappings", at: position(of: node.mark))
        }
    }

    private func name(of key: Node.Scalar) -> String {
        renames.isEmpty ? key.string : YAMLKeyRename.originalName(key.string)
    }
}
