/// A parsed value from TOML, YAML or JSON: config, front matter and data files all become this one tree, so the
/// rest of the engine (and the templates) never care which format a value came from.
public indirect enum DataValue: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    /// A TOML date, time or date-time, kept as its source text (RFC 3339); dates are interpreted by their consumer.
    case datetime(String)
    case array([DataValue])
    case table(DataTable)

    /// The name of the type as an error message says it ("a string", "a table").
    public var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .bool: return "a boolean"
        case .datetime: return "a date"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    public var stringValue: String? {
        switch self {
        case .string(let s), .datetime(let s): return s
        default: return nil
        }
    }

    public var tableValue: DataTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    public var arrayValue: [DataValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

/// A table that keeps its keys in source order and remembers where each key was written, so that config and
/// front matter checks can point at the exact line of an unknown key or a value of the wrong type.
public struct DataTable: Hashable, Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [String: DataValue] = [:]
    /// Where each key was written, relative to the start of the parsed text.
    public private(set) var positions: [String: TextPosition] = [:]

    public init() {}

    public subscript(key: String) -> DataValue? { values[key] }

    public var isEmpty: Bool { keys.isEmpty }

    public func position(of key: String) -> TextPosition? { positions[key] }

    /// Sets `key`, keeping its first position and order if it was already set.
    public mutating func set(_ key: String, _ value: DataValue, at position: TextPosition? = nil) {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
        if let position, positions[key] == nil { positions[key] = position }
    }

    public mutating func remove(_ key: String) {
        guard values.removeValue(forKey: key) != nil else { return }
        keys.removeAll { $0 == key }
        positions.removeValue(forKey: key)
    }

    /// The entries in source order.
    public var entries: [(key: String, value: DataValue)] { keys.map { ($0, values[$0]!) } }
}
